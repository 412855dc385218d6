"""Chinese messages for what the parsers and pydantic report in English."""

from __future__ import annotations

import ast
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
_TOML_POSITION: Final = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")
#: tomllib's messages (CPython's ``tomllib/_parser.py``); one it adds later stays in English.
_TOML: Final[dict[str, str]] = {
    "Cannot overwrite a value": "键重复：不能覆盖已有的值",
    "Escaped character is not a Unicode scalar value": "转义字符不是有效的 Unicode 字符",
    "Expected '=' after a key in a key/value pair": "键之后应为 '='",
    "Expected ']' at the end of a table declaration": "表头应以 ']' 结束",
    "Expected ']]' at the end of an array declaration": "表数组的表头应以 ']]' 结束",
    "Expected newline or end of document after a statement": "一条语句之后应换行",
    "Invalid date or datetime": "无效的日期或时间",
    "Invalid hex value": "无效的十六进制值",
    "Invalid initial character for a key part": "键名的开头字符无效",
    "Invalid statement": "无效的语句",
    "Invalid value": "无效的值",
    "Unclosed array": "数组没有闭合（缺少 ']'）",
    "Unclosed inline table": "内联表没有闭合（缺少 '}'）",
    "Unescaped '\\' in a string": "字符串中有未转义的 '\\'",
    "Unterminated string": "字符串没有结束",
}
#: Messages that name a key (a tuple of its parts) or a character.
_TOML_NAMING: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (re.compile(r"Cannot declare (\(.*\)) twice"), "表 {} 声明了两次"),
    (re.compile(r"Cannot mutate immutable namespace (\(.*\))"), "不能再向已定义的 {} 添加内容"),
    (re.compile(r"Cannot redefine namespace (\(.*\))"), "不能重新定义 {}"),
    (re.compile(r"Duplicate inline table key (.*)"), "内联表中的键 {} 重复"),
    (re.compile(r"Expected (.*)"), "此处应为 {}"),
    (re.compile(r"Found invalid character (.*)"), "有无效的字符 {}"),
    (re.compile(r"Illegal character (.*)"), "有不允许的字符 {}"),
)
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


def toml_message(message: str, text: str = "") -> tuple[str, int | None, int | None]:
    """A ``tomllib`` message in Chinese, without its position; and that position (line and
    column, 1-based). "At end of document" is placed after the last character of ``text``."""
    match = _TOML_POSITION.search(message)
    if match is None:
        return _toml_words(message), None, None
    words = _toml_words(message[: match.start()])
    if match.group(1) is None:
        last = text.rsplit("\n", 1)[-1]
        return words, text.count("\n") + 1, len(last) + 1
    return words, int(match.group(1)), int(match.group(2))


def _toml_words(message: str) -> str:
    if message in _TOML:
        return _TOML[message]
    for pattern, template in _TOML_NAMING:
        found = pattern.fullmatch(message)
        if found is not None:
            return template.format(_toml_name(found.group(1)))
    return message


def _toml_name(written: str) -> str:
    """``('checks', 'overshoot')`` -> ``'checks.overshoot'``; ``'x'`` -> ``'x'``."""
    try:
        value = ast.literal_eval(written)
    except (ValueError, SyntaxError):
        return written
    if isinstance(value, tuple):
        return "'" + ".".join(str(part) for part in value) + "'"
    return f"'{value}'"


def os_message(error: OSError) -> str:
    """Why a file could not be read, in Chinese."""
    return _OS.get(error.errno or 0, error.strerror or str(error))


__all__ = ["json_message", "os_message", "pydantic_message", "toml_message"]
