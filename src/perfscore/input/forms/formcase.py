"""A case read from a form, with the cell every value came from: what scoring a form needs,
without the reader (openpyxl), so that a run that reads no workbook never imports it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from perfscore.errors import PerfscoreError
from perfscore.models.case import Case

#: How the case format says a required key is absent: on a form, the cell is empty.
_MISSING: Final = "缺少必填项"


@dataclass(frozen=True, slots=True)
class Place:
    """Where a value of the case came from: ``"Sheet1!F12"`` and the label over it."""

    cell: str
    label: str


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
        return located(error, self.places, self.file, self.table)


def nearest_place(places: Mapping[str, Place], path: str | None) -> Place | None:
    """The cell of ``path``, or of its nearest enclosing part that has one."""
    while path:
        if path in places:
            return places[path]
        cut = max(path.rfind("."), path.rfind("["))
        path = path[:cut] if cut > 0 else ""
    return None


def located(
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


__all__ = ["FormCase", "Place", "located", "nearest_place"]
