"""``evaluate``'s text outputs over a run that scored project and department cases alike, in
input order (registered in ``registry.py``; ``layout`` is for the xlsx form only)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from perfscore.models.department_results import DepartmentEvaluation
from perfscore.models.results import Evaluation
from perfscore.rendering import department, jsonout, markdown, table

Result = Evaluation | DepartmentEvaluation


def render_table(results: Sequence[Result], *, single: bool, layout: str) -> str:
    """The terminal view of each result, in input order."""
    return "\n".join(
        department.table(r) if isinstance(r, DepartmentEvaluation) else table.render_one(r)
        for r in results
    )


def render_markdown(results: Sequence[Result], *, single: bool, layout: str) -> str:
    """Each result as a Markdown document, separated by rules."""
    return "\n---\n\n".join(
        department.markdown(r) if isinstance(r, DepartmentEvaluation) else markdown.render_one(r)
        for r in results
    )


def _data(result: Result) -> dict[str, Any]:
    if isinstance(result, DepartmentEvaluation):
        return department.to_dict(result)
    return jsonout.to_dict(result)


def render_json(results: Sequence[Result], *, single: bool, layout: str) -> str:
    """One JSON object (``single``) or an array of them."""
    data: Any = _data(results[0]) if single else [_data(r) for r in results]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


__all__ = ["Result", "render_json", "render_markdown", "render_table"]
