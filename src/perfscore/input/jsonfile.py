"""Reading case files: JSON with exact decimals, and errors that name the file and JSON path."""

from __future__ import annotations

import difflib
import json
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from perfscore.errors import CaseError
from perfscore.input import guard
from perfscore.input.encodings import decode
from perfscore.input.limits import DEFAULT, Limits, exceeded
from perfscore.input.messages import json_message, os_message, pydantic_message
from perfscore.models.case import (
    CHILDREN,
    DEPARTMENT_NOT_PROJECT,
    Case,
    Children,
    Form,
    aliases,
    spellings,
)
from perfscore.models.kinds import is_department

_INT_DIGITS: Final = 100


def _decimal(text: str) -> Decimal:
    """A JSON number, exactly. One whose exponent is beyond any Decimal becomes ±Infinity (or 0
    for a vanishing one), for the field that holds it to refuse or read by name."""
    try:
        return Decimal(text)
    except InvalidOperation:
        if "e-" in text.lower():
            return Decimal(0)
        return Decimal("-Infinity" if text.startswith("-") else "Infinity")


def _integer(text: str) -> int | Decimal:
    """An integer; one too long for ``int()`` stays a Decimal, for its field to refuse by name."""
    return int(text) if len(text) <= _INT_DIGITS else _decimal(text)


def _constant(name: str) -> Decimal:
    """NaN and Infinity parse, so that the field refusing them can say where they are."""
    return Decimal(name)


def parse_json(text: str, file: str | None = None, limits: Limits = DEFAULT) -> Any:
    """JSON text to Python data, numbers as exact Decimals; a syntax error names line and column.

    What no submission contains (a key given twice, deep nesting, huge lists or texts, lone
    surrogates) is refused here, by :mod:`perfscore.input.guard`.
    """
    data = _loads(text, file, exact=False)
    if guard.is_plain(data, text, limits):
        return data
    data = _loads(text, file, exact=True)
    guard.refuse_unusual(data, text, file, limits)
    return data


def _loads(text: str, file: str | None, *, exact: bool) -> Any:
    """Parse; ``exact`` marks objects with a repeated key (slower, for the rare careful look)."""
    try:
        return json.loads(
            text,
            parse_float=_decimal,
            parse_int=_integer,
            parse_constant=_constant,
            object_pairs_hook=guard.pairs if exact else None,
        )
    except json.JSONDecodeError as error:
        message = f"JSON 格式错误：{json_message(error.msg)}"
        raise CaseError(message, file=file, line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise CaseError("JSON 嵌套过深", file=file) from None


def read_text(path: Path, limits: Limits = DEFAULT) -> str:
    """A case file's text in whichever encoding an office wrote it (see :mod:`encodings`);
    a file over the size limit is refused before it is read."""
    file = str(path)
    check_size(path, limits)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise CaseError(f"无法读取：{os_message(error)}", file=file) from None
    return decode(raw, file)


def check_size(path: Path, limits: Limits = DEFAULT) -> None:
    """Refuse a file over the size limit (or one that cannot be looked at) before reading it."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise CaseError(f"无法读取：{os_message(error)}", file=str(path)) from None
    limit = limits.file_bytes
    if size > limit:
        raise CaseError(exceeded("file_bytes", size, limit), file=str(path))


def load_case(path: str | Path, limits: Limits = DEFAULT) -> Case:
    """Read and validate one project case file (a department case is refused, with where to go:
    :func:`perfscore.evaluate_file` scores either kind)."""
    path = Path(path)
    data = parse_json(read_text(path, limits), str(path), limits)
    if is_department(data):
        raise CaseError(DEPARTMENT_NOT_PROJECT, file=str(path), path="$.kind")
    return case_from_data(data, str(path))


def case_from_data(data: Any, file: str | None = None) -> Case:
    """Validate already-parsed JSON data as a case."""
    if not isinstance(data, dict):
        raise CaseError("案例应为 JSON 对象 {…}", file=file, path="$")
    try:
        return Case.model_validate(data)
    except ValidationError as error:
        raise translate(error, data, file) from None


def _consequence(detail: ErrorDetails, details: Sequence[ErrorDetails]) -> bool:
    """A list reported too short only because an item inside it failed."""
    loc = detail["loc"]
    nested = (d["loc"][: len(loc)] == loc and len(d["loc"]) > len(loc) for d in details)
    return detail["type"] == "too_short" and any(nested)


def translate(
    error: ValidationError,
    data: Any,
    file: str | None,
    root: tuple[type[Form], Children] = (Case, CHILDREN),
) -> CaseError:
    """A pydantic error as one line: the first problem, its JSON path, and how many more.

    ``root`` is the model validated and the table of its nested parts (to name unknown keys).
    """
    everything = error.errors(include_url=False)
    details = [d for d in everything if not _consequence(d, everything)]
    first = details[0]
    message = _message(first, data, root)
    if len(details) > 1:
        message += f"（另有 {len(details) - 1} 处错误）"
    return CaseError(message, file=file, path=json_path(first["loc"]))


def json_path(loc: Sequence[int | str]) -> str:
    """``('indicators', 3, 'actual')`` -> ``$.indicators[3].actual``."""
    text = "$"
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _message(detail: ErrorDetails, data: Any, root: tuple[type[Form], Children]) -> str:
    if detail["type"] == "extra_forbidden":
        return _unknown_key(detail["loc"], data, root)
    return pydantic_message(detail)


def _unknown_key(loc: Sequence[int | str], data: Any, root: tuple[type[Form], Children]) -> str:
    key = str(loc[-1])
    model = _model_at(loc[:-1], root)
    table = aliases(model)
    siblings = _object_at(loc[:-1], data)
    twin = _twin_spelling(key, table, siblings)
    if twin is not None:
        return f"键 '{key}' 与 '{twin}' 是同一项，只能写一次"
    close = difflib.get_close_matches(key, list(table), n=1, cutoff=0.6)
    if close:
        return f"未知的键 '{key}'，是否应为 '{close[0]}'？"
    return f"未知的键 '{key}'（可用：{_known_keys(model)}）"


def _known_keys(model: type[Form]) -> str:
    """Each key with its first Chinese spelling: ``initial（年初预算）、adjusted（…）…``."""
    names = []
    for name, keys_ in spellings(model).items():
        chinese = [key for key in keys_ if not key.isascii()]
        if name != "schema_ref":
            names.append(f"{name}（{chinese[0]}）" if chinese else name)
    return "、".join(names)


def _twin_spelling(key: str, table: dict[str, str], siblings: dict[str, Any]) -> str | None:
    field = table.get(key)
    if field is None:
        return None
    return next((k for k in siblings if k != key and table.get(k) == field), None)


def _model_at(loc: Sequence[int | str], root: tuple[type[Form], Children]) -> type[Form]:
    model, children = root
    for part in loc:
        if isinstance(part, int):
            continue
        field = aliases(model).get(part, part)
        model = children.get(model, {}).get(field, model)
    return model


def _object_at(loc: Sequence[int | str], data: Any) -> dict[str, Any]:
    for part in loc:
        data = data[part]
    return data if isinstance(data, dict) else {}


__all__ = [
    "case_from_data",
    "check_size",
    "json_path",
    "load_case",
    "parse_json",
    "read_text",
    "translate",
]
