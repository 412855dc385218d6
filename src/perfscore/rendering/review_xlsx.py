"""Review output as an Excel workbook: 复核结果, 汇总 and 无法评分 sheets (openpyxl, write-only).

Scores are numeric cells (two places shown); text is a string cell, and text a spreadsheet would
take for a formula is marked as text (Excel's quote prefix), so it is shown, never run.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, BinaryIO, Final, cast

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from perfscore.rendering.cells import is_formula_like
from perfscore.rendering.forms.printing import WRAP, Printing, set_up
from perfscore.rendering.review import (
    CSV_HEAD,
    Batch,
    CsvCell,
    problem_cells,
    row_cells,
    summary_dict,
)
from perfscore.review.summary import code_rows, department_rows

_BOLD: Final = Font(bold=True)
_WIDTHS: Final = (28, 6, 24, 36, 20, 10, 10, 10, 8, 6, 6, 6, 6, 40, 30, 60)


def write_xlsx(batch: Batch, stream: BinaryIO) -> None:
    """The workbook to ``stream``."""
    workbook = Workbook(write_only=True)
    results = workbook.create_sheet("复核结果")
    name = f"复核结果：{_count(batch)} 份提交，复核口径 {batch.strict.name}"
    set_up(results, Printing("landscape", name, repeat="1:1"))  # before any row is written
    for index, width in enumerate(_WIDTHS, 1):
        _widen(results, get_column_letter(index), width)
    results.freeze_panes = "A2"
    _append(results, CSV_HEAD, bold=True)
    for row in batch.rows:
        _append(results, row_cells(row))
    for problem in batch.problems:
        _append(results, problem_cells(problem))
    results.auto_filter.ref = f"A1:{get_column_letter(len(CSV_HEAD))}{1 + _count(batch)}"
    summary = workbook.create_sheet("汇总")
    set_up(summary, Printing("portrait", name.replace("复核结果", "复核汇总", 1)))
    _summary_sheet(summary, batch)
    workbook.save(stream)


def render_xlsx(batch: Batch) -> bytes:
    """``review --format xlsx``: the workbook's bytes."""
    stream = io.BytesIO()
    write_xlsx(batch, stream)
    return stream.getvalue()


def _count(batch: Batch) -> int:
    return len(batch.rows) + len(batch.problems)


def _summary_sheet(sheet: WriteOnlyWorksheet, batch: Batch) -> None:
    data = summary_dict(batch.summary, batch.mine, batch.strict)
    _widen(sheet, "A", 30)
    _widen(sheet, "B", 14)
    counts = (
        ("自评口径", data["rubric"]),
        ("复核口径", data["review_rubric"]),
        ("提交数", data["inputs"]),
        ("已评分", data["scored"]),
        ("无法评分", data["errors"]),
        ("自评满分", data["full_marks"]),
        (f"自评分高于重算分 {data['over_claim_points']} 分以上", data["over_claims"]),
        ("未填自评分", data["unclaimed"]),
        ("复核发现错误的提交", data["with_errors"]),
    )
    for pair in counts:
        _append(sheet, pair)
    _append(sheet, ())
    head = ("主管部门", "提交数", "平均自评分", "平均重算分", "平均复核分", "自评偏高")
    _append(sheet, head, bold=True)
    for d in department_rows(batch.summary):
        _append(sheet, list(d.values()))
    _append(sheet, ())
    _append(sheet, ("代码", "问题", "提交数"), bold=True)
    for code in code_rows(batch.summary, batch.strict.review):
        _append(sheet, list(code.values()))


def _widen(sheet: WriteOnlyWorksheet, column: str, width: int) -> None:
    """Column widths (set before rows are written; the stubs lack the write-only sheet's)."""
    cast(Any, sheet).column_dimensions[column].width = width


def _append(sheet: WriteOnlyWorksheet, values: Iterable[CsvCell], *, bold: bool = False) -> None:
    sheet.append([_cell(sheet, value, bold) for value in values])


def _cell(sheet: WriteOnlyWorksheet, value: CsvCell, bold: bool) -> Any:
    cell = WriteOnlyCell(sheet, value=cast(Any, value))
    if isinstance(value, Decimal):
        cell.number_format = "0.00"
    elif isinstance(value, str):
        cell.data_type = "s"
        cell.alignment = WRAP  # long text wraps in its column: nothing is cut off in print
        if is_formula_like(value):
            cell.quotePrefix = True
    if bold:
        cell.font = _BOLD
    return cell


__all__ = ["render_xlsx", "write_xlsx"]
