"""The parts of a project table: the header block, 预算执行情况 and 绩效指标, each by its labels."""

from __future__ import annotations

from typing import Any, Final

from perfscore.input.forms import labels as L
from perfscore.input.forms.formcase import Place
from perfscore.input.forms.grid import Cell, CellValue
from perfscore.input.forms.table import Table, cell_number, drop_none
from perfscore.models.numbers import split_leading_number
from perfscore.models.operators import QUALITATIVE_SYMBOL
from perfscore.models.scalars import split_operator

Columns = dict[int, tuple[str, str]]

_MONEY: Final = ("initial", "adjusted", "executed", "rate")
_MIN_MONEY_COLUMNS: Final = 2


def header(table: Table) -> dict[str, Any]:
    """项目名称 and the rest of the block above the tables: project, goal and summary."""
    project: dict[str, CellValue] = {}
    for cell in table.labelled(L.PROJECT):
        field = L.PROJECT[cell.label]
        if field not in project:
            found, at = table.right_of(cell)
            project[field] = table.take(found, f"$.project.{field}", cell.label, at)
    goal = {
        "planned": _text(table, L.PLANNED, "$.goal.planned"),
        "achieved": _text(table, L.ACHIEVED, "$.goal.achieved"),
    }
    data = {"project": drop_none(project), "goal": drop_none(goal)}
    return drop_none({**data, "summary": _text(table, L.SUMMARY, "$.summary")})


def _text(table: Table, vocabulary: frozenset[str], path: str) -> CellValue:
    cell = next(table.labelled(vocabulary), None)
    if cell is None:
        return None
    found, at = table.beside_or_below(cell)
    return table.take(found, path, cell.label, at)


def _header_row(table: Table, vocabulary: dict[str, str], wanted: int) -> tuple[int, Columns]:
    """The first row with ``wanted`` labels of ``vocabulary``, and its columns; (0, {}) if none."""
    for row in range(table.first, table.last + 1):
        cells = [c for c in table.grid.row(row) if c.label in vocabulary and table.grid.own(c)]
        if len({vocabulary[c.label] for c in cells}) >= wanted:
            columns: Columns = {}
            for c in cells:
                columns.setdefault(c.column, (vocabulary[c.label], c.label))
            return row, columns
    return 0, {}


def _values(
    table: Table, row: int, columns: Columns, prefix: str, as_written: frozenset[str] = frozenset()
) -> dict[str, CellValue]:
    """The row's values under ``columns``; a cell merged in from the left is not one of them.
    Fields in ``as_written`` keep dashes and prompts as printed."""
    values: dict[str, CellValue] = {}
    for column, (field, label) in columns.items():
        cell = table.grid.at(row, column)
        if cell is not None and table.grid.origin(cell)[1] != column:
            cell = None
        where = (row, column)
        kept = field in as_written
        values[field] = table.take(cell, f"{prefix}.{field}", label, where, as_written=kept)
    return values


def budget(table: Table) -> dict[str, Any]:
    """预算执行情况: the total row, the funding rows under it and the reason row."""
    row, columns = _header_row(table, L.BUDGET_MONEY, _MIN_MONEY_COLUMNS)
    if not row:
        raise table.fail(
            "未找到预算执行情况表（应有“年初预算”“调整后预算数”“预算执行数”等列标题）",
            table.first,
            1,
        )
    columns = _all_columns(table, row)
    data: dict[str, Any] = {"sources": []}
    for number_ in range(row + 1, table.last + 1):
        if not _budget_row(table, number_, columns, data):
            break
    if _in_yuan(table, row):
        data["unit"] = "元"
    return drop_none(data)


def _all_columns(table: Table, row: int) -> Columns:
    cells = [c for c in table.grid.row(row) if c.label in L.BUDGET_COLUMNS]
    return {c.column: (L.BUDGET_COLUMNS[c.label], c.label) for c in cells}


def _budget_row(table: Table, row: int, columns: Columns, data: dict[str, Any]) -> bool:
    """Read one row under the budget header into ``data``; False at the end of the table."""
    first = min(columns)
    name = _row_label(table, row, first)
    if name is not None and name.label in L.BUDGET_REASONS:
        found, at = table.right_of(name)
        data["reason"] = table.take(found, "$.budget.reason", name.label, at)
        return True
    if _ends_budget(table, row, name, columns):
        return False
    total = "initial" not in data and (name is None or name.label in L.BUDGET_TOTALS)
    sources: list[dict[str, Any]] = data["sources"]
    prefix = "$.budget" if total else f"$.budget.sources[{len(sources)}]"
    values = _values(table, row, columns, prefix)
    _rate_as_percent(values)
    if total:
        data.update(values)
        return True
    label = L.SOURCE_PREFIX.sub("", str(name.value)).strip() if name else None
    table.places[f"{prefix}.name"] = table.places[f"{prefix}.initial"]
    sources.append({"name": label, **{k: v for k, v in values.items() if k in _MONEY}})
    return True


def _row_label(table: Table, row: int, first: int) -> Cell | None:
    """The text left of the budget columns that names the row (总额, 其中：财政资金 …)."""
    cells = [
        c
        for c in table.grid.row(row)
        if c.column < first and isinstance(c.value, str) and c.label not in L.SECTIONS
    ]
    return cells[-1] if cells else None


def _ends_budget(table: Table, row: int, name: Cell | None, columns: Columns) -> bool:
    """A row that belongs to the next part of the form, or a blank one."""
    own = [c for c in table.grid.row(row) if table.grid.own(c)]
    known = L.KNOWN - L.BUDGET_TOTALS - L.BUDGET_REASONS
    if any(c.label in known for c in own):
        return True
    filled = any(table.grid.at(row, column) is not None for column in columns)
    return name is None and not filled


def _rate_as_percent(values: dict[str, CellValue]) -> None:
    """A rate stored as a fraction (0.9696 for 96.96%), told apart by the row's own arithmetic."""
    rate, executed, adjusted = (
        cell_number(values.get(k)) for k in ("rate", "executed", "adjusted")
    )
    if rate is None or isinstance(values.get("rate"), str) or not executed or not adjusted:
        return
    computed = executed / adjusted * 100
    if abs(rate * 100 - computed) < abs(rate - computed):
        values["rate"] = (rate * 100).normalize()


def _in_yuan(table: Table, row: int) -> bool:
    """Amounts in 元 when the header says so (the forms' default is 万元)."""
    texts = [
        str(c.value) for r in (row - 1, row) for c in table.grid.row(r) if isinstance(c.value, str)
    ]
    return not any("万元" in t for t in texts) and any("（元）" in t or "(元)" in t for t in texts)


def indicators(table: Table) -> tuple[list[dict[str, Any]], CellValue | bool]:
    """绩效指标: one dict per indicator row, and the claimed total from the closing row (False
    when the table has no closing row, None when it has one with no score on it)."""
    vocabulary = {k: v for k, v in L.INDICATOR_COLUMNS.items() if v in ("level1", "name")}
    row, _ = _header_row(table, vocabulary, 2)
    if not row:
        raise table.fail(
            "未找到绩效指标表（应有“一级指标”“二级指标”“三级指标”等列标题）", table.first, 1
        )
    columns = _indicator_columns(table, row)
    table.places["$.indicators"] = table.places.get("$.indicators", _header_place(table, row))
    rows: list[dict[str, Any]] = []
    for number_ in range(row + 1, table.last + 1):
        closing, claimed = _closing(table, number_, columns)
        if closing:
            return rows, claimed
        item = _indicator(table, number_, columns, rows)
        if item is not None:
            rows.append(item)
    return rows, False


def _header_place(table: Table, row: int) -> Place:
    return Place(table.where(row, 1), "绩效指标")


def _indicator_columns(table: Table, row: int) -> Columns:
    columns: Columns = {}
    for cell in table.grid.row(row):
        field = L.INDICATOR_COLUMNS.get(cell.label)
        if field is not None and field not in {f for f, _ in columns.values()}:
            columns[cell.column] = (field, cell.label)
    return columns


def _field_column(columns: Columns, field: str) -> int | None:
    return next((c for c, (f, _) in columns.items() if f == field), None)


#: An indicator row's cells that are kept as printed: the rubric reads placeholders ("指标2:",
#: "/", "——") as not applicable and "无" as an actual of nothing.
_CONTENT: Final = ("name", "target", "actual")
_AS_WRITTEN: Final = frozenset(_CONTENT)


def _indicator(
    table: Table, row: int, columns: Columns, rows: list[dict[str, Any]]
) -> dict[str, Any] | None:
    """One indicator row, 一级/二级 carried down from the row above when left blank."""
    if not _has_content(table, row, columns):
        return None
    prefix = f"$.indicators[{len(rows)}]"
    values = _values(table, row, columns, prefix, _AS_WRITTEN)
    table.places[prefix] = table.places[f"{prefix}.name"]
    for written in ("operator", "unit"):  # a form without their column writes them in the target
        if f"{prefix}.{written}" not in table.places and f"{prefix}.target" in table.places:
            table.places[f"{prefix}.{written}"] = table.places[f"{prefix}.target"]
    if rows:
        for level in ("level1", "level2"):
            if values.get(level) is None and level in rows[-1]:
                values[level] = rows[-1][level]
    if "operator" not in values and _qualitative_text(values.get("target")):
        # 年度指标值 in words, on a form with no 指标性质 column
        values["operator"] = QUALITATIVE_SYMBOL
    return drop_none(values)


def _qualitative_text(target: CellValue) -> bool:
    """A target in words ("优良中低差"), not a number nor "≥50个"."""
    if not isinstance(target, str):
        return False
    try:
        return split_operator(target) is None and split_leading_number(target) is None
    except ValueError:  # a number beyond any form's: not words; the case model refuses it
        return False


def _has_content(table: Table, row: int, columns: Columns) -> bool:
    """Whether the row holds an indicator (not a spacer, nor a blank form's "指标1：")."""
    for field in _CONTENT:
        column = _field_column(columns, field)
        cell = None if column is None else table.grid.at(row, column)
        if cell is None or table.grid.origin(cell)[1] != column:
            continue
        if not (isinstance(cell.value, str) and cell.value in L.KNOWN):
            return True
    return False


def _closing(table: Table, row: int, columns: Columns) -> tuple[bool, CellValue]:
    """Whether ``row`` is the table's closing 总分/合计 row, and the claimed total on it."""
    limit = _field_column(columns, "name") or min(columns)
    own = [c for c in table.grid.row(row) if table.grid.own(c) and c.column <= limit]
    total = next((c for c in own if c.label in L.TOTALS), None)
    if total is None:
        return False, None
    weight_column = _field_column(columns, "weight")
    weight = None if weight_column is None else table.grid.at(row, weight_column)
    stated = cell_number(weight.value) if weight is not None else None
    if stated is not None and stated != L.WHOLE_TABLE:
        return False, None  # the indicators' subtotal (90), not the table's total
    column = _field_column(columns, "score")
    cell = None if column is None else table.grid.at(row, column)
    at = (row, column or total.column + 1)
    return True, table.take(cell, "$.claimed_score", total.label, at)


def claimed_elsewhere(table: Table) -> CellValue:
    """A 自评得分 written beside its label outside the indicator table."""
    for cell in table.labelled(L.TOTALS):
        found, at = table.right_of(cell)
        if found is not None and cell_number(found.value) is not None:
            return table.take(found, "$.claimed_score", cell.label, at)
    return None


__all__ = ["budget", "claimed_elsewhere", "header", "indicators"]
