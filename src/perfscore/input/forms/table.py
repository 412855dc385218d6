"""One project table of a form, read into case data by its labels.

Each value read is remembered with the cell it came from and the label over it, so that an error
in the case data can be said of the cell (``Sheet1!F12: 完成值 …``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from openpyxl.utils import get_column_letter

from perfscore.errors import CaseError
from perfscore.input.forms import labels as L
from perfscore.input.forms.formcase import Place
from perfscore.input.forms.grid import DASHES, EXCEL_ERRORS, Cell, CellValue, Grid


@dataclass(slots=True)
class Table:
    """Rows ``first``..``last`` of ``grid``: one project's table, 项目名称 on row ``first``."""

    grid: Grid
    file: str
    first: int
    last: int
    places: dict[str, Place] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def where(self, row: int, column: int) -> str:
        """``"Sheet1!F12"``."""
        return f"{self.grid.title}!{get_column_letter(column)}{row}"

    def take(
        self,
        cell: Cell | None,
        path: str,
        label: str,
        at: tuple[int, int],
        *,
        as_written: bool = False,
    ) -> CellValue:
        """A value for ``path``; dashes and unfilled prompts are none, Excel errors refused.

        ``as_written``: a dash or a prompt is kept as the form printed it (an indicator's name,
        target and actual: the rubric says which are placeholders, and "无" is an actual of
        nothing, not a blank).
        """
        where = self.where(*at)
        self.places[path] = Place(where, label)
        value = None if cell is None else cell.value
        if not isinstance(value, str):
            return value
        if value in EXCEL_ERRORS:
            message = f"{label} 是 Excel 错误值 {value}（公式无法计算）"
            raise CaseError(message, file=self.file, path=where)
        if as_written:
            return value
        if value in DASHES:
            return None
        if L.is_prompt(value):
            self.notes.append(f"{where}: {label} 仍是填表提示“{value}”，按未填处理")
            return None
        return value

    def cells(self) -> Iterator[Cell]:
        """Every non-empty cell of the table, row by row."""
        for row in range(self.first, self.last + 1):
            yield from self.grid.row(row)

    def labelled(self, vocabulary: frozenset[str] | dict[str, str]) -> Iterator[Cell]:
        """The table's cells whose label is in ``vocabulary``."""
        return (cell for cell in self.cells() if cell.label in vocabulary)

    def right_of(self, cell: Cell) -> tuple[Cell | None, tuple[int, int]]:
        """The value beside a label (none when the next cell is itself a label) and its place."""
        after = self.grid.bounds(cell)[1] + 1
        nxt = next((c for c in self.grid.row(cell.row) if c.column >= after), None)
        if nxt is None or nxt.label in L.KNOWN:
            return None, (cell.row, after)
        return nxt, (nxt.row, nxt.column)

    def beside_or_below(self, cell: Cell) -> tuple[Cell | None, tuple[int, int]]:
        """A value written right of its label, or in the row under it (header above text)."""
        found, at = self.right_of(cell)
        if found is not None:
            return found, at
        below = self.grid.bounds(cell)[0] + 1
        under = self.grid.at(below, cell.column)
        if under is None or under.label in L.KNOWN or below > self.last:
            return None, (below, cell.column)
        return under, (below, cell.column)

    def fail(self, message: str, row: int, column: int) -> CaseError:
        """An error said of a cell of this table."""
        return CaseError(message, file=self.file, path=self.where(row, column))


def cell_number(value: CellValue) -> Decimal | None:
    """``value`` as a number if it is one (stored or typed as text)."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    try:
        return Decimal(value.replace(",", "").strip())
    except ArithmeticError:
        return None


def drop_none(data: dict[str, Any]) -> dict[str, Any]:
    """Keys with a value only (the case format's defaults stand for the rest)."""
    return {key: value for key, value in data.items() if value is not None}


__all__ = ["Table", "cell_number", "drop_none"]
