"""Golden outputs: every case's scores and findings, and each view where it shows something new.

The JSON of every case in ``cases/`` under both shipped project rubrics is the scoring contract
(each case witnesses rules). The terminal table, the Markdown and the 自评报告 lay out the same
evaluation; they are kept for the cases in ``VIEWS`` and ``REPORTS``, each for the reason given,
so a layout change shows in a few files that each say something, not in seventeen copies.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from perfscore.cli import main

from .conftest import ALL_CASES, CASES, DEPARTMENTS, GOLDEN

RUBRICS = ("mof-2020", "mof-2020-review")
#: The cases whose terminal table and Markdown are golden, and what each shows that others don't.
VIEWS = {
    "miyi-2022-5-government-work": "the README's example: text actuals, every severity, "
    "a claimed score over the computed one",
    "hand-02-given-weights": "claimed weights and row scores beside the computed ones",
    "hand-04-zero-budget-ascii": "no execution rate: blank rate cells, the 综述's other sentence",
    "hand-08-real-spellings": "placeholder rows (不适用) listed, defaulted operators shown as (≥)",
    "miyi-2022-department": "a department: scoring items, its projects, the 决算说明",
    "hand-10-department-budget": "a department's budget by category with 上年结转, checked "
    "printed summaries, a 财政拨款 budget",
}
#: The cases whose 自评报告 is golden, and why.
REPORTS = {
    "miyi-2022-5-government-work": "the seed: every section, problems listed under 存在的问题",
    "hand-04-zero-budget-ascii": "no execution rate: the report's sentences for a zero budget",
    "hand-08-real-spellings": "placeholder rows kept out of the report's counts",
}
VIEW_CASES = [p for p in ALL_CASES if p.stem in VIEWS]
REPORT_CASES = [p for p in CASES if p.stem in REPORTS]


def test_cases_are_found() -> None:
    assert "miyi-2022-department" in {p.stem for p in DEPARTMENTS}
    stems = {p.stem for p in CASES}
    assert len([s for s in stems if s.startswith("miyi-2022-")]) == 7
    assert len([s for s in stems if s.startswith("hand-")]) >= 6


def test_every_golden_file_has_its_case() -> None:
    stems = {p.stem for p in ALL_CASES}
    cases = (p for p in GOLDEN.iterdir() if p.is_file())
    orphans = [p.name for p in cases if p.name.split(".")[0] not in stems]
    assert orphans == []


def test_every_golden_view_has_its_reason() -> None:
    assert len(VIEW_CASES) == len(VIEWS) and len(REPORT_CASES) == len(REPORTS)
    kept = {p.name for p in GOLDEN.iterdir() if p.suffix in (".txt", ".md")}
    expected = {f"{stem}.mof-2020.{ext}" for stem in VIEWS for ext in ("txt", "md")}
    assert kept == expected | {f"{stem}.report.md" for stem in REPORTS}


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("rubric", RUBRICS)
@pytest.mark.parametrize("case", ALL_CASES, ids=[p.stem for p in ALL_CASES])
def test_json(case, rubric, in_root, golden) -> None:  # type: ignore[no-untyped-def]
    text = _run("evaluate", f"cases/{case.name}", "--rubric", rubric, "--format", "json")
    golden(f"{case.stem}.{rubric}.json", text)


@pytest.mark.parametrize("case", VIEW_CASES, ids=[p.stem for p in VIEW_CASES])
def test_table(case, in_root, golden) -> None:  # type: ignore[no-untyped-def]
    golden(f"{case.stem}.mof-2020.txt", _run("evaluate", f"cases/{case.name}"))


@pytest.mark.parametrize("case", VIEW_CASES, ids=[p.stem for p in VIEW_CASES])
def test_markdown(case, in_root, golden) -> None:  # type: ignore[no-untyped-def]
    text = _run("evaluate", f"cases/{case.name}", "--format", "markdown")
    golden(f"{case.stem}.mof-2020.md", text)


@pytest.mark.parametrize("case", REPORT_CASES, ids=[p.stem for p in REPORT_CASES])
def test_report(case, in_root, golden) -> None:  # type: ignore[no-untyped-def]
    """The 自评报告 in Markdown: the structure the seed uses, every number computed."""
    golden(f"{case.stem}.report.md", _run("report", f"cases/{case.name}"))
