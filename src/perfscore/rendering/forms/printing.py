"""How a written sheet prints: A4, one page wide, a print area, header rows repeated, a footer.

Every workbook perfscore writes (a filled or re-scored form, a blank template, the 问题清单, the
review) is printed, signed and handed in; each sheet gets its print set-up here, in one place.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final, Literal, cast

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

if TYPE_CHECKING:
    from perfscore.rendering.forms.sheet import Geometry

Orientation = Literal["portrait", "landscape"]

#: Margins in inches, as the official forms leave them (about 1.5 cm; 0.8 cm for header/footer).
_MARGINS: Final = PageMargins(left=0.6, right=0.6, top=0.7, bottom=0.7, header=0.3, footer=0.3)
#: The footer's right part: 第 1 页，共 3 页 (Excel's codes for the page and the page count).
_PAGES: Final = "第 &P 页，共 &N 页"
#: A form with at most this many indicators prints on one page; a longer one runs on.
ONE_PAGE_INDICATORS: Final = 20
#: Text that wraps within its column, at the top.
WRAP: Final = Alignment(vertical="top", wrap_text=True)
#: Points one line of 11-point text takes, and the width a column is when not set.
_LINE: Final = 14.5
_DEFAULT_WIDTH: Final = 8.43


@dataclass(frozen=True, slots=True)
class Printing:
    """One sheet's print set-up.

    ``area``: the cells printed (``"A1:N30"``), or all that is used; ``repeat``: rows printed
    again at the top of every page (``"5:5"``); ``one_page``: shrink to a single page (a form),
    rather than to one page wide with as many pages down as it takes (a long list).
    """

    orientation: Orientation
    footer: str
    area: str | None = None
    repeat: str | None = None
    one_page: bool = False


def set_up(sheet: Worksheet | WriteOnlyWorksheet, printing: Printing) -> None:
    """Give ``sheet`` its print set-up: A4, the orientation, fit to the page's width, margins,
    the print area and repeated rows, and a footer with the name and the page number.

    A write-only sheet writes its properties with its first row: set it up before that.
    """
    page = cast(Worksheet, sheet)  # a write-only sheet has these too; its stubs lack them
    setup = page.page_setup
    setup.paperSize = Worksheet.PAPERSIZE_A4
    setup.orientation = printing.orientation
    setup.fitToWidth = 1
    setup.fitToHeight = 1 if printing.one_page else 0
    page.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    page.page_margins = _MARGINS
    page.print_options.horizontalCentered = True
    if printing.area is not None:
        page.print_area = printing.area
    if printing.repeat is not None:
        page.print_title_rows = printing.repeat
    footer = HeaderFooterItem()
    footer.left.text = _footer_text(printing.footer)
    footer.left.size = 9
    footer.right.text = _PAGES
    footer.right.size = 9
    page.HeaderFooter.oddFooter = footer


def form_printing(
    geometry: Geometry, last_column: int, orientation: Orientation, name: str
) -> Printing:
    """A drawn form's print set-up: the form (and its computed columns to ``last_column``), on one
    page while it has at most :data:`ONE_PAGE_INDICATORS` indicators, else one page wide with the
    indicator table's header repeated on every page."""
    area = f"A1:{get_column_letter(last_column)}{geometry.last_row}"
    indicators = geometry.indicator_last - geometry.indicator_first + 1
    if indicators <= ONE_PAGE_INDICATORS:
        return Printing(orientation, name, area=area, one_page=True)
    header = geometry.indicator_header
    return Printing(orientation, name, area=area, repeat=f"{header}:{header}")


def fit_rows(sheet: Worksheet, first: int, last: int, last_column: int) -> None:
    """Rows ``first`` to ``last`` as tall as their longest text wrapped in its column needs: text
    cells wrap (numbers do not), so nothing is cut off in print. Cells merged over several rows
    are left to their merge."""
    merged = {r.start_cell.coordinate for r in sheet.merged_cells.ranges if r.max_row > r.min_row}
    for row in range(first, last + 1):
        lines = 1
        for column in range(1, last_column + 1):
            cell = sheet.cell(row, column)
            if not isinstance(cell.value, str) or cell.coordinate in merged:
                continue
            cell.alignment = Alignment(
                horizontal=cell.alignment.horizontal, vertical="top", wrap_text=True
            )
            width = sheet.column_dimensions[get_column_letter(column)].width or _DEFAULT_WIDTH
            lines = max(lines, _lines(cell.value, width))
        if lines > 1:
            sheet.row_dimensions[row].height = lines * _LINE


def text_height(text: str, width: float) -> float:
    """Points ``text`` needs wrapped in a cell ``width`` characters wide."""
    return _lines(text, width) * _LINE


def _lines(text: str, width: float) -> int:
    """Lines ``text`` takes in a column ``width`` characters wide (a Chinese character is two)."""
    total = 0
    for part in text.split("\n"):
        used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in part)
        total += max(1, math.ceil(used / max(width - 1, 1)))
    return total


def _footer_text(text: str) -> str:
    """``text`` as a footer shows it: ``&`` starts a code in a footer, so it is doubled."""
    return text.replace("&", "&&")[:120]


__all__ = [
    "ONE_PAGE_INDICATORS",
    "WRAP",
    "Orientation",
    "Printing",
    "fit_rows",
    "form_printing",
    "set_up",
    "text_height",
]
