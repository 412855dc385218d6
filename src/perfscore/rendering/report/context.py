"""What a 自评报告 says, computed from an evaluation: every number already formatted.

The templates (Markdown, HTML) and the Word writer read only this; none recomputes anything, so
the three formats say the same thing. Problems and suggestions are facts here (what is wrong and
where); their wording is the templates'.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perfscore.checks import title
from perfscore.models.numbers import ZERO, fmt, fmt_plain, percent
from perfscore.models.results import (
    SEVERITY_LABELS,
    STATUS_LABELS,
    Evaluation,
    IndicatorResult,
)
from perfscore.rendering.common import level_name, operator_text, value_text
from perfscore.rendering.explanation import explanation_text
from perfscore.rendering.narrative import summary


@dataclass(frozen=True, slots=True)
class BudgetLine:
    """One row of the funding table: 总额 or a funding source."""

    label: str
    initial: str
    adjusted: str
    executed: str
    rate: str


@dataclass(frozen=True, slots=True)
class IndicatorLine:
    """One row of 绩效指标完成情况表, with the computed weight and score."""

    level1: str
    level2: str
    name: str
    operator: str
    target: str
    unit: str
    actual: str
    weight: str
    score: str
    status: str
    basis: str
    reason: str
    #: Fully met (its whole weight scored).
    met: bool


@dataclass(frozen=True, slots=True)
class LevelLine:
    """A first-level indicator's score against its weight (for the text and the chart)."""

    name: str
    weight: str
    score: str
    weight_value: Decimal
    score_value: Decimal


@dataclass(frozen=True, slots=True)
class Issue:
    """A finding, for 存在的问题: severity label, code and the checks' own sentence."""

    severity: str
    code: str
    title: str
    message: str


@dataclass(frozen=True, slots=True)
class Report:
    """Everything one project's report says."""

    year: str
    code: str
    name: str
    department: str
    implementer: str
    unit: str
    planned: str
    achieved: str
    summary: str
    rubric: str
    #: The rubric's own description of how it scores (自评步骤及方法).
    method: str
    budget: tuple[BudgetLine, ...]
    adjusted: str
    executed: str
    rate: str
    #: The rate in percentage points, for the chart (0 when there is none).
    rate_value: Decimal
    execution_weight: str
    execution_score: str
    #: The execution's weight and score as numbers, for the chart.
    execution_weight_value: Decimal
    execution_score_value: Decimal
    #: Points the execution lost (``"0.30"``).
    execution_lost: str
    #: ``"调增预算67.00万元"`` / ``"调减预算3.86万元"``; "" when 年初 = 调整后 or either is blank.
    adjustment: str
    #: 预算执行 scored below its weight (the rate under 100%, or none at all).
    execution_short: bool
    indicators: tuple[IndicatorLine, ...]
    #: How many of them are indicators: placeholder rows (不适用) are listed, not counted.
    count: int
    levels: tuple[LevelLine, ...]
    score: str
    grade: str
    claimed: str
    difference: str
    over: bool
    narrative: str
    issues: tuple[Issue, ...]
    #: The indicators not fully met, in table order.
    shortfalls: tuple[IndicatorLine, ...]
    #: The finding codes raised, each once, in order of first appearance (for 相关建议).
    codes: tuple[str, ...]

    @property
    def has_problems(self) -> bool:
        """Whether 存在的问题 has anything to say (otherwise, and only then, "无")."""
        return bool(self.issues or self.shortfalls or self.execution_short)


def report_of(evaluation: Evaluation) -> Report:
    """The report of one evaluation."""
    case, execution = evaluation.case, evaluation.execution
    indicators = tuple(_indicator(evaluation, row) for row in evaluation.indicators)
    issues = tuple(
        Issue(SEVERITY_LABELS[f.severity], f.code, title(f.code), f.message)
        for f in evaluation.findings
    )
    return Report(
        year=str(case.year) if case.year else "",
        code=case.project.code or "",
        name=case.project.name,
        department=case.project.department or "",
        implementer=case.project.implementer or "",
        unit=case.budget.unit,
        planned=case.goal.planned or "",
        achieved=case.goal.achieved or "",
        summary=case.summary or "",
        rubric=evaluation.rubric.title or evaluation.rubric.name,
        method=" ".join(evaluation.rubric.description.split()),
        budget=_budget(evaluation),
        adjusted=fmt(execution.adjusted),
        executed=fmt(execution.executed),
        rate=percent(execution.rate),
        rate_value=execution.rate if execution.rate is not None else ZERO,
        execution_weight=fmt_plain(execution.weight),
        execution_score=fmt(execution.score),
        execution_weight_value=execution.weight,
        execution_score_value=execution.score,
        execution_lost=fmt(execution.lost),
        adjustment=_adjustment(execution.change, case.budget.unit),
        execution_short=execution.score < execution.weight,
        indicators=indicators,
        count=evaluation.count,
        levels=tuple(
            LevelLine(lv.name, fmt(lv.weight), fmt(lv.score), lv.weight, lv.score)
            for lv in evaluation.levels
        ),
        score=fmt(evaluation.score),
        grade=evaluation.grade,
        claimed=fmt(evaluation.claimed_score),
        difference=fmt(abs(evaluation.difference)) if evaluation.difference is not None else "",
        over=evaluation.difference is not None and evaluation.difference > 0,
        narrative=summary(evaluation),
        issues=issues,
        shortfalls=tuple(line for line in indicators if not line.met),
        codes=tuple(dict.fromkeys(issue.code for issue in issues)),
    )


def _adjustment(change: Decimal | None, unit: str) -> str:
    if not change:
        return ""
    verb = "调增" if change > 0 else "调减"
    return f"{verb}预算{fmt(abs(change))}{unit}"


def _budget(evaluation: Evaluation) -> tuple[BudgetLine, ...]:
    """总额, then each funding source; rates are the computed ones (never the stated)."""
    execution = evaluation.execution
    total, *rates = execution.rates
    adjusted = None if execution.from_initial else execution.adjusted
    lines = [_line("总额", (execution.initial, adjusted, execution.executed), total)]
    lines += [
        _line(s.name, (s.initial, s.adjusted, s.executed), rate)
        for s, rate in zip(evaluation.case.budget.sources, rates, strict=True)
    ]
    return tuple(lines)


def _line(name: str, amounts: _Amounts, rate: Decimal | None) -> BudgetLine:
    initial, adjusted, executed = amounts
    shown = "" if rate is None else percent(rate)
    return BudgetLine(name, fmt(initial), fmt(adjusted), fmt(executed), shown)


#: 年初预算, 调整后预算数, 预算执行数.
_Amounts = tuple[Decimal | None, Decimal | None, Decimal | None]


def _indicator(evaluation: Evaluation, row: IndicatorResult) -> IndicatorLine:
    given = row.indicator
    return IndicatorLine(
        level1=level_name(evaluation, row),
        level2=given.level2 or "",
        name=given.name,
        operator=operator_text(row),
        target=value_text(given.target),
        unit=given.unit or "",
        actual=value_text(given.actual),
        weight=fmt(row.weight),
        score=fmt(row.score),
        status=STATUS_LABELS[row.status],
        basis=explanation_text(row.explanation),
        reason=given.reason or "",
        met=row.status in ("met", "not-applicable"),
    )


__all__ = ["BudgetLine", "IndicatorLine", "Issue", "LevelLine", "Report", "report_of"]
