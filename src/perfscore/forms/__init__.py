"""Excel forms: reading the tables people fill, and writing blank and filled forms."""

from .layout import DEFAULT_LAYOUT, LAYOUTS, Layout
from .reader import XLSX_SUFFIXES, FormCase, read_tables, read_workbook
from .table import Place

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
