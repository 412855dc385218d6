"""A problem found in a rubric: the TOML keys it concerns and what is wrong, said in Chinese.

The loader turns each into a ``RubricError`` naming the file and the line of those keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

#: (the TOML keys the problem concerns, the message).
Problem = tuple[tuple[str, ...], str]


def toml_path(loc: Sequence[int | str], data: Any) -> tuple[str, ...]:
    """A pydantic error location as TOML keys: item indices become the items' names."""
    path: list[str] = []
    node = data
    for part in loc:
        key = part
        if isinstance(part, int) and path and path[-1] == "items" and isinstance(node, dict):
            key = list(node)[part] if part < len(node) else part
        node = node.get(key) if isinstance(node, dict) else None
        path.append(str(key))
    return tuple(path)


__all__ = ["Problem", "toml_path"]
