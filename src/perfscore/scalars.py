"""Typed scalars of the case format: amounts, scores, rates, operators and indicator values.

Each is a plain validator (fast, no pydantic union machinery) with the JSON Schema it publishes.
Messages are in Chinese: they reach the clerk who typed the value.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Final

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from .numbers import checked, normalise_text, parse_decimal

#: Operator spellings seen on real forms, to the canonical symbol the rubric maps to a method.
OPERATORS: Final[dict[str, str]] = {
    "≥": "≥", ">=": "≥", "≧": "≥", "＞＝": "≥", "＞=": "≥", ">＝": "≥", "=>": "≥",
    "≤": "≤", "<=": "≤", "≦": "≤", "＜＝": "≤", "＜=": "≤", "<＝": "≤", "=<": "≤",
    "＝": "＝", "=": "＝", "==": "＝",
    "＞": "＞", ">": "＞",
    "＜": "＜", "<": "＜",
    "定性": "定性",
}  # fmt: skip
CANONICAL_OPERATORS: Final = ("≥", "≤", "＝", "＜", "＞", "定性")
_OPERATOR_PREFIX: Final = re.compile(
    "^("
    + "|".join(sorted((re.escape(k) for k in OPERATORS if k != "定性"), key=len, reverse=True))
    + r")\s*(.*)$",
    re.DOTALL,
)
_NON_NEGATIVE_SCHEMA: Final[dict[str, Any]] = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": r"^\s*\+?\d+(\.\d*)?\s*$"},
    ]
}


def _reject_kind(value: object, wanted: str) -> None:
    if isinstance(value, bool | dict | list):
        shown = "true/false" if isinstance(value, bool) else type(value).__name__
        raise ValueError(f"应为{wanted}，不能是 {shown}")


def to_decimal(value: object, wanted: str = "数字") -> Decimal:
    """A JSON number or numeric string as an exact Decimal; ValueError otherwise."""
    if type(value) is Decimal:
        return checked(value)
    if type(value) is int:  # not bool: true/false are refused below
        return checked(Decimal(value))
    _reject_kind(value, wanted)
    if isinstance(value, Decimal | int):
        return checked(Decimal(value))
    if isinstance(value, float):
        return checked(Decimal(repr(value)))
    if isinstance(value, str):
        number = parse_decimal(value)
        if number is not None:
            return number
        raise ValueError(f"'{value}' 不是{wanted}")
    raise ValueError(f"应为{wanted}")


def _amount(value: object) -> Decimal:
    number = to_decimal(value, "金额")
    if number < 0:
        raise ValueError(f"金额不能为负数：{number}")
    return number


def _score(value: object) -> Decimal:
    number = to_decimal(value, "分数")
    if number < 0:
        raise ValueError(f"分数不能为负数：{number}")
    return number


def parse_rate(value: object) -> Decimal:
    """A stated rate in percentage points: ``"96.96%"`` and ``96.96`` both give ``96.96``."""
    if isinstance(value, str):
        text = normalise_text(value)
        if text.endswith(("%", "％")):
            text = text[:-1]
        number = parse_decimal(text)
        if number is None:
            raise ValueError(f"'{value}' 不是百分比")
        return number
    return to_decimal(value, "百分比")


def parse_operator(value: object) -> str:
    """Any real spelling of an operator to its canonical symbol."""
    if not isinstance(value, str):
        raise ValueError("指标性质应为文本")
    key = normalise_text(value).replace(" ", "")
    if key in OPERATORS:
        return OPERATORS[key]
    allowed = " ".join(CANONICAL_OPERATORS)
    raise ValueError(f"未知的指标性质 '{value}'（可用：{allowed}，也可写作 >= <= = < >）")


def parse_value(value: object) -> Decimal | str:
    """An indicator's target or actual: a number (exact) or a text kept as written."""
    if type(value) is Decimal:
        return checked(value)
    if type(value) is int:  # not bool: true/false are refused below
        return checked(Decimal(value))
    _reject_kind(value, "数字或文本")
    if isinstance(value, str):
        number = parse_decimal(value)
        return value.strip() if number is None else number
    return to_decimal(value)


def split_operator(text: str) -> tuple[str, str] | None:
    """``"≥50个"`` -> ``("≥", "50个")``; None when ``text`` starts with no operator."""
    match = _OPERATOR_PREFIX.match(normalise_text(text))
    if match is None:
        return None
    return OPERATORS[match.group(1)], match.group(2)


def _optional_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | Decimal | float) and not isinstance(value, bool):
        return str(value)
    raise ValueError("应为文本")


def _required_text(value: object) -> str:
    text = _optional_text(value)
    if text is None:
        raise ValueError("不能为空")
    return text


def _dump(value: Decimal | str) -> str:
    """A number dumps as its exact decimal text (``"24.22"``), which loads back unchanged."""
    return f"{value:f}" if isinstance(value, Decimal) else value


_DUMP: Final = PlainSerializer(_dump, when_used="json")

Amount = Annotated[
    Decimal,
    _DUMP,
    PlainValidator(_amount),
    WithJsonSchema({**_NON_NEGATIVE_SCHEMA, "description": "金额（≥ 0）"}),
]
Score = Annotated[
    Decimal,
    _DUMP,
    PlainValidator(_score),
    WithJsonSchema({**_NON_NEGATIVE_SCHEMA, "description": "分数（≥ 0）"}),
]
Rate = Annotated[
    Decimal,
    _DUMP,
    PlainValidator(parse_rate),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": r"^\s*[+-]?\d+(\.\d*)?\s*[%％]?\s*$"},
            ],
            "description": '百分比：96.96 或 "96.96%"',
        }
    ),
]
Operator = Annotated[
    str,
    PlainValidator(parse_operator),
    WithJsonSchema({"type": "string", "enum": sorted(OPERATORS), "description": "指标性质"}),
]
Value = Annotated[
    Decimal | str,
    _DUMP,
    PlainValidator(parse_value),
    WithJsonSchema({"type": ["number", "string"], "description": "数字，或文字"}),
]
#: Optional free text: empty or blank counts as not given.
Text = Annotated[
    str | None,
    PlainValidator(_optional_text),
    WithJsonSchema({"type": ["string", "number", "null"]}),
]
#: Text that must be there (a project or indicator name).
Name = Annotated[
    str,
    PlainValidator(_required_text),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1}),
]

__all__ = [
    "CANONICAL_OPERATORS",
    "OPERATORS",
    "Amount",
    "Name",
    "Operator",
    "Rate",
    "Score",
    "Text",
    "Value",
    "parse_operator",
    "parse_rate",
    "parse_value",
    "split_operator",
    "to_decimal",
]
