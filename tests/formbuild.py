"""Test fixture builder: the Excel self-evaluation forms county clerks fill, drawn from case JSON.

An independent oracle for the form reader: it takes a case as a plain dict (``json.load``
output, English or Chinese keys, floats or Decimals) and draws it with openpyxl the way the
forms are really filled, so a test can read the workbook back and compare with the JSON. It
shares no code with perfscore and does not import it.

Sichuan 2023 部门预算项目支出绩效自评表 (``sichuan_sheet``), columns A..K. ``|`` separates
cells, ``(C:F)`` is a horizontal merge, ``^`` a cell merged with the one above, ``…`` continues
a long row; the 项目名称 and 主管部门 labels span A:B::

    部门预算项目支出绩效自评表                                     (A:K merged, bold)
    （2022年度）                                                   (A:K merged; one row if
                                                                    style.one_line_title)
    项目名称 | 51042122Y000000391678-网络运行费  (C:K)
    主管部门 | department (C:F) | 实施单位 (G:H) | implementer (I:K)   (C:K when no implementer)
    项目基本情况 | 1.项目年度目标完成情况 | 项目年度目标 (C:F)  | 年度目标完成情况 (G:K)
    ^            | ^                      | planned      (C:F)  | achieved         (G:K)
    ^            | 2.项目实施内容及过程概述 | summary (C:K)
    预算执行情况 | 年度预算数（万元）(B:C) | 年初预算 (D:E) | 调整后预算数 (F:G) | 预算执行数 (H)
                 … | 预算执行率 (I) | 权重 (J) | 得分 (K)
    ^            | 总额 (B:C)      | initial | adjusted | executed | rate | weight | score
    ^            | 其中：财政资金  | source 财政资金 (weight, score cells blank)
    ^            | 财政专户管理资金 | source of that name, blank cells if absent
    ^            | 单位资金        | ...
    ^            | (any other source, by its own name)
    ^            | 其他资金        | ...
    ^            | 未达90%或调整的原因 | budget.reason (D:K)          (only if there is a reason)
    绩效指标完成情况 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值
                     … | 权重 | 得分 | 未完成原因分析                      (B..K, one column each)
    ^                | 产出指标 | 数量指标 | name | ≥ | 22 | 个（套） | 已全部完成 | w | s | reason
    ^                | ^        | 质量指标 | ...
    ^                | 效益指标 | ...
    自评得分 (A:H)   | (I blank) | claimed_score (J) | (K)       (only if claimed_score is given)

With ``style.budget_super_header`` the budget header takes two rows: "年度预算数（万元）" over
D:H, the row labels 年初预算 / 调整后预算数 / 预算执行数 below it, and 预算执行率 / 权重 / 得分
(and the blank B:C corner) merged down over both rows. ``style.section_points`` writes the
col-A labels "预算执行情况（10分）" and "绩效指标（90分）".

财预〔2020〕10号 附件1 项目支出绩效自评表 (``mof_sheet``), columns A..J::

    项目支出绩效自评表                                              (A:J merged)
    （2022年度）
    项目名称 | code-name (C:J)
    主管部门 | department (C:E) | 实施单位 (F:G) | implementer (H:J)
    项目资金（万元） | (B:C blank) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率
                     … | 得分 (I:J)        (D..H one column each)
    ^ | 年度资金总额 (B:C)       | initial | adjusted | executed | weight or 10 | rate | score
    ^ | 其中：当年财政拨款      | the 财政资金/财政拨款 source, else the first unplaced one | — | rate | —
    ^ | 上年结转资金            | a source whose name holds 结转                               | — | rate | —
    ^ | (any other source, by its own name)                                   | — | rate | —
    ^ | 其他资金                | the source named 其他资金                                   | — | rate | —
    年度总体目标 | 预期目标 (B:F)  | 实际完成情况 (G:J)
    ^            | planned (B:F)   | achieved (G:J)
    绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分
             … | 偏差原因分析及改进措施 (I:J)
    ^        | 产出指标 | 数量指标 | name | ≥22个（套） | actual | weight | score | reason (I:J)
    总分 (A:F) | 100 (G) | claimed_score (H) | (I:J)

年度指标值 is one string: operator + number + unit ("≥22个（套）", "＝12月"); a 定性 target is
the target text alone; with no operator it is the target (plus unit when the target is a number).

In both layouts 一级指标 and 二级指标 are merged vertically over consecutive rows holding the same
value (二级 runs never cross a 一级 boundary); ``style.unmerged_levels`` writes them on the first
row of a run only. ``style.spacer_rows`` puts one blank row between sections. Values are
transcribed exactly: numbers as numbers (int when integral), text as text, None as an empty
cell; amounts carry the number format "0.00".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "MESSY",
    "PROMPTS",
    "SICHUAN_SOURCES",
    "Style",
    "book",
    "english",
    "mof_sheet",
    "sichuan_sheet",
]


@dataclass(frozen=True)
class Style:
    """Switches for the mess real forms carry; all off by default."""

    numbers_as_text: bool = False  # amounts, targets, actuals, weights, scores as "28.08" strings
    rate_as_fraction: bool = False  # "96.96%" -> the number 0.9696 with number_format "0.00%"
    level_points: bool = False  # 产出指标(50分) 效益指标(30分) 满意度指标(10分), when they fit
    spacer_rows: bool = False  # one blank row between sections
    ascii_operators: bool = False  # >= <= = < > instead of ≥ ≤ ＝ ＜ ＞
    unmerged_levels: bool = False  # 一级/二级 on the first row of a run only, blanks below
    prompts: bool = False  # template prompts left in empty 目标/完成情况/概述 cells
    one_line_title: bool = False  # "部门预算项目支出绩效自评表（2022年度）" in one row
    budget_super_header: bool = (
        False  # Sichuan: "年度预算数（万元）" as its own row over the amounts
    )
    section_points: bool = False  # Sichuan: "预算执行情况（10分）", "绩效指标（90分）"
    wrapped_labels: bool = False  # labels broken by newlines: "一级\n指标", "预算\n执行\n情况"
    total_label: str = "自评得分"  # Sichuan final row label ("自评得分", "合计", "总分")


#: Every switch on except ``prompts`` (which is only for cases with empty goal texts).
MESSY: Final = Style(
    numbers_as_text=True,
    rate_as_fraction=True,
    level_points=True,
    spacer_rows=True,
    ascii_operators=True,
    unmerged_levels=True,
    one_line_title=True,
    budget_super_header=True,
    section_points=True,
    wrapped_labels=True,
    total_label="合计",
)

#: Template prompts left in empty text cells when ``Style.prompts`` is on (field -> prompt).
PROMPTS: Final[dict[str, str]] = {
    "planned": "（填写项目年度绩效目标）",
    "achieved": "（对照年度目标，说明……）",
    "summary": "（简要说明项目实施内容及过程）",
}

#: The fixed funding rows of the Sichuan form (source name -> row label), in form order.
SICHUAN_SOURCES: Final[dict[str, str]] = {
    "财政资金": "其中：财政资金",
    "财政专户管理资金": "财政专户管理资金",
    "单位资金": "单位资金",
    "其他资金": "其他资金",
}

_OFFICIAL_POINTS: Final[dict[str, int]] = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}
_ASCII: Final[dict[str, str]] = {"≥": ">=", "≤": "<=", "＝": "=", "＜": "<", "＞": ">"}
_PERCENT: Final = re.compile(r"\s*([+-]?\d+(?:\.\d+)?)\s*[%％]\s*")
_SHEET_FORBIDDEN: Final = re.compile(r"[\[\]:*?/\\]")
_MOF_GRANT: Final = frozenset({"当年财政拨款", "财政拨款", "财政资金"})
_STACK_GAP: Final = 2  # blank rows between stacked tables

# ----------------------------------------------------------------------------------------------
# Case keys: the JSON may spell every key in English or with the Chinese column name.

_CASE_KEYS: Final = {
    "year": ("year", "年度"),
    "project": ("project", "项目", "项目基本情况"),
    "goal": ("goal", "绩效目标", "项目年度目标完成情况"),
    "summary": ("summary", "项目实施内容及过程概述", "实施情况"),
    "budget": ("budget", "预算执行情况"),
    "indicators": ("indicators", "绩效指标", "绩效指标完成情况"),
    "claimed_score": ("claimed_score", "自评得分"),
}
_PROJECT_KEYS: Final = {
    "code": ("code", "项目编码", "项目代码"),
    "name": ("name", "项目名称"),
    "department": ("department", "主管部门"),
    "implementer": ("implementer", "实施单位"),
}
_GOAL_KEYS: Final = {
    "planned": ("planned", "项目年度目标", "年度目标"),
    "achieved": ("achieved", "年度目标完成情况", "目标完成情况"),
}
_ROW_KEYS: Final = {
    "initial": ("initial", "年初预算", "年初预算数"),
    "adjusted": ("adjusted", "调整后预算数", "调整后预算", "全年预算数"),
    "executed": ("executed", "预算执行数", "全年执行数", "执行数"),
    "rate": ("rate", "预算执行率", "执行率"),
}
_SOURCE_KEYS: Final = {"name": ("name", "资金来源", "名称"), **_ROW_KEYS}
_BUDGET_KEYS: Final = {
    **_ROW_KEYS,
    "weight": ("weight", "权重", "分值"),
    "score": ("score", "得分"),
    "unit": ("unit", "金额单位", "单位"),
    "reason": ("reason", "未达90%或调整的原因", "偏差原因", "原因"),
    "sources": ("sources", "资金来源", "其中"),
}
_INDICATOR_KEYS: Final = {
    "level1": ("level1", "一级指标"),
    "level2": ("level2", "二级指标"),
    "name": ("name", "三级指标", "指标名称"),
    "operator": ("operator", "指标性质", "比较符号"),
    "target": ("target", "指标值", "年度指标值", "目标值"),
    "unit": ("unit", "度量单位", "计量单位"),
    "actual": ("actual", "完成值", "实际完成值", "全年实际值"),
    "weight": ("weight", "权重", "分值"),
    "score": ("score", "得分"),
    "reason": ("reason", "偏差原因", "未完成原因分析", "偏差原因分析及改进措施", "原因"),
}


def _rename(data: Mapping[str, Any] | None, table: Mapping[str, Sequence[str]]) -> dict[str, Any]:
    """The fields of ``table`` found in ``data`` under any spelling, by English name."""
    out: dict[str, Any] = {}
    for field, spellings in table.items():
        for key in spellings:
            if data is not None and key in data:
                out[field] = data[key]
                break
    return out


def english(case: Mapping[str, Any]) -> dict[str, Any]:
    """``case`` with English keys at every level (kind and $schema dropped)."""
    out = _rename(case, _CASE_KEYS)
    out["project"] = _rename(out.get("project"), _PROJECT_KEYS)
    out["goal"] = _rename(out.get("goal"), _GOAL_KEYS)
    budget = _rename(out.get("budget"), _BUDGET_KEYS)
    budget["sources"] = [_rename(s, _SOURCE_KEYS) for s in budget.get("sources") or ()]
    out["budget"] = budget
    out["indicators"] = [_rename(i, _INDICATOR_KEYS) for i in out.get("indicators") or ()]
    return out


# ----------------------------------------------------------------------------------------------
# Values


def _is_number(value: object) -> bool:
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def _number(value: Any) -> int | float:
    """A JSON number as the cell value: int when integral, else float."""
    exact = Decimal(str(value))
    return int(exact) if exact == exact.to_integral_value() else float(exact)


def _plain(value: Any) -> str:
    """A number as a clerk types it: no exponent, no trailing zeros ("22", "0.5", "28.08")."""
    if isinstance(value, int):
        return str(value)
    return format(Decimal(str(value)).normalize(), "f")


def _amount_text(value: Any) -> str:
    """An amount typed as text: two decimals ("0.00", "28.08") unless it has more."""
    exact = Decimal(str(value))
    exponent = exact.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -2:
        return f"{exact:.2f}"
    return _plain(value)


def _bare(name: object) -> str:
    """A funding row name without its 其中 prefix."""
    text = str(name or "").strip()
    for prefix in ("其中：", "其中:", "其中"):
        text = text.removeprefix(prefix)
    return text.strip()


def _year_text(year: object) -> str | None:
    if year is None or year == "":
        return None
    return f"（{str(year).strip().removesuffix('年')}年度）"


def _project_name(project: Mapping[str, Any]) -> Any:
    code, name = project.get("code"), project.get("name")
    return f"{code}-{name}" if code not in (None, "") else name


# ----------------------------------------------------------------------------------------------
# Drawing

_THIN: Final = Side(style="thin")
_BOX: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP: Final = Alignment(wrap_text=True, vertical="center")
_CENTRE: Final = Alignment(horizontal="center", vertical="center", wrap_text=True)
_TITLE: Final = Font(bold=True, size=16)


class _Pen:
    """Writes cells and merged spans on one worksheet in one style."""

    def __init__(self, ws: Worksheet, style: Style) -> None:
        self.ws = ws
        self.style = style

    def put(
        self,
        row: int,
        col: int,
        value: Any,
        *,
        number_format: str | None = None,
        label: bool = False,
    ) -> None:
        cell = self.ws.cell(row=row, column=col)
        if value is not None:
            cell.value = value
            if isinstance(value, str) and value.startswith("="):
                cell.data_type = "s"  # text such as "=" or "=1项", not a formula
        if number_format is not None:
            cell.number_format = number_format
        cell.border = _BOX
        cell.alignment = _CENTRE if label else _WRAP

    def span(
        self,
        top: int,
        left: int,
        bottom: int,
        right: int,
        value: Any,
        *,
        number_format: str | None = None,
        label: bool = False,
    ) -> None:
        """``value`` in the top-left cell of the rectangle, merged when it is more than one cell."""
        for row in range(top, bottom + 1):
            for col in range(left, right + 1):
                self.put(row, col, None, label=label)
        self.put(top, left, value, number_format=number_format, label=label)
        if (top, left) != (bottom, right):
            self.ws.merge_cells(start_row=top, start_column=left, end_row=bottom, end_column=right)

    def label(
        self, top: int, left: int, bottom: int, right: int, text: str, *, tall: bool = False
    ) -> None:
        """A printed label: wrapped when the style says so (``tall``: a narrow col-A label)."""
        if self.style.wrapped_labels:
            text = _stack(text) if tall else _halve(text)
        self.span(top, left, bottom, right, text, label=True)

    def title(self, row: int, width: int, text: str) -> None:
        self.ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        cell = self.ws.cell(row=row, column=1)
        cell.value = text
        cell.font = _TITLE
        cell.alignment = Alignment(horizontal="center", vertical="center")

    # -- values ---------------------------------------------------------------------------------

    def number(self, value: Any, *, amount: bool = False) -> tuple[Any, str | None]:
        """A value and its number format: numbers as numbers (or text), anything else as is."""
        if not _is_number(value):
            return value, None
        if self.style.numbers_as_text:
            return (_amount_text(value) if amount else _plain(value)), None
        return _number(value), ("0.00" if amount else None)

    def rate(self, value: Any) -> tuple[Any, str | None]:
        if self.style.rate_as_fraction and isinstance(value, str):
            match = _PERCENT.fullmatch(value)
            if match is not None:
                return _number(Decimal(match.group(1)) / 100), "0.00%"
        return self.number(value)

    def operator(self, value: Any) -> Any:
        if self.style.ascii_operators and isinstance(value, str):
            return _ASCII.get(value.strip(), value)
        return value

    def text(self, value: Any, field: str) -> Any:
        if value in (None, "") and self.style.prompts:
            return PROMPTS[field]
        return value

    def value(
        self, row: int, left: int, value: Any, *, right: int | None = None, amount: bool = False
    ) -> None:
        cell, fmt = self.number(value, amount=amount)
        self.span(row, left, row, right or left, cell, number_format=fmt)

    def rate_cell(self, row: int, left: int, value: Any, *, right: int | None = None) -> None:
        cell, fmt = self.rate(value)
        self.span(row, left, row, right or left, cell, number_format=fmt)

    def gap(self, row: int) -> int:
        return row + 1 if self.style.spacer_rows else row


def _halve(text: str) -> str:
    """A column header broken in the middle, as in narrow printed columns ("一级\n指标")."""
    if len(text) <= 3:
        return text
    middle = (len(text) + 1) // 2
    return f"{text[:middle]}\n{text[middle:]}"


def _stack(text: str) -> str:
    """A col-A section label two characters a line ("预算\n执行\n情况（10分）")."""
    base, paren, rest = text.partition("（")
    lines = [base[i : i + 2] for i in range(0, len(base), 2)]
    if paren:
        lines.append(paren + rest)
    return "\n".join(lines)


def _widths(ws: Worksheet, widths: Sequence[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def _runs(keys: Sequence[object]) -> list[tuple[int, int]]:
    """``[start, stop)`` index ranges of consecutive equal keys."""
    runs: list[tuple[int, int]] = []
    start = 0
    for index in range(1, len(keys) + 1):
        if index == len(keys) or keys[index] != keys[start]:
            runs.append((start, index))
            start = index
    return runs


def _levels(pen: _Pen, top: int, col: int, labels: Sequence[Any], keys: Sequence[object]) -> None:
    """One level column: each run of equal keys merged vertically (or written once)."""
    for start, stop in _runs(keys):
        label = labels[start]
        if stop - start > 1 and not pen.style.unmerged_levels:
            pen.span(top + start, col, top + stop - 1, col, label, label=True)
            continue
        pen.put(top + start, col, label, label=True)
        for index in range(start + 1, stop):
            pen.put(top + index, col, None)


def _level_columns(
    pen: _Pen, top: int, indicators: Sequence[Mapping[str, Any]], col1: int, col2: int
) -> None:
    """一级 and 二级 of every indicator row; a blank 二级 never joins a run."""
    labels1 = _level1_labels(indicators, pen.style)
    level1 = [i.get("level1") for i in indicators]
    level2 = [i.get("level2") for i in indicators]
    keys2: list[object] = [
        (run, l2) if l2 not in (None, "") else object()
        for run, (start, stop) in enumerate(_runs(level1))
        for l2 in level2[start:stop]
    ]
    _levels(pen, top, col1, labels1, level1)
    _levels(pen, top, col2, level2, keys2)


def _level1_labels(indicators: Sequence[Mapping[str, Any]], style: Style) -> list[Any]:
    names = [i.get("level1") for i in indicators]
    if not style.level_points or not _points_fit(indicators):
        return names
    return [f"{name}({_OFFICIAL_POINTS[str(name)]}分)" for name in names]


def _points_fit(indicators: Sequence[Mapping[str, Any]]) -> bool:
    """The official 50/30/10 fit: exactly the three plain levels, and any weights agree."""
    names = [str(i.get("level1")) for i in indicators]
    if set(names) != set(_OFFICIAL_POINTS):
        return False
    weights = [i.get("weight") for i in indicators]
    if all(w is None for w in weights):
        return True
    if not all(_is_number(w) for w in weights):
        return False
    sums = dict.fromkeys(_OFFICIAL_POINTS, Decimal(0))
    for name, weight in zip(names, weights, strict=True):
        sums[name] += Decimal(str(weight))
    return all(sums[name] == points for name, points in _OFFICIAL_POINTS.items())


def _title_block(pen: _Pen, row: int, width: int, title: str, year: object) -> int:
    year_text = _year_text(year)
    if pen.style.one_line_title:
        pen.title(row, width, title + (year_text or ""))
        return row + 1
    pen.title(row, width, title)
    row += 1
    if year_text is not None:
        pen.title(row, width, year_text)
        row += 1
    return row


def _project_block(
    pen: _Pen, row: int, project: Mapping[str, Any], cols: tuple[int, int, int], *, fixed: bool
) -> int:
    """项目名称 and 主管部门 | 实施单位; ``cols``: dept end, 实施单位 label end, last column.

    ``fixed``: the 实施单位 cells are printed even when empty (the MOF template); otherwise a
    missing implementer leaves the department across the whole row (the seed's tables).
    """
    dept_end, impl_label_end, last = cols
    pen.label(row, 1, row, 2, "项目名称")
    pen.span(row, 3, row, last, _project_name(project))
    row += 1
    pen.label(row, 1, row, 2, "主管部门")
    implementer = project.get("implementer")
    if implementer is None and not fixed:
        pen.span(row, 3, row, last, project.get("department"))
        return row + 1
    pen.span(row, 3, row, dept_end, project.get("department"))
    pen.label(row, dept_end + 1, row, impl_label_end, "实施单位")
    pen.span(row, impl_label_end + 1, row, last, implementer)
    return row + 1


# ----------------------------------------------------------------------------------------------
# Sichuan 2023

_S_WIDTH: Final = 11
_S_WIDTHS: Final = (8, 14, 10, 24, 8, 12, 12, 14, 8, 8, 20)
_S_INDICATOR_HEADERS: Final = (
    "一级指标",
    "二级指标",
    "三级指标",
    "指标性质",
    "指标值",
    "度量单位",
    "完成值",
    "权重",
    "得分",
    "未完成原因分析",
)


def sichuan_sheet(
    ws: Worksheet, case: Mapping[str, Any], *, top: int = 1, style: Style = Style()
) -> int:
    """Draw one Sichuan 2023 部门预算项目支出绩效自评表 from row ``top``; the next free row."""
    data = english(case)
    pen = _Pen(ws, style)
    _widths(ws, _S_WIDTHS)
    row = pen.gap(_title_block(pen, top, _S_WIDTH, "部门预算项目支出绩效自评表", data.get("year")))
    row = pen.gap(_project_block(pen, row, data["project"], (6, 8, _S_WIDTH), fixed=False))
    row = pen.gap(_sichuan_goal(pen, row, data))
    row = pen.gap(_sichuan_budget(pen, row, data["budget"]))
    row = _sichuan_indicators(pen, row, data["indicators"])
    claimed = data.get("claimed_score")
    if claimed is not None:
        pen.label(row, 1, row, 8, style.total_label)
        pen.put(row, 9, None)
        pen.value(row, 10, claimed)
        pen.put(row, 11, None)
        row += 1
    return row


def _sichuan_goal(pen: _Pen, row: int, data: Mapping[str, Any]) -> int:
    goal = data["goal"]
    pen.label(row, 1, row + 2, 1, "项目基本情况", tall=True)
    pen.span(row, 2, row + 1, 2, "1.项目年度目标完成情况", label=True)
    pen.label(row, 3, row, 6, "项目年度目标")
    pen.label(row, 7, row, 11, "年度目标完成情况")
    pen.span(row + 1, 3, row + 1, 6, pen.text(goal.get("planned"), "planned"))
    pen.span(row + 1, 7, row + 1, 11, pen.text(goal.get("achieved"), "achieved"))
    pen.span(row + 2, 2, row + 2, 2, "2.项目实施内容及过程概述", label=True)
    pen.span(row + 2, 3, row + 2, 11, pen.text(data.get("summary"), "summary"))
    return row + 3


def _sichuan_sources(
    sources: Iterable[Mapping[str, Any]],
) -> list[tuple[str, Mapping[str, Any] | None]]:
    """The funding rows in form order: the fixed ones by name, others by their own name."""
    by_name: dict[str, Mapping[str, Any]] = {}
    extras: list[tuple[str, Mapping[str, Any] | None]] = []
    for source in sources:
        bare = _bare(source.get("name"))
        if bare in SICHUAN_SOURCES and bare not in by_name:
            by_name[bare] = source
        else:
            extras.append((str(source.get("name")), source))
    rows = [(label, by_name.get(name)) for name, label in SICHUAN_SOURCES.items()]
    return rows[:-1] + extras + rows[-1:]


def _sichuan_budget_header(pen: _Pen, row: int, unit: str) -> int:
    heads = f"年度预算数（{unit}）"
    if pen.style.budget_super_header:
        pen.span(row, 2, row + 1, 3, None, label=True)
        pen.span(row, 4, row, 8, heads, label=True)
        pen.label(row, 9, row + 1, 9, "预算执行率")
        pen.label(row, 10, row + 1, 10, "权重")
        pen.label(row, 11, row + 1, 11, "得分")
        row += 1
    else:
        pen.span(row, 2, row, 3, heads, label=True)
        pen.label(row, 9, row, 9, "预算执行率")
        pen.label(row, 10, row, 10, "权重")
        pen.label(row, 11, row, 11, "得分")
    pen.label(row, 4, row, 5, "年初预算")
    pen.label(row, 6, row, 7, "调整后预算数")
    pen.label(row, 8, row, 8, "预算执行数")
    return row + 1


def _sichuan_budget_row(pen: _Pen, row: int, label: str, data: Mapping[str, Any] | None) -> None:
    data = data or {}
    pen.span(row, 2, row, 3, label, label=True)
    pen.value(row, 4, data.get("initial"), right=5, amount=True)
    pen.value(row, 6, data.get("adjusted"), right=7, amount=True)
    pen.value(row, 8, data.get("executed"), amount=True)
    pen.rate_cell(row, 9, data.get("rate"))
    pen.value(row, 10, data.get("weight"))
    pen.value(row, 11, data.get("score"))


def _sichuan_budget(pen: _Pen, row: int, budget: Mapping[str, Any]) -> int:
    first = row
    row = _sichuan_budget_header(pen, row, str(budget.get("unit") or "万元"))
    _sichuan_budget_row(pen, row, "总额", budget)
    row += 1
    for label, source in _sichuan_sources(budget.get("sources") or ()):
        # weight and score belong to the total row only
        cells = {k: v for k, v in (source or {}).items() if k not in ("weight", "score")}
        _sichuan_budget_row(pen, row, label, cells)
        row += 1
    if budget.get("reason") not in (None, ""):
        pen.span(row, 2, row, 3, "未达90%或调整的原因", label=True)
        pen.span(row, 4, row, 11, budget["reason"])
        row += 1
    section = "预算执行情况（10分）" if pen.style.section_points else "预算执行情况"
    pen.label(first, 1, row - 1, 1, section, tall=True)
    return row


def _sichuan_indicators(pen: _Pen, row: int, indicators: Sequence[Mapping[str, Any]]) -> int:
    first = row
    for col, header in enumerate(_S_INDICATOR_HEADERS, start=2):
        pen.label(row, col, row, col, header)
    row += 1
    _level_columns(pen, row, indicators, 2, 3)
    for offset, indicator in enumerate(indicators):
        line = row + offset
        pen.put(line, 4, indicator.get("name"))
        pen.put(line, 5, pen.operator(indicator.get("operator")), label=True)
        pen.value(line, 6, indicator.get("target"))
        pen.put(line, 7, indicator.get("unit"), label=True)
        pen.value(line, 8, indicator.get("actual"))
        pen.value(line, 9, indicator.get("weight"))
        pen.value(line, 10, indicator.get("score"))
        pen.put(line, 11, indicator.get("reason"))
    row += len(indicators)
    section = "绩效指标（90分）" if pen.style.section_points else "绩效指标完成情况"
    pen.label(first, 1, row - 1, 1, section, tall=True)
    return row


# ----------------------------------------------------------------------------------------------
# 财预〔2020〕10号 附件1

_M_WIDTH: Final = 10
_M_WIDTHS: Final = (10, 12, 12, 24, 16, 14, 8, 8, 12, 12)
_M_BUDGET_HEADERS: Final = ("年初预算数", "全年预算数", "全年执行数", "分值", "执行率")
_M_INDICATOR_HEADERS: Final = (
    "一级指标",
    "二级指标",
    "三级指标",
    "年度指标值",
    "实际完成值",
    "分值",
    "得分",
)
_DASH: Final = "—"


def mof_sheet(
    ws: Worksheet, case: Mapping[str, Any], *, top: int = 1, style: Style = Style()
) -> int:
    """Draw one 财预〔2020〕10号 附件1 项目支出绩效自评表 from row ``top``; the next free row."""
    data = english(case)
    pen = _Pen(ws, style)
    _widths(ws, _M_WIDTHS)
    row = pen.gap(_title_block(pen, top, _M_WIDTH, "项目支出绩效自评表", data.get("year")))
    row = pen.gap(_project_block(pen, row, data["project"], (5, 7, _M_WIDTH), fixed=True))
    row = pen.gap(_mof_budget(pen, row, data["budget"]))
    row = pen.gap(_mof_goal(pen, row, data["goal"]))
    row = _mof_indicators(pen, row, data["indicators"])
    pen.label(row, 1, row, 6, "总分")
    pen.value(row, 7, 100)
    pen.value(row, 8, data.get("claimed_score"))
    pen.span(row, 9, row, 10, None)
    return row + 1


def _mof_sources(
    sources: Iterable[Mapping[str, Any]],
) -> list[tuple[str, Mapping[str, Any] | None]]:
    """当年财政拨款 / 上年结转资金 / other sources by name / 其他资金, each source placed once."""
    grant: Mapping[str, Any] | None = None
    carried: Mapping[str, Any] | None = None
    other: Mapping[str, Any] | None = None
    rest: list[Mapping[str, Any]] = []
    for source in sources:
        bare = _bare(source.get("name"))
        if carried is None and "结转" in bare:
            carried = source
        elif other is None and bare == "其他资金":
            other = source
        elif grant is None and bare in _MOF_GRANT:
            grant = source
        else:
            rest.append(source)
    if grant is None and rest:
        grant = rest.pop(0)
    return [
        ("其中：当年财政拨款", grant),
        ("上年结转资金", carried),
        *[(str(source.get("name")), source) for source in rest],
        ("其他资金", other),
    ]


def _mof_budget_row(
    pen: _Pen, row: int, label: str, data: Mapping[str, Any] | None, points: tuple[Any, Any]
) -> None:
    data = data or {}
    pen.span(row, 2, row, 3, label, label=True)
    pen.value(row, 4, data.get("initial"), amount=True)
    pen.value(row, 5, data.get("adjusted"), amount=True)
    pen.value(row, 6, data.get("executed"), amount=True)
    pen.value(row, 7, points[0])
    pen.rate_cell(row, 8, data.get("rate"))
    pen.value(row, 9, points[1], right=10)


def _mof_budget(pen: _Pen, row: int, budget: Mapping[str, Any]) -> int:
    first = row
    pen.span(row, 2, row, 3, None)
    for col, header in enumerate(_M_BUDGET_HEADERS, start=4):
        pen.label(row, col, row, col, header)
    pen.label(row, 9, row, 10, "得分")
    row += 1
    weight = budget.get("weight")
    points = (10 if weight is None else weight, budget.get("score"))
    _mof_budget_row(pen, row, "年度资金总额", budget, points)
    row += 1
    for label, source in _mof_sources(budget.get("sources") or ()):
        _mof_budget_row(pen, row, label, source, (_DASH, _DASH))
        row += 1
    unit = budget.get("unit") or "万元"
    pen.label(first, 1, row - 1, 1, f"项目资金（{unit}）", tall=True)
    return row


def _mof_goal(pen: _Pen, row: int, goal: Mapping[str, Any]) -> int:
    pen.label(row, 1, row + 1, 1, "年度总体目标", tall=True)
    pen.label(row, 2, row, 6, "预期目标")
    pen.label(row, 7, row, 10, "实际完成情况")
    pen.span(row + 1, 2, row + 1, 6, pen.text(goal.get("planned"), "planned"))
    pen.span(row + 1, 7, row + 1, 10, pen.text(goal.get("achieved"), "achieved"))
    return row + 2


def _mof_target(pen: _Pen, indicator: Mapping[str, Any]) -> Any:
    """年度指标值 as one string: operator + number + unit; a 定性 target is the text alone."""
    operator, target, unit = (indicator.get(k) for k in ("operator", "target", "unit"))
    if operator == "定性" or (
        operator in (None, "") and (unit in (None, "") or not _is_number(target))
    ):
        return target
    number = _plain(target) if _is_number(target) else ("" if target is None else str(target))
    return f"{pen.operator(operator) or ''}{number}{unit or ''}"


def _mof_indicators(pen: _Pen, row: int, indicators: Sequence[Mapping[str, Any]]) -> int:
    first = row
    for col, header in enumerate(_M_INDICATOR_HEADERS, start=2):
        pen.label(row, col, row, col, header)
    pen.label(row, 9, row, 10, "偏差原因分析及改进措施")
    row += 1
    _level_columns(pen, row, indicators, 2, 3)
    for offset, indicator in enumerate(indicators):
        line = row + offset
        pen.put(line, 4, indicator.get("name"))
        pen.value(line, 5, _mof_target(pen, indicator))
        pen.value(line, 6, indicator.get("actual"))
        pen.value(line, 7, indicator.get("weight"))
        pen.value(line, 8, indicator.get("score"))
        pen.span(line, 9, line, 10, indicator.get("reason"))
    row += len(indicators)
    pen.label(first, 1, row - 1, 1, "绩效指标", tall=True)
    return row


# ----------------------------------------------------------------------------------------------
# Workbooks

_Drawer = Callable[..., int]
_LAYOUTS: Final[dict[str, _Drawer]] = {"sichuan": sichuan_sheet, "mof": mof_sheet}


def _sheet_title(case: Mapping[str, Any], index: int, taken: set[str]) -> str:
    """The project name as clerks name sheets, cut to Excel's 31 characters, made unique."""
    name = _SHEET_FORBIDDEN.sub("", str(english(case)["project"].get("name") or "")).strip()
    title = name[:31] or f"Sheet{index}"
    suffix = 2
    while title in taken:
        tail = f"({suffix})"
        title = (name[: 31 - len(tail)] or f"Sheet{index}") + tail
        suffix += 1
    taken.add(title)
    return title


def book(
    cases: Sequence[Mapping[str, Any]],
    layout: Literal["sichuan", "mof"] = "sichuan",
    *,
    per_sheet: bool = False,
    style: Style = Style(),
) -> Workbook:
    """A workbook of ``cases``: stacked down one sheet (two blank rows apart), or one a sheet."""
    draw = _LAYOUTS[layout]
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)
    if not per_sheet:
        top = 1
        for case in cases:
            top = draw(sheet, case, top=top, style=style) + _STACK_GAP
        return workbook
    taken: set[str] = set()
    for index, case in enumerate(cases, start=1):
        ws = sheet if index == 1 else workbook.create_sheet()
        ws.title = _sheet_title(case, index, taken)
        draw(ws, case, style=style)
    return workbook
