"""Finding the line of a key in TOML text, so that a rubric error can name it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

_HEADER: Final = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY: Final = re.compile(
    r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_\-]+))*)\s*="""
)
_PART: Final = re.compile(r"""\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*""")


def _dotted(text: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _PART.findall(text))


def locate(text: str, path: Sequence[str | int]) -> int | None:
    """The 1-based line where ``path`` (or the longest part of it) is defined in ``text``.

    A table given only through its sub-tables (``[levels.output]`` for ``levels``) is found at
    the first of them.
    """
    wanted = tuple(str(p) for p in path)
    table: tuple[str, ...] = ()
    best: tuple[int, int] | None = None  # (matched length, line)
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = _dotted(header.group(1))
            full = table
        else:
            key = _KEY.match(line)
            if key is None:
                continue
            full = table + _dotted(key.group(1))
        length = _common(full, wanted)
        inside = length in (len(full), len(wanted))  # the key holds the path, or lies within it
        if inside and (best is None or length > best[0]):
            best = (length, number)
    return None if best is None or best[0] == 0 else best[1]


def _common(a: tuple[str, ...], b: tuple[str, ...]) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


__all__ = ["locate"]
