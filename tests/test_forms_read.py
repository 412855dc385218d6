"""Importing forms gives the same cases, and the same scores, as the JSON in ``cases/``.

The workbooks are drawn by ``tests/formbuild.py``, an independent builder that shares no code
with the reader, in both layouts and with the mess real forms have.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from perfscore import Case, evaluate, load_case, load_rubric
from perfscore.input.forms.formcase import FormCase
from perfscore.input.forms.reader import read_workbook
from perfscore.pipeline import evaluate_form

from . import formbuild
from .conftest import CASES, ROOT

SEED = [path for path in CASES if path.name.startswith("miyi-2022-")]


def test_cases_found() -> None:
    assert len(CASES) == 15
    assert len(SEED) == 7


def raw(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)
    return data


def save(book: Workbook, tmp_path: Path, name: str = "form.xlsx") -> Path:
    path = tmp_path / name
    book.save(path)
    return path


def comparable(case: Case) -> Case:
    """A case as a form can carry it: funding rows with no figure at all are the same as none."""
    sources = tuple(s for s in case.budget.sources if _has_figures(s))
    return case.model_copy(update={"budget": case.budget.model_copy(update={"sources": sources})})


def _has_figures(source: Any) -> bool:
    return any(getattr(source, k) is not None for k in ("initial", "adjusted", "executed", "rate"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_sichuan_form_gives_the_json_case(path: Path, tmp_path: Path) -> None:
    (table,) = read_workbook(save(formbuild.book([raw(path)]), tmp_path))
    assert comparable(table.case) == comparable(load_case(path))
    assert table.table == "Sheet!A3"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_messy_sichuan_form_gives_the_same_scores(path: Path, tmp_path: Path) -> None:
    book = formbuild.book([raw(path)], style=formbuild.MESSY)
    (table,) = read_workbook(save(book, tmp_path))
    expected = load_case(path)
    rubric = load_rubric()
    assert evaluate(table.case, rubric).score == evaluate(expected, rubric).score
    assert table.case.claimed_score == expected.claimed_score
    assert [i.name for i in table.case.indicators] == [i.name for i in expected.indicators]


def test_the_seed_tables_stacked_on_one_sheet(tmp_path: Path) -> None:
    book = formbuild.book([raw(p) for p in SEED], style=formbuild.Style(section_points=True))
    tables = read_workbook(save(book, tmp_path))
    assert [comparable(t.case) for t in tables] == [comparable(load_case(p)) for p in SEED]
    rows = [int(t.table.split("!A")[1]) for t in tables]
    assert rows == sorted(rows) and len(set(rows)) == 7


def test_the_seed_tables_one_per_sheet(tmp_path: Path) -> None:
    book = formbuild.book([raw(p) for p in SEED], per_sheet=True)
    tables = read_workbook(save(book, tmp_path))
    assert [t.case.project.name for t in tables] == [load_case(p).project.name for p in SEED]
    assert len({t.table.split("!")[0] for t in tables}) == 7


def test_seed_scores_from_the_form(tmp_path: Path) -> None:
    """The seed's totals, recomputed from the form, match those from the JSON (99.70 for #5)."""
    book = formbuild.book([raw(p) for p in SEED], style=formbuild.MESSY)
    tables = read_workbook(save(book, tmp_path))
    rubric = load_rubric()
    scores = [evaluate(t.case, rubric).score for t in tables]
    assert scores == [evaluate(load_case(p), rubric).score for p in SEED]
    assert scores[4] == Decimal("99.70")


def mof_comparable(case: Case) -> dict[str, Any]:
    """What the 财预〔2020〕10号 form carries: no summary nor budget reason, and each
    indicator's target, operator and unit as one 年度指标值 string."""
    data = case.model_dump(exclude={"summary"})
    data["budget"].pop("reason")
    data["budget"].pop("weight")
    data["budget"]["sources"] = len([s for s in case.budget.sources if _has_figures(s)])
    return data


@pytest.mark.parametrize("path", SEED, ids=lambda p: p.stem)
def test_mof_form_gives_the_json_case(path: Path, tmp_path: Path) -> None:
    (table,) = read_workbook(save(formbuild.book([raw(path)], layout="mof"), tmp_path))
    expected = load_case(path)
    assert mof_comparable(table.case) == mof_comparable(expected)
    rubric = load_rubric()
    assert evaluate(table.case, rubric).score == evaluate(expected, rubric).score


def test_messy_mof_forms_score_the_same(tmp_path: Path) -> None:
    book = formbuild.book([raw(p) for p in SEED], layout="mof", style=formbuild.MESSY)
    tables = read_workbook(save(book, tmp_path))
    rubric = load_rubric()
    assert [evaluate(t.case, rubric).score for t in tables] == [
        evaluate(load_case(p), rubric).score for p in SEED
    ]


def test_rate_stored_as_a_fraction(tmp_path: Path) -> None:
    data = raw(ROOT / "cases" / "miyi-2022-5-government-work.json")
    book = formbuild.book([data], style=formbuild.Style(rate_as_fraction=True))
    (table,) = read_workbook(save(book, tmp_path))
    assert table.case.budget.rate == Decimal("96.96")


def test_findings_name_cells(tmp_path: Path) -> None:
    path = save(formbuild.book([raw(SEED[4])]), tmp_path)
    (table,) = read_workbook(path)
    evaluation = evaluate_form(table, load_rubric())
    wheres: dict[str, str] = {}
    for finding in evaluation.findings:
        wheres.setdefault(finding.code, finding.where)
    assert wheres["claimed-score-mismatch"] == "Sheet!J21"
    assert wheres["text-actual"] == "Sheet!H15"
    assert wheres["cost-budget-mismatch"] == "Sheet!F16"
    assert all(where.startswith("Sheet!") for where in wheres.values())


def test_form_case_source_and_cells(tmp_path: Path) -> None:
    path = save(formbuild.book([raw(SEED[0])]), tmp_path)
    (table,) = read_workbook(path)
    assert isinstance(table, FormCase)
    assert table.source == f"{path}:{table.table}"
    assert table.cell("$.indicators[0].actual") == "Sheet!H15"
    assert table.cell("$.indicators[5].level1") == "Sheet!B20"
    assert table.cell("$.budget.sources[1].initial") == "Sheet!D11"
    assert table.cell("$.project.name") == "Sheet!C3"
    assert table.cell("$.claimed_score") == "Sheet!J23"
    assert table.cell("$.nowhere") == "$.nowhere"
