"""One escaper per target language, for text that comes from a case (names, actuals, reasons).

- Markdown: :func:`markdown_text` for a paragraph, heading or list item, :func:`markdown_cell` for
  a pipe-table cell (one line, ``|`` escaped), :func:`code_span` for a code span: text shows as
  typed and never turns into emphasis, a link, HTML, a heading, a list or a new table cell.
- HTML: Jinja's autoescape (markupsafe), chosen by the environment (``jinja.py``).
- Spreadsheets (csv, xlsx): ``cells.py`` neutralises what would run as a formula.
- Terminal: :func:`terminal` keeps text as typed on one line, without control characters.
"""

from __future__ import annotations

import re
from typing import Final

_INLINE: Final = re.compile(r"([\\`*_\[\]<>~#])")
_BLOCK_START: Final = re.compile(r"^([ \t]*)(>|[-+](?=\s)|\d+(?=[.)]))", re.MULTILINE)
_BREAKS: Final = re.compile(r"\r\n|[\r\n]")
#: C0 controls and DEL (a terminal's escape sequences start with ESC), and line breaks.
_CONTROLS: Final = re.compile(r"\r\n|[\x00-\x1f\x7f]")


def markdown_text(value: str) -> str:
    """Plain text safe as a Markdown paragraph: its line breaks kept, no line of it starting a
    quote, a list or a heading."""
    return _BLOCK_START.sub(_unblock, _INLINE.sub(r"\\\1", value))


def _unblock(match: re.Match[str]) -> str:
    blank, start = match.group(1), match.group(2)
    return f"{blank}{start}\\" if start[0].isdigit() else f"{blank}\\{start}"


def markdown_cell(value: str) -> str:
    """Plain text safe inside a Markdown table cell (one line, ``|`` escaped)."""
    return _BREAKS.sub(" ", _INLINE.sub(r"\\\1", value).replace("|", "\\|"))


def markdown_line(value: str) -> str:
    """Plain text safe on one line of Markdown (a heading, a list item): breaks become blanks."""
    return markdown_text(_BREAKS.sub(" ", value))


def code_span(value: str) -> str:
    """A Markdown code span of ``value`` on one line, fenced by more backticks than it holds."""
    value = _BREAKS.sub(" ", value)
    fence = "`" * (max((len(run) for run in re.findall("`+", value)), default=0) + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def terminal(value: str) -> str:
    """Text for the terminal: line breaks and control characters (ESC…) become blanks."""
    return _CONTROLS.sub(" ", value)


__all__ = ["code_span", "markdown_cell", "markdown_line", "markdown_text", "terminal"]
