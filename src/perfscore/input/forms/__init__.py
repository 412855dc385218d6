"""Excel forms read: every project table of the workbooks people fill, found by its labels.

The forms' layouts (``layout``) are data shared with the writer in ``perfscore.rendering.forms``.
``reader`` (openpyxl) is imported only where a workbook is read; ``formcase`` (what reading
one gives) and ``layout`` import no Excel code.
"""

__all__: list[str] = []
