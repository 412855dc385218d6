"""What an evaluation produces: one ``Evaluation`` that every renderer reads."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final, Literal, NamedTuple

from perfscore.models.case import Case, Indicator
from perfscore.models.explanation import Explanation
from perfscore.rubrics.model import Rubric, Severity
from perfscore.scoring.values import Reading

Status = Literal["met", "partial", "unmet", "unscored", "not-applicable"]
WeightMode = Literal["given", "given-scaled", "given-as-is", "rubric", "stated", "partial"]

STATUS_LABELS: Final[dict[str, str]] = {
    "met": "达成",
    "partial": "部分达成",
    "unmet": "未达成",
    "unscored": "未计分",
    "not-applicable": "不适用",
}
SEVERITY_LABELS: Final[dict[str, str]] = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_RANK: Final[dict[str, int]] = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, slots=True)
class Finding:
    """What a reviewer would raise: a stable code, a severity, a Chinese message, a JSON path.

    For a case read from a form, ``where`` is the form's cell and ``path`` keeps the JSON path.
    """

    code: str
    severity: Severity
    message: str
    where: str
    path: str | None = None


@dataclass(frozen=True, slots=True)
class ExecutionResult:
    """预算执行率 and its score. Amounts are the totals used (the funding rows' sum if given)."""

    initial: Decimal | None
    adjusted: Decimal | None
    executed: Decimal | None
    rate: Decimal | None
    weight: Decimal
    score: Decimal
    #: How the score was reached (``rendering.explanation`` writes it in Chinese).
    explanation: Explanation
    #: The points the execution lost (weight − score).
    lost: Decimal
    #: 调整后 − 年初预算 (the mid-year adjustment); None when either is blank.
    change: Decimal | None
    #: 执行率 (执行数 ÷ 调整后预算数, in percentage points, unrounded; None when undefined) of
    #: 总额 as given (none when measured against 年初预算), then of each funding source.
    rates: tuple[Decimal | None, ...]
    #: No 调整后预算 was given: ``adjusted`` is the 年初预算 the rate was measured against.
    from_initial: bool = False


class IndicatorResult(NamedTuple):
    """One indicator row, scored (a named tuple: one is made per row per rubric)."""

    position: int
    indicator: Indicator
    level: str
    weight: Decimal
    score: Decimal
    factor: Decimal
    status: Status
    #: How the score was reached (``rendering.explanation`` writes it in Chinese).
    explanation: Explanation
    target: Reading
    actual: Reading
    actual_in_unit: Decimal | None
    is_cost: bool
    is_time: bool
    #: The operator it was scored by (written or the rubric's default); None when qualitative.
    operator: str | None

    @property
    def applicable(self) -> bool:
        """False for a placeholder row (不适用): listed, never scored or counted."""
        return self.status != "not-applicable"

    @property
    def where(self) -> str:
        return f"$.indicators[{self.position}]"


@dataclass(frozen=True, slots=True)
class LevelResult:
    """A first-level indicator's points and what its rows earned."""

    key: str
    name: str
    weight: Decimal
    score: Decimal
    count: int


@dataclass(frozen=True, slots=True)
class Allocation:
    """How the indicator weights were set, for the checks that report on it."""

    weights: tuple[Decimal, ...]
    levels: tuple[str, ...]
    level_weights: dict[str, Decimal]
    stated_levels: dict[str, Decimal]
    mode: WeightMode
    missing: tuple[str, ...]
    #: Rows with no weight among weighted rows (weight 0), and placeholder rows (不适用).
    unweighted: tuple[int, ...] = ()
    not_applicable: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Scored:
    """Everything computed before the checks run: what a check reads."""

    case: Case
    rubric: Rubric
    execution: ExecutionResult
    indicators: tuple[IndicatorResult, ...]
    #: The rows that are indicators: placeholder rows (不适用) left out.
    rows: tuple[IndicatorResult, ...]
    allocation: Allocation
    score: Decimal


@dataclass(frozen=True, slots=True)
class Evaluation:
    """A case scored under a rubric, with the findings. Renderers read only this."""

    source: str | None
    case: Case
    rubric: Rubric
    execution: ExecutionResult
    indicators: tuple[IndicatorResult, ...]
    levels: tuple[LevelResult, ...]
    #: How many rows are indicators (placeholder rows, 不适用, are listed, not counted).
    count: int
    #: The indicators' weights and scores together (the total less the execution's).
    indicator_weight: Decimal
    indicator_score: Decimal
    score: Decimal
    grade: str
    claimed_score: Decimal | None
    difference: Decimal | None
    findings: tuple[Finding, ...]

    def worst(self) -> Severity | None:
        """The most serious severity among the findings."""
        return worst(self.findings)

    def to_dict(self) -> dict[str, Any]:
        """This evaluation as JSON data: the object ``perfscore evaluate --format json`` prints."""
        from perfscore.rendering.jsonout import to_dict  # noqa: PLC0415 - the renderer, on demand

        return to_dict(self)


def worst(findings: Iterable[Finding]) -> Severity | None:
    """The most serious severity among ``findings`` (None when there are none)."""
    return max((f.severity for f in findings), key=SEVERITY_RANK.__getitem__, default=None)


__all__ = [
    "SEVERITY_LABELS",
    "SEVERITY_RANK",
    "STATUS_LABELS",
    "Allocation",
    "Evaluation",
    "ExecutionResult",
    "Finding",
    "IndicatorResult",
    "LevelResult",
    "Scored",
    "Status",
    "WeightMode",
    "worst",
]
