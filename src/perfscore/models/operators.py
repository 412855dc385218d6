"""The operator vocabulary (指标性质): the one place every operator and its spellings are defined.

Each operator has its canonical symbol (what a case holds after reading and what a rubric's
``[methods]`` keys name), the symbols and words that read as it, whether it is a lower bound
(more is better) and how an actual is compared with a target under it. Everything else derives
from :data:`VOCABULARY`: the case format's parser and schema, the rubric's operator keys, the
scoring comparison and the form's drop-down.

Why a typed module and not the rubric TOML: a case is read (its operators made canonical) before
any rubric is known, the same case is scored under several rubrics, and the JSON Schema
publishes the spellings. The spellings are a property of the case format, the same for every
rubric; the rules that depend on an operator (its scoring method, which operators can be
overshot, the defaults for a row written without one) are the rubric's and refer to these
canonical symbols.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final, Literal, cast


@dataclass(frozen=True, slots=True)
class OperatorRule:
    """One operator: its canonical symbol and every way real forms write it."""

    symbol: str
    #: Symbols and their look-alikes that read as this operator, the canonical one first.
    spellings: tuple[str, ...]
    #: Words before a number that read as it ("不少于5次").
    words_before: tuple[str, ...] = ()
    #: Words after a number that read as it ("98%以上").
    words_after: tuple[str, ...] = ()
    #: A lower bound: more is better, so an actual far above the target may overshoot it.
    lower_bound: bool = False
    #: ``actual op target``; None for 定性, which compares grades, not numbers.
    compare: Callable[[Decimal, Decimal], bool] | None = None

    @property
    def ascii(self) -> str | None:
        """The plain ASCII spelling (">="), for messages; None when there is none."""
        return next((s for s in self.spellings if s.isascii()), None)


#: Every operator, in the order messages and the form's drop-down list them.
VOCABULARY: Final = (
    OperatorRule(
        "≥",
        ("≥", ">=", "≧", "⩾", "＞＝", "＞=", ">＝", "=>"),
        ("不少于", "不低于", "不小于", "大于等于", "大于或等于", "至少", "达到"),
        ("及以上", "以上"),
        lower_bound=True,
        compare=lambda actual, target: actual >= target,
    ),
    OperatorRule(
        "≤",
        ("≤", "<=", "≦", "⩽", "＜＝", "＜=", "<＝", "=<"),
        ("不超过", "不高于", "不大于", "不多于", "小于等于", "小于或等于", "最多", "控制在"),
        ("及以下", "以下", "以内", "之内"),
        compare=lambda actual, target: actual <= target,
    ),
    OperatorRule(
        "＝",
        ("＝", "=", "==", "﹦", "═"),
        ("等于",),
        compare=lambda actual, target: actual == target,
    ),
    OperatorRule(
        "＜",
        ("＜", "<", "﹤"),
        ("低于", "少于", "小于"),
        compare=lambda actual, target: actual < target,
    ),
    OperatorRule(
        "＞",
        ("＞", ">", "﹥"),
        ("高于", "多于", "大于", "超过"),
        lower_bound=True,
        compare=lambda actual, target: actual > target,
    ),
    OperatorRule("定性", ("定性",)),
)
QUALITATIVE_SYMBOL: Final = "定性"
#: The canonical symbols, in :data:`VOCABULARY` order.
SYMBOLS: Final = tuple(operator.symbol for operator in VOCABULARY)
#: The quantitative ones (every operator but 定性).
QUANTITATIVE_SYMBOLS: Final = tuple(s for s in SYMBOLS if s != QUALITATIVE_SYMBOL)
#: A canonical quantitative operator, as a rubric names one (``default_operator = "≥"``). The
#: type checker needs the symbols written out; a test holds them equal to the vocabulary's.
QuantitativeOperator = Literal["≥", "≤", "＝", "＜", "＞"]
#: The lower bounds (≥, ＞): an actual can overshoot them; a cost bounded so points the wrong way.
LOWER_BOUNDS: Final = cast(
    tuple[QuantitativeOperator, ...],
    tuple(operator.symbol for operator in VOCABULARY if operator.lower_bound),
)
#: Every symbol spelling to its canonical symbol.
SPELLINGS: Final = {s: operator.symbol for operator in VOCABULARY for s in operator.spellings}
WORDS_BEFORE: Final = {w: operator.symbol for operator in VOCABULARY for w in operator.words_before}
WORDS_AFTER: Final = {w: operator.symbol for operator in VOCABULARY for w in operator.words_after}
#: Words that state an actual was reached rather than restate a bound ("达到100%").
REACHED_WORDS: Final = ("达到",)
_COMPARE: Final = {op.symbol: op.compare for op in VOCABULARY if op.compare is not None}


def meets(operator: str, actual: Decimal, target: Decimal) -> bool:
    """Whether ``actual operator target`` holds (a quantitative canonical operator)."""
    return _COMPARE[operator](actual, target)


def listed(separator: str = " ") -> str:
    """The canonical symbols as a message lists them: ``"≥ ≤ ＝ ＜ ＞ 定性"``."""
    return separator.join(SYMBOLS)


def listed_ascii() -> str:
    """The ASCII spellings: ``">= <= = < >"``."""
    return " ".join(a for a in (operator.ascii for operator in VOCABULARY) if a is not None)


__all__ = [
    "LOWER_BOUNDS",
    "QUALITATIVE_SYMBOL",
    "QUANTITATIVE_SYMBOLS",
    "REACHED_WORDS",
    "SPELLINGS",
    "SYMBOLS",
    "VOCABULARY",
    "WORDS_AFTER",
    "WORDS_BEFORE",
    "OperatorRule",
    "QuantitativeOperator",
    "listed",
    "listed_ascii",
    "meets",
]
