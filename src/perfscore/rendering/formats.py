"""Renderers: each reads ``Evaluation`` objects and returns text; none recomputes a score."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

from perfscore.models.results import Evaluation
from perfscore.rendering import jsonout, markdown, table

Renderer = Callable[[Sequence[Evaluation], bool], str]

FORMATS: Final[dict[str, Renderer]] = {
    "table": lambda evaluations, single: table.render(evaluations),
    "json": lambda evaluations, single: jsonout.render(evaluations, single=single),
    "markdown": lambda evaluations, single: markdown.render(evaluations),
}

__all__ = ["FORMATS", "Renderer"]
