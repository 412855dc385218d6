"""The report templates: shipped as package data, each overridable from a folder (``--template``).

The environments come from ``rendering/jinja.py``: plain text (Markdown, and the Word writer's
paragraphs) and HTML, which escapes every value it prints, so text from a case can never become
markup.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, TemplateError

from perfscore.errors import PerfscoreError
from perfscore.rendering import jinja

#: The templates a folder given to ``--template`` may replace (any it lacks are the shipped ones).
TEMPLATES = ("text.j2", "report.md.j2", "report.html.j2", "chart.svg.j2")


def report_environment(folder: str | None, html: bool) -> Environment:
    """Templates from ``folder`` (or only the shipped ones); ``html`` escapes every value."""
    return jinja.environment("report", "html" if html else "markdown", folder)


def template_error(error: TemplateError, folder: str | None) -> PerfscoreError:
    """A broken template said in one line, with its file and line where Jinja knows them."""
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    line = getattr(error, "lineno", None)
    where = name if folder is None or name is None else str(Path(folder) / Path(name).name)
    return PerfscoreError(f"报告模板有误：{error.message or error}", file=where, line=line)


__all__ = ["TEMPLATES", "report_environment", "template_error"]
