"""Forms that cannot be read: one exact message naming the sheet and cell, never a traceback."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from perfscore import evaluate, load_rubric
from perfscore.cli import main
from perfscore.errors import CaseError
from perfscore.input.forms.reader import read_tables, read_workbook

HEAD: list[list[Any]] = [
    ["部门预算项目支出绩效自评表"],
    ["（2023年度）"],
    ["项目名称", "51042123Y000000000001-培训费"],
    ["主管部门", "某县财政局"],
    ["预算执行情况", None, "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分"],
    [None, "总额", 10, 10, 9, "90.00%", 10, 9],
    ["绩效指标", "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值"],
]
ROW: list[Any] = [None, "产出指标", "数量指标", "培训人次", "≥", 100, "人次", 120]


def form(tmp_path: Path, rows: list[list[Any]], name: str = "form.xlsx") -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "表1"
    for row in rows:
        sheet.append(row)
    path = tmp_path / name
    book.save(path)
    return path


def message(path: Path) -> str:
    with pytest.raises(CaseError) as caught:
        read_workbook(path)
    return str(caught.value).removeprefix(f"{path}: ")


def test_a_well_formed_form_reads(tmp_path: Path) -> None:
    (table,) = read_workbook(form(tmp_path, [*HEAD, ROW]))
    assert table.table == "表1!A3"
    assert table.case.project.code == "51042123Y000000000001"
    assert table.case.year == 2023
    assert table.case.indicators[0].actual == 120


@pytest.mark.parametrize(
    ("cell", "value", "expected"),
    [
        (7, "#DIV/0!", "表1!H8: 完成值 是 Excel 错误值 #DIV/0!（公式无法计算）"),
        (
            4,
            "约等于",
            "表1!E8: 指标性质 未知的指标性质 '约等于'（可用：≥ ≤ ＝ ＜ ＞ 定性，也可写作 >= <= = < >）",
        ),
    ],
)
def test_a_bad_cell_is_named(tmp_path: Path, cell: int, value: Any, expected: str) -> None:
    row = list(ROW)
    row[cell] = value
    assert message(form(tmp_path, [*HEAD, row])) == expected


def test_a_bad_budget_cell_is_named(tmp_path: Path) -> None:
    rows = [*HEAD, ROW]
    rows[5] = [None, "总额", 10, "十万", 9, "90.00%", 10, 9]
    assert message(form(tmp_path, rows)) == "表1!D6: 调整后预算数 '十万' 不是金额"


def test_no_indicator_table(tmp_path: Path) -> None:
    rows = [*HEAD[:6], ["绩效指标", "指标", "目标"]]
    assert message(form(tmp_path, rows)) == (
        "表1!A3: 未找到绩效指标表（应有“一级指标”“二级指标”“三级指标”等列标题）"
    )


def test_no_table_at_all(tmp_path: Path) -> None:
    path = form(tmp_path, [["某县 2023 年工作总结"], ["一、基本情况"]])
    assert message(path) == (
        "未找到项目支出绩效自评表：没有“项目名称”以及“一级指标”“三级指标”等列标题"
    )


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "form.xlsx"
    path.write_text("项目名称,网络运行费\n", encoding="utf-8")
    assert message(path) == "不是可读取的 .xlsx 工作簿（文件已损坏或不是 Excel 文件）"


def test_old_xls(tmp_path: Path) -> None:
    path = tmp_path / "form.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert message(path) == "不是 .xlsx 工作簿（旧版 .xls 请在 Excel 中另存为 .xlsx）"


def test_missing_file(tmp_path: Path) -> None:
    assert message(tmp_path / "none.xlsx") == "无法读取：文件不存在"


def test_an_unknown_level_is_placed_at_its_cell(tmp_path: Path) -> None:
    row = list(ROW)
    row[1] = "收益指标"
    (table,) = read_workbook(form(tmp_path, [*HEAD, row]))
    with pytest.raises(CaseError) as caught:
        evaluate(table.case, load_rubric(), table.source)
    assert str(table.locate(caught.value)) == (
        f"{tmp_path / 'form.xlsx'}: 表1!B8: 一级指标 无法识别的一级指标 '收益指标'"
        "（评分规则 mof-2020 可用：产出指标、效益指标、满意度指标）"
    )


def test_one_bad_table_does_not_hide_the_others(tmp_path: Path) -> None:
    bad = list(ROW)
    bad[7] = "#VALUE!"
    path = form(tmp_path, [*HEAD, bad, [], *HEAD[2:], ROW])
    first, second = read_tables(path)
    assert isinstance(first, CaseError)
    assert str(first).endswith("表1!H8: 完成值 是 Excel 错误值 #VALUE!（公式无法计算）")
    assert not isinstance(second, CaseError)
    assert second.table == "表1!A10"


def test_prompts_are_missing_and_noted(tmp_path: Path) -> None:
    rows = [
        *HEAD[:4],
        ["项目基本情况", "项目年度目标", None, None, "年度目标完成情况"],
        [None, "完成培训 100 人次", None, None, "（对照年度目标，说明完成情况……）"],
        *HEAD[4:],
        ROW,
        [None, "指标1："],
    ]
    (table,) = read_workbook(form(tmp_path, rows))
    assert table.case.goal.planned == "完成培训 100 人次"
    assert table.case.goal.achieved is None
    assert len(table.case.indicators) == 1
    assert table.notes == (
        "表1!E6: 年度目标完成情况 仍是填表提示“（对照年度目标，说明完成情况……）”，按未填处理",
    )


def test_cli_reports_the_cell_and_exits_2(tmp_path: Path) -> None:
    row = list(ROW)
    row[7] = "#N/A"
    path = form(tmp_path, [*HEAD, row])
    for command in (["evaluate", str(path)], ["import", str(path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 2
        assert result.output == f"{path}: 表1!H8: 完成值 是 Excel 错误值 #N/A（公式无法计算）\n"


def test_evaluate_and_import_say_what_was_a_prompt(tmp_path: Path) -> None:
    rows = [
        *HEAD[:4],
        ["项目基本情况", "项目年度目标", None, None, "年度目标完成情况"],
        [None, "完成培训 100 人次", None, None, "请填写年度目标完成情况"],
        *HEAD[4:],
        ROW,
    ]
    path = form(tmp_path, rows)
    note = (
        f"提示：{path}: 表1!E6: 年度目标完成情况 仍是填表提示“请填写年度目标完成情况”，按未填处理\n"
    )
    for command in (["evaluate", str(path), "-f", "json"], ["import", str(path)]):
        result = CliRunner().invoke(main, command)
        assert result.exit_code == 0
        assert result.stderr == note
