"""Fuzz the case path end to end: bytes -> text -> JSON -> case -> scores -> every rendering.

Each input is written to one temporary ``case.json`` (rewritten per input) and read with
``read_text`` as ``perfscore evaluate`` reads a file: encoding detection and the size limit
included. Parsed JSON that says ``kind: department`` is read with ``department_from_data``
(projects named by path are looked for beside the temporary file: mostly missing, which must be a
``PerfscoreError``) and scored under both shipped department rubrics; anything else is validated
with ``case_from_data``, scored under both shipped project rubrics and rendered as JSON, as the
terminal table and as the Markdown and HTML 自评报告. A valid case must also survive the way
``perfscore import`` writes it: ``case_text`` then ``parse_json`` and ``case_from_data`` give
the same scores and findings.

Bad input may raise ``PerfscoreError`` and nothing else: any other exception, a hang or a blow-up
in memory is a crash, left to propagate for libFuzzer to report. Run (see fuzz/README.md)::

    python fuzz/seed.py
    python fuzz/fuzz_case.py fuzz/corpus/case -dict=fuzz/corpus/case.dict
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["perfscore"]):
    from perfscore.errors import PerfscoreError
    from perfscore.input.department import department_from_data
    from perfscore.input.jsonfile import case_from_data, parse_json, read_text
    from perfscore.models.case import Case
    from perfscore.models.kinds import is_department
    from perfscore.rendering import department as department_render
    from perfscore.rendering.casefile import case_text
    from perfscore.rendering.jsonout import to_dict
    from perfscore.rendering.report import render_report
    from perfscore.rendering.table import project_table
    from perfscore.rubrics.department import DepartmentRubric
    from perfscore.rubrics.loading import load_department_rubric, load_rubric
    from perfscore.rubrics.model import Rubric
    from perfscore.scoring.department import evaluate_department
    from perfscore.scoring.project import evaluate

#: The shipped project rubrics every case is scored under.
RUBRICS: tuple[Rubric, ...] = (load_rubric("mof-2020"), load_rubric("mof-2020-review"))
#: The shipped department rubrics, each with the project rubric it names.
DEPARTMENT_RUBRICS: tuple[tuple[DepartmentRubric, Rubric], ...] = tuple(
    (rubric, load_rubric(rubric.project_rubric))
    for rubric in (
        load_department_rubric("sichuan-department"),
        load_department_rubric("dazhou-department"),
    )
)
#: The one file every input is written to; project paths in a department resolve beside it.
FILE = Path(tempfile.mkdtemp(prefix="perfscore-fuzz-case-")) / "case.json"


def project(data: Any) -> None:
    """A project case: validated, scored under each rubric, rendered, dumped and read back."""
    case = case_from_data(data, str(FILE))
    for rubric in RUBRICS:
        evaluation = evaluate(case, rubric, str(FILE))
        result = to_dict(evaluation)
        json.dumps(result, ensure_ascii=False, allow_nan=False)
        project_table(evaluation)
        render_report(evaluation, "md")
        render_report(evaluation, "html")
        round_trip(case, rubric, result)


def round_trip(case: Case, rubric: Rubric, expected: dict[str, Any]) -> None:
    """``case_text`` read back is the same case: same scores, rows, findings and narrative."""
    text = case_text(case)
    try:
        again = evaluate(case_from_data(parse_json(text)), rubric, str(FILE))
    except PerfscoreError as error:
        raise AssertionError(f"a valid case, dumped, does not load: {error}\n{text}") from error
    assert to_dict(again) == expected, f"dumping changed the evaluation:\n{text}"


def department(data: Any) -> None:
    """A department case: read (its projects too), scored under each rubric and rendered."""
    loaded = department_from_data(data, str(FILE))
    for rubric, project_rubric in DEPARTMENT_RUBRICS:
        evaluation = evaluate_department(loaded, rubric, project_rubric)
        json.dumps(
            department_render.department_dict(evaluation), ensure_ascii=False, allow_nan=False
        )
        department_render.department_table(evaluation)
        department_render.markdown(evaluation)


def test_one_input(raw: bytes) -> None:
    """One input; only ``PerfscoreError`` is an acceptable way to refuse it."""
    FILE.write_bytes(raw)
    try:
        data = parse_json(read_text(FILE), str(FILE))
        if is_department(data):
            department(data)
        else:
            project(data)
    except PerfscoreError as error:
        str(error)  # the one-line message must itself render


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
