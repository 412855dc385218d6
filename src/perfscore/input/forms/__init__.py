"""Excel forms read: every project table of the workbooks people fill, found by its labels.

The forms' layouts (``layout``) are data shared with the writer in ``perfscore.rendering.forms``.
Importing this package imports openpyxl: code that may never read a workbook imports
``formcase`` (the result of reading one) and reads through :mod:`perfscore.pipeline`.
"""

from perfscore.input.forms.formcase import FormCase, Place
from perfscore.input.forms.layout import DEFAULT_LAYOUT, LAYOUTS, Layout
from perfscore.input.forms.reader import read_tables, read_workbook

__all__ = [
    "DEFAULT_LAYOUT",
    "LAYOUTS",
    "FormCase",
    "Layout",
    "Place",
    "read_tables",
    "read_workbook",
]
