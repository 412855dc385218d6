"""Typed scalars of the case format: amounts, scores, rates, operators and indicator values.

Each is a plain validator (fast, no pydantic union machinery) with the JSON Schema it publishes.
Messages are in Chinese: they reach the clerk who typed the value.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, Final

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema

from perfscore.models.numbers import checked, normalise_text, parse_decimal, split_leading_number
from perfscore.models.operators import (
    QUALITATIVE_SYMBOL,
    SPELLINGS,
    WORDS_AFTER,
    WORDS_BEFORE,
    listed,
    listed_ascii,
)

_WORDS: Final = re.compile(
    "("
    + "|".join(sorted(WORDS_BEFORE, key=len, reverse=True))
    + r")?\s*(.*?[0-9０-９].*?)\s*("
    + "|".join(sorted(WORDS_AFTER, key=len, reverse=True))
    + ")?",
    re.DOTALL,
)
_DIGIT: Final = re.compile(r"[0-9０-９]")
#: What may follow a number as its unit: short, and no further digits ("29.5亩", "0起", "%").
_UNIT: Final = re.compile(r"[^0-9０-９]{0,8}")
_OPERATOR_PREFIX: Final = re.compile(
    "^("
    + "|".join(
        sorted((re.escape(k) for k in SPELLINGS if k != QUALITATIVE_SYMBOL), key=len, reverse=True)
    )
    + r")\s*(.*)$",
    re.DOTALL,
)
#: A number written as text: digits (full-width too), thousands separators, a decimal point.
_NUMBER_TEXT: Final = (
    r"[+＋]?(?:[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+|[0-9０-９]+)(?:[.．][0-9０-９]*)?"
)
#: A cell left empty: not given.
_BLANK_SCHEMA: Final[dict[str, Any]] = {"type": "string", "pattern": r"^\s*$"}
_NON_NEGATIVE_SCHEMA: Final[dict[str, Any]] = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": rf"^\s*{_NUMBER_TEXT}\s*$"},
        _BLANK_SCHEMA,
    ]
}
#: Money units a form may glue to an amount (``"208万元"``).
_MONEY_UNITS: Final = "元|千元|万元|亿元"
_AMOUNT_SCHEMA: Final[dict[str, Any]] = {
    "anyOf": [
        {"type": "number", "minimum": 0},
        {"type": "string", "pattern": rf"^\s*{_NUMBER_TEXT}\s*({_MONEY_UNITS})?\s*$"},
        _BLANK_SCHEMA,
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


class GluedAmount(Decimal):
    """An amount written with its money unit glued on (``"208万元"``): the budget table takes
    the unit (``Budget`` checks that its amounts agree) and keeps a plain number."""

    unit: str


#: A money unit glued to an amount: ``"208万元"`` in a 全年预算数 cell.
_GLUED_MONEY: Final = re.compile(rf"^\s*(.*?[0-9０-９])\s*({_MONEY_UNITS})\s*$", re.DOTALL)


def _amount(value: object) -> Decimal | None:
    unit = None
    if type(value) is str:
        if not value.strip():  # a blank cell: not given
            return None
        glued = _GLUED_MONEY.match(value)
        if glued is not None:
            value, unit = glued.group(1), glued.group(2)
    number = to_decimal(value, "金额")
    if number < 0:
        raise ValueError(f"金额不能为负数：{number}")
    if unit is None:
        return number
    amount = GluedAmount(number)
    amount.unit = unit
    return amount


def _score(value: object) -> Decimal | None:
    if type(value) is str and not value.strip():  # a blank cell: not given
        return None
    number = to_decimal(value, "分数")
    if number < 0:
        raise ValueError(f"分数不能为负数：{number}")
    return number


def _weight(value: object) -> Decimal | None:
    """A weight in points; ``"20%"`` in a 分值 column is 20 points."""
    if type(value) is str and value.rstrip().endswith(("%", "％")):
        value = value.rstrip()[:-1]
    return _score(value)


def parse_rate(value: object) -> Decimal | None:
    """A stated rate in percentage points: ``"96.96%"`` and ``96.96`` both give ``96.96``."""
    if isinstance(value, str):
        if not value.strip():  # a blank cell: not given
            return None
        text = normalise_text(value)
        if text.endswith(("%", "％")):
            text = text[:-1]
        number = parse_decimal(text)
        if number is None:
            raise ValueError(f"'{value}' 不是百分比")
        return number
    return to_decimal(value, "百分比")


def parse_operator(value: object) -> str | None:
    """Any real spelling of an operator to its canonical symbol; a blank cell is none."""
    if not isinstance(value, str):
        raise ValueError("指标性质应为文本")
    key = normalise_text(value).replace(" ", "")
    if not key:
        return None
    if key in SPELLINGS:
        return SPELLINGS[key]
    raise ValueError(f"未知的指标性质 '{value}'（可用：{listed()}，也可写作 {listed_ascii()}）")


def parse_value(value: object) -> Decimal | str | None:
    """An indicator's target or actual: a number (exact) or a text kept as written; a blank cell
    is not given (None)."""
    if type(value) is Decimal:
        return checked(value)
    if type(value) is int:  # not bool: true/false are refused below
        return checked(Decimal(value))
    _reject_kind(value, "数字或文本")
    if isinstance(value, str):
        number = parse_decimal(value)
        return (value.strip() or None) if number is None else number
    return to_decimal(value)


def split_operator(text: str) -> tuple[str, str] | None:
    """``"≥50个"`` -> ``("≥", "50个")``, ``"不少于5次"`` -> ``("≥", "5次")``, ``"98%以上"`` ->
    ``("≥", "98%")``; None when ``text`` states no operator before (or, in words, after) a number.
    """
    written = split_written_operator(text)
    return None if written is None else written[:2]


def split_written_operator(text: str) -> tuple[str, str, str] | None:
    """As :func:`split_operator`, with the spelling the operator was written in third."""
    clean = normalise_text(text)
    match = _OPERATOR_PREFIX.match(clean)
    if match is not None:
        return SPELLINGS[match.group(1)], match.group(2), match.group(1)
    return _operator_in_words(clean)


def _operator_in_words(text: str) -> tuple[str, str, str] | None:
    """``"控制在90万元以内"`` -> ``("≤", "90万元", "控制在")``: only around a number with a unit."""
    match = _WORDS.fullmatch(text) if _DIGIT.search(text) else None
    if match is None:
        return None
    word, rest, suffix = match.groups()
    if (word is None and suffix is None) or bare_number(rest) is None:
        return None
    operator = WORDS_BEFORE[word] if word else WORDS_AFTER[suffix]
    return operator, rest, word or suffix


def bare_number(text: str) -> tuple[Decimal, str] | None:
    """``"29.5亩"`` -> ``(29.5, "亩")``: a number and at most a short unit, nothing else."""
    number = split_leading_number(text)
    if number is None or not _UNIT.fullmatch(number[1]):
        return None
    return number


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


def _label(value: object) -> str:
    text = _optional_text(value)
    return "" if text is None else text


def _dump(value: Decimal | str) -> str:
    """A number dumps as its exact decimal text (``"24.22"``), which loads back unchanged."""
    return f"{value:f}" if isinstance(value, Decimal) else value


_DUMP: Final = PlainSerializer(_dump, when_used="json")

Amount = Annotated[
    Decimal,
    _DUMP,
    PlainValidator(_amount),
    WithJsonSchema({**_AMOUNT_SCHEMA, "description": '金额（≥ 0），可带单位："208万元"'}),
]
Score = Annotated[
    Decimal,
    _DUMP,
    PlainValidator(_score),
    WithJsonSchema({**_NON_NEGATIVE_SCHEMA, "description": "分数（≥ 0）"}),
]
Weight = Annotated[
    Decimal,
    _DUMP,
    PlainValidator(_weight),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number", "minimum": 0},
                {"type": "string", "pattern": rf"^\s*{_NUMBER_TEXT}\s*[%％]?\s*$"},
                _BLANK_SCHEMA,
            ],
            "description": '分值（≥ 0）：8 或 "8"，按百分比填写的 "20%" 即 20 分',
        }
    ),
]
Rate = Annotated[
    Decimal,
    _DUMP,
    PlainValidator(parse_rate),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "number"},
                {"type": "string", "pattern": rf"^\s*[-－]?{_NUMBER_TEXT}\s*[%％]?\s*$"},
                _BLANK_SCHEMA,
            ],
            "description": '百分比：96.96 或 "96.96%"',
        }
    ),
]
Operator = Annotated[
    str,
    PlainValidator(parse_operator),
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "enum": sorted(SPELLINGS)}, _BLANK_SCHEMA],
            "description": "指标性质",
        }
    ),
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
#: A label a real form may leave blank (一级指标, 三级指标 of a placeholder row): blank is "".
Label = Annotated[
    str,
    PlainValidator(_label),
    WithJsonSchema({"type": ["string", "number", "null"]}),
]
#: Text that must be there (a project name).
Name = Annotated[
    str,
    PlainValidator(_required_text),
    WithJsonSchema({"type": ["string", "number"], "minLength": 1}),
]

__all__ = [
    "Amount",
    "GluedAmount",
    "Label",
    "Name",
    "Operator",
    "Rate",
    "Score",
    "Text",
    "Value",
    "Weight",
    "bare_number",
    "parse_operator",
    "parse_rate",
    "parse_value",
    "split_operator",
    "split_written_operator",
    "to_decimal",
]
