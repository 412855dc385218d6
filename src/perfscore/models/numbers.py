"""Decimal arithmetic for money and scores: parsing, half-up rounding (四舍五入), formatting."""

from __future__ import annotations

import re
from decimal import ROUND_DOWN, ROUND_HALF_UP, Context, Decimal, InvalidOperation
from functools import lru_cache
from typing import Final

CENT: Final = Decimal("0.01")
ZERO: Final = Decimal(0)
ONE: Final = Decimal(1)
HUNDRED: Final = Decimal(100)
#: No budget, weight or indicator value on a real form comes near this (万元 or any unit).
LIMIT: Final = Decimal("1e15")
#: Places a stated number is read to: more is float noise from a spreadsheet (24.220000000000002).
READ_PLACES: Final = 8
#: Rounding never runs out of digits: values are below LIMIT and ratios of them are bounded.
_WIDE: Final = Context(prec=60)

_FULLWIDTH: Final = str.maketrans("０１２３４５６７８９．－＋", "0123456789.-+")
#: Digits are 0-9 (full-width ones are translated first): a form has no other script's digits.
_NUMBER: Final = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
#: Thousands written with separators: ``1,200``, ``12,345.67`` (full-width commas too).
_GROUPED: Final = re.compile(r"[+-]?[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]*)?")
_LEADING: Final = re.compile(r"\s*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))\s*(.*?)\s*$", re.DOTALL)


_QUANTA: Final = tuple(ONE.scaleb(-places) for places in range(READ_PLACES + 1))


def quantum(places: int) -> Decimal:
    """``Decimal('0.01')`` for 2 places."""
    return _QUANTA[places] if 0 <= places <= READ_PLACES else ONE.scaleb(-places)


def half_up(value: Decimal, places: int = 2) -> Decimal:
    """Round half away from zero to ``places`` decimals, as a form does (四舍五入)."""
    return value.quantize(quantum(places), ROUND_HALF_UP, _WIDE)


def floor_to(value: Decimal, places: int = 2) -> Decimal:
    """Truncate toward zero to ``places`` decimals."""
    return value.quantize(quantum(places), ROUND_DOWN, _WIDE)


def normalise_text(text: str) -> str:
    """Full-width digits and signs to ASCII, surrounding white space removed."""
    return text.translate(_FULLWIDTH).strip()


@lru_cache(maxsize=4096)
def parse_decimal(text: str) -> Decimal | None:
    """The number ``text`` is, exactly (``"24.22"``), or None when it is not one number."""
    clean = normalise_text(text).replace("，", ",")
    if _GROUPED.fullmatch(clean):
        clean = clean.replace(",", "")
    elif not _NUMBER.fullmatch(clean):
        return None
    return checked(Decimal(clean))


@lru_cache(maxsize=4096)
def split_leading_number(text: str) -> tuple[Decimal, str] | None:
    """``"50个"`` -> ``(Decimal(50), "个")``; None when ``text`` does not start with a number."""
    match = _LEADING.fullmatch(normalise_text(text))
    if match is None:
        return None
    return checked(Decimal(match.group(1))), match.group(2)


def checked(value: Decimal) -> Decimal:
    """``value`` read to :data:`READ_PLACES` places if finite and within :data:`LIMIT`.

    Anything else is a ValueError said in Chinese.
    """
    try:
        finite = value.is_finite() and -LIMIT < value < LIMIT
    except InvalidOperation:  # pragma: no cover - signalling NaN
        finite = False
    if not finite:
        raise ValueError(f"数值 {value:.6} 超出合理范围")
    if value.is_zero() and value.is_signed():
        value = abs(value)  # "-0.00" is 0.00: a minus sign on nothing is not a negative amount
    rounded = value.quantize(_QUANTA[READ_PLACES], ROUND_HALF_UP, _WIDE)
    return value if rounded == value else rounded


def fmt(value: Decimal | None, places: int = 2) -> str:
    """``Decimal('9.7')`` -> ``'9.70'``; None -> ``''``."""
    if value is None:
        return ""
    return f"{half_up(value, places):f}"


def fmt_plain(value: Decimal) -> str:
    """A stated number as people write it: ``Decimal('280810')`` -> ``'280810'``, no exponent."""
    text = f"{value:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def fmt_signed(value: Decimal | None) -> str:
    """``+0.30`` / ``-1.25`` / ``0.00``: a difference."""
    if value is None:
        return ""
    text = fmt(value)
    return f"+{text}" if value > 0 else text


def percent(value: Decimal | None) -> str:
    """Percentage points to text: ``Decimal('96.96')`` -> ``'96.96%'``."""
    return "" if value is None else f"{fmt(value)}%"
