"""Chinese messages for what the parsers and pydantic report in English."""

from __future__ import annotations

import errno
import re
from typing import Any, Final

from pydantic_core import ErrorDetails

_TYPES: Final[dict[str, str]] = {
    "model_type": "应为对象 {…}",
    "model_attributes_type": "应为对象 {…}",
    "dict_type": "应为对象 {…}",
    "list_type": "应为列表 […]",
    "tuple_type": "应为列表 […]",
    "string_type": "应为文本",
    "int_type": "应为整数",
    "int_parsing": "应为整数",
    "int_from_float": "应为整数",
    "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false",
    "decimal_type": "应为数字",
    "decimal_parsing": "应为数字",
    "finite_number": "应为有限的数字",
    "too_short": "至少需要 1 项",
}
_BOUNDS: Final[dict[str, tuple[str, str]]] = {
    "greater_than_equal": ("ge", "不小于"),
    "greater_than": ("gt", "大于"),
    "less_than_equal": ("le", "不大于"),
    "less_than": ("lt", "小于"),
}
_JSON: Final[dict[str, str]] = {
    "Expecting value": "此处应为一个值",
    "Expecting ',' delimiter": "缺少逗号",
    "Expecting ':' delimiter": "缺少冒号",
    "Expecting property name enclosed in double quotes": "键名应写在双引号中",
    "Extra data": "JSON 之后还有多余的内容",
    "Unterminated string starting at": "字符串没有结束",
    "Invalid control character at": "字符串中有控制字符",
    "Invalid \\escape": "无效的转义符",
    "Invalid \\uXXXX escape": "无效的 \\u 转义符",
}
_TOML_POSITION: Final = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")
_OS: Final[dict[int, str]] = {
    errno.ENOENT: "文件不存在",
    errno.EISDIR: "这是文件夹，不是文件",
    errno.EACCES: "没有读取权限",
}


def pydantic_message(detail: ErrorDetails) -> str:
    """One pydantic error as a Chinese sentence (keys and values quoted as given)."""
    kind = detail["type"]
    context: dict[str, Any] = dict(detail.get("ctx") or {})
    if kind == "missing":
        return f"缺少必填项 '{detail['loc'][-1]}'"
    if kind in ("value_error", "assertion_error") and "error" in context:
        return str(context["error"])
    if kind == "literal_error":
        expected = str(context.get("expected", "")).replace(", ", "、").replace(" or ", "、")
        return f"应为 {expected}，实际为 {detail['input']!r}"
    if kind in _BOUNDS:
        key, words = _BOUNDS[kind]
        return f"应{words} {context.get(key)}，实际为 {detail['input']}"
    if kind in _TYPES:
        return _TYPES[kind]
    return str(detail["msg"])


def json_message(message: str) -> str:
    """A ``json.JSONDecodeError`` message in Chinese."""
    return _JSON.get(message, message)


def toml_message(message: str) -> tuple[str, int | None, int | None]:
    """A ``tomllib`` message without its ``(at line L, column C)``, and that position."""
    match = _TOML_POSITION.search(message)
    if match is None:
        return message, None, None
    return message[: match.start()], int(match.group(1)), int(match.group(2))


def os_message(error: OSError) -> str:
    """Why a file could not be read, in Chinese."""
    return _OS.get(error.errno or 0, error.strerror or str(error))


__all__ = ["json_message", "os_message", "pydantic_message", "toml_message"]
