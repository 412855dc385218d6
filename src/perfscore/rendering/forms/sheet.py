"""One form drawn onto a worksheet: the blank template and the filled form share this drawing.

The geometry is fixed (the reader finds the tables by their labels, but nothing moves): column A
holds the section labels and the indicator columns start at B; the title, 年度, the project
header, the goal block and the summary come first, then the budget table and the indicator table,
whose last row carries the total. ``draw`` returns where each part landed as a ``Geometry``.

Text from a case is written as a string cell, and text a spreadsheet would take for a formula is
marked as text (Excel's quote prefix), so it is shown, never run.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from openpyxl.cell.cell import Cell, MergedCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from perfscore.errors import PerfscoreError
from perfscore.input.forms.layout import (
    LAYOUTS,
    LEVEL2_CHOICES,
    OPERATOR_CHOICES,
    Column,
    Layout,
)
from perfscore.models.case import BudgetRow, Case, Indicator
from perfscore.models.operators import QUALITATIVE_SYMBOL
from perfscore.rendering.cells import is_formula_like
from perfscore.rendering.forms.printing import WRAP
from perfscore.rubrics.model import Rubric

#: What a cell can be given: a number, a text, or nothing.
SheetValue = Decimal | int | str | None

LABEL_WIDTH: Final = 14
TITLE_ROW: Final = 1
YEAR_ROW: Final = 2
PROJECT_ROW: Final = 3
DEPARTMENT_ROW: Final = 4
GOAL_ROW: Final = 5
#: Excel refuses a list drop-down whose formula is longer than this.
LIST_LIMIT: Final = 255
_TEXT_HEIGHT: Final = 60
_SOURCE_PREFIXES: Final = ("其中：", "其中:")
#: The fixed drop-downs; the 一级指标 list is the rubric's levels (:func:`level_choices`).
_CHOICES: Final[dict[str, tuple[str, ...]]] = {
    "level2": LEVEL2_CHOICES,
    "operator": OPERATOR_CHOICES,
}
_THIN: Final = Side(style="thin")
BORDER: Final = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
BOLD: Final = Font(bold=True)
_TITLE_FONT: Final = Font(bold=True, size=14)
_CENTER: Final = Alignment(horizontal="center", vertical="center", wrap_text=True)
#: Points a closing text row (评价结论 …) is tall: room for a few lines of writing.
CLOSING_HEIGHT: Final = 48


@dataclass(frozen=True, slots=True)
class Geometry:
    """Where a drawn form's parts are (1-based row and column numbers)."""

    #: The form's columns: A to ``width``; computed columns go from ``width + 1``.
    width: int
    budget_header: int
    #: The budget's total row (the first under the header) and its last funding row.
    budget_total: int
    budget_last: int
    #: The 未达90%或调整的原因 row, or None when the form has none.
    reason_row: int | None
    indicator_header: int
    indicator_first: int
    indicator_last: int
    total_row: int
    #: The 评价结论 / 存在问题 / 改进措施 rows under the total (label -> row), and the form's
    #: last row (the signature line, or the total when the layout has neither).
    closing: Mapping[str, int]
    last_row: int
    #: Case field (``initial``, ``rate``, ``score`` …) -> column, for the two tables.
    budget_columns: Mapping[str, int]
    indicator_columns: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class _Pen:
    """What every drawing step needs: the sheet, the layout, the case, the form's width and the
    一级指标 drop-down's choices."""

    sheet: Worksheet
    layout: Layout
    case: Case | None
    width: int
    levels: tuple[str, ...]

    @property
    def mid(self) -> int:
        """The last column of the left half of B..width."""
        return 1 + (self.width - 1) // 2


def layout_named(name: str) -> Layout:
    """The layout called ``name``; PerfscoreError naming the available ones otherwise."""
    layout = LAYOUTS.get(name)
    if layout is None:
        available = "、".join(LAYOUTS)
        raise PerfscoreError(f"未知的表样 '{name}'（可用：{available}）")
    return layout


def form_title(case: Case) -> str:
    """The project name as the forms print it: ``code-name``, or the name alone."""
    project = case.project
    return f"{project.code}-{project.name}" if project.code else project.name


def sheet_number(value: Decimal) -> int | float:
    """A Decimal as a spreadsheet number: an int when integral, else a float."""
    return int(value) if value == value.to_integral_value() else float(value)


def form_rate(rate: Decimal | None) -> str | None:
    """A rate in percentage points as a form writes it: ``96.96`` -> ``"96.96%"``."""
    return None if rate is None else f"{rate:f}%"


def write_cell(
    sheet: Worksheet, row: int, column: int, value: SheetValue, *, bold: bool = False
) -> Cell | MergedCell:
    """``value`` into a cell: Decimals as numbers, text as a string cell never run as a formula."""
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, Decimal):
        cell.value = sheet_number(value)
    elif isinstance(value, str):
        cell.value = value
        cell.data_type = "s"
        if is_formula_like(value):
            cell.quotePrefix = True
    else:
        cell.value = value
    if bold:
        cell.font = BOLD
    return cell


def level_choices(rubric: Rubric) -> tuple[str, ...]:
    """The 一级指标 drop-down: the rubric's level names, in its order."""
    return tuple(level.name for level in rubric.levels.values())


def draw(
    sheet: Worksheet,
    layout: Layout,
    case: Case | None,
    indicator_rows: int,
    levels: tuple[str, ...],
) -> Geometry:
    """Draw ``layout`` on ``sheet``, filled from ``case`` or blank; where each part went.

    The indicator table has a row per indicator of the case, and at least ``indicator_rows``;
    its 一级指标 drop-down lists ``levels`` (:func:`level_choices` of the rubric).
    """
    pen = _Pen(sheet, layout, case, 1 + len(layout.indicator_columns), levels)
    _widths(pen)
    _heading(pen)
    _project(pen)
    row = _summary(pen, _goal(pen, GOAL_ROW))
    budget_header, budget_last = _budget(pen, row)
    reason_row = _reason(pen, budget_last + 1)
    indicator_header = (budget_last if reason_row is None else reason_row) + 1
    indicator_last = _indicators(pen, indicator_header, indicator_rows)
    total_row = indicator_last + 1
    closing = {label: total_row + i for i, label in enumerate(layout.closing, 1)}
    last_row = total_row + len(closing) + (1 if layout.signatures else 0)
    geometry = Geometry(
        width=pen.width,
        budget_header=budget_header,
        budget_total=budget_header + 1,
        budget_last=budget_last,
        reason_row=reason_row,
        indicator_header=indicator_header,
        indicator_first=indicator_header + 1,
        indicator_last=indicator_last,
        total_row=total_row,
        closing=closing,
        last_row=last_row,
        budget_columns={c.field: i for i, c in enumerate(layout.budget_columns, 3)},
        indicator_columns={c.field: i for i, c in enumerate(layout.indicator_columns, 2)},
    )
    _total(pen, geometry)
    _closing(pen, geometry)
    _validate(pen, geometry)
    _frame(sheet, geometry)
    return geometry


def _widths(pen: _Pen) -> None:
    """Column A for the labels; each other column as wide as its widest table needs."""
    widths = {1: LABEL_WIDTH}
    for index, column in enumerate(pen.layout.indicator_columns, 2):
        widths[index] = column.width
    widths[2] = max(widths[2], 2 * max(len(label) for label in pen.layout.budget_rows))
    for index, column in enumerate(pen.layout.budget_columns, 3):
        widths[index] = max(widths.get(index, 0), column.width)
    for index, width in widths.items():
        pen.sheet.column_dimensions[get_column_letter(index)].width = width


def _heading(pen: _Pen) -> None:
    """The title across the form, then 年度."""
    cell = write_cell(pen.sheet, TITLE_ROW, 1, pen.layout.title)
    cell.font = _TITLE_FONT
    cell.alignment = _CENTER
    pen.sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=pen.width)
    pen.sheet.row_dimensions[TITLE_ROW].height = 28
    write_cell(pen.sheet, YEAR_ROW, 1, "年度", bold=True)
    write_cell(pen.sheet, YEAR_ROW, 2, None if pen.case is None else pen.case.year)


def _project(pen: _Pen) -> None:
    """项目名称 over the whole row; 主管部门 and 实施单位 side by side below it."""
    case, (name, department, implementer) = pen.case, pen.layout.project
    project = None if case is None else case.project
    write_cell(pen.sheet, PROJECT_ROW, 1, name, bold=True)
    _span(pen, PROJECT_ROW, 2, pen.width, None if case is None else form_title(case))
    write_cell(pen.sheet, DEPARTMENT_ROW, 1, department, bold=True)
    _span(pen, DEPARTMENT_ROW, 2, pen.mid, None if project is None else project.department)
    write_cell(pen.sheet, DEPARTMENT_ROW, pen.mid + 1, implementer, bold=True)
    value = None if project is None else project.implementer
    _span(pen, DEPARTMENT_ROW, pen.mid + 2, pen.width, value)


def _goal(pen: _Pen, row: int) -> int:
    """The goal block: its label over two rows, two labels, then the two texts; the next row."""
    section, planned, achieved = pen.layout.goal
    _block(pen, (row, row + 1), 1, section)
    _span(pen, row, 2, pen.mid, planned, bold=True)
    _span(pen, row, pen.mid + 1, pen.width, achieved, bold=True)
    goal = None if pen.case is None else pen.case.goal
    _span(pen, row + 1, 2, pen.mid, None if goal is None else goal.planned, wrap=True)
    _span(pen, row + 1, pen.mid + 1, pen.width, None if goal is None else goal.achieved, wrap=True)
    pen.sheet.row_dimensions[row + 1].height = _TEXT_HEIGHT
    return row + 2


def _summary(pen: _Pen, row: int) -> int:
    """项目实施内容及过程概述 when the form has it; the next row."""
    if not pen.layout.summary:
        return row
    write_cell(pen.sheet, row, 1, pen.layout.summary, bold=True).alignment = _CENTER
    _span(pen, row, 2, pen.width, None if pen.case is None else pen.case.summary, wrap=True)
    pen.sheet.row_dimensions[row].height = _TEXT_HEIGHT
    return row + 1


def _budget(pen: _Pen, header: int) -> tuple[int, int]:
    """The budget table from ``header``: its header row and its last row."""
    for index, column in enumerate(pen.layout.budget_columns, 3):
        write_cell(pen.sheet, header, index, column.label, bold=True).alignment = _CENTER
    lines = budget_lines(pen.layout, pen.case)
    for row, (label, values) in enumerate(lines, header + 1):
        write_cell(pen.sheet, row, 2, label, bold=row == header + 1)
        for index, column in enumerate(pen.layout.budget_columns, 3):
            write_cell(pen.sheet, row, index, _budget_value(values, column.field))
    last = header + len(lines)
    _block(pen, (header, last), 1, pen.layout.budget_section)
    return header, last


def budget_lines(layout: Layout, case: Case | None) -> list[tuple[str, BudgetRow | None]]:
    """Each budget row's label and values: the total, the fixed funding rows, other sources.

    A source goes to the fixed row of its name (``其中：`` ignored); a source matching no fixed
    row gets a row of its own after them. Without a case every row is blank.
    """
    total, *fixed = layout.budget_rows
    sources = [] if case is None else list(case.budget.sources)
    lines: list[tuple[str, BudgetRow | None]] = [(total, None if case is None else case.budget)]
    for label in fixed:
        match = next((s for s in sources if _bare(s.name) == _bare(label)), None)
        if match is not None:
            sources.remove(match)
        lines.append((label, match))
    lines.extend((source.name, source) for source in sources)
    return lines


def _bare(label: str) -> str:
    """A funding row's label without ``其中：``."""
    label = label.strip()
    for prefix in _SOURCE_PREFIXES:
        label = label.removeprefix(prefix)
    return label.strip()


def _budget_value(values: BudgetRow | None, field: str) -> SheetValue:
    """One cell of a budget row; weight and score exist on the total only."""
    if values is None:
        return None
    value: Decimal | None = getattr(values, field, None)
    return form_rate(value) if field == "rate" else value


def _reason(pen: _Pen, row: int) -> int | None:
    """The budget's reason row when the form has one; its row number."""
    if not pen.layout.budget_reason:
        return None
    write_cell(pen.sheet, row, 2, pen.layout.budget_reason, bold=True).alignment = WRAP
    reason = None if pen.case is None else pen.case.budget.reason
    _span(pen, row, 3, pen.width, reason, wrap=True)
    pen.sheet.row_dimensions[row].height = _TEXT_HEIGHT / 2
    return row


def _indicators(pen: _Pen, header: int, rows: int) -> int:
    """The indicator table from ``header``; its last indicator row (the total row follows)."""
    columns = pen.layout.indicator_columns
    for index, column in enumerate(columns, 2):
        write_cell(pen.sheet, header, index, column.label, bold=True).alignment = _CENTER
    indicators = () if pen.case is None else pen.case.indicators
    combined = all(column.field != "operator" for column in columns)
    for row, indicator in enumerate(indicators, header + 1):
        for index, column in enumerate(columns, 2):
            value = indicator_value(indicator, column.field, combined=combined)
            write_cell(pen.sheet, row, index, value).alignment = WRAP
    last = header + max(len(indicators), rows, 1)
    _block(pen, (header, last), 1, pen.layout.indicator_section)
    return last


def indicator_value(indicator: Indicator, field: str, *, combined: bool) -> SheetValue:
    """One cell of an indicator row; ``combined``: the target as one string (``≥50个``)."""
    if field == "target" and combined:
        return target_text(indicator)
    value: SheetValue = getattr(indicator, field)
    return value


def target_text(indicator: Indicator) -> SheetValue:
    """The target as forms without 指标性质/度量单位 write it: ``≥50个``; ``定性``: the text."""
    target = indicator.target
    if target is None or (indicator.operator is None and indicator.unit is None):
        return target
    shown = f"{target:f}" if isinstance(target, Decimal) else target
    if indicator.operator == QUALITATIVE_SYMBOL:
        return shown
    return f"{indicator.operator or ''}{shown}{indicator.unit or ''}"


def _total(pen: _Pen, geometry: Geometry) -> None:
    """The total row: its label and the claimed total under 得分."""
    write_cell(pen.sheet, geometry.total_row, 1, pen.layout.total_label, bold=True)
    claimed = None if pen.case is None else pen.case.claimed_score
    column = geometry.indicator_columns["score"]
    write_cell(pen.sheet, geometry.total_row, column, claimed, bold=True)


def _closing(pen: _Pen, geometry: Geometry) -> None:
    """评价结论, 存在问题 and 改进措施 under the total (a label, then one wide cell each), and the
    signature line (项目负责人 … 填报日期) left for the pen."""
    for label, row in geometry.closing.items():
        write_cell(pen.sheet, row, 1, label, bold=True).alignment = _CENTER
        _span(pen, row, 2, pen.width, None, wrap=True)
        pen.sheet.row_dimensions[row].height = CLOSING_HEIGHT
    if pen.layout.signatures:
        parts = [f"{label}：" + " " * 12 for label in pen.layout.signatures]
        _span(pen, geometry.last_row, 1, pen.width, "".join(parts))


def _span(
    pen: _Pen,
    row: int,
    first: int,
    last: int,
    value: SheetValue,
    *,
    bold: bool = False,
    wrap: bool = False,
) -> None:
    """``value`` in one row across columns ``first`` to ``last`` (merged)."""
    cell = write_cell(pen.sheet, row, first, value, bold=bold)
    cell.alignment = WRAP if wrap else _CENTER if bold else Alignment(vertical="center")
    if last > first:
        pen.sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def _block(pen: _Pen, rows: tuple[int, int], column: int, label: str) -> None:
    """A section label down one column over ``rows`` (first, last; merged)."""
    write_cell(pen.sheet, rows[0], column, label, bold=True).alignment = _CENTER
    if rows[1] > rows[0]:
        pen.sheet.merge_cells(
            start_row=rows[0], start_column=column, end_row=rows[1], end_column=column
        )


def _validate(pen: _Pen, geometry: Geometry) -> None:
    """Drop-downs, number checks and input hints on every input column of both tables."""
    budget = (geometry.budget_total, geometry.budget_last)
    for index, column in enumerate(pen.layout.budget_columns, 3):
        _add_rule(pen, column, index, budget)
    indicators = (geometry.indicator_first, geometry.indicator_last)
    for index, column in enumerate(pen.layout.indicator_columns, 2):
        _add_rule(pen, column, index, indicators)


def _add_rule(pen: _Pen, column: Column, index: int, rows: tuple[int, int]) -> None:
    rule = validation(column, pen.levels)
    pen.sheet.add_data_validation(rule)
    letter = get_column_letter(index)
    rule.add(f"{letter}{rows[0]}:{letter}{rows[1]}")


def validation(column: Column, levels: tuple[str, ...]) -> DataValidation:
    """A column's data validation: a drop-down (``levels`` for 一级指标), a number ≥ 0, or only
    the input hint."""
    choices = levels if column.kind == "level1" else _CHOICES.get(column.kind)
    if choices is not None:
        rule = DataValidation(type="list", formula1=_list_formula(choices), allow_blank=True)
        rule.error = f"请从下拉列表选择{column.label}。"
    elif column.kind == "number":
        rule = DataValidation(
            type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True
        )
        rule.error = f"{column.label}应为不小于 0 的数字。"
    else:
        rule = DataValidation(allow_blank=True)
    rule.errorTitle = column.label
    rule.showErrorMessage = rule.type is not None
    rule.promptTitle = column.label
    rule.prompt = column.hint
    rule.showInputMessage = True
    return rule


def _list_formula(choices: tuple[str, ...]) -> str:
    """Excel's inline list: the choices between quotes, separated by commas (so none may hold a
    comma or a quote), at most :data:`LIST_LIMIT` characters."""
    unfit = next((c for c in choices if "," in c or '"' in c), None)
    if unfit is not None:
        raise PerfscoreError(f"下拉列表选项 '{unfit}' 含逗号或引号，无法写入下拉列表")
    formula = '"' + ",".join(choices) + '"'
    if len(formula) > LIST_LIMIT:
        raise PerfscoreError(f"下拉列表过长（{len(formula)} > {LIST_LIMIT} 个字符）：{formula}")
    return formula


def _frame(sheet: Worksheet, geometry: Geometry) -> None:
    """Thin borders on every cell of the form below the title."""
    for row in sheet.iter_rows(min_row=YEAR_ROW, max_row=geometry.last_row, max_col=geometry.width):
        for cell in row:
            cell.border = BORDER


__all__ = [
    "BOLD",
    "BORDER",
    "CLOSING_HEIGHT",
    "LABEL_WIDTH",
    "LIST_LIMIT",
    "Geometry",
    "SheetValue",
    "budget_lines",
    "draw",
    "form_rate",
    "form_title",
    "indicator_value",
    "layout_named",
    "sheet_number",
    "target_text",
    "validation",
    "write_cell",
]
