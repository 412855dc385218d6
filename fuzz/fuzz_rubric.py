"""Fuzz rubric loading: bytes -> a temporary ``.toml`` file -> ``load_rubric`` and
``load_department_rubric`` -> a shipped case scored under whatever loaded.

Each input is written to one temporary ``rubric.toml`` (rewritten per input), so ``extends`` and
``project_rubric`` may name a shipped rubric or a path beside it. A rubric that loads must be able
to score: a project rubric scores ``cases/miyi-2022-5-government-work.json`` (rendered as JSON,
the terminal table and the Markdown 自评报告) and every other shipped project case (their checks
reach other options); a department rubric scores ``cases/miyi-2022-department.json`` with its
projects under the project rubric it names.

Bad input may raise ``PerfscoreError`` and nothing else, when loading or when scoring: any other
exception, a hang or a blow-up in memory is a crash, left to propagate for libFuzzer to report.
Run (see fuzz/README.md)::

    python fuzz/seed.py
    python fuzz/fuzz_rubric.py fuzz/corpus/rubric -dict=fuzz/corpus/rubric.dict
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import atheris  # type: ignore[import-untyped]

with atheris.instrument_imports(include=["perfscore", "tomllib"]):
    from perfscore.errors import PerfscoreError
    from perfscore.input.department import department_from_data
    from perfscore.input.jsonfile import case_from_data, parse_json, read_text
    from perfscore.models.kinds import is_department
    from perfscore.rendering import department as department_render
    from perfscore.rendering.jsonout import to_dict
    from perfscore.rendering.report import render_report
    from perfscore.rendering.table import project_table
    from perfscore.rubrics.loading import load_department_rubric, load_rubric
    from perfscore.scoring.department import evaluate_department
    from perfscore.scoring.project import evaluate

ROOT = Path(__file__).resolve().parent.parent
CASE_FILE = ROOT / "cases" / "miyi-2022-5-government-work.json"
DEPARTMENT_FILE = ROOT / "cases" / "miyi-2022-department.json"
CASE = case_from_data(parse_json(read_text(CASE_FILE)), str(CASE_FILE))
#: Every shipped project case: a rubric must score each (their checks reach different options).
OTHERS = tuple(
    case_from_data(data, str(path))
    for path in sorted((ROOT / "cases").glob("*.json"))
    if path != CASE_FILE and not is_department(data := parse_json(read_text(path)))
)
DEPARTMENT = department_from_data(parse_json(read_text(DEPARTMENT_FILE)), str(DEPARTMENT_FILE))
#: The one file every input is written to; relative ``extends`` paths resolve beside it.
FILE = Path(tempfile.mkdtemp(prefix="perfscore-fuzz-rubric-")) / "rubric.toml"


def project_rubric() -> None:
    """The input as a project rubric, scoring the shipped case."""
    rubric = load_rubric(FILE)
    evaluation = evaluate(CASE, rubric, str(CASE_FILE))
    json.dumps(to_dict(evaluation), ensure_ascii=False, allow_nan=False)
    project_table(evaluation)
    render_report(evaluation, "md")
    for case in OTHERS:
        evaluate(case, rubric)


def department_rubric() -> None:
    """The input as a department rubric, scoring the shipped department and its projects."""
    rubric = load_department_rubric(FILE)
    evaluation = evaluate_department(DEPARTMENT, rubric, load_rubric(rubric.project_rubric))
    json.dumps(department_render.department_dict(evaluation), ensure_ascii=False, allow_nan=False)
    department_render.department_table(evaluation)
    department_render.markdown(evaluation)


def test_one_input(raw: bytes) -> None:
    """One input, tried as both kinds; only ``PerfscoreError`` may refuse it."""
    FILE.write_bytes(raw)
    for attempt in (project_rubric, department_rubric):
        try:
            attempt()
        except PerfscoreError as error:
            str(error)  # the one-line message must itself render


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
