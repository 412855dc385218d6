"""Real published tables (tests/real/): each scores as worked out by hand in its expected.json.

The tables are transcribed cell for cell as printed, defects included; the tool meets them. Each
folder holds the raw text, the source, the case and the expected result (README.md lists them).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from perfscore import evaluate, load_case, load_rubric
from perfscore.cli import main
from perfscore.input.forms.reader import read_workbook
from perfscore.models.results import Evaluation

from . import formbuild
from .conftest import ROOT

REAL = ROOT / "tests" / "real"
TABLES = sorted(path.parent for path in REAL.glob("*/case.json"))
FILES = ("case.json", "expected.json", "raw.txt", "source.md")


def _expected(table: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((table / "expected.json").read_text(encoding="utf-8"))
    return data


def _scored(table: Path, rubric: str = "mof-2020") -> Evaluation:
    return evaluate(load_case(table / "case.json"), load_rubric(rubric), str(table))


def test_tables_are_found_from_five_provinces_and_more() -> None:
    assert len(TABLES) >= 10
    provinces = {table.name.split("-")[0] for table in TABLES}
    assert len(provinces) >= 5
    for table in TABLES:
        assert sorted(p.name for p in table.iterdir() if p.name in FILES) == sorted(FILES)


def _readme_rows() -> dict[str, list[str]]:
    """The README table's rows by folder: the cells after the folder's."""
    rows = {}
    for line in (REAL / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 9 and (REAL / cells[0].strip("`") / "case.json").exists():
            rows[cells[0].strip("`")] = cells[1:]
    return rows


def test_the_readme_lists_every_table_with_its_scores_and_findings() -> None:
    rows = _readme_rows()
    assert sorted(rows) == [t.name for t in TABLES]
    for table in TABLES:
        expected = _expected(table)
        *_, score, review, _, findings = rows[table.name]
        assert (score.strip("*"), review.strip("*")) == (
            expected["score"],
            expected["review_score"],
        ), table.name
        assert findings.replace("`", "").split(", ") == expected["findings"], table.name


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_score_as_worked_out_by_hand(table: Path) -> None:
    expected = _expected(table)
    evaluation = _scored(table)
    assert evaluation.score == Decimal(expected["score"])
    assert evaluation.execution.score == Decimal(expected["execution_score"])
    assert _scored(table, "mof-2020-review").score == Decimal(expected["review_score"])


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_every_row_as_worked_out_by_hand(table: Path) -> None:
    rows = [
        (
            Decimal(row["weight"]),
            Decimal(row["score"]),
            row["status"].replace("n/a", "not-applicable"),
        )
        for row in _expected(table)["rows"]
    ]
    assert [(r.weight, r.score, r.status) for r in _scored(table).indicators] == rows


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_findings_as_a_reviewer_raises_them(table: Path) -> None:
    """The finding codes ``perfscore evaluate`` prints for the table."""
    result = CliRunner().invoke(main, ["evaluate", str(table / "case.json"), "--format", "json"])
    assert result.exit_code == 0, result.output
    codes = {finding["code"] for finding in json.loads(result.stdout)["findings"]}
    assert codes == set(_expected(table)["findings"])


@pytest.mark.parametrize("layout", ["sichuan", "mof"])
@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_the_same_table_as_an_excel_form(table: Path, layout: str, tmp_path: Path) -> None:
    """Drawn as the form a clerk fills (an independent builder), read back: the same scores and
    findings. A wholly blank row is no row in a workbook, so it is not listed as not applicable."""
    raw = json.loads((table / "case.json").read_text(encoding="utf-8"))
    path = tmp_path / "form.xlsx"
    formbuild.book([raw], layout).save(path)
    (form,) = read_workbook(path)
    from_form = evaluate(form.case, load_rubric())
    from_json = _scored(table)
    assert from_form.score == from_json.score
    assert [r.score for r in from_form.indicators if r.applicable] == [
        r.score for r in from_json.indicators if r.applicable
    ]
    blank = {"not-applicable"}
    assert {f.code for f in from_form.findings} - blank == {
        f.code for f in from_json.findings
    } - blank


def test_no_real_table_is_refused_by_a_batch_review() -> None:
    cases = [str(table / "case.json") for table in TABLES]
    result = CliRunner().invoke(main, ["review", *cases, "--format", "json"])
    assert result.exit_code == 0, result.output
    review = json.loads(result.stdout)
    assert review["errors"] == []
    assert len(review["rows"]) == len(TABLES)


def test_validate_accepts_every_table_as_printed() -> None:
    result = CliRunner().invoke(main, ["validate", *(str(t / "case.json") for t in TABLES)])
    assert result.exit_code == 0, result.output


def test_the_hubei_form_scores_as_laid_out_under_hubei_2020() -> None:
    """Budget 20 + indicators 80: under mof-2020 the budget row's 20 is a weights-mismatch; under
    hubei-2020 it is the rule, and 100% executed earns the 20."""
    table = REAL / "hubei-2020-huanggang-soil-monitoring"
    under_mof = _scored(table)
    under_hubei = _scored(table, "hubei-2020")
    assert "$.budget.weight" in {
        f.where for f in under_mof.findings if f.code == "weights-mismatch"
    }
    assert (under_hubei.execution.weight, under_hubei.execution.score) == (20, Decimal("20.00"))
    assert sum(row.weight for row in under_hubei.indicators) == 80
    assert under_hubei.score == Decimal("100.00")
    assert not [f for f in under_hubei.findings if f.code == "weights-mismatch"]
