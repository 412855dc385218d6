"""What the accounts checks share: stated precision, number text and the 功能分类 tree."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from perfscore.models.numbers import HUNDRED, ZERO, half_up

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Function

#: The unit of every amount in the final accounts.
UNIT: Final = "万元"


def places(stated: Decimal) -> int:
    """How many decimals a stated number has: ``17.0`` -> 1, ``100`` -> 0, ``78.65`` -> 2."""
    exponent = stated.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def percent_of(part: Decimal, whole: Decimal, stated: Decimal) -> Decimal:
    """``part / whole × 100`` rounded half-up to the decimals ``stated`` has (whole ≠ 0)."""
    return clean(half_up(part / whole * HUNDRED, places(stated)))


def clean(value: Decimal) -> Decimal:
    """``-0.00`` as ``0.00``: a rounded zero has no sign."""
    return value.copy_abs() if value.is_zero() else value


def plain(value: Decimal) -> str:
    """A number as stated or as computed at the stated precision: ``17.0``, ``100``."""
    return f"{value:f}"


def signed(value: Decimal) -> str:
    """A difference at its own precision, with its sign: ``+0.01``, ``-0.54``, ``0``."""
    return f"+{value:f}" if value > 0 else f"{clean(value):f}"


def rate_text(label: str, stated: Decimal, formula: str, computed: Decimal) -> str:
    """``{label}填报 7.62%，按 76.73 / 1008.09 计算为 7.61%，相差 +0.01 个百分点``."""
    return (
        f"{label}填报 {plain(stated)}%，按 {formula} 计算为 {plain(computed)}%，"
        f"相差 {signed(stated - computed)} 个百分点"
    )


def rate_problem(
    label: str, part: Decimal, whole: Decimal, *, stated: Decimal, formula: str, no_base: str
) -> str | None:
    """What is wrong with a stated rate ``part / whole``, if anything: ``rate_text`` when it
    differs at its stated precision; over a ``whole`` of 0, ``no_base`` unless it is 0% of 0."""
    if not whole:
        return no_base if part or stated else None
    computed = percent_of(part, whole, stated)
    return None if computed == stated else rate_text(label, stated, formula, computed)


def function_label(function: Function) -> str:
    """``社会保障和就业支出（208）``."""
    return f"{function.name}（{function.code}）"


def amount_of(function: Function) -> Decimal | None:
    """A 功能分类 line's amount: as stated, else the sum of its items when all are known."""
    return function.amount if function.amount is not None else items_total(function)


def items_total(function: Function) -> Decimal | None:
    """The sum of a line's items, or None when it has none or one of them is unknown."""
    amounts = [amount_of(item) for item in function.items]
    if not amounts or any(amount is None for amount in amounts):
        return None
    return sum((amount for amount in amounts if amount is not None), ZERO)


def walk(functions: Sequence[Function], where: str) -> Iterator[tuple[Function, str]]:
    """Every line of a 功能分类 tree with its JSON path, each before its items."""
    for index, function in enumerate(functions):
        path = f"{where}[{index}]"
        yield function, path
        yield from walk(function.items, f"{path}.items")


__all__ = [
    "UNIT",
    "amount_of",
    "clean",
    "function_label",
    "items_total",
    "percent_of",
    "places",
    "plain",
    "rate_problem",
    "rate_text",
    "signed",
    "walk",
]
