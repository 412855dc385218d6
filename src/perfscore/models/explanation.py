"""How a score was reached, as plain data: which sentence, and the numbers and words in it.

Scoring records one of these per budget row and indicator; ``rendering/explanation.py`` writes
the Chinese sentence when an output shows it. Each kind is a named tuple (cheap to make: one is
made per row per rubric, and a batch review never writes them out).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Literal, NamedTuple


class Said(NamedTuple):
    """A sentence already written (fixed wording, or words from the case quoted in it)."""

    text: str


class Met(NamedTuple):
    """``完成值 a op 指标值 t，达成``."""

    actual: Decimal
    target: Decimal
    operator: str


class Ratio(NamedTuple):
    """A target missed, scored by a ratio: ``up`` 完成值/指标值, ``down`` 指标值/完成值,
    ``nearer`` the smaller of the two."""

    direction: Literal["up", "down", "nearer"]
    actual: Decimal
    target: Decimal
    factor: Decimal


class Missed(NamedTuple):
    """A limit not met, scored nothing: ``完成值 a 未满足 op t，不得分``."""

    actual: Decimal
    target: Decimal
    operator: str


class GradeMet(NamedTuple):
    """A grade that reaches the target's."""


class Grade(NamedTuple):
    """A grade below the target's: the two factors."""

    actual: Decimal
    target: Decimal


class Phrase(NamedTuple):
    """A quantitative actual written as a phrase, scored by the phrase's factor."""

    shown: str
    factor: Decimal


class QualitativeBasis(NamedTuple):
    """A qualitative actual's factor, then how the method used it."""

    shown: str
    factor: Decimal
    inner: Explanation


class Overshoot(NamedTuple):
    """An actual far above its target, the score reduced by 指标值/完成值."""

    inner: Explanation
    ratio: Decimal
    factor: Decimal


class Prefixed(NamedTuple):
    """What was assumed or read before scoring (a default operator…), then the explanation."""

    prefix: str
    inner: Explanation


class ExecutionBasis(NamedTuple):
    """预算执行率 = executed / adjusted, and the score = weight × used (the rate, at most 100%)."""

    executed: Decimal
    adjusted: Decimal
    rate: Decimal
    weight: Decimal
    used: Decimal
    score: Decimal


Explanation = (
    Said
    | Met
    | Ratio
    | Missed
    | GradeMet
    | Grade
    | Phrase
    | QualitativeBasis
    | Overshoot
    | Prefixed
    | ExecutionBasis
)


def _same(self: tuple[object, ...], other: object) -> bool:
    """Equal when of the same kind with the same values (a tuple's own ``==`` would make
    ``Met(a, t, op) == Missed(a, t, op)``)."""
    return type(self) is type(other) and tuple.__eq__(self, other) is True


def _differs(self: tuple[object, ...], other: object) -> bool:
    return not _same(self, other)


def _hash(self: tuple[object, ...]) -> int:
    return hash((type(self).__name__, tuple(self)))


for _kind in (
    Said, Met, Ratio, Missed, GradeMet, Grade, Phrase, QualitativeBasis, Overshoot, Prefixed,
    ExecutionBasis,
):  # fmt: skip
    setattr(_kind, "__eq__", _same)  # noqa: B010 - one definition for every kind
    setattr(_kind, "__ne__", _differs)  # noqa: B010
    setattr(_kind, "__hash__", _hash)  # noqa: B010

__all__ = [
    "ExecutionBasis",
    "Explanation",
    "Grade",
    "GradeMet",
    "Met",
    "Missed",
    "Overshoot",
    "Phrase",
    "Prefixed",
    "QualitativeBasis",
    "Ratio",
    "Said",
]
