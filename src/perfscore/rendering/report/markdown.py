"""The report in Markdown: ``report.md.j2`` over the report and its paragraphs.

Text from a case is escaped so that Markdown shows it as typed: ``*``, ``_``, ``<``, a leading
``1.`` or ``#`` never turn into emphasis, HTML, a list or a heading.
"""

from __future__ import annotations

import re
from typing import Final

from jinja2 import Environment

from perfscore.rendering.report.context import Report
from perfscore.rendering.report.texts import Texts

_INLINE: Final = re.compile(r"([\\`*_\[\]<>~])")
_BLOCK_START: Final = re.compile(r"^(\s*)(#|>|[-+](?=\s)|\d+(?=[.)]))")


def text(value: str) -> str:
    """Plain text safe as a Markdown paragraph or list item."""
    escaped = _INLINE.sub(r"\\\1", value)
    match = _BLOCK_START.match(escaped)
    if match is None:
        return escaped
    if match.group(2)[0].isdigit():
        end = match.end()
        return escaped[:end] + "\\" + escaped[end:]
    return f"{match.group(1)}\\{escaped[match.end(1) :]}"


def cell(value: str) -> str:
    """Plain text safe inside a Markdown table cell (one line, ``|`` escaped)."""
    return _INLINE.sub(r"\\\1", value).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def render_markdown(report: Report, texts: Texts, environment: Environment) -> str:
    """One report as a Markdown document."""
    rendered: str = environment.get_template("report.md.j2").render(r=report, t=texts)
    return rendered


__all__ = ["cell", "render_markdown", "text"]
