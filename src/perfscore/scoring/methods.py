"""Scoring methods, registered by name; a rubric chooses which one scores which operator.

A quantitative method takes the actual and the target (same unit) and the operator and returns
the share of the weight earned (0 to 1) and, in Chinese, how it was reached. A qualitative method
takes the grade factors of the actual and of the target.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from functools import partial
from typing import Final, Literal, NamedTuple

from perfscore.models.numbers import ONE, ZERO, fmt_plain, percent
from perfscore.models.operators import meets

Kind = Literal["quantitative", "qualitative"]


Explain = Callable[[], str]


class Outcome(NamedTuple):
    """The share of the weight earned, in [0, 1], and how (written out only when asked for)."""

    factor: Decimal
    explain: Explain

    @property
    def basis(self) -> str:
        return self.explain()


def text(message: str) -> Explain:
    """An explanation that is already written."""
    return partial(str, message)


QuantitativeMethod = Callable[[Decimal, Decimal, str], Outcome]
QualitativeMethod = Callable[[Decimal, Decimal], Outcome]

QUANTITATIVE: Final[dict[str, QuantitativeMethod]] = {}
QUALITATIVE: Final[dict[str, QualitativeMethod]] = {}


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


_UP: Final = "完成值 {a} 未达指标值 {t}，按 完成值/指标值 = {p} 计分"
_DOWN: Final = "完成值 {a} 超过指标值 {t}，按 指标值/完成值 = {p} 计分"
_NEARER: Final = "完成值 {a} 与指标值 {t} 不等，按两者较小比值 {p} 计分"


def _clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def _met_text(actual: Decimal, target: Decimal, operator: str) -> str:
    return f"完成值 {fmt_plain(actual)} {operator} 指标值 {fmt_plain(target)}，达成"


def _met(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    return Outcome(ONE, partial(_met_text, actual, target, operator))


def _ratio_text(template: str, actual: Decimal, target: Decimal, factor: Decimal) -> str:
    return template.format(a=fmt_plain(actual), t=fmt_plain(target), p=percent(factor * 100))


@quantitative("ratio-up")
def ratio_up(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    """≥: met → full; else weight × 完成值/指标值."""
    if actual >= target:
        return _met(actual, target, "≥")
    factor = _clamp(actual / target) if target > 0 else ZERO
    return Outcome(factor, partial(_ratio_text, _UP, actual, target, factor))


@quantitative("ratio-down")
def ratio_down(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    """≤ (reverse indicator): met → full; else weight × 指标值/完成值."""
    if actual <= target:
        return _met(actual, target, "≤")
    factor = _clamp(target / actual) if actual > 0 and target > 0 else ZERO
    return Outcome(factor, partial(_ratio_text, _DOWN, actual, target, factor))


@quantitative("nearer-ratio")
def nearer_ratio(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    """＝: met → full; else weight × the smaller of 完成值/指标值 and 指标值/完成值."""
    if actual == target:
        return _met(actual, target, "＝")
    positive = actual > 0 and target > 0
    factor = _clamp(min(actual / target, target / actual)) if positive else ZERO
    return Outcome(factor, partial(_ratio_text, _NEARER, actual, target, factor))


@quantitative("threshold")
def threshold(actual: Decimal, target: Decimal, operator: str) -> Outcome:
    """Met or not: full or nothing (strict limits, zero targets, points in time)."""
    if meets(operator, actual, target):
        return _met(actual, target, operator)
    return Outcome(ZERO, partial(_missed_text, actual, target, operator))


def _missed_text(actual: Decimal, target: Decimal, operator: str) -> str:
    return f"完成值 {fmt_plain(actual)} 未满足 {operator} {fmt_plain(target)}，不得分"


@qualitative("grade")
def grade(actual: Decimal, target: Decimal) -> Outcome:
    """定性: the actual's grade factor over the target's, never above 1."""
    if target <= 0 or actual >= target:
        return Outcome(ONE, _GRADE_MET)
    factor = _clamp(actual / target)
    return Outcome(factor, partial(_grade_text, actual, target))


_GRADE_MET: Final = text("完成等级达到指标要求")


def _grade_text(actual: Decimal, target: Decimal) -> str:
    return f"完成等级系数 {fmt_plain(actual)} / 指标等级系数 {fmt_plain(target)}"


__all__ = [
    "QUALITATIVE",
    "QUANTITATIVE",
    "Explain",
    "Kind",
    "Outcome",
    "qualitative",
    "quantitative",
    "text",
]
