"""Rendering a run that scored project and department cases alike, in input order."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any, Final

from perfscore.models.department_results import DepartmentEvaluation
from perfscore.models.results import Evaluation
from perfscore.rendering import department, jsonout, markdown, table

Result = Evaluation | DepartmentEvaluation


def _table(results: Sequence[Result], single: bool) -> str:
    return "\n".join(
        department.table(r) if isinstance(r, DepartmentEvaluation) else table.render_one(r)
        for r in results
    )


def _markdown(results: Sequence[Result], single: bool) -> str:
    return "\n---\n\n".join(
        department.markdown(r) if isinstance(r, DepartmentEvaluation) else markdown.render_one(r)
        for r in results
    )


def _data(result: Result) -> dict[str, Any]:
    if isinstance(result, DepartmentEvaluation):
        return department.to_dict(result)
    return jsonout.to_dict(result)


def _json(results: Sequence[Result], single: bool) -> str:
    data: Any = _data(results[0]) if single else [_data(r) for r in results]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


#: ``--format`` -> renderer over every result of a run (``single``: one file named, one case).
FORMATS: Final[dict[str, Callable[[Sequence[Result], bool], str]]] = {
    "table": _table,
    "json": _json,
    "markdown": _markdown,
}

__all__ = ["FORMATS", "Result"]
