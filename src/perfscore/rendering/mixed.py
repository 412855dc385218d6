"""``evaluate``'s text outputs over a run that scored project and department cases alike, in
input order (registered in ``registry.py``; ``layout`` is for the xlsx form only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from perfscore.models.results import Evaluation
from perfscore.rendering import markdown, table

if TYPE_CHECKING:
    from perfscore.pipeline import Result


def render_table(results: Sequence[Result], *, single: bool, layout: str) -> str:
    """The terminal view of each result, in input order."""
    return "\n".join(_table(r) for r in results)


def render_markdown(results: Sequence[Result], *, single: bool, layout: str) -> str:
    """Each result as a Markdown document, separated by rules."""
    return "\n---\n\n".join(_markdown(r) for r in results)


def _table(result: Result) -> str:
    if isinstance(result, Evaluation):
        return table.project_table(result)
    # The department renderers use Jinja2 templates: loaded when a department case is met.
    from perfscore.rendering.department import department_table  # noqa: PLC0415

    return department_table(result)


def _markdown(result: Result) -> str:
    if isinstance(result, Evaluation):
        return markdown.project_markdown(result)
    from perfscore.rendering.department import markdown as department_markdown  # noqa: PLC0415

    return department_markdown(result)


def render_json(results: Sequence[Result], *, single: bool, layout: str) -> str:
    """One JSON object (``single``) or an array of them."""
    data: Any = results[0].to_dict() if single else [r.to_dict() for r in results]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = ["render_json", "render_markdown", "render_table"]
