"""The registry of department scoring methods and what a method reads and returns.

A method scores one leaf item (:class:`Leaf`) from a :class:`Context` and returns the score with
how it was reached (:class:`Computed`) or the data it lacks (:class:`Missing`). :func:`method`
registers it under its name with its options (:class:`Option`); a rubric's options are checked
against them when it is loaded (:func:`option_problems`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

from perfscore.models.numbers import ZERO, fmt_plain, half_up
from perfscore.models.results import Evaluation
from perfscore.rubrics.model import Rubric

if TYPE_CHECKING:
    from perfscore.models.department import DepartmentCase
    from perfscore.models.execution import BudgetExecution

#: The judgement method: the score the case enters for the item.
ENTERED: Final = "entered"


@dataclass(frozen=True, slots=True)
class Context:
    """What a method reads: the case, its projects scored, the project rubric, the rounding and
    the whole budget by category, reckoned."""

    case: DepartmentCase
    projects: tuple[Evaluation, ...]
    project_rubric: Rubric
    rounding: int
    execution: BudgetExecution | None = None

    def claimed(self, name: str) -> Decimal | None:
        """The score the case gives the item called ``name``."""
        return self.case.evaluation.scores.get(name)

    def rounded(self, value: Decimal) -> Decimal:
        """``value`` rounded half-up to the rubric's places."""
        return half_up(value, self.rounding)


class Leaf(NamedTuple):
    """The leaf item a method scores: its name, weight and the method's options."""

    name: str
    weight: Decimal
    options: Mapping[str, Decimal]


@dataclass(frozen=True, slots=True)
class Computed:
    """A score (within the weight) and, in Chinese, how it was reached."""

    score: Decimal
    basis: str


@dataclass(frozen=True, slots=True)
class Missing:
    """Why an item could not be scored, and the JSON path of the data it lacks."""

    reason: str
    where: str


Method = Callable[[Leaf, Context], Computed | Missing]


@dataclass(frozen=True, slots=True)
class Option:
    """A method option: its default (``None``: required) and its range (above, at most)."""

    default: Decimal | None
    above: Decimal = ZERO
    at_most: Decimal | None = None


@dataclass(frozen=True, slots=True)
class MethodSpec:
    """A registered method: the function, its options, and whether it computes its score."""

    name: str
    run: Method
    options: Mapping[str, Option]
    computes: bool


METHODS: Final[dict[str, MethodSpec]] = {}


def method(name: str, *, computes: bool = True, **options: Option) -> Callable[[Method], Method]:
    """Register the decorated function as the department method ``name``."""

    def register(function: Method) -> Method:
        METHODS[name] = MethodSpec(name, function, options, computes)
        return function

    return register


def option_problems(name: str, options: Mapping[str, Decimal]) -> Iterator[tuple[str, str]]:
    """(option, message) for each option of ``name`` that is unknown, missing or out of range."""
    spec = METHODS[name].options
    for key in options:
        if key not in spec:
            yield key, f"计分方法 '{name}' 没有选项 '{key}'"
    for key, rule in spec.items():
        value = options.get(key, rule.default)
        if value is None:
            yield key, f"计分方法 '{name}' 缺少选项 '{key}'"
        elif value <= rule.above or (rule.at_most is not None and value > rule.at_most):
            upper = "" if rule.at_most is None else f" 且不大于 {fmt_plain(rule.at_most)}"
            yield key, f"{key} 应大于 {fmt_plain(rule.above)}{upper}，实际为 {fmt_plain(value)}"


def option_value(leaf: Leaf, name: str, key: str) -> Decimal:
    """An option as given, else its default (validation makes sure one exists)."""
    value = leaf.options.get(key, METHODS[name].options[key].default)
    assert value is not None, "checked when the rubric was loaded"
    return value


__all__ = [
    "ENTERED",
    "METHODS",
    "Computed",
    "Context",
    "Leaf",
    "Method",
    "MethodSpec",
    "Missing",
    "Option",
    "method",
    "option_problems",
    "option_value",
]
