"""Cells for spreadsheets: text a spreadsheet would run as a formula is neutralised."""

from __future__ import annotations

from typing import Final

#: What makes Excel, WPS or LibreOffice read a cell as a formula (OWASP "CSV injection").
FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def is_formula_like(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` (leading blanks ignored) for a formula."""
    return text.lstrip(" ").startswith(FORMULA_START)


def neutralise(text: str) -> str:
    """``=HYPERLINK(…)`` -> ``'=HYPERLINK(…)``: shown as typed, never run (CSV cells)."""
    return f"'{text}" if is_formula_like(text) else text


__all__ = ["FORMULA_START", "is_formula_like", "neutralise"]
