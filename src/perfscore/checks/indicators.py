"""Checks on indicator rows: what the actuals say, targets, units and cost indicators."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any, Final

from perfscore.checks.registry import SCORED, Raised, check, option
from perfscore.models.numbers import HUNDRED, fmt, fmt_plain, half_up, percent
from perfscore.models.operators import LOWER_BOUNDS, QUALITATIVE_SYMBOL
from perfscore.models.results import IndicatorResult, Scored
from perfscore.scoring.methods import over_target
from perfscore.scoring.values import convert, money_factor


def _label(row: IndicatorResult) -> str:
    return f"指标「{row.indicator.name}」"


def _target(row: IndicatorResult) -> str:
    indicator = row.indicator
    target = (
        fmt_plain(indicator.target) if isinstance(indicator.target, Decimal) else indicator.target
    )
    return f"{row.operator or indicator.operator or ''} {target}{indicator.unit or ''}".strip()


def _quantitative(row: IndicatorResult) -> bool:
    return row.target.kind == "number" and row.indicator.operator != QUALITATIVE_SYMBOL


@check(
    "text-actual",
    SCORED,
    "warning",
    "定量指标填文字",
    explanation=(
        "定量指标（数量、质量、时效、成本等有比较符号和数值的指标）的完成值只写了文字（如“已完成”“"
        "优”），没有实际数值，无法核实是否达到指标值。按评分规则，这样的完成值按短语系数计分或不得"
        "分。"
    ),
    example="定量指标「满意度」的完成值为文字 '已全部完成'，无法核实是否达到 ≥ 98期（不得分）",
)
def text_actual(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """A quantitative indicator whose actual is a phrase or grade: it cannot be verified."""
    zero = scored.rubric.quantitative.text_actual == "zero"
    for row in scored.rows:
        if _quantitative(row) and row.actual.kind in ("phrase", "grade"):
            how = "不得分" if zero else f"按短语系数 {fmt(row.actual.factor)} 计分"
            yield (
                f"定量{_label(row)}的完成值为文字 '{row.actual.text}'，"
                f"无法核实是否达到 {_target(row)}（{how}）",
                f"{row.where}.actual",
            )


@check(
    "missing-actual",
    SCORED,
    "error",
    "未填完成值",
    explanation=(
        "指标没有填写完成值，无法判断是否达成，该指标不得分。多为漏填，应补齐实际完成情况。"
    ),
    example="指标「发放时间」未填完成值，不得分",
)
def missing_actual(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    for row in scored.rows:
        if row.actual.kind == "missing":
            yield f"{_label(row)}未填完成值，不得分", f"{row.where}.actual"


@check(
    "unreadable-actual",
    SCORED,
    "error",
    "完成值无法识别",
    explanation=(
        "完成值既不是数字，也不是评分规则认识的等级或短语；或定性指标的完成值填了数字而不是等级。无"
        "法据此计分，该指标不得分。"
    ),
    example="定性指标「乡村文化氛围」的完成值 '95' 是数字，不是等级，不得分",
)
def unreadable_actual(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """An actual that is neither a number nor a known grade or phrase; or a number on a 定性 row."""
    for row in scored.rows:
        text = row.indicator.actual
        if row.actual.kind == "text":
            yield (
                f"{_label(row)}的完成值 '{text}' 既不是数字，也不是可识别的等级或短语，不得分",
                f"{row.where}.actual",
            )
        elif (
            row.actual.kind == "number" and not _quantitative(row) and row.target.kind != "missing"
        ):
            shown = fmt_plain(text) if isinstance(text, Decimal) else text
            yield (
                f"定性{_label(row)}的完成值 '{shown}' 是数字，不是等级，不得分",
                f"{row.where}.actual",
            )


@check(
    "missing-target",
    SCORED,
    "error",
    "未填指标值",
    explanation=(
        "指标没有填写指标值（年度目标），无法考核完成值是否达标。绩效目标应当细化、量化，缺少指标值"
        "的指标不能计分。"
    ),
    example="指标「培训场次」未填指标值，无法考核",
)
def missing_target(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    for row in scored.rows:
        if row.target.kind == "missing":
            yield f"{_label(row)}未填指标值，无法考核", f"{row.where}.target"


@check(
    "scale-as-target",
    SCORED,
    "warning",
    "以等级全称作指标值",
    explanation=(
        "定性指标的指标值写成了整套等级（如“优良中低差”），等于没有设定目标等级，无法判断完成值是否"
        "达到目标。"
    ),
    example="定性指标「使用效果」的指标值是整个等级 '优良中低差'，未设定目标等级",
)
def scale_as_target(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """A qualitative target left as the whole grade scale ("优良中低差"): no target at all."""
    for row in scored.rows:
        if row.target.kind == "scale":
            yield (
                f"定性{_label(row)}的指标值是整个等级 '{row.target.text}'，未设定目标等级",
                f"{row.where}.target",
            )


@check(
    "unit-mismatch",
    SCORED,
    "warning",
    "度量单位有误",
    explanation=(
        "度量单位与指标不符：应以百分比衡量的指标（如满意度）用了其他单位、百分比超过 100%，或完成"
        "值的单位与度量单位无法换算。单位错了，指标值与完成值就无从比较。"
    ),
    example="满意度指标「满意度」的度量单位为 '期'，应为 %",
)
def unit_mismatch(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """Units that do not fit: a percent level not in %, a % above 100, an actual in another unit."""
    rules = scored.rubric.quantitative
    for row in scored.rows:
        unit = row.indicator.unit
        level = scored.rubric.levels[row.level]
        if level.percent_unit and _quantitative(row) and unit not in rules.percent_units:
            yield (
                f"{level.name}「{row.indicator.name}」的度量单位为 '{unit or ''}'，应为 %",
                f"{row.where}.unit",
            )
        if unit in rules.percent_units:
            for label, value in (("指标值", row.target.number), ("完成值", row.actual_in_unit)):
                if value is not None and value > HUNDRED:
                    yield (
                        f"{_label(row)}的{label} {fmt_plain(value)}% 超过 100%",
                        f"{row.where}.unit",
                    )
        actual_unit = row.actual.unit
        if (
            actual_unit
            and _quantitative(row)
            and convert(HUNDRED, actual_unit, unit, rules) is None
        ):
            yield (
                f"{_label(row)}完成值的单位 '{actual_unit}' 与度量单位 '{unit or ''}' 不一致",
                f"{row.where}.unit",
            )


@check(
    "cost-direction",
    SCORED,
    "warning",
    "成本指标方向有误",
    explanation=(
        "成本指标用了“≥”或“＞”，即给成本设了下限。成本指标应控制在上限之内（≤），方向写反会让超支看"
        "起来像达标。"
    ),
    example="成本指标「采购成本」使用 '≥'，成本指标应设上限（≤）",
)
def cost_direction(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """A cost indicator bounded from below (≥, ＞): costs take an upper limit."""
    for row in scored.rows:
        if row.is_cost and row.indicator.operator in LOWER_BOUNDS:
            yield (
                f"成本{_label(row)}使用 '{row.indicator.operator}'，成本指标应设上限（≤）",
                f"{row.where}.operator",
            )


_PER_UNIT: Final = ("每", "人均", "户均", "单价", "平均", "单位成本")


@check(
    "cost-budget-mismatch",
    SCORED,
    "warning",
    "成本指标与预算不符",
    explanation=(
        "以金额表示的成本指标与项目调整后预算相差超过允许的比例，或单位成本超过整个预算。成本目标应"
        "与预算相互印证，相差太大说明成本指标或预算有一处不实。"
    ),
    example="成本指标「培训成本」的指标值 ≤ 100万元 与调整后预算 120.00 万元相差 16.67%",
    tolerance=Decimal("0.10"),
    per_unit_words=_PER_UNIT,
)
def cost_budget(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """A money cost target far from the adjusted budget; a per-unit cost above the whole budget.

    A cost is per unit when its unit says so ("元/户") or its name does ("每人每年", "人均").
    """
    rules = scored.rubric.quantitative
    budget = scored.execution.adjusted
    budget_unit = scored.case.budget.unit
    tolerance = option(options, "tolerance")
    words: tuple[str, ...] = tuple(options["per_unit_words"])
    for row in scored.rows:
        if not (row.is_cost and budget and row.target.number is not None):
            continue
        money = money_factor(row.indicator.unit, rules)
        if money is None:
            continue
        per_unit = money[1] or any(word in row.indicator.name for word in words)
        target = row.target.number
        in_target_unit = budget * rules.money_units[budget_unit] / money[0]
        money_unit = (row.indicator.unit or "").partition("/")[0]
        shown = f"调整后预算 {fmt(budget)} {budget_unit}"
        if money_unit != budget_unit:
            shown += f"（{fmt_plain(half_up(in_target_unit))} {money_unit}）"
        deviation = abs(target - in_target_unit) / in_target_unit
        if per_unit and target > in_target_unit * (1 + tolerance):
            yield f"成本{_label(row)}的单位成本 {_target(row)} 超过{shown}", f"{row.where}.target"
        elif not per_unit and deviation > tolerance:
            yield (
                f"成本{_label(row)}的指标值 {_target(row)} "
                f"与{shown}相差 {percent(deviation * HUNDRED)}",
                f"{row.where}.target",
            )


@check(
    "overshoot",
    SCORED,
    "info",
    "完成值远超指标值",
    explanation=(
        "完成值远超指标值（超过评分规则规定的倍数），说明年初目标可能设得过低。这不影响得分，但评价"
        "时应关注目标设定是否合理。"
    ),
    example="指标「设备采购数量」完成值 15 为指标值 10 的 150.00%，超过 1.2 倍，目标可能设定偏低",
)
def overshoot(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """An actual far above its target under an operator the rubric lets overshoot (≥, ＞): the
    target may have been set too low."""
    rules = scored.rubric.quantitative
    for row in scored.rows:
        target, actual = row.target.number, row.actual_in_unit
        ratio = over_target(row.operator, actual, target, rules)
        if ratio is not None and actual is not None and target is not None:
            action = "，已按偏离扣分" if rules.overshoot_deduct else ""
            yield (
                f"{_label(row)}完成值 {fmt_plain(actual)} 为指标值 {fmt_plain(target)} 的 "
                f"{percent(ratio * HUNDRED)}，超过 {fmt_plain(rules.overshoot_ratio)} 倍，"
                f"目标可能设定偏低{action}",
                f"{row.where}.actual",
            )


__all__ = [
    "cost_budget",
    "cost_direction",
    "missing_actual",
    "missing_target",
    "overshoot",
    "scale_as_target",
    "text_actual",
    "unit_mismatch",
    "unreadable_actual",
]
