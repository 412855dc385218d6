"""A worksheet as the reader sees it: values by position, merged cells resolved, labels normalised.

A merged cell shows its value in every row it spans (so 一级指标 merged down a run of rows reads
on each of them), but only once per row (a 项目名称 value merged across columns is one cell).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from perfscore.models.numbers import checked

#: What Excel shows for a formula that failed.
EXCEL_ERRORS: Final = frozenset(
    {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!", "#SPILL!", "#CALC!"}
)
#: Placeholders forms print in cells that do not apply ("—" under 分值 of a funding row).
DASHES: Final = frozenset({"—", "——", "-", "--", "－", "/", "／", "\\", "无", "不适用"})

_SPACE: Final = re.compile(r"\s+")
_BRACKETED: Final = re.compile(r"[（(][^（()）]*[)）]")
_NUMBERING: Final = re.compile(
    r"^(?:\d+[.、．]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)"
)

CellValue = str | int | Decimal | bool | None


def label(text: object) -> str:
    """A cell's text as a label: blanks, numbering, bracketed notes and a final colon removed.

    ``"1.项目年度目标"`` -> ``"项目年度目标"``; ``"调整后预算数\\n（万元）"`` -> ``"调整后预算数"``;
    ``"产出指标(50分)"`` -> ``"产出指标"``.
    """
    if not isinstance(text, str):
        return ""
    clean = _BRACKETED.sub("", _SPACE.sub("", text))
    return _NUMBERING.sub("", clean).rstrip("：:")


@dataclass(frozen=True, slots=True)
class Cell:
    """One non-empty cell: where it is and its value as the case format takes it."""

    row: int
    column: int
    value: CellValue

    @property
    def ref(self) -> str:
        """``"F12"``."""
        return f"{get_column_letter(self.column)}{self.row}"

    @property
    def label(self) -> str:
        """The value read as a label (empty for a number)."""
        return label(self.value)


class Grid:
    """The values of one worksheet, read once."""

    def __init__(self, sheet: Worksheet) -> None:
        self.title = sheet.title
        self.rows = sheet.max_row
        self._values: dict[tuple[int, int], CellValue] = {}
        self._anchor: dict[tuple[int, int], tuple[int, int]] = {}
        self._width: dict[int, int] = {}
        self._bounds: dict[tuple[int, int], tuple[int, int]] = {}
        for row in sheet.iter_rows():
            for cell in row:
                value = _value(cell.value, str(cell.number_format or ""))
                if value is not None and cell.row is not None and cell.column is not None:
                    self._values[cell.row, cell.column] = value
        for merged in sheet.merged_cells.ranges:
            top = (merged.min_row, merged.min_col)
            self._bounds[top] = (merged.max_row, merged.max_col)
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    if (r, c) != top:
                        self._anchor[r, c] = top
        for r, c in [*self._values, *self._anchor]:
            self._width[r] = max(self._width.get(r, 0), c)

    def where(self, cell: Cell) -> str:
        """``"Sheet1!F12"``: the sheet and the cell, for a message."""
        return f"{self.title}!{cell.ref}"

    def row(self, number: int) -> list[Cell]:
        """The row's cells left to right; a cell merged across columns counts once."""
        cells = []
        for column in range(1, self._width.get(number, 0) + 1):
            anchor = self._anchor.get((number, column))
            if anchor is not None and anchor[0] == number:
                continue  # the continuation of a cell merged across
            value = self._values.get(anchor or (number, column))
            if value is not None:
                cells.append(Cell(number, column, value))
        return cells

    def at(self, row: int, column: int) -> Cell | None:
        """The cell shown at ``row``/``column`` (a merged cell's value wherever it spans)."""
        value = self._values.get(self._anchor.get((row, column), (row, column)))
        return None if value is None else Cell(row, column, value)

    def origin(self, cell: Cell) -> tuple[int, int]:
        """The top-left position of the merged range ``cell`` is in (its own if not merged)."""
        return self._anchor.get((cell.row, cell.column), (cell.row, cell.column))

    def own(self, cell: Cell) -> bool:
        """Whether ``cell`` starts on its own row (not a value merged down from a row above)."""
        return self.origin(cell)[0] == cell.row

    def bounds(self, cell: Cell) -> tuple[int, int]:
        """The last row and column of the merged range ``cell`` is in (its own if not merged)."""
        top = self.origin(cell)
        return self._bounds.get(top, top)

    def labelled(self) -> Iterator[Cell]:
        """Every text cell at the top-left of its range, top to bottom, left to right."""
        for (r, c), value in sorted(self._values.items()):
            if isinstance(value, str):
                yield Cell(r, c, value)


def _value(raw: object, number_format: str) -> CellValue:
    """A cell's content as the case format takes it (see :class:`Cell`)."""
    if raw is None or isinstance(raw, bool):
        return raw
    if isinstance(raw, str):
        text = raw.strip().replace("\u3000", " ").strip()
        return text or None
    if isinstance(raw, int | float):
        return _number(raw, "%" in number_format)
    if isinstance(raw, dt.datetime | dt.date):
        return f"{raw.year}年{raw.month}月{raw.day}日"
    if isinstance(raw, dt.time | dt.timedelta):
        return str(raw)
    return str(raw)


def _number(raw: int | float, percent: bool) -> CellValue:
    """A stored number, exactly; a cell formatted as a percentage reads ``"96.96%"``."""
    if isinstance(raw, float) and not math.isfinite(raw):
        return str(raw)
    number = Decimal(raw) if isinstance(raw, int) else Decimal(repr(raw))
    if percent:
        try:
            shown = checked(number * 100).normalize()
        except ValueError:
            return str(raw)
        return f"{shown:f}%"
    if number == number.to_integral_value() and abs(number) < 10**15:
        return int(number)
    return number


__all__ = ["DASHES", "EXCEL_ERRORS", "Cell", "CellValue", "Grid", "label"]
