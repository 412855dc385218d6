"""Forms through the command line: import, template → fill → import, evaluate to xlsx and back,
and forms in a reviewed folder."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfscore import Case, evaluate, load_case, load_rubric
from perfscore.cli import main
from perfscore.input.forms.reader import read_workbook
from perfscore.input.jsonfile import case_from_data, parse_json
from perfscore.rendering.forms.sheet import draw, layout_named

from . import formbuild
from .conftest import ROOT
from .test_forms_read import CASES, SEED, comparable, mof_comparable, raw

NETWORK = ROOT / "cases" / "miyi-2022-1-network.json"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def seed_book(tmp_path: Path, paths: list[Path], name: str = "forms.xlsx") -> Path:
    path = tmp_path / name
    formbuild.book([raw(p) for p in paths]).save(path)
    return path


def test_import_one_table_gives_the_case(tmp_path: Path) -> None:
    form = seed_book(tmp_path, [NETWORK])
    result = run("import", str(form))
    assert result.exit_code == 0, result.output
    assert case_from_data(parse_json(result.stdout)) == load_case(NETWORK)


def test_import_several_tables_gives_json_lines(tmp_path: Path) -> None:
    form = seed_book(tmp_path, SEED)
    out = tmp_path / "seed.jsonl"
    assert run("import", str(form), "-o", str(out)).exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    cases = [case_from_data(parse_json(line)) for line in lines]
    assert cases == [load_case(p) for p in SEED]


def test_import_several_tables_into_one_json_file_is_refused(tmp_path: Path) -> None:
    form = seed_book(tmp_path, SEED[:2])
    out = tmp_path / "seed.json"
    result = run("import", str(form), "-o", str(out))
    assert result.exit_code == 2
    assert result.output == (
        f"{out}: 共 2 个项目表：请写入 .jsonl 文件（每行一个案例），或用 -d 写入文件夹\n"
    )
    assert not out.exists()


def test_import_into_a_folder_names_files_by_code(tmp_path: Path) -> None:
    form = seed_book(tmp_path, SEED[:3])
    folder = tmp_path / "out"
    assert run("import", str(form), "-d", str(folder)).exit_code == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(f"{load_case(p).project.code}.json" for p in SEED[:3])
    for path in SEED[:3]:
        code = load_case(path).project.code
        assert load_case(folder / f"{code}.json") == load_case(path)


def test_import_an_empty_folder(tmp_path: Path) -> None:
    result = run("import", str(tmp_path))
    assert result.exit_code == 2
    assert result.output == "没有找到 Excel 自评表（*.xlsx）\n"


def label_cell(sheet: Worksheet, text: str) -> tuple[int, int]:
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == text:
                assert cell.row is not None and cell.column is not None
                return cell.row, cell.column
    raise AssertionError(text)


def fill(sheet: Worksheet, layout_name: str, case: Case) -> None:
    """What a clerk does with the blank form: type the case into the cells beside the labels."""
    layout = layout_named(layout_name)
    geometry = draw(Workbook().create_sheet(), layout, None, 20, ())
    sheet.cell(2, 2, case.year)
    row, _ = label_cell(sheet, "项目名称")
    sheet.cell(row, 2, f"{case.project.code}-{case.project.name}")
    sheet.cell(row + 1, 2, case.project.department)
    planned_row, planned_column = label_cell(sheet, layout.goal[1])
    _, achieved_column = label_cell(sheet, layout.goal[2])
    sheet.cell(planned_row + 1, planned_column, case.goal.planned)
    sheet.cell(planned_row + 1, achieved_column, case.goal.achieved)
    if layout.summary:
        summary_row, summary_column = label_cell(sheet, layout.summary)
        sheet.cell(summary_row, summary_column + 1, case.summary)
    budget = case.budget
    for field, column in geometry.budget_columns.items():
        value = getattr(budget, field)
        sheet.cell(geometry.budget_total, column, f"{value}%" if field == "rate" else value)
    for offset, indicator in enumerate(case.indicators):
        for field, column in geometry.indicator_columns.items():
            sheet.cell(geometry.indicator_first + offset, column, _typed(indicator, field, layout))
    score_column = geometry.indicator_columns["score"]
    sheet.cell(geometry.total_row, score_column, case.claimed_score)


def _typed(indicator: Any, field: str, layout: Any) -> Any:
    if field == "target" and "operator" not in {c.field for c in layout.indicator_columns}:
        operator = "" if indicator.operator in (None, "定性") else indicator.operator
        return f"{operator}{indicator.target}{indicator.unit or ''}"
    return getattr(indicator, field)


@pytest.mark.parametrize("layout", ["sichuan-2023", "mof-2020"])
def test_template_filled_in_imports_cleanly(tmp_path: Path, layout: str) -> None:
    blank = tmp_path / "blank.xlsx"
    assert run("template", "--layout", layout, "-o", str(blank)).exit_code == 0
    case = load_case(ROOT / "cases" / "miyi-2022-5-government-work.json")
    book = load_workbook(blank)
    fill(book.worksheets[0], layout, case)
    book.save(blank)
    (table,) = read_workbook(blank)
    expected = case.model_copy(update={"budget": case.budget.model_copy(update={"sources": ()})})
    got = table.case.model_copy(
        update={"budget": table.case.budget.model_copy(update={"sources": ()})}
    )
    if layout == "sichuan-2023":
        assert got == expected
    else:
        assert mof_comparable(got) == mof_comparable(expected)
    rubric = load_rubric()
    assert evaluate(table.case, rubric).score == evaluate(case, rubric).score


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_evaluate_to_xlsx_and_back(tmp_path: Path, path: Path) -> None:
    out = tmp_path / "scored.xlsx"
    result = run("evaluate", str(path), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0, result.output
    (table,) = read_workbook(out)
    assert comparable(table.case) == comparable(load_case(path))


def test_evaluate_xlsx_needs_an_output_file() -> None:
    result = run("evaluate", str(NETWORK), "--format", "xlsx")
    assert result.exit_code == 2
    assert result.output == "xlsx 格式须用 -o 指定输出文件\n"


def test_evaluate_a_form_prints_the_same_scores(tmp_path: Path) -> None:
    form = seed_book(tmp_path, SEED)
    result = run("evaluate", str(form), "--format", "json")
    assert result.exit_code == 0, result.output
    scored = json.loads(result.stdout, parse_float=Decimal, parse_int=Decimal)
    rubric = load_rubric()
    assert [s["score"] for s in scored] == [evaluate(load_case(p), rubric).score for p in SEED]
    assert [s["file"] for s in scored][:2] == [f"{form}:Sheet!A3", f"{form}:Sheet!A{_second(form)}"]


def _second(form: Path) -> int:
    return int(read_workbook(form)[1].table.split("!A")[1])


def test_a_folder_of_forms_is_evaluated_and_lock_files_skipped(tmp_path: Path) -> None:
    seed_book(tmp_path, [NETWORK], "a.xlsx")
    (tmp_path / "~$a.xlsx").write_bytes(b"lock")
    result = run("evaluate", str(tmp_path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert [s["file"] for s in json.loads(result.stdout)] == [f"{tmp_path / 'a.xlsx'}:Sheet!A3"]


def test_review_reads_forms_beside_json(tmp_path: Path) -> None:
    seed_book(tmp_path, SEED[:2], "forms.xlsx")
    (tmp_path / "case.json").write_text(NETWORK.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.xlsx").write_bytes(b"not a workbook")
    result = run("review", str(tmp_path), "--format", "jsonl")
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    files = [line.get("file") for line in lines if "file" in line]
    assert files[:4] == [
        str(tmp_path / "broken.xlsx"),
        str(tmp_path / "case.json"),
        f"{tmp_path / 'forms.xlsx'}:Sheet!A3",
        f"{tmp_path / 'forms.xlsx'}:Sheet!A{_second(tmp_path / 'forms.xlsx')}",
    ]
    assert lines[0]["message"] == (
        f"{tmp_path / 'broken.xlsx'}: 不是可读取的 .xlsx 工作簿（文件已损坏或不是 Excel 文件）"
    )


def test_template_lists_the_levels_of_the_rubric_given(tmp_path: Path) -> None:
    rubric = tmp_path / "four-levels.toml"
    rubric.write_text(
        'extends = "mof-2020"\n[levels.output]\nweight = 40\n'
        '[levels.cost]\nname = "成本指标"\nweight = 10\n',
        encoding="utf-8",
    )
    blank = tmp_path / "blank.xlsx"
    assert run("template", "--rubric", str(rubric), "-o", str(blank)).exit_code == 0
    sheet = load_workbook(blank).worksheets[0]
    lists = {rule.formula1 for rule in sheet.data_validations.dataValidation}
    assert '"产出指标,效益指标,满意度指标,成本指标"' in lists
    assert '"产出指标,效益指标,满意度指标"' not in lists


def test_template_with_an_unknown_rubric_says_so(tmp_path: Path) -> None:
    result = run("template", "--rubric", "mof-2099", "-o", str(tmp_path / "blank.xlsx"))
    assert result.exit_code == 2
    assert "没有名为 'mof-2099' 的评分规则" in result.output
    assert not (tmp_path / "blank.xlsx").exists()
