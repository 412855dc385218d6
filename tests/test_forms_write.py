"""The form as a workbook: the blank template and the filled form with the recomputed scores.

Each workbook is written to memory and read back with openpyxl; the cells are asserted by value,
at the positions the reader relies on.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfscore import Case, Evaluation, PerfscoreError, evaluate, load_case, load_rubric
from perfscore.input.forms.layout import LAYOUTS, MOF_2020, SICHUAN_2023, Layout
from perfscore.input.forms.reader import read_workbook
from perfscore.models.case import Budget, BudgetRow, Indicator, Project, Source, aliases
from perfscore.pipeline import evaluate_form
from perfscore.rendering.explanation import explanation_text
from perfscore.rendering.forms.filled import (
    BUDGET_HEAD,
    FINDINGS_HEAD,
    INDICATOR_HEAD,
    sheet_name,
    unique_name,
    write_filled,
)
from perfscore.rendering.forms.template import write_template

from .conftest import CASES, ROOT

YELLOW = "FFFFFF99"
NAMES = [path.stem for path in CASES]
CODES = [
    "51000023T000000000101",
    "51000023T000000000202",
    "51000023T000000000303",
    "51000023X000000000404",
    "51000023T000000000505",
    "51000023T000000000606",
    "34112122T000001234567",
    "51062322T000004567890",
    "51042122Y000000391678",
    "51042122T000006558631",
    "51042122T000006558607",
    "51042122T000006558316",
    "51042122T000006523456",
    "51042122T000006427626",
    "51042123Y000007599028",
]
LEVEL1_LIST = '"产出指标,效益指标,满意度指标"'
LEVEL2_LIST = (
    '"数量指标,质量指标,时效指标,成本指标,经济效益指标,社会效益指标,生态效益指标,'
    '可持续影响指标,服务对象满意度指标"'
)
OPERATOR_LIST = '"≥,≤,＝,＜,＞,定性"'


@cache
def evaluation(name: str) -> Evaluation:
    return evaluate(load_case(ROOT / "cases" / f"{name}.json"), load_rubric("mof-2020"))


def filled(evaluations: list[Evaluation], layout: str = "sichuan-2023") -> Workbook:
    stream = io.BytesIO()
    write_filled(evaluations, stream, layout)
    stream.seek(0)
    return load_workbook(stream)


def template(layout: str, rows: int = 20) -> Workbook:
    stream = io.BytesIO()
    write_template(layout, stream, load_rubric("mof-2020"), rows)
    stream.seek(0)
    return load_workbook(stream)


def row_of(sheet: Worksheet, label: str) -> int:
    """The row whose column A says ``label``."""
    rows = [int(cell.row) for cell in sheet["A"] if cell.value == label]
    assert len(rows) == 1, (label, rows)
    return rows[0]


def column_of(layout: Layout, field: str) -> int:
    return 2 + [c.field for c in layout.indicator_columns].index(field)


def exact(value: object) -> Decimal:
    """A numeric cell as the Decimal it was written from."""
    assert isinstance(value, int | float) and not isinstance(value, bool), value
    return Decimal(str(value))


def is_yellow(sheet: Worksheet, row: int, column: int) -> bool:
    return bool(sheet.cell(row, column).fill.fgColor.rgb == YELLOW)


# --- the filled form -------------------------------------------------------------------------


def test_one_sheet_per_evaluation_then_the_findings() -> None:
    workbook = filled([evaluation(name) for name in NAMES])
    assert workbook.sheetnames == [*CODES, "问题清单"]


def test_the_findings_sheet_has_a_row_per_finding_of_every_evaluation() -> None:
    evaluations = [evaluation(name) for name in NAMES]
    sheet = filled(evaluations)["问题清单"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == FINDINGS_HEAD
    assert len(rows) - 1 == sum(len(e.findings) for e in evaluations) == 110
    assert rows[1] == (
        "51000023T000000000101-基层干部培训项目",
        "错误",
        "claimed-score-mismatch",
        "自评总分与重算不符",
        "自评得分 95.00 分，按评分规则复核为 69.09 分，相差 +25.91 分",
        "J24（自评得分）",
    )
    assert sheet["F2"].hyperlink.location == "'51000023T000000000101'!J24"
    severities = {row[1] for row in rows[1:]}
    assert severities == {"错误", "警告", "提示"}


#: Where a finding is about a value the case states: the linked cell must hold that value.
_VALUE_PATH = re.compile(r"\$\.(?:claimed_score|budget\.\w+|indicators\[\d+\]\.\w+)")


@pytest.mark.parametrize("layout", [SICHUAN_2023, MOF_2020], ids=lambda layout: layout.name)
def test_each_finding_links_to_the_cell_holding_its_value(layout: Layout) -> None:
    evaluations = [evaluation(name) for name in NAMES]
    assert_linked(evaluations, filled(evaluations, layout.name), minimum=40)


def test_a_form_read_back_links_to_the_written_form_not_the_input(tmp_path: Path) -> None:
    """Findings on a case read from a form name the input's cells; the written form's list
    links to its own cells (here in another layout, so every cell differs) all the same."""
    source = tmp_path / "mof.xlsx"
    filled([evaluation("hand-02-given-weights")], MOF_2020.name).save(source)
    (form,) = read_workbook(source)
    from_form = evaluate_form(form, load_rubric("mof-2020"))
    assert all("!" in f.where for f in from_form.findings)
    workbook = filled([from_form], SICHUAN_2023.name)
    assert_linked([from_form], workbook, minimum=10)
    where = [row[5] for row in workbook["问题清单"].iter_rows(min_row=2, values_only=True)]
    assert where[:2] == ["J22（自评得分）", "J22（自评得分）"]


def assert_linked(evaluations: list[Evaluation], workbook: Workbook, minimum: int) -> None:
    """Every finding in 问题清单 links to a cell; one about a stated value, to that value."""
    cells = [row[5] for row in workbook["问题清单"].iter_rows(min_row=2)]
    pairs = [(e.case, f) for e in evaluations for f in e.findings]
    assert len(cells) == len(pairs)
    checked = 0
    for (case, finding), link in zip(pairs, (c.hyperlink for c in cells), strict=True):
        path = finding.path or finding.where
        if link.location.endswith("!A1") or not _VALUE_PATH.fullmatch(path):
            continue
        sheet, _, ref = link.location.rpartition("!")
        cell = workbook[sheet.strip("'")][ref].value
        assert _same(cell, _value_at(case, path)), (finding, ref, cell)
        checked += 1
    assert checked >= minimum


def _value_at(case: Case, path: str) -> Any:
    value: Any = case.model_dump()
    for part in re.findall(r"\w+|\[\d+\]", path.removeprefix("$.")):
        value = value[int(part[1:-1])] if part.startswith("[") else value[part]
    return value


def _same(cell: object, value: object) -> bool:
    if value == "":  # a blank label (a row with no 三级指标) is an empty cell
        return cell is None
    if isinstance(value, Decimal) and isinstance(cell, str):  # "96.96%", or "≤100万元" (2020)
        number = re.search(r"[0-9]+(?:\.[0-9]+)?", cell)
        return number is not None and Decimal(number.group()) == value
    if isinstance(value, Decimal):
        return cell is not None and exact(cell) == value
    if isinstance(cell, str) and isinstance(value, str):  # a unit inside "≥120%" (2020)
        return value in cell
    return cell == value


@pytest.mark.parametrize("layout", [SICHUAN_2023, MOF_2020], ids=lambda layout: layout.name)
@pytest.mark.parametrize("name", NAMES)
def test_filled_form_holds_the_case_and_the_recomputed_scores(name: str, layout: Layout) -> None:
    result = evaluation(name)
    case = result.case
    sheet = filled([result], layout.name).worksheets[0]
    width = 1 + len(layout.indicator_columns)
    assert sheet["A3"].value == "项目名称"
    assert sheet["B3"].value == f"{case.project.code}-{case.project.name}"
    assert sheet["B2"].value == case.year
    first = row_of(sheet, layout.indicator_section) + 1
    for result_row in result.indicators:
        row = first + result_row.position
        assert sheet.cell(row, column_of(layout, "name")).value == (
            result_row.indicator.name or None  # a blank name is an empty cell
        )
        assert exact(sheet.cell(row, width + 1).value) == result_row.weight
        assert exact(sheet.cell(row, width + 2).value) == result_row.score
        assert sheet.cell(row, width + 3).value == explanation_text(result_row.explanation)
        claimed = result_row.indicator.score
        assert is_yellow(sheet, row, width + 2) == (claimed not in (None, result_row.score))
    total = row_of(sheet, layout.total_label)
    assert total == first + len(case.indicators)
    assert exact(sheet.cell(total, width + 2).value) == result.score
    assert sheet.cell(total, width + 2).number_format == "0.00"
    assert sheet.cell(total, width + 3).value == result.grade
    claimed_total = sheet.cell(total, column_of(layout, "score")).value
    if case.claimed_score is None:
        assert claimed_total is None
    else:
        assert exact(claimed_total) == case.claimed_score
    differs = case.claimed_score not in (None, result.score)
    assert is_yellow(sheet, total, column_of(layout, "score")) == differs


def test_sichuan_form_of_the_government_work_table_cell_by_cell() -> None:
    sheet = filled([evaluation("miyi-2022-5-government-work")]).worksheets[0]
    assert sheet.title == "51042122T000006523456"
    assert sheet["A1"].value == "部门预算项目支出绩效自评表"
    assert (sheet["A4"].value, sheet["B4"].value, sheet["G4"].value) == (
        "主管部门",
        "米易县人民政府办公室部门",
        "实施单位",
    )
    assert [sheet.cell(5, c).value for c in (1, 2, 7)] == [
        "项目基本情况",
        "项目年度目标",
        "年度目标完成情况",
    ]
    assert str(sheet["B6"].value).startswith("保障单位正常运转")
    assert sheet["A7"].value == "项目实施内容及过程概述"
    budget = [[cell.value for cell in row] for row in sheet["A8:M9"]]
    assert budget == [
        [
            *("预算执行情况（10分）", None, "年初预算", "调整后预算数", "预算执行数"),
            *("预算执行率", "权重", "得分", None, None, None, "复核执行率", "复核得分"),
        ],
        [None, "总额", 0, 67, 64.96, "96.96%", None, None, None, None, None, "96.96%", 9.7],
    ]
    assert [sheet.cell(row, 2).value for row in range(10, 15)] == [
        "其中：财政资金",
        "财政专户管理资金",
        "单位资金",
        "其他资金",
        "未达90%或调整的原因",
    ]
    assert [cell.value for cell in sheet["B16:N16"][0]] == [
        "产出指标",
        "数量指标",
        "召开会议及出差次数",
        "≥",
        100,
        "次",
        "已全部完成",
        None,
        None,
        None,
        12.5,
        12.5,
        "定量指标的完成值为文字 '已全部完成'，无法核实，按短语系数 1.00 计分",
    ]
    assert [sheet.cell(22, c).value for c in (1, 10, 13, 14)] == ["自评得分", 100, 99.7, "优"]
    assert [is_yellow(sheet, 22, c) for c in (10, 13)] == [True, True]
    assert is_yellow(sheet, 9, 13) is False  # no budget score was claimed


def test_merged_cells_follow_the_canonical_geometry() -> None:
    sheet = filled([evaluation("miyi-2022-5-government-work")]).worksheets[0]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert merged == {
        "A1:K1",
        "B3:K3",
        "B4:F4",
        "H4:K4",
        "A5:A6",
        "B5:F5",
        "G5:K5",
        "B6:F6",
        "G6:K6",
        "B7:K7",
        "A8:A13",
        "C14:K14",
        "A15:A21",
        "B23:K23",  # 评价结论, 存在问题, 改进措施: a wide text cell each
        "B24:K24",
        "B25:K25",
        "A26:K26",  # 项目负责人 … 填报日期
    }


def test_mof_form_writes_the_target_as_one_string() -> None:
    sheet = filled([evaluation("miyi-2022-5-government-work")], "mof-2020").worksheets[0]
    first = row_of(sheet, "绩效指标") + 1
    targets = [sheet.cell(row, 5).value for row in range(first, first + 6)]
    assert targets == ["≥100次", "＝200000元", "＝2022年", "优良中低差", "优良中低差", "≥98%"]
    # a full-width ＝ is a formula to some spreadsheets: marked as text
    assert sheet.cell(first + 1, 5).quotePrefix is True
    assert sheet.cell(first, 5).quotePrefix is False
    head = [sheet.cell(first - 1, c).value for c in range(1, 13)]
    assert head == [
        *("绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值"),
        *("分值", "得分", "偏差原因分析及改进措施", "复核权重", "复核得分", "计分说明"),
    ]


def test_funding_rows_go_to_their_fixed_row_or_a_row_of_their_own() -> None:
    sichuan = filled([evaluation("hand-01-quantitative")]).worksheets[0]
    rows = [[c.value for c in row] for row in sichuan["B9:F13"]]
    assert rows == [
        ["总额", 100, 120, 102, "85.00%"],
        ["其中：财政资金", 100, 110, 95, "86.36%"],
        ["财政专户管理资金", None, None, None, None],
        ["单位资金", 0, 10, 7, "70.00%"],
        ["其他资金", None, None, None, None],
    ]
    assert [sichuan.cell(9, c).value for c in (7, 8)] == [10, 8.5]  # 权重, 得分 on the total
    assert [sichuan.cell(10, c).value for c in (7, 8)] == [None, None]
    mof = filled([evaluation("hand-01-quantitative")], "mof-2020").worksheets[0]
    labels = [mof.cell(row, 2).value for row in range(8, 14)]
    assert labels == [
        *("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"),
        *("财政资金", "单位资金"),
    ]
    assert [mof.cell(12, c).value for c in range(3, 9)] == [100, 110, 95, None, "86.36%", None]


def test_claimed_scores_that_differ_are_yellow_beside_the_recomputed_ones() -> None:
    sheet = filled([evaluation("hand-02-given-weights")]).worksheets[0]
    first = row_of(sheet, "绩效指标（90分）") + 1
    claimed = [sheet.cell(row, 10).value for row in range(first, first + 4)]
    computed = [exact(sheet.cell(row, 13).value) for row in range(first, first + 4)]
    assert claimed == [30, 30, 25, 10]
    assert all(exact(c) != s for c, s in zip(claimed, computed, strict=True))
    assert all(is_yellow(sheet, row, c) for row in range(first, first + 4) for c in (10, 13))
    same = filled([evaluation("hand-06-budget-arithmetic")]).worksheets[0]
    total = row_of(same, "自评得分")
    assert [same.cell(total, 10).value, same.cell(total, 13).value] == [99.62, 99.62]
    assert not is_yellow(same, total, 10)
    assert not is_yellow(same, total, 13)


def test_computed_labels_are_not_labels_the_reader_maps() -> None:
    mapped = {*aliases(Budget), *aliases(BudgetRow), *aliases(Indicator), *aliases(Source)}
    mapped |= {*aliases(Case), *aliases(Project)}
    for layout in LAYOUTS.values():
        mapped |= {c.label for c in (*layout.budget_columns, *layout.indicator_columns)}
        mapped |= {layout.total_label, *layout.budget_rows}
    assert {*BUDGET_HEAD, *INDICATOR_HEAD} & mapped == set()


def test_sheet_names_are_cleaned_cut_and_made_unique() -> None:
    case = load_case(ROOT / "cases" / "hand-05-qualitative.json")
    project = case.project.model_copy(update={"code": None, "name": "预算/决算[2023]:*?项目\\" * 4})
    odd = evaluate(case.model_copy(update={"project": project}), load_rubric("mof-2020"))
    assert sheet_name(odd) == "预算决算2023项目预算决算2023项目预算决算2023项目预"
    assert len(sheet_name(odd)) == 31
    taken = {"问题清单"}
    names = [unique_name(sheet_name(odd), taken) for _ in range(3)]
    assert names == [
        "预算决算2023项目预算决算2023项目预算决算2023项目预",
        "预算决算2023项目预算决算2023项目预算决算2023(2)",
        "预算决算2023项目预算决算2023项目预算决算2023(3)",
    ]
    workbook = filled([odd, odd, evaluation("hand-05-qualitative")])
    assert workbook.sheetnames == [*names[:2], "51000023T000000000505", "问题清单"]


def test_text_that_looks_like_a_formula_is_stored_as_text() -> None:
    case = load_case(ROOT / "cases" / "hand-05-qualitative.json")
    project = case.project.model_copy(
        update={"code": None, "name": '=HYPERLINK("x")', "department": "+cmd|' /C calc'!A0"}
    )
    row = case.indicators[0].model_copy(update={"name": "@SUM(A1:A9)", "reason": "-2+3"})
    changed = case.model_copy(
        update={"project": project, "indicators": (row, *case.indicators[1:])}
    )
    workbook = filled([evaluate(changed, load_rubric("mof-2020"))])
    sheet = workbook.worksheets[0]
    first = row_of(sheet, "绩效指标（90分）") + 1
    cells = [sheet["B3"], sheet["B4"], sheet.cell(first, 4), sheet.cell(first, 11)]
    assert [c.value for c in cells] == [
        '=HYPERLINK("x")',
        "+cmd|' /C calc'!A0",
        "@SUM(A1:A9)",
        "-2+3",
    ]
    assert [(c.data_type, c.quotePrefix) for c in cells] == [("s", True)] * 4
    listed = workbook["问题清单"]["A2"]
    assert (listed.value, listed.data_type, listed.quotePrefix) == ('=HYPERLINK("x")', "s", True)
    assert sheet["B5"].quotePrefix is False  # ordinary text is left alone


def test_an_unknown_layout_is_refused_with_the_available_ones() -> None:
    message = "未知的表样 'shanghai'（可用：sichuan-2023、mof-2020）"
    with pytest.raises(PerfscoreError, match=message):
        write_filled([evaluation("hand-01-quantitative")], io.BytesIO(), "shanghai")
    with pytest.raises(PerfscoreError, match=message):
        write_template("shanghai", io.BytesIO(), load_rubric("mof-2020"))


# --- the template ------------------------------------------------------------------------------


def rules(sheet: Worksheet) -> dict[str, tuple[Any, ...]]:
    return {
        str(rule.sqref): (
            rule.type,
            rule.operator,
            rule.formula1,
            rule.allow_blank,
            rule.promptTitle,
            rule.prompt,
            rule.showInputMessage,
        )
        for rule in sheet.data_validations.dataValidation
    }


def expected_rules(layout: Layout, budget: str, indicators: str) -> dict[str, tuple[Any, ...]]:
    """Each column's rule: a list, a number ≥ 0, or only the hint, over the given rows."""
    lists = {"level1": LEVEL1_LIST, "level2": LEVEL2_LIST, "operator": OPERATOR_LIST}
    expected: dict[str, tuple[Any, ...]] = {}
    columns = [(c, i, budget) for i, c in enumerate(layout.budget_columns, 3)]
    columns += [(c, i, indicators) for i, c in enumerate(layout.indicator_columns, 2)]
    for column, index, rows in columns:
        letter = "ABCDEFGHIJK"[index - 1]
        first, last = rows.split(":")
        if column.kind in lists:
            kind: tuple[Any, ...] = ("list", None, lists[column.kind])
        elif column.kind == "number":
            kind = ("decimal", "greaterThanOrEqual", "0")
        else:
            kind = (None, None, None)
        hint = (True, column.label, column.hint, True)
        expected[f"{letter}{first}:{letter}{last}"] = (*kind, *hint)
    return expected


def test_sichuan_template_has_drop_downs_number_checks_and_hints() -> None:
    workbook = template("sichuan-2023")
    assert workbook.sheetnames == ["部门预算项目支出绩效自评表", "填表说明"]
    sheet = workbook.worksheets[0]
    found = rules(sheet)
    assert found == expected_rules(SICHUAN_2023, "9:13", "16:35")
    assert found["B16:B35"][:3] == ("list", None, LEVEL1_LIST)
    assert found["E16:E35"][:3] == ("list", None, OPERATOR_LIST)
    assert found["I16:I35"][:3] == ("decimal", "greaterThanOrEqual", "0")
    assert found["F9:F13"][4:6] == ("预算执行率", "执行数 ÷ 调整后预算数，如 96.96%。")
    assert len(found) == 16
    assert (sheet["A36"].value, sheet["B3"].value, sheet["B16"].value) == ("自评得分", None, None)


def test_mof_template_has_drop_downs_number_checks_and_hints() -> None:
    workbook = template("mof-2020", 5)
    assert workbook.sheetnames == ["项目支出绩效自评表", "填表说明"]
    sheet = workbook.worksheets[0]
    found = rules(sheet)
    assert found == expected_rules(MOF_2020, "8:11", "13:17")
    assert found["C13:C17"][:3] == ("list", None, LEVEL2_LIST)
    assert found["E13:E17"][4:6] == (
        "年度指标值",
        "比较符号、数值和单位写在一起，如 ≥50个、≤90万元；定性指标写等级。",
    )
    assert len(found) == 14
    assert sheet["A18"].value == "总分"
    assert [sheet.cell(12, c).value for c in range(1, 10)] == [
        "绩效指标",
        *(c.label for c in MOF_2020.indicator_columns),
    ]


@pytest.mark.parametrize("layout", [SICHUAN_2023, MOF_2020], ids=lambda layout: layout.name)
def test_instructions_list_every_column_with_its_hint(layout: Layout) -> None:
    sheet = template(layout.name)["填表说明"]
    rows = list(sheet.iter_rows(min_row=5, values_only=True))
    start = rows.index((f"“{layout.indicator_section}”", None)) + 1
    columns = layout.indicator_columns
    assert rows[start : start + len(columns)] == [(f"“{c.label}”", c.hint) for c in columns]
    topics = [row[0] for row in rows]
    assert topics[:3] == ["“年度”", "“项目名称”", "“金额”"]
    assert "51042122T000006523456-2022年度政府工作经费" in str(rows[1][1])
    target = "“指标值”" if layout is SICHUAN_2023 else "“年度指标值”"
    assert target in topics[:10]


@pytest.mark.parametrize("layout", [SICHUAN_2023, MOF_2020], ids=lambda layout: layout.name)
def test_instructions_never_print_a_bare_form_label(layout: Layout) -> None:
    """A reader finds tables by their labels: the instructions quote them, so none is found."""
    sheet = template(layout.name)["填表说明"]
    labels = {layout.total_label, layout.budget_section, layout.indicator_section, "年度"}
    labels |= {*layout.project, *layout.goal, *layout.budget_rows}
    labels |= {c.label for c in (*layout.budget_columns, *layout.indicator_columns)}
    texts = {cell.value for row in sheet.iter_rows() for cell in row}
    assert "“项目名称”" in texts
    assert texts & labels == set()


COST_LEVEL_RUBRIC = """
extends = "mof-2020"
[levels.output]
weight = 40
aliases = ["产出"]
[levels.cost]
name = "成本指标"
weight = 10
"""


def test_the_level_drop_down_lists_the_rubric_levels(tmp_path: Path) -> None:
    path = tmp_path / "cost-level.toml"
    path.write_text(COST_LEVEL_RUBRIC, encoding="utf-8")
    stream = io.BytesIO()
    write_template("sichuan-2023", stream, load_rubric(str(path)))
    stream.seek(0)
    found = rules(load_workbook(stream).worksheets[0])
    assert found["B16:B35"][:3] == ("list", None, '"产出指标,效益指标,满意度指标,成本指标"')


def test_a_level_name_that_cannot_be_listed_is_said(tmp_path: Path) -> None:
    path = tmp_path / "comma.toml"
    path.write_text('extends = "mof-2020"\n[levels.output]\nname = "产出,数量"\n', encoding="utf-8")
    with pytest.raises(PerfscoreError, match="下拉列表选项 '产出,数量' 含逗号或引号"):
        write_template("sichuan-2023", io.BytesIO(), load_rubric(str(path)))
