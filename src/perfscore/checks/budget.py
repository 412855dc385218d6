"""Checks on the budget table: funding rows, stated rates, adjustments, execution."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

from perfscore.checks.registry import SCORED, Raised, check, option
from perfscore.models.case import Budget, Source
from perfscore.models.numbers import HUNDRED, ZERO, fmt, fmt_plain, half_up, percent
from perfscore.models.results import Scored

COLUMNS: Final = {"initial": "年初预算", "adjusted": "调整后预算", "executed": "预算执行数"}


@check(
    "budget-rows-mismatch",
    SCORED,
    "error",
    "预算合计与分项不符",
    explanation=(
        "预算表的总额（年初预算、调整后预算或执行数）与各资金来源行之和不一致。总额是执行率和得分的"
        "依据，合计对不上说明表内数字至少有一处填错，复核时应先核实哪一个数是对的。"
    ),
    example="总额调整后预算 50.00 万元 与各资金来源之和 52.00 万元 不一致",
)
def budget_rows(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """The stated total of each column against the sum of the funding rows."""
    budget = scored.case.budget
    unit = budget.unit
    for column, label in COLUMNS.items():
        values = [getattr(s, column) for s in budget.sources if getattr(s, column) is not None]
        stated: Decimal | None = getattr(budget, column)
        if values and stated is not None and sum(values, ZERO) != stated:
            yield (
                f"总额{label} {fmt(stated)} {unit} "
                f"与各资金来源之和 {fmt(sum(values, ZERO))} {unit} 不一致",
                f"$.budget.{column}",
            )


def _stated_rate_problem(
    stated: Decimal, adjusted: Decimal | None, executed: Decimal | None, tolerance: Decimal
) -> str | None:
    if not adjusted:
        return None if stated == ZERO else "调整后预算为 0，执行率无法计算"
    exact = (executed or ZERO) / adjusted * HUNDRED
    places = max(0, -int(stated.as_tuple().exponent))
    computed = half_up(exact, places)
    if abs(computed - stated) <= tolerance:
        return None
    return f"应为 {fmt(executed or ZERO)} / {fmt(adjusted)} = {percent(half_up(exact))}"


@check(
    "execution-rate-mismatch",
    SCORED,
    "warning",
    "执行率计算有误",
    explanation=(
        "填报的预算执行率与“执行数 ÷ 调整后预算”按其填报的小数位四舍五入后不符。执行率直接决定预算"
        "执行得分，算错的执行率会让得分看起来比实际高或低。"
    ),
    example="总额执行率填报 98.00%，应为 50.00 / 50.00 = 100.00%",
    tolerance=Decimal(0),
)
def execution_rate_mismatch(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """Each stated 预算执行率 against 执行数 / 调整后预算数 of its own row."""
    tolerance = option(options, "tolerance")
    budget = scored.case.budget
    rows: list[tuple[str, str, Budget | Source, Decimal | None, Decimal | None]] = [
        ("总额", "$.budget.rate", budget, budget.adjusted, budget.executed)
    ]
    if budget.adjusted is None:
        rows[0] = (
            "总额",
            "$.budget.rate",
            budget,
            scored.execution.adjusted,
            scored.execution.executed,
        )
    rows += [
        (s.name, f"$.budget.sources[{i}].rate", s, s.adjusted, s.executed)
        for i, s in enumerate(budget.sources)
    ]
    for label, where, row, adjusted, executed in rows:
        if row.rate is None:
            continue
        problem = _stated_rate_problem(row.rate, adjusted, executed, tolerance)
        if problem:
            yield f"{label}执行率填报 {row.rate:f}%，{problem}", where


@check(
    "budget-adjusted",
    SCORED,
    "info",
    "预算有调整",
    explanation=(
        "年初预算与调整后预算不同：预算在年中做过调整。这本身不是错误，但评价时应看调整原因是否说明"
        "、调整是否合理，执行率按调整后预算计算。"
    ),
    example="年初预算 50.00 万元，调整后预算 52.00 万元（调增 2.00 万元），已说明原因",
)
def budget_adjusted(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """年初预算 ≠ 调整后预算: an adjustment that needs explaining."""
    initial, adjusted = scored.execution.initial, scored.execution.adjusted
    if initial is None or adjusted is None or initial == adjusted:
        return
    unit = scored.case.budget.unit
    change = adjusted - initial
    verb = "调增" if change > 0 else "调减"
    reason = "已说明原因" if scored.case.budget.reason else "未说明调整原因"
    yield (
        f"年初预算 {fmt(initial)} {unit}，调整后预算 {fmt(adjusted)} {unit}"
        f"（{verb} {fmt(abs(change))} {unit}），{reason}",
        "$.budget.adjusted",
    )


@check(
    "over-executed",
    SCORED,
    "warning",
    "执行数超预算",
    explanation=(
        "预算执行数超过调整后预算，执行率高于 100%。超支需要说明资金来源和原因；预算执行得分以该项"
        "权重为限，不因超支多得分。"
    ),
    example="执行数 52.00 万元 超过调整后预算 50.00 万元（执行率 104.00%），得分以权重为限",
)
def over_executed(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """执行数 above 调整后预算数: the rate is capped at 100% for the score."""
    execution = scored.execution
    if (
        execution.adjusted
        and execution.executed is not None
        and execution.executed > execution.adjusted
    ):
        unit = scored.case.budget.unit
        yield (
            f"执行数 {fmt(execution.executed)} {unit} "
            f"超过调整后预算 {fmt(execution.adjusted)} {unit}"
            f"（执行率 {percent(execution.rate)}），得分以权重为限",
            "$.budget.executed",
        )


@check(
    "zero-budget",
    SCORED,
    "warning",
    "无调整后预算",
    explanation=(
        "调整后预算为 0 或未填，执行率无法计算，预算执行一项得 0 分（评分规则允许时改按年初预算计算"
        "，并以提示说明）。多为漏填预算数，应补齐后再评。"
    ),
    example="调整后预算为 0 或未填，执行率无法计算，预算执行得 0 分",
)
def zero_budget(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """No adjusted budget: the execution rate is undefined and scores 0 (or, where the rubric
    says so, is measured against the 年初预算: said as a note)."""
    execution = scored.execution
    if execution.from_initial:
        unit = scored.case.budget.unit
        yield (
            f"未填调整后预算，按年初预算 {fmt(execution.adjusted)} {unit} 计算执行率",
            "$.budget.adjusted",
            "info",
        )
    elif not execution.adjusted:
        yield "调整后预算为 0 或未填，执行率无法计算，预算执行得 0 分", "$.budget.adjusted"


@check(
    "missing-reason",
    SCORED,
    "warning",
    "未说明偏差原因",
    explanation=(
        "指标未完全达成，或预算执行率低于评分规则规定的下限，却没有填写偏差原因和改进措施。自评表要"
        "求对每项偏差说明原因，缺少说明的自评不完整。"
    ),
    example="指标「完成时间」未达成，未填写偏差原因",
)
def missing_reason(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """An indicator not fully met, or a rate under the rubric's floor, with no reason given."""
    rate = scored.execution.rate
    floor = scored.rubric.execution.reason_below
    if rate is not None and rate < floor and not scored.case.budget.reason:
        yield f"预算执行率 {percent(rate)} 低于 {fmt_plain(floor)}%，未说明原因", "$.budget.reason"
    for row in scored.rows:
        if row.status in ("partial", "unmet") and not row.indicator.reason:
            state = "部分达成" if row.status == "partial" else "未达成"
            yield f"指标「{row.indicator.name}」{state}，未填写偏差原因", f"{row.where}.reason"


__all__ = [
    "budget_adjusted",
    "budget_rows",
    "execution_rate_mismatch",
    "missing_reason",
    "over_executed",
    "zero_budget",
]
