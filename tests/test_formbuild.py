"""The fixture builder itself: every case draws in both layouts, and the drawing is the form."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from .formbuild import MESSY, PROMPTS, Style, book, mof_sheet, sichuan_sheet

CASES = Path(__file__).resolve().parent.parent / "cases"
LAYOUTS = ("sichuan", "mof")
MIYI = sorted(path.stem for path in CASES.glob("miyi-2022-[0-9]-*.json"))
PLAIN = Style()

#: 项目名称 as it must be printed, written out by hand (code-name when the case has a code).
PROJECT_NAMES = {
    "hand-01-quantitative": "51000023T000000000101-基层干部培训项目",
    "hand-02-given-weights": "51000023T000000000202-社区服务设备购置",
    "hand-03-missing-satisfaction": "51000023T000000000303-政策宣传项目",
    "hand-04-zero-budget-ascii": "51000023X000000000404-零预算测试项目",
    "hand-05-qualitative": "51000023T000000000505-文化下乡服务项目",
    "hand-06-budget-arithmetic": "51000023T000000000606-农村道路养护补助",
    "miyi-2022-1-network": "51042122Y000000391678-网络运行费",
    "miyi-2022-2-video-conference": "51042122T000006558631-视频会议系设备更新经费",
    "miyi-2022-3-party-conference": "51042122T000006558607-采购党政专用会议系统设备采购经费",
    "miyi-2022-4-response-center": "51042122T000006558316-米易县人民政府办公室全响应中心分会场设备采购经费",
    "miyi-2022-5-government-work": "51042122T000006523456-2022年度政府工作经费",
    "miyi-2022-6-project-drill": "51042122T000006427626-攀枝花2021年三季度项目拉练费用",
    "miyi-2022-7-aid-programs": "51042123Y000007599028-援藏援彝等其他项目",
}

#: hand-02 (written with Chinese keys) with every key in English.
HAND_02_ENGLISH: dict[str, Any] = {
    "kind": "project",
    "year": 2023,
    "project": {
        "name": "51000023T000000000202-社区服务设备购置",
        "department": "某县民政局",
        "implementer": "某县社区服务中心",
    },
    "goal": {"planned": "购置社区服务设备10台，覆盖全部社区。", "achieved": "购置设备15台。"},
    "summary": "按政府采购程序购置设备并安装。",
    "budget": {
        "initial": 50.00,
        "adjusted": 50.00,
        "executed": 52.00,
        "rate": "104.00%",
        "weight": 10,
        "score": 10,
        "unit": "万元",
    },
    "indicators": [
        {
            "level1": "产出指标（60分）",
            "level2": "数量指标",
            "name": "设备采购数量",
            "operator": "≥",
            "target": 10,
            "unit": "台",
            "actual": 15,
            "weight": 30,
            "score": 30,
        },
        {
            "level1": "产出指标（60分）",
            "level2": "成本指标",
            "name": "采购成本",
            "operator": "≥",
            "target": 50,
            "unit": "万元",
            "actual": "48万元",
            "weight": 30,
            "score": 30,
        },
        {
            "level1": "效益指标（30分）",
            "level2": "社会效益指标",
            "name": "服务覆盖率",
            "operator": "≥",
            "target": 120,
            "unit": "%",
            "actual": "110%",
            "weight": 25,
            "score": 25,
            "reason": "两个社区尚未通网",
        },
        {
            "level1": "满意度指标（5分）",
            "level2": "服务对象满意度指标",
            "name": "居民满意度",
            "operator": "≥",
            "target": 90,
            "unit": "期",
            "actual": 92,
            "weight": 10,
            "score": 10,
        },
    ],
    "claimed_score": 100,
}


# -- helpers -------------------------------------------------------------------------------------


def load(stem: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES / f"{stem}.json").read_text(encoding="utf-8"))
    return data


def reopened(workbook: Workbook) -> Workbook:
    """The workbook written to xlsx and read back, as the reader will see it."""
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return load_workbook(buffer)


def drawn(cases: list[dict[str, Any]], layout: str = "sichuan", style: Style = PLAIN) -> Worksheet:
    sheet = reopened(book(cases, layout, style=style)).active  # type: ignore[arg-type]
    assert isinstance(sheet, Worksheet)
    return sheet


def squash(value: object) -> str:
    """A cell's text without the line breaks and spaces of wrapped labels."""
    return "".join(str(value).split()) if value is not None else ""


def cells(ws: Worksheet, text: str) -> list[tuple[int, int]]:
    """(row, column) of every cell whose text, without whitespace, is ``text``."""
    found: list[tuple[int, int]] = []
    for row in ws.iter_rows():
        for each in row:
            if squash(each.value) == text and each.row is not None and each.column is not None:
                found.append((each.row, each.column))
    return found


def cell(ws: Worksheet, text: str) -> tuple[int, int]:
    found = cells(ws, text)
    assert len(found) == 1, f"{text!r} found at {found}"
    return found[0]


def merged(ws: Worksheet, row: int, col: int) -> tuple[int, int, int, int] | None:
    """(top, left, bottom, right) of the merged range holding a cell, or None."""
    for rng in ws.merged_cells.ranges:
        if rng.min_row <= row <= rng.max_row and rng.min_col <= col <= rng.max_col:
            return rng.min_row, rng.min_col, rng.max_row, rng.max_col
    return None


def right_of(ws: Worksheet, row: int, col: int) -> Any:
    """The value of the next cell to the right of a (possibly merged) label cell."""
    span = merged(ws, row, col)
    return ws.cell(row=row, column=(span[3] if span else col) + 1).value


def column_below(ws: Worksheet, header: str, count: int) -> list[Any]:
    row, col = cell(ws, header)
    return [ws.cell(row=row + 1 + i, column=col).value for i in range(count)]


def header_column(ws: Worksheet, header_row: int, text: str) -> int:
    matches = [c for r, c in cells(ws, text) if r == header_row]
    assert len(matches) == 1
    return matches[0]


# -- every case, both layouts --------------------------------------------------------------------


@pytest.mark.parametrize("style", [Style(), MESSY], ids=["plain", "messy"])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("stem", sorted(PROJECT_NAMES))
def test_every_case_draws(stem: str, layout: str, style: Style) -> None:
    case = load(stem)
    ws = drawn([case], layout, style)
    assert right_of(ws, *cell(ws, "项目名称")) == PROJECT_NAMES[stem]
    indicators = case.get("indicators") or case["绩效指标"]
    names = [i.get("name") or i.get("三级指标") for i in indicators]
    assert column_below(ws, "三级指标", len(names)) == names
    title = "部门预算项目支出绩效自评表" if layout == "sichuan" else "项目支出绩效自评表"
    year = case.get("year") or case.get("年度")
    expected_titles = {title + f"（{year}年度）"} if style.one_line_title else {title}
    assert squash(ws["A1"].value) in expected_titles
    if not style.one_line_title:
        assert ws["A2"].value == f"（{year}年度）"
    assert merged(ws, 1, 1) == (1, 1, 1, 11 if layout == "sichuan" else 10)


def test_chinese_keys_draw_like_english_keys() -> None:
    for layout in LAYOUTS:
        for style in (Style(), MESSY):
            chinese = drawn([load("hand-02-given-weights")], layout, style)
            english = drawn([HAND_02_ENGLISH], layout, style)
            assert [[c.value for c in r] for r in chinese.iter_rows()] == [
                [c.value for c in r] for r in english.iter_rows()
            ]
            assert set(map(str, chinese.merged_cells.ranges)) == set(
                map(str, english.merged_cells.ranges)
            )


# -- merged levels -------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_levels_merge_vertically_over_runs(layout: str) -> None:
    ws = drawn([load("miyi-2022-1-network")], layout)
    head, col1 = cell(ws, "一级指标")
    first = head + 1
    assert ws.cell(row=first, column=col1).value == "产出指标"
    assert merged(ws, first, col1) == (first, col1, first + 4, col1)  # 5 产出 rows
    assert ws.cell(row=first + 5, column=col1).value == "效益指标"
    assert merged(ws, first + 5, col1) == (first + 5, col1, first + 6, col1)
    assert ws.cell(row=first + 7, column=col1).value == "满意度指标"
    assert merged(ws, first + 7, col1) is None  # a single row is not merged
    # every 二级 of miyi-1 differs: none merged
    assert all(merged(ws, first + i, col1 + 1) is None for i in range(8))
    # the section label spans header and all rows
    section = "绩效指标完成情况" if layout == "sichuan" else "绩效指标"
    assert merged(ws, *cell(ws, section)) == (head, 1, first + 7, 1)


def test_level2_runs_stop_at_level1_boundaries() -> None:
    case = load("hand-06-budget-arithmetic")
    case["indicators"] = [
        {"level1": "产出指标", "level2": "数量指标", "name": "甲", "operator": "≥", "target": 1},
        {"level1": "产出指标", "level2": "数量指标", "name": "乙", "operator": "≥", "target": 2},
        {"level1": "效益指标", "level2": "数量指标", "name": "丙", "operator": "≥", "target": 3},
        {"level1": "效益指标", "name": "丁", "operator": "≥", "target": 4},
        {"level1": "效益指标", "name": "戊", "operator": "≥", "target": 5},
    ]
    ws = drawn([case])
    head, col1 = cell(ws, "一级指标")
    first = head + 1
    assert merged(ws, first, col1) == (first, col1, first + 1, col1)
    assert merged(ws, first + 2, col1) == (first + 2, col1, first + 4, col1)
    assert merged(ws, first, col1 + 1) == (first, col1 + 1, first + 1, col1 + 1)
    assert merged(ws, first + 2, col1 + 1) is None  # same 二级, other 一级
    assert merged(ws, first + 3, col1 + 1) is None  # blank 二级 never merged
    assert ws.cell(row=first + 3, column=col1 + 1).value is None


@pytest.mark.parametrize("layout", LAYOUTS)
def test_unmerged_levels_leave_blanks_below(layout: str) -> None:
    ws = drawn([load("miyi-2022-1-network")], layout, Style(unmerged_levels=True))
    head, col1 = cell(ws, "一级指标")
    levels = [ws.cell(row=head + 1 + i, column=col1).value for i in range(8)]
    assert levels == ["产出指标", None, None, None, None, "效益指标", None, "满意度指标"]
    assert all(merged(ws, head + 1 + i, col1) is None for i in range(8))


# -- values --------------------------------------------------------------------------------------


def test_amounts_are_numbers_with_two_decimals_shown() -> None:
    ws = drawn([load("miyi-2022-1-network")])
    row, col = cell(ws, "总额")
    initial = ws.cell(row=row, column=col + 2)
    assert initial.value == pytest.approx(28.08)
    assert isinstance(initial.value, float)
    assert initial.number_format == "0.00"
    assert ws.cell(row=row, column=col + 7).value == "100.00%"  # rate text kept as written
    target = column_below(ws, "指标值", 1)[0]
    assert target == 22
    assert isinstance(target, int)


def test_numbers_as_text_and_rate_as_fraction() -> None:
    style = Style(numbers_as_text=True, rate_as_fraction=True)
    ws = drawn([load("miyi-2022-5-government-work")], style=style)
    row, col = cell(ws, "总额")
    values = [ws.cell(row=row, column=col + i).value for i in (2, 4, 6)]
    assert values == ["0.00", "67.00", "64.96"]
    rate = ws.cell(row=row, column=col + 7)
    assert rate.value == pytest.approx(0.9696)
    assert rate.number_format == "0.00%"
    assert column_below(ws, "指标值", 2) == ["100", "200000"]
    score_col = header_column(ws, cell(ws, "三级指标")[0], "得分")
    total = cell(ws, "自评得分")
    assert ws.cell(row=total[0], column=score_col).value == "100"


def test_ascii_operators_survive_as_text() -> None:
    style = Style(ascii_operators=True)
    sichuan = drawn([load("miyi-2022-1-network")], style=style)
    assert column_below(sichuan, "指标性质", 8) == [">=", ">=", "=", "=", "<", ">=", ">=", ">="]
    mof = drawn([load("hand-04-zero-budget-ascii")], "mof")
    assert column_below(mof, "年度指标值", 5) == [">=10套", "<=5万元", "=1项", ">0次", "<3次"]
    assert mof.cell(*cell(mof, "=1项")).data_type == "s"


def test_mof_target_is_one_string() -> None:
    ws = drawn([load("miyi-2022-1-network")], "mof")
    assert column_below(ws, "年度指标值", 8) == [
        "≥22个（套）",
        "≥100批次",
        "＝12月",
        "＝280810元/户",
        "＜1起",
        "≥100篇（部）",
        "≥100篇（部）",
        "≥98期",
    ]
    qualitative = drawn([load("miyi-2022-2-video-conference")], "mof")
    assert column_below(qualitative, "年度指标值", 2) == ["＝1套", "优良中低差"]
    written = drawn([load("hand-03-missing-satisfaction")], "mof")
    assert column_below(written, "年度指标值", 1) == ["≥50个"]


# -- blocks --------------------------------------------------------------------------------------


def test_sichuan_budget_rows_by_source_name() -> None:
    ws = drawn([load("hand-01-quantitative")])
    row, col = cell(ws, "总额")
    labels = [ws.cell(row=row + i, column=col).value for i in range(5)]
    assert labels == ["总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"]
    executed = [ws.cell(row=row + i, column=col + 6).value for i in range(5)]
    assert executed == [102, 95, None, 7, None]
    assert ws.cell(row=row, column=col + 8).value == 10  # 权重 on the total row
    assert ws.cell(row=row, column=col + 9).value == pytest.approx(8.5)
    assert ws.cell(row=row + 1, column=col + 8).value is None
    assert cells(ws, "未达90%或调整的原因") == []
    with_reason = drawn([load("hand-06-budget-arithmetic")])
    reason = cell(with_reason, "未达90%或调整的原因")
    assert right_of(with_reason, *reason) == "年中追加单位自筹资金2万元用于桥涵维修"
    assert merged(with_reason, *cell(with_reason, "预算执行情况"))[2] == reason[0]  # type: ignore[index]


def test_mof_budget_block() -> None:
    ws = drawn([load("hand-01-quantitative")], "mof")
    row, col = cell(ws, "年度资金总额")
    rows = [[ws.cell(row=row + i, column=col + j).value for j in range(8)] for i in range(5)]
    assert rows[0] == ["年度资金总额", None, 100, 120, 102, 10, "85.00%", 8.5]
    assert rows[1] == ["其中：当年财政拨款", None, 100, 110, 95, "—", "86.36%", "—"]
    assert rows[2] == ["上年结转资金", None, None, None, None, "—", None, "—"]
    assert rows[3] == ["单位资金", None, 0, 10, 7, "—", "70.00%", "—"]
    assert rows[4] == ["其他资金", None, None, None, None, "—", None, "—"]
    total = cell(ws, "总分")
    assert [ws.cell(row=total[0], column=c).value for c in (7, 8)] == [100, 95]
    no_weight = drawn([load("hand-03-missing-satisfaction")], "mof")
    row, col = cell(no_weight, "年度资金总额")
    assert no_weight.cell(row=row, column=col + 5).value == 10  # the template's 分值
    assert no_weight.cell(row=row, column=col + 7).value is None


def test_sichuan_total_row_only_with_a_claimed_score() -> None:
    assert cells(drawn([load("hand-03-missing-satisfaction")]), "自评得分") == []
    ws = drawn([load("hand-06-budget-arithmetic")], style=Style(total_label="合计"))
    head = cell(ws, "三级指标")[0]
    row = cell(ws, "合计")[0]
    assert row == head + 4
    assert ws.cell(row=row, column=header_column(ws, head, "得分")).value == pytest.approx(99.62)


def test_level_points_only_where_they_fit() -> None:
    style = Style(level_points=True)

    def level1(stem: str) -> list[Any]:
        ws = drawn([load(stem)], style=style)
        return [v for v in column_below(ws, "一级指标", 8) if v is not None]

    assert level1("miyi-2022-1-network") == ["产出指标(50分)", "效益指标(30分)", "满意度指标(10分)"]
    assert level1("hand-01-quantitative")[0] == "产出指标(50分)"
    assert level1("miyi-2022-7-aid-programs")[-1] == "成本指标"  # a fourth level: no points
    assert level1("miyi-2022-7-aid-programs")[0] == "产出指标"
    assert level1("hand-03-missing-satisfaction")[0] == "产出指标"  # no 满意度: weights moved
    assert level1("hand-02-given-weights")[:2] == ["产出指标（60分）", "效益指标（30分）"]


def test_prompts_fill_only_empty_texts() -> None:
    ws = drawn([load("hand-03-missing-satisfaction")], style=Style(prompts=True))
    row, col = cell(ws, "年度目标完成情况")
    assert ws.cell(row=row + 1, column=col).value == PROMPTS["achieved"]
    plain = drawn([load("hand-03-missing-satisfaction")])
    assert plain.cell(row=row + 1, column=col).value is None
    filled = drawn([load("miyi-2022-6-project-drill")], style=Style(prompts=True))
    assert filled.cell(row=row + 1, column=col).value == "高质量完成2021年三季度项目拉练"


def test_messy_budget_header_and_spacers() -> None:
    ws = drawn([load("miyi-2022-1-network")], style=MESSY)
    row, col = cell(ws, "年度预算数（万元）")
    assert merged(ws, row, col) == (row, col, row, col + 4)
    assert squash(ws.cell(row=row + 1, column=col).value) == "年初预算"
    assert merged(ws, *cell(ws, "预算执行率")) == (row, col + 5, row + 1, col + 5)
    assert ws["A1"].value == "部门预算项目支出绩效自评表（2022年度）"
    assert all(c.value is None for c in ws[2])  # spacer after the title
    assert cell(ws, "预算执行情况（10分）")[0] == row
    assert cell(ws, "绩效指标（90分）")[0] == row + 8  # 2 header + 5 rows + spacer


# -- workbooks -----------------------------------------------------------------------------------


@pytest.mark.parametrize("layout", LAYOUTS)
def test_stacked_tables_appear_in_order(layout: str) -> None:
    cases = [load(stem) for stem in MIYI]
    ws = drawn(cases, layout)
    rows = cells(ws, "项目名称")
    assert [right_of(ws, *at) for at in rows] == [PROJECT_NAMES[stem] for stem in MIYI]
    assert [r for r, _ in rows] == sorted(r for r, _ in rows)
    title = "部门预算项目支出绩效自评表" if layout == "sichuan" else "项目支出绩效自评表"
    titles = [r for r, _ in cells(ws, title)]
    assert len(titles) == len(cases)
    for start in titles[1:]:  # two blank rows before every further table
        assert all(c.value is None for r in (start - 2, start - 1) for c in ws[r])


def test_stacked_tables_return_the_next_free_row() -> None:
    ws = Workbook().active
    assert isinstance(ws, Worksheet)
    end = sichuan_sheet(ws, load("miyi-2022-1-network"), top=5)
    assert ws.max_row == end - 1
    assert ws["A5"].value == "部门预算项目支出绩效自评表"
    after = mof_sheet(ws, load("hand-01-quantitative"), top=end)
    assert ws.cell(row=end, column=1).value == "项目支出绩效自评表"
    assert ws.max_row == after - 1


def test_one_table_per_sheet() -> None:
    cases = [load(stem) for stem in MIYI]
    workbook = reopened(book(cases, "mof", per_sheet=True))
    assert len(workbook.worksheets) == len(cases)
    for ws, stem in zip(workbook.worksheets, MIYI, strict=True):
        assert right_of(ws, *cell(ws, "项目名称")) == PROJECT_NAMES[stem]
        assert len(ws.title) <= 31
    assert len({ws.title for ws in workbook.worksheets}) == len(cases)
    twice = reopened(book([cases[0], cases[0]], per_sheet=True))
    assert len({ws.title for ws in twice.worksheets}) == 2
