"""perfscore: scores Chinese budget performance self-evaluations (预算绩效自评) under TOML rubrics.

>>> import perfscore
>>> result = perfscore.evaluate_file("cases/miyi-2022-5-government-work.json")
>>> str(result.score), result.to_dict()["score"]
('99.70', 99.7)

``evaluate_file`` scores a case file exactly as ``perfscore evaluate`` does (``to_dict()`` is its
``--format json`` object); ``evaluate(load_case(path), load_rubric())`` scores a case model
already in hand. Every bad input raises a ``PerfscoreError`` naming the file and where in it.
"""

from typing import TYPE_CHECKING, Any

from perfscore.errors import CaseError, PerfscoreError, RubricError
from perfscore.input.jsonfile import load_case
from perfscore.models.case import Case
from perfscore.models.results import Evaluation, Finding
from perfscore.pipeline import Outcome, Result, evaluate_file, evaluate_paths, rules_of
from perfscore.rubrics.loading import load_rubric
from perfscore.rubrics.model import Rubric
from perfscore.scoring.project import evaluate

if TYPE_CHECKING:
    from perfscore.models.department_results import DepartmentEvaluation

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``DepartmentEvaluation``, imported on first use: a project case never needs it."""
    if name == "DepartmentEvaluation":
        from perfscore.models.department_results import DepartmentEvaluation  # noqa: PLC0415

        return DepartmentEvaluation
    raise AttributeError(f"module 'perfscore' has no attribute {name!r}")


__all__ = [
    "Case",
    "CaseError",
    "DepartmentEvaluation",
    "Evaluation",
    "Finding",
    "Outcome",
    "PerfscoreError",
    "Result",
    "Rubric",
    "RubricError",
    "__version__",
    "evaluate",
    "evaluate_file",
    "evaluate_paths",
    "load_case",
    "load_rubric",
    "rules_of",
]
