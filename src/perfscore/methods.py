"""Scoring methods, registered by name; a rubric chooses which one scores which operator.

A quantitative method takes the actual and the target (same unit) and the operator and returns
the share of the weight earned (0 to 1) and, in Chinese, how it was reached. A qualitative method
takes the grade factors of the actual and of the target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal

from .numbers import ONE, ZERO, fmt_plain, percent

Kind = Literal["quantitative", "qualitative"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """The share of the weight earned, in [0, 1], and how."""

    factor: Decimal
    basis: str


QuantitativeMethod = Callable[[Decimal, Decimal, str], Outcome]
QualitativeMethod = Callable[[Decimal, Decimal], Outcome]

QUANTITATIVE: Final[dict[str, QuantitativeMethod]] = {}
QUALITATIVE: Final[dict[str, QualitativeMethod]] = {}

_COMPARE: Final[dict[str, Callable[[Decimal, Decimal], bool]]] = {
    "≥": lambda a, t: a >= t,
    "≤": lambda a, t: a <= t,
    "＝": lambda a, t: a == t,
    "＞": lambda a, t: a > t,
    "＜": lambda a, t: a < t,
}


def meets(operator: str, actual: Decimal, target: Decimal) -> bool:
    """Whether ``actual operator target`` holds."""
    return _COMPARE[operator](actual, target)


def quantitative(name: str) -> Callable[[QuantitativeMethod], QuantitativeMethod]:
    """Register a quantitative method under ``name``."""

    def register(function: QuantitativeMethod) -> QuantitativeMethod:
        QUANTITATIVE[name] = function
        return function

    return register


def qualitative(name: str) -> Callable[[QualitativeMethod], QualitativeMethod]:
    """Register a qualitative method under ``name``."""

    def register(function: QualitativeMethod) -> QualitativeMethod:
        QUALITATIVE[name] = function
        return function

    return register


def _clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def _met(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    return Outcome(ONE, f"完成值 {fmt_plain(actual)} {operator} 指标值 {fmt_plain(target)}，达成")


@quantitative("ratio-up")
def ratio_up(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    """≥: met → full; else weight × 完成值/指标值."""
    if actual >= target:
        return _met(actual, target, "≥")
    factor = _clamp(actual / target) if target > 0 else ZERO
    return Outcome(
        factor,
        f"完成值 {fmt_plain(actual)} 未达指标值 {fmt_plain(target)}，"
        f"按 完成值/指标值 = {percent(factor * 100)} 计分",
    )


@quantitative("ratio-down")
def ratio_down(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    """≤ (reverse indicator): met → full; else weight × 指标值/完成值."""
    if actual <= target:
        return _met(actual, target, "≤")
    factor = _clamp(target / actual) if actual > 0 and target > 0 else ZERO
    return Outcome(
        factor,
        f"完成值 {fmt_plain(actual)} 超过指标值 {fmt_plain(target)}，"
        f"按 指标值/完成值 = {percent(factor * 100)} 计分",
    )


@quantitative("nearer-ratio")
def nearer_ratio(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    """＝: met → full; else weight × the smaller of 完成值/指标值 and 指标值/完成值."""
    if actual == target:
        return _met(actual, target, "＝")
    positive = actual > 0 and target > 0
    factor = _clamp(min(actual / target, target / actual)) if positive else ZERO
    return Outcome(
        factor,
        f"完成值 {fmt_plain(actual)} 与指标值 {fmt_plain(target)} 不等，"
        f"按两者较小比值 {percent(factor * 100)} 计分",
    )


@quantitative("threshold")
def threshold(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    """Met or not: full or nothing (strict limits, zero targets, points in time)."""
    if meets(operator, actual, target):
        return _met(actual, target, operator)
    return Outcome(
        ZERO, f"完成值 {fmt_plain(actual)} 未满足 {operator} {fmt_plain(target)}，不得分"
    )


@qualitative("grade")
def grade(actual: Decimal, target: Decimal) -> Outcome:
    """定性: the actual's grade factor over the target's, never above 1."""
    if target <= 0 or actual >= target:
        return Outcome(ONE, "完成等级达到指标要求")
    factor = _clamp(actual / target)
    return Outcome(factor, f"完成等级系数 {fmt_plain(actual)} / 指标等级系数 {fmt_plain(target)}")


__all__ = ["QUALITATIVE", "QUANTITATIVE", "Kind", "Outcome", "meets", "qualitative", "quantitative"]
