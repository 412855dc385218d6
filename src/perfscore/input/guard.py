"""Parsed JSON checked against what no real submission contains, before it is validated.

One walk over the parsed data refuses: a key given twice in one object (most JSON readers keep the
last silently, which lets a second 完成值 overwrite the first), nesting deeper than any form, a
list or a text longer than any form has, and lone surrogates. The walk is iterative, so a deep
document cannot exhaust the stack; an error names the JSON path (and, for a duplicate key, the
line and column of both).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any, Final

from perfscore.errors import CaseError
from perfscore.input.limits import Limits, exceeded

_SURROGATE: Final = re.compile("[\ud800-\udfff]")


class Duplicated(dict[str, Any]):
    """A JSON object in which ``key`` was given more than once (the walk reports it)."""

    key: str = ""


def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook``: a dict, marked when a key repeats."""
    obj = dict(items)
    if len(obj) == len(items):
        return obj
    marked = Duplicated(obj)
    seen: set[str] = set()
    marked.key = next(k for k, _ in items if k in seen or seen.add(k))  # type: ignore[func-returns-value]
    return marked


#: The end of a key: in a text with no backslash every ``"`` delimits a string, so this is exact.
_KEY_END: Final = re.compile(r'"\s*:')


def is_plain(data: Any, text: str, limits: Limits) -> bool:
    """The fast look every submission gets: True when it cannot hold anything :func:`check`
    refuses. A text with no escapes (so no lone surrogate) and shorter than the text limit (so
    no over-long text), whose keys in the text all survived parsing (none repeated), with no
    list or object over the item limit and nested within the depth limit."""
    if "\\" in text or len(text) > limits.text:
        return False
    keys = _shape(data, 0, limits.depth, limits.items)
    if keys < 0:
        return False
    written = text.count('":')  # keys end so, but for blanks before a colon: then count exactly
    return keys == (written if written == keys else len(_KEY_END.findall(text)))


def _shape(value: Any, depth: int, depth_limit: int, items_limit: int) -> int:
    """The number of keys in all objects under ``value``; -1 if it nests deeper than
    ``depth_limit`` or a list or object has more than ``items_limit`` entries. Recursion stays
    shallow: parsing has already refused what Python's stack cannot hold, and the depth limit
    stops it long before."""
    kind = type(value)
    if kind is not dict and kind is not list:
        return 0
    if len(value) > items_limit or depth > depth_limit:
        return -1
    keys = len(value) if kind is dict else 0
    for child in value.values() if kind is dict else value:
        inner = type(child)
        if inner is dict or inner is list:  # scalars need no call
            found = _shape(child, depth + 1, depth_limit, items_limit)
            if found < 0:
                return -1
            keys += found
    return keys


def refuse_unusual(data: Any, text: str, file: str | None, limits: Limits) -> None:
    """Raise :class:`CaseError` for the first thing no submission contains."""
    for path, value, depth in _walk(data):
        if depth > limits.depth:
            raise CaseError(exceeded("depth", depth, limits.depth), file=file, path=path)
        if isinstance(value, Duplicated):
            raise _duplicate(value.key, path, text, file)
        if isinstance(value, list | dict) and len(value) > limits.items:
            raise CaseError(exceeded("items", len(value), limits.items), file=file, path=path)
        if isinstance(value, str):
            _text(value, path, file, limits.text)


def _text(value: str, path: str, file: str | None, limit: int) -> None:
    if len(value) > limit:
        raise CaseError(exceeded("text", len(value), limit), file=file, path=path)
    if _SURROGATE.search(value):
        raise CaseError("文本中有无效的 Unicode 字符（孤立的代理项）", file=file, path=path)


def _walk(data: Any) -> Iterator[tuple[str, Any, int]]:
    """Every value with its JSON path and depth; a key counts as text at its object's path."""
    stack: list[tuple[str, Any, int]] = [("$", data, 0)]
    while stack:
        path, value, depth = stack.pop()
        yield path, value, depth
        if isinstance(value, dict):
            for key in value:
                yield path, key, depth
            stack.extend((f"{path}.{k}", v, depth + 1) for k, v in reversed(value.items()))
        elif isinstance(value, list):
            items = list(enumerate(value))
            stack.extend((f"{path}[{i}]", v, depth + 1) for i, v in reversed(items))


def _duplicate(key: str, path: str, text: str, file: str | None) -> CaseError:
    places = key_positions(text, path, key)
    where = "、".join(f"第 {line} 行第 {column} 列" for line, column in places[:2])
    message = f"键 '{key}' 在同一对象中出现了两次（{where}），只能写一次"
    line, column = places[1] if len(places) > 1 else (None, None)
    return CaseError(message, file=file, path=path, line=line, column=column)


def key_positions(text: str, path: str, key: str) -> list[tuple[int, int]]:
    """Line and column of each time ``key`` is written in the object at ``path``."""
    found: list[tuple[int, int]] = []
    for at, object_path, name in _keys(text):
        if object_path == path and name == key:
            line = text.count("\n", 0, at) + 1
            found.append((line, at - (text.rfind("\n", 0, at) + 1) + 1))
    return found


def _keys(text: str) -> Iterator[tuple[int, str, str]]:
    """Each object key of a valid JSON text: its offset, its object's path and its name."""
    stack: list[list[Any]] = []  # [path, is_object, next index or key, expecting a key]
    at = 0
    while at < len(text):
        char = text[at]
        if char == '"':
            value, end = json.decoder.scanstring(text, at + 1)  # type: ignore[attr-defined]
            top = stack[-1] if stack else None
            if top is not None and top[1] and top[3]:
                yield at, top[0], value
                top[2], top[3] = value, False
            at = end
            continue
        _structure(char, stack)
        at += 1


def _structure(char: str, stack: list[list[Any]]) -> None:
    if char in "{[":
        stack.append([_child_path(stack), char == "{", 0, char == "{"])
    elif char in "}]":
        stack.pop()
    elif char == "," and stack:
        if stack[-1][1]:
            stack[-1][3] = True
        else:
            stack[-1][2] += 1


def _child_path(stack: list[list[Any]]) -> str:
    if not stack:
        return "$"
    path, is_object, slot, _ = stack[-1]
    return f"{path}.{slot}" if is_object else f"{path}[{slot}]"


__all__ = ["Duplicated", "is_plain", "key_positions", "pairs", "refuse_unusual"]
