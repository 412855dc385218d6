"""Reading the Excel forms people fill: every project table of a workbook, found by its labels.

A table starts at its 项目名称 label and runs to the next one; a sheet may hold several tables
and a workbook several sheets. Cell positions are never assumed: merged cells, title rows, blank
rows and the order of columns vary from one county's form to the next.
"""

from __future__ import annotations

import warnings
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfscore.errors import CaseError, PerfscoreError
from perfscore.input.forms import labels as L
from perfscore.input.forms.grid import Grid
from perfscore.input.forms.sections import budget, claimed_elsewhere, header, indicators
from perfscore.input.forms.table import Place, Table
from perfscore.input.jsonfile import case_from_data, check_size
from perfscore.input.messages import os_message
from perfscore.models.case import Case

#: What a folder is searched for, besides JSON: the workbooks Excel and WPS save.
XLSX_SUFFIXES: Final = (".xlsx", ".xlsm")
_TITLE_ROWS: Final = 3
_NOT_XLSX: Final = "不是 .xlsx 工作簿（旧版 .xls 请在 Excel 中另存为 .xlsx）"
#: How the case format says a required key is absent: on a form, the cell is empty.
_MISSING: Final = "缺少必填项"
_BROKEN: Final = "不是可读取的 .xlsx 工作簿（文件已损坏或不是 Excel 文件）"


@dataclass(frozen=True, slots=True)
class FormCase:
    """A case read from a form, with the cell every value came from."""

    case: Case
    file: str
    #: ``"Sheet1!A3"``: the table's 项目名称 label.
    table: str
    places: Mapping[str, Place]
    #: What was read as missing: template prompts left in cells.
    notes: tuple[str, ...] = ()

    @property
    def source(self) -> str:
        """How results name this table: ``"forms/2023.xlsx:Sheet1!A3"``."""
        return f"{self.file}:{self.table}"

    def place(self, path: str | None) -> Place | None:
        """The cell a JSON path of the case came from (or its nearest enclosing part's)."""
        return nearest_place(self.places, path)

    def cell(self, path: str) -> str:
        """``"$.indicators[2].actual"`` -> ``"Sheet1!H16"`` (the path if no cell holds it)."""
        place = self.place(path)
        return path if place is None else place.cell

    def locate(self, error: PerfscoreError) -> PerfscoreError:
        """``error`` (about a JSON path of the case) said of the form's cell."""
        return _located(error, self.places, self.file, self.table)


def nearest_place(places: Mapping[str, Place], path: str | None) -> Place | None:
    """The cell of ``path``, or of its nearest enclosing part that has one."""
    while path:
        if path in places:
            return places[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def _located(
    error: PerfscoreError, places: Mapping[str, Place], file: str, table: str
) -> PerfscoreError:
    if error.path is not None and "!" in error.path:
        return error  # already a cell
    place = nearest_place(places, error.path)
    where = place.cell if place else table
    message = "未填" if error.message.startswith(_MISSING) else error.message
    if place and place.label and not message.startswith(place.label):
        message = f"{place.label} {message}"
    return type(error)(message, file=file, path=where)


def read_workbook(path: str | Path) -> list[FormCase]:
    """Every project table of the workbook; the first one that cannot be read raises."""
    found = []
    for item in read_tables(path):
        if isinstance(item, CaseError):
            raise item
        found.append(item)
    return found


def read_tables(path: str | Path) -> list[FormCase | CaseError]:
    """Every project table of the workbook, each read or the error that stopped it."""
    file = str(path)
    book = _open(file)
    found: list[FormCase | CaseError] = []
    for sheet in book.worksheets:
        found.extend(_sheet_tables(Grid(sheet), file))
    if not found:
        raise CaseError(
            "未找到项目支出绩效自评表：没有“项目名称”以及“一级指标”“三级指标”等列标题", file=file
        )
    return found


def _open(file: str) -> Workbook:
    check_size(Path(file))
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
        raise _located(error, table.places, table.file, anchor) from None
    return FormCase(case, table.file, anchor, dict(table.places), tuple(table.notes))


def _label_column(table: Table) -> int:
    return next(c.column for c in table.grid.row(table.first) if c.label == "项目名称")


__all__ = [
    "XLSX_SUFFIXES",
    "FormCase",
    "nearest_place",
    "places_of",
    "read_tables",
    "read_workbook",
]
