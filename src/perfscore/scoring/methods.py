"""Scoring methods, registered by name; a rubric chooses which one scores which operator.

A quantitative method takes the actual and the target (same unit) and the operator and returns
the share of the weight earned (0 to 1) and how it was reached (an explanation, plain data that
rendering writes in Chinese). A qualitative method takes the grade factors of the actual and of
the target.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Final, Literal, NamedTuple

from perfscore.models.explanation import Explanation, Grade, GradeMet, Met, Missed, Ratio
from perfscore.models.numbers import ONE, ZERO
from perfscore.models.operators import meets
from perfscore.rubrics.model import Quantitative

MethodKind = Literal["quantitative", "qualitative"]


class MethodOutcome(NamedTuple):
    """The share of the weight earned, in [0, 1], and how."""

    factor: Decimal
    explanation: Explanation


QuantitativeMethod = Callable[[Decimal, Decimal, str], MethodOutcome]
QualitativeMethod = Callable[[Decimal, Decimal], MethodOutcome]

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


_GRADE_MET: Final = GradeMet()


def _clamp(value: Decimal) -> Decimal:
    return max(ZERO, min(ONE, value))


def _met(actual: Decimal, target: Decimal, operator: str) -> MethodOutcome:
    return MethodOutcome(ONE, Met(actual, target, operator))


@quantitative("ratio-up")
def ratio_up(actual: Decimal, target: Decimal, operator: str) -> MethodOutcome:
    """≥: met → full; else weight × 完成值/指标值."""
    if actual >= target:
        return _met(actual, target, "≥")
    factor = _clamp(actual / target) if target > 0 else ZERO
    return MethodOutcome(factor, Ratio("up", actual, target, factor))


@quantitative("ratio-down")
def ratio_down(actual: Decimal, target: Decimal, operator: str) -> MethodOutcome:
    """≤ (reverse indicator): met → full; else weight × 指标值/完成值."""
    if actual <= target:
        return _met(actual, target, "≤")
    factor = _clamp(target / actual) if actual > 0 and target > 0 else ZERO
    return MethodOutcome(factor, Ratio("down", actual, target, factor))


@quantitative("nearer-ratio")
def nearer_ratio(actual: Decimal, target: Decimal, operator: str) -> MethodOutcome:
    """＝: met → full; else weight × the smaller of 完成值/指标值 and 指标值/完成值."""
    if actual == target:
        return _met(actual, target, "＝")
    positive = actual > 0 and target > 0
    factor = _clamp(min(actual / target, target / actual)) if positive else ZERO
    return MethodOutcome(factor, Ratio("nearer", actual, target, factor))


@quantitative("threshold")
def threshold(actual: Decimal, target: Decimal, operator: str) -> MethodOutcome:
    """Met or not: full or nothing (strict limits, zero targets, points in time)."""
    if meets(operator, actual, target):
        return _met(actual, target, operator)
    return MethodOutcome(ZERO, Missed(actual, target, operator))


@qualitative("grade")
def grade(actual: Decimal, target: Decimal) -> MethodOutcome:
    """定性: the actual's grade factor over the target's, never above 1."""
    if target <= 0 or actual >= target:
        return MethodOutcome(ONE, _GRADE_MET)
    factor = _clamp(actual / target)
    return MethodOutcome(factor, Grade(actual, target))


def over_target(
    operator: str | None, actual: Decimal | None, target: Decimal | None, rules: Quantitative
) -> Decimal | None:
    """``actual / target`` when the rubric's overshoot rule applies to it: an operator that
    lets an actual overshoot (``[quantitative] overshoot_operators``), a positive target, and
    more than ``overshoot_ratio`` times it; else None. The engine deducts by it (when
    ``overshoot_deduct``) and the ``overshoot`` check reports it, from this one reading."""
    if operator not in rules.overshoot_operators or actual is None or not target or target <= 0:
        return None
    ratio = actual / target
    return ratio if ratio > rules.overshoot_ratio else None


__all__ = [
    "QUALITATIVE",
    "QUANTITATIVE",
    "MethodKind",
    "MethodOutcome",
    "over_target",
    "qualitative",
    "quantitative",
]
