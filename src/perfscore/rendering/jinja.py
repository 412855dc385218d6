"""The one Jinja2 environment factory: every template perfscore renders comes through here.

Templates ship as package data under ``templates/`` (one folder per kind of document); a folder
given to ``report --template`` goes in front of the shipped ones. The target chooses the
escaping: ``html`` escapes every value it prints (markupsafe), so text from a case never becomes
markup; ``markdown`` and ``text`` print values as they are, and the Markdown templates escape
case text with the filters below (``escape.py``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Final, Literal

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    StrictUndefined,
)

from perfscore.errors import PerfscoreError
from perfscore.rendering.escape import code_span, markdown_cell, markdown_line, markdown_text

TemplateTarget = Literal["text", "markdown", "html"]
#: The shipped templates: ``""`` for those at the top (the 综述), or a folder under it.
TemplateSet = Literal["", "report", "department"]

_PACKAGE: Final = "perfscore.rendering"


def loader(kind: TemplateSet, folder: str | None = None) -> BaseLoader:
    """``folder``'s templates first (when given), then the shipped ones of ``kind``."""
    shipped = PackageLoader(_PACKAGE, f"templates/{kind}" if kind else "templates")
    if folder is None:
        return shipped
    path = Path(folder)
    if not path.is_dir():
        raise PerfscoreError("模板文件夹不存在", file=folder)
    return ChoiceLoader([FileSystemLoader(path), shipped])


@cache
def environment(
    kind: TemplateSet, target: TemplateTarget, folder: str | None = None
) -> Environment:
    """The environment for ``kind``'s templates written in ``target`` (``folder`` overrides)."""
    return configured_environment(loader(kind, folder), target)


def configured_environment(source: BaseLoader, target: TemplateTarget) -> Environment:
    """perfscore's Jinja2 settings over ``source``: strict, block tags trimmed, autoescape for
    HTML only, and the Markdown filters (``md``, ``line``, ``cell``, ``code``)."""
    env = Environment(
        loader=source,
        undefined=StrictUndefined,
        autoescape=target == "html",
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = markdown_text
    env.filters["line"] = markdown_line
    env.filters["cell"] = markdown_cell
    env.filters["code"] = code_span
    return env


__all__ = ["TemplateSet", "TemplateTarget", "configured_environment", "environment", "loader"]
