"""The report templates: shipped as package data, each overridable from a folder (``--template``).

Two environments over the same templates: plain text (Markdown, and the Word writer's paragraphs)
and HTML, which escapes every value it prints, so text from a case can never become markup.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
    TemplateError,
)

from perfscore.errors import PerfscoreError
from perfscore.rendering.escape import code_span, markdown_cell, markdown_line, markdown_text

#: The templates a folder given to ``--template`` may replace (any it lacks are the shipped ones).
TEMPLATES = ("text.j2", "report.md.j2", "report.html.j2", "chart.svg.j2")


def loader(folder: str | None) -> BaseLoader:
    """The folder's templates first, then the shipped ones."""
    shipped = PackageLoader("perfscore.rendering", "templates/report")
    if folder is None:
        return shipped
    path = Path(folder)
    if not path.is_dir():
        raise PerfscoreError("模板文件夹不存在", file=folder)
    return ChoiceLoader([FileSystemLoader(path), shipped])


@cache
def environment(folder: str | None, html: bool) -> Environment:
    """Templates from ``folder`` (or only the shipped ones); ``html`` escapes every value."""
    return jinja(loader(folder), html=html)


def jinja(source: BaseLoader, *, html: bool = False) -> Environment:
    """perfscore's Jinja2 settings: strict, block tags trimmed, and the Markdown filters."""
    env = Environment(
        loader=source,
        undefined=StrictUndefined,
        autoescape=html,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["line"] = markdown_line
    env.filters["cell"] = markdown_cell
    env.filters["code"] = code_span
    return env


def template_error(error: TemplateError, folder: str | None) -> PerfscoreError:
    """A broken template said in one line, with its file and line where Jinja knows them."""
    name = getattr(error, "filename", None) or getattr(error, "name", None)
    line = getattr(error, "lineno", None)
    where = name if folder is None or name is None else str(Path(folder) / Path(name).name)
    return PerfscoreError(f"报告模板有误：{error.message or error}", file=where, line=line)


__all__ = ["TEMPLATES", "environment", "jinja", "loader", "template_error"]
