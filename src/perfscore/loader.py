"""Reading case files: JSON with exact decimals, and errors that name the file and JSON path."""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from .case import CHILDREN, Case, Form, aliases
from .errors import CaseError

_MESSAGES: Final[dict[str, str]] = {
    "missing": "缺少必填项",
    "model_type": "应为对象 {…}",
    "model_attributes_type": "应为对象 {…}",
    "dict_type": "应为对象 {…}",
    "list_type": "应为列表 […]",
    "tuple_type": "应为列表 […]",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "literal_error": '应为 "project"',
}


def _constant(name: str) -> Decimal:
    """NaN and Infinity parse, so that the field refusing them can say where they are."""
    return Decimal(name)


def parse_json(text: str, file: str | None = None) -> Any:
    """JSON text to Python data, floats as exact Decimals; a syntax error names line and column."""
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=_constant)
    except json.JSONDecodeError as error:
        raise CaseError(
            f"JSON 格式错误：{error.msg}", file=file, line=error.lineno, column=error.colno
        ) from None
    except RecursionError:
        raise CaseError("JSON 嵌套过深", file=file) from None


def read_text(path: Path) -> str:
    """A case file's text (UTF-8, with or without BOM)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise CaseError(f"不是 UTF-8 编码的文本（第 {error.start} 字节）", file=str(path)) from None
    except OSError as error:
        raise CaseError(f"无法读取：{error.strerror}", file=str(path)) from None


def load_case(path: str | Path) -> Case:
    """Read and validate one case file."""
    path = Path(path)
    return case_from_data(parse_json(read_text(path), str(path)), str(path))


def case_from_data(data: Any, file: str | None = None) -> Case:
    """Validate already-parsed JSON data as a case."""
    if not isinstance(data, dict):
        raise CaseError("案例应为 JSON 对象 {…}", file=file, path="$")
    try:
        return Case.model_validate(data)
    except ValidationError as error:
        raise _translate(error, data, file) from None


def _consequence(detail: ErrorDetails, details: Sequence[ErrorDetails]) -> bool:
    """A list reported too short only because an item inside it failed."""
    loc = detail["loc"]
    nested = (d["loc"][: len(loc)] == loc and len(d["loc"]) > len(loc) for d in details)
    return detail["type"] == "too_short" and any(nested)


def _translate(error: ValidationError, data: Any, file: str | None) -> CaseError:
    everything = error.errors(include_url=False)
    details = [d for d in everything if not _consequence(d, everything)]
    first = details[0]
    message = _message(first, data)
    if len(details) > 1:
        message += f"（另有 {len(details) - 1} 处错误）"
    return CaseError(message, file=file, path=json_path(first["loc"]))


def json_path(loc: Sequence[int | str]) -> str:
    """``('indicators', 3, 'actual')`` -> ``$.indicators[3].actual``."""
    text = "$"
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _message(detail: ErrorDetails, data: Any) -> str:
    kind = detail["type"]
    if kind == "extra_forbidden":
        return _unknown_key(detail["loc"], data)
    if kind == "missing":
        return f"缺少必填项 '{detail['loc'][-1]}'"
    if kind in ("value_error", "assertion_error"):
        return str(detail.get("ctx", {}).get("error", detail["msg"]))
    if kind == "too_short":
        return "至少需要 1 项"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"超出范围：{detail['input']}"
    return _MESSAGES.get(kind, detail["msg"])


def _unknown_key(loc: Sequence[int | str], data: Any) -> str:
    key = str(loc[-1])
    model = _model_at(loc[:-1])
    table = aliases(model)
    siblings = _object_at(loc[:-1], data)
    twin = _twin_spelling(key, table, siblings)
    if twin is not None:
        return f"键 '{key}' 与 '{twin}' 是同一项，只能写一次"
    close = difflib.get_close_matches(key, list(table), n=1, cutoff=0.6)
    if close:
        return f"未知的键 '{key}'，是否应为 '{close[0]}'？"
    known = "、".join(model.model_fields)
    return f"未知的键 '{key}'（可用：{known}）"


def _twin_spelling(key: str, table: dict[str, str], siblings: dict[str, Any]) -> str | None:
    field = table.get(key)
    if field is None:
        return None
    return next((k for k in siblings if k != key and table.get(k) == field), None)


def _model_at(loc: Sequence[int | str]) -> type[Form]:
    model: type[Form] = Case
    for part in loc:
        if isinstance(part, int):
            continue
        field = aliases(model).get(part, part)
        model = CHILDREN.get(model, {}).get(field, model)
    return model


def _object_at(loc: Sequence[int | str], data: Any) -> dict[str, Any]:
    for part in loc:
        data = data[part]
    return data if isinstance(data, dict) else {}


def case_paths(paths: Sequence[str | Path]) -> Iterator[Path]:
    """Files as given; folders searched recursively for ``*.json``, in sorted order."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.json") if p.is_file())
        else:
            yield path


__all__ = ["case_from_data", "case_paths", "json_path", "load_case", "parse_json", "read_text"]
