"""Reading the Excel forms people fill: every project table of a workbook, found by its labels.

A table starts at its 项目名称 label and runs to the next one; a sheet may hold several tables
and a workbook several sheets. Cell positions are never assumed: merged cells, title rows, blank
rows and the order of columns vary from one county's form to the next.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Final

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfscore.errors import CaseError
from perfscore.input.forms import labels as L
from perfscore.input.forms.formcase import FormCase, Place, located
from perfscore.input.forms.grid import Grid
from perfscore.input.forms.sections import budget, claimed_elsewhere, header, indicators
from perfscore.input.forms.table import Table
from perfscore.input.jsonfile import case_from_data, check_size
from perfscore.input.limits import DEFAULT, Limits
from perfscore.input.messages import os_message

_TITLE_ROWS: Final = 3
_NOT_XLSX: Final = "不是 .xlsx 工作簿（旧版 .xls 请在 Excel 中另存为 .xlsx）"
_BROKEN: Final = "不是可读取的 .xlsx 工作簿（文件已损坏或不是 Excel 文件）"


def read_workbook(path: str | Path, limits: Limits = DEFAULT) -> list[FormCase]:
    """Every project table of the workbook; the first one that cannot be read raises."""
    found = []
    for item in read_tables(path, limits):
        if isinstance(item, CaseError):
            raise item
        found.append(item)
    return found


def read_tables(path: str | Path, limits: Limits = DEFAULT) -> list[FormCase | CaseError]:
    """Every project table of the workbook, each read or the error that stopped it."""
    file = str(path)
    book = _open(file, limits)
    found: list[FormCase | CaseError] = []
    for sheet in book.worksheets:
        found.extend(_sheet_tables(Grid(sheet), file))
    if not found:
        raise CaseError(
            "未找到项目支出绩效自评表：没有“项目名称”以及“一级指标”“三级指标”等列标题", file=file
        )
    return found


def _open(file: str, limits: Limits) -> Workbook:
    check_size(Path(file), limits)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl's notes on unsupported extensions
            return load_workbook(file, data_only=True)
    except OSError as error:
        raise CaseError(f"无法读取：{os_message(error)}", file=file) from None
    except InvalidFileException:
        raise CaseError(_NOT_XLSX, file=file) from None
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, AttributeError):
        raise CaseError(_BROKEN, file=file) from None


def _sheet_tables(grid: Grid, file: str) -> Iterator[FormCase | CaseError]:
    starts = sorted({c.row for c in grid.labelled() if c.label == "项目名称" and grid.own(c)})
    year: int | None = None
    for index, first in enumerate(starts):
        last = starts[index + 1] - 1 if index + 1 < len(starts) else grid.rows
        table = Table(grid, file, first, last)
        year = _year(table) or year
        if not _is_table(table):
            continue
        try:
            yield _read(table, year)
        except CaseError as error:
            yield error


def places_of(sheet: Worksheet) -> Mapping[str, Place]:
    """Each JSON path of the first table on ``sheet`` -> its cell (empty if none can be read):
    where a form perfscore drew puts each value."""
    first = next(_sheet_tables(Grid(sheet), sheet.title), None)
    return first.places if isinstance(first, FormCase) else {}


def _is_table(table: Table) -> bool:
    """A 项目名称 that heads a table (an instructions sheet may name the label too)."""
    wanted = {*L.BUDGET_MONEY, "一级指标", "三级指标"}
    return any(True for _ in table.labelled(frozenset(wanted)))


def _year(table: Table) -> int | None:
    """The year in the title rows above 项目名称 (``"（2022年度）"``, or 年度 | 2022)."""
    for row in range(table.first - 1, max(0, table.first - 1 - _TITLE_ROWS), -1):
        cells = table.grid.row(row)
        for index, cell in enumerate(cells):
            if cell.label in L.YEAR and index + 1 < len(cells):
                return _as_year(cells[index + 1].value)
            if isinstance(cell.value, str) and L.title_year(cell.value):
                return L.title_year(cell.value)
    return None


def _as_year(value: object) -> int | None:
    if isinstance(value, int):
        return value
    return L.title_year(f"{value}年") if isinstance(value, str) else None


def _read(table: Table, year: int | None) -> FormCase:
    data: dict[str, Any] = {"kind": "project", **header(table), "budget": budget(table)}
    rows, claimed = indicators(table)
    data["indicators"] = rows
    if claimed is False:
        claimed = claimed_elsewhere(table)
    if claimed is not None:
        data["claimed_score"] = claimed
    if year is not None:
        data["year"] = year
    anchor = table.where(table.first, _label_column(table))
    try:
        case = case_from_data(data, table.file)
    except CaseError as error:
        raise located(error, table.places, table.file, anchor) from None
    return FormCase(case, table.file, anchor, dict(table.places), tuple(table.notes))


def _label_column(table: Table) -> int:
    return next(c.column for c in table.grid.row(table.first) if c.label == "项目名称")


__all__ = [
    "places_of",
    "read_tables",
    "read_workbook",
]
