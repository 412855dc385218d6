"""perfscore: scores Chinese budget performance self-evaluations (预算绩效自评) under TOML rubrics.

>>> from perfscore import load_case, load_rubric, evaluate
>>> evaluation = evaluate(load_case("cases/miyi-2022-5-government-work.json"), load_rubric())
>>> str(evaluation.score)
'99.70'
"""

from perfscore.errors import CaseError, PerfscoreError, RubricError
from perfscore.input.jsonfile import load_case
from perfscore.models.case import Case
from perfscore.models.results import Evaluation, Finding
from perfscore.rubrics.loading import load_rubric
from perfscore.rubrics.model import Rubric
from perfscore.scoring.project import evaluate

__version__ = "0.1.0"

__all__ = [
    "Case",
    "CaseError",
    "Evaluation",
    "Finding",
    "PerfscoreError",
    "Rubric",
    "RubricError",
    "__version__",
    "evaluate",
    "load_case",
    "load_rubric",
]
