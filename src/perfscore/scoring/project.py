"""``evaluate(case, rubric)``: the budget row and every indicator scored, then the checks run."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from perfscore.checks import run_checks
from perfscore.errors import CaseError
from perfscore.models.case import Budget, Case, Indicator
from perfscore.models.explanation import (
    ExecutionBasis,
    Explanation,
    Overshoot,
    Phrase,
    Prefixed,
    QualitativeBasis,
    Said,
)
from perfscore.models.numbers import HUNDRED, ONE, ZERO, fmt, fmt_plain, half_up
from perfscore.models.operators import QUALITATIVE_SYMBOL
from perfscore.models.results import (
    Evaluation,
    ExecutionResult,
    IndicatorResult,
    LevelResult,
    Scored,
    Status,
)
from perfscore.rubrics.model import Rubric
from perfscore.scoring.methods import MethodOutcome, over_target
from perfscore.scoring.placement import level_keys, not_applicable
from perfscore.scoring.plan import Plan
from perfscore.scoring.values import Reading, convert, read_actual, read_target
from perfscore.scoring.weights import allocate


def evaluate(
    case: Case, rubric: Rubric, source: str | None = None, *, checks: bool = True
) -> Evaluation:
    """Score ``case`` under ``rubric``; ``source`` (the file) is named in any error.

    ``checks=False`` skips the findings, for a caller that needs only the scores.
    """
    plan = Plan.of(rubric)
    if case.budget.unit not in rubric.quantitative.money_units:
        units = "、".join(rubric.quantitative.money_units)
        raise CaseError(
            f"无法识别的金额单位 '{case.budget.unit}'（可用：{units}）",
            file=source,
            path="$.budget.unit",
        )
    applicable = [not not_applicable(row, plan.placeholders) for row in case.indicators]
    every = all(applicable)
    levels = level_keys(case.indicators, applicable, plan.levels, rubric, source)
    allocation = allocate(case.indicators, levels, applicable, rubric)
    execution = score_execution(case.budget, rubric)
    rows = tuple(
        score_indicator(i, row, level, weight, plan)
        if applicable[i]
        else _not_applicable_result(i, row, level, plan)
        for i, (row, level, weight) in enumerate(
            zip(case.indicators, levels, allocation.weights, strict=True)
        )
    )
    applicable_rows = rows if every else tuple(row for row in rows if row.applicable)
    weight, score, level_results = _tally(applicable_rows, allocation.level_weights, rubric)
    total = execution.score + score
    scored = Scored(case, rubric, execution, rows, applicable_rows, allocation, total)
    claimed = case.claimed_score
    return Evaluation(
        source=source,
        case=case,
        rubric=rubric,
        execution=execution,
        indicators=rows,
        levels=level_results,
        count=len(applicable_rows),
        indicator_weight=weight,
        indicator_score=score,
        score=total,
        grade=rubric.grade_of(total),
        claimed_score=claimed,
        difference=None if claimed is None else claimed - total,
        findings=run_checks(scored, plan.checks) if checks else (),
    )


_PLACEHOLDER: Final = Said("占位行（未填指标内容），不适用，不计分")


def _not_applicable_result(index: int, row: Indicator, level: str, plan: Plan) -> IndicatorResult:
    missing = Reading("missing")
    return IndicatorResult(
        position=index,
        indicator=row,
        level=level,
        weight=ZERO,
        score=ZERO,
        factor=ZERO,
        status="not-applicable",
        explanation=_PLACEHOLDER,
        target=missing,
        actual=missing,
        actual_in_unit=None,
        is_cost=plan.levels.is_cost(row.level1, row.level2),
        is_time=False,
        operator=None,
    )


def budget_column(budget: Budget, column: str) -> Decimal | None:
    """A budget column's total: the funding rows' sum when they give it, else the stated total."""
    values = [getattr(source, column) for source in budget.sources]
    given = [v for v in values if v is not None]
    if given:
        return sum(given, ZERO)
    value: Decimal | None = getattr(budget, column)
    return value


def score_execution(budget: Budget, rubric: Rubric) -> ExecutionResult:
    """预算执行率 = 执行数 / 调整后预算数; score = weight × rate, never above the weight.

    A form with no 调整后预算 column (or the cell left blank) is measured against its 年初预算
    when the rubric says so (``[execution] unadjusted = "initial"``).
    """
    rules = rubric.execution
    initial, adjusted, executed = (
        budget_column(budget, c) for c in ("initial", "adjusted", "executed")
    )
    sources = tuple(
        s.executed / s.adjusted * HUNDRED if s.executed is not None and s.adjusted else None
        for s in budget.sources
    )
    from_initial = adjusted is None and bool(initial) and rules.unadjusted == "initial"
    if from_initial:
        adjusted = initial
    change = None if initial is None or adjusted is None else adjusted - initial
    if not adjusted:
        return ExecutionResult(
            initial, adjusted, executed, None, rules.weight, ZERO, _NO_BUDGET,
            rules.weight, change, (None, *sources),
        )  # fmt: skip
    exact = (executed or ZERO) / adjusted * HUNDRED
    measured = None if executed is None or from_initial else exact
    rate = half_up(exact, rubric.rounding)
    used = min(rate if rules.round_rate_first else exact, HUNDRED)
    score = half_up(rules.weight * used / HUNDRED, rubric.rounding)
    basis: Explanation = ExecutionBasis(executed or ZERO, adjusted, rate, rules.weight, used, score)
    if from_initial:
        basis = Prefixed("未填调整后预算，按年初预算计；", basis)
    return ExecutionResult(
        initial, adjusted, executed, rate, rules.weight, score, basis,
        rules.weight - score, change, (measured, *sources), from_initial=from_initial,
    )  # fmt: skip


_NO_BUDGET: Final = Said("调整后预算为 0 或未填，执行率无法计算，预算执行不得分")


def score_indicator(
    index: int, row: Indicator, level: str, weight: Decimal, plan: Plan
) -> IndicatorResult:
    """One indicator: read its target and actual, choose the method, score it."""
    rubric = plan.rubric
    target = read_target(row.target, plan.reader)
    actual = read_actual(row.actual, plan.reader)
    is_cost = plan.levels.is_cost(row.level1, row.level2)
    is_time = row.unit in rubric.quantitative.time_units
    qualitative = row.operator == QUALITATIVE_SYMBOL or target.kind in ("grade", "scale", "text")
    operator = None if qualitative else row.operator or operator_by_default(target, is_cost, rubric)
    if operator is None:
        outcome, status, in_unit = _qualitative(target, actual, plan)
    else:
        outcome, status, in_unit = _quantitative(row, operator, target, actual, plan)
    return IndicatorResult(  # positional, in field order: one is made per row per rubric
        index,
        row,
        level,
        weight,
        half_up(weight * outcome.factor, rubric.rounding),
        outcome.factor,
        status,
        outcome.explanation,
        target,
        actual,
        in_unit,
        is_cost,
        is_time,
        operator,
    )


def operator_by_default(target: Reading, is_cost: bool, rubric: Rubric) -> str:
    """The operator a quantitative row written with none is scored by: the rubric's default for
    a target of 0, for a cost indicator, or for any other row."""
    rules = rubric.quantitative
    if target.number == ZERO:
        return rules.zero_operator
    return rules.cost_operator if is_cost else rules.default_operator


Scoring = tuple[MethodOutcome, Status, Decimal | None]


def _status(factor: Decimal) -> Status:
    if factor >= ONE:
        return "met"
    return "partial" if factor > ZERO else "unmet"


def _unscored(explanation: Explanation) -> Scoring:
    return MethodOutcome(ZERO, explanation), "unscored", None


_NO_ACTUAL: Final = Said("未填完成值，不得分")
_NO_TARGET: Final = Said("未填指标值，无法计分")


def _qualitative(target: Reading, actual: Reading, plan: Plan) -> Scoring:
    if actual.kind == "missing":
        return _unscored(_NO_ACTUAL)
    same = plan.rubric.qualitative.same_as_target
    if same is not None and _says_target(target, actual):
        said = Said(f"定性指标：完成值与指标值 '{target.text}' 表述一致，系数 {fmt(same)}")
        return MethodOutcome(same, said), _status(same), None
    if actual.factor is None:
        shown = actual.text or fmt_plain(actual.number or ZERO)
        return _unscored(Said(f"完成值 '{shown}' 不是可识别的等级或短语，不得分"))
    target_factor = target.factor if target.kind == "grade" and target.factor is not None else ONE
    outcome = plan.qualitative(actual.factor, target_factor)
    explanation = QualitativeBasis(actual.text, actual.factor, outcome.explanation)
    return MethodOutcome(outcome.factor, explanation), _status(outcome.factor), None


def _says_target(target: Reading, actual: Reading) -> bool:
    """An actual in the target's own words ("显著提升" for "显著提升"): what was aimed at, met.
    (A grade target is scored by its grade, whatever words the actual uses.)"""
    if target.kind != "text" or not actual.text:
        return False
    return actual.text == target.text or actual.words == target.words


def _quantitative(
    row: Indicator, operator: str, target: Reading, actual: Reading, plan: Plan
) -> Scoring:
    rubric = plan.rubric
    if target.number is None:
        return _unscored(_NO_TARGET)
    if actual.kind == "missing":
        return _unscored(_NO_ACTUAL)
    if actual.number is None:
        return _text_actual(actual, rubric)
    rules = rubric.quantitative
    if actual.operator is not None and rules.actual_with_operator == "zero":
        return _unscored(Said(f"完成值 '{actual.text}' 照抄指标值，不是实测值，不得分"))
    value = convert(actual.number, actual.unit, row.unit, rules)
    value = actual.number if value is None else value
    is_time = row.unit in rules.time_units
    key = "zero-target" if target.number == ZERO else "time-point" if is_time else operator
    outcome = plan.quantitative[key](value, target.number, operator)
    outcome = _overshoot(outcome, operator, value, target.number, rubric)
    plain = key == operator and row.operator is not None and actual.kind == "number"
    prefix = "" if plain and actual.operator is None else _prefix(row, operator, key, actual)
    if prefix:
        outcome = MethodOutcome(outcome.factor, Prefixed(prefix, outcome.explanation))
    return outcome, _status(outcome.factor), value


def _prefix(row: Indicator, operator: str, key: str, actual: Reading) -> str:
    """What the basis says before the method's own words: defaults taken, readings made."""
    prefix = _PREFIXES.get(key, "")
    if actual.kind == "nothing":
        prefix = f"完成值 '{actual.text}' 按 0 计；{prefix}"
    elif actual.operator is not None:
        prefix = f"完成值 '{actual.text}' 照抄指标值，按其数字计；{prefix}"
    if row.operator is None:
        prefix = f"未填指标性质，按 {operator} 计分；{prefix}"
    return prefix


_PREFIXES: Final = {
    "zero-target": "指标值为 0，按是否达成计分：",
    "time-point": "时间节点，按是否达成计分：",
}


def _text_actual(actual: Reading, rubric: Rubric) -> Scoring:
    if actual.factor is None:
        return _unscored(
            Said(f"完成值 '{actual.text}' 既不是数字，也不是可识别的等级或短语，不得分")
        )
    if rubric.quantitative.text_actual == "zero":
        return _unscored(Said(f"定量指标的完成值为文字 '{actual.text}'，无法核实，不得分"))
    phrase = Phrase(actual.text, actual.factor)
    return MethodOutcome(actual.factor, phrase), _status(actual.factor), None


def _overshoot(
    outcome: MethodOutcome, operator: str, actual: Decimal, target: Decimal, rubric: Rubric
) -> MethodOutcome:
    rules = rubric.quantitative
    if not rules.overshoot_deduct or over_target(operator, actual, target, rules) is None:
        return outcome
    factor = target / actual
    return MethodOutcome(factor, Overshoot(outcome.explanation, rules.overshoot_ratio, factor))


def _tally(
    rows: Sequence[IndicatorResult], level_weights: dict[str, Decimal], rubric: Rubric
) -> tuple[Decimal, Decimal, tuple[LevelResult, ...]]:
    """The rows' weights and scores together, and each level's points and what its rows
    earned, in one pass. Placeholder rows weigh and score 0, so ``rows`` may leave them out."""
    weight = score = ZERO
    scores = dict.fromkeys(level_weights, ZERO)
    counts = dict.fromkeys(level_weights, 0)
    for row in rows:
        weight += row.weight
        score += row.score
        if row.level in scores:
            scores[row.level] += row.score
            counts[row.level] += 1
    levels = tuple(
        LevelResult(key, rubric.levels[key].name, points, scores[key], counts[key])
        for key, points in level_weights.items()
    )
    return weight, score, levels


__all__ = [
    "budget_column",
    "evaluate",
    "operator_by_default",
    "score_execution",
    "score_indicator",
]
