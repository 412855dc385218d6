"""Excel forms: reading the tables people fill, and writing blank and filled forms."""

from perfscore.input.forms.layout import DEFAULT_LAYOUT, LAYOUTS, Layout
from perfscore.input.forms.reader import XLSX_SUFFIXES, FormCase, read_tables, read_workbook
from perfscore.input.forms.table import Place

__all__ = [
    "DEFAULT_LAYOUT",
    "LAYOUTS",
    "XLSX_SUFFIXES",
    "FormCase",
    "Layout",
    "Place",
    "read_tables",
    "read_workbook",
]
