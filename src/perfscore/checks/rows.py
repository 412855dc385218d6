"""Checks on how rows were read: placeholder rows, rows without a weight or a name, operators
the rubric supplied, and actuals that only repeat their target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from perfscore.checks.registry import Raised, check
from perfscore.models.results import IndicatorResult, Scored

#: Rows a finding names one by one; more are counted.
_NAMED: Final = 10
#: Examples a finding gives of rows read alike.
_EXAMPLES: Final = 3


def _names(scored: Scored, positions: tuple[int, ...]) -> str:
    """``第 5 行「其中：…」、第 6 行`` for the rows at ``positions`` (1-based, as a form counts)."""
    parts = []
    for position in positions[:_NAMED]:
        name = scored.case.indicators[position].name
        parts.append(f"第 {position + 1} 行" + (f"「{name}」" if name else ""))
    more = f"等 {len(positions)} 行" if len(positions) > _NAMED else ""
    return "、".join(parts) + more


def _listed(scored: Scored, positions: tuple[int, ...], says: str, field: str) -> list[Raised]:
    """One finding naming the rows at ``positions``, placed at the first of them."""
    if not positions:
        return []
    return [(f"{_names(scored, positions)}{says}", f"$.indicators[{positions[0]}]{field}")]


@check("not-applicable", "info", "占位行不适用")
def not_applicable(scored: Scored, options: Mapping[str, Any]) -> list[Raised]:
    """Placeholder rows ("指标2:", "/", "——"): listed, never scored, never weighted."""
    says = "为占位行（未填指标内容），按不适用处理，不计分、不占权重"
    return _listed(scored, scored.allocation.not_applicable, says, "")


@check("unweighted-row", "info", "指标未填权重")
def unweighted_row(scored: Scored, options: Mapping[str, Any]) -> list[Raised]:
    """Rows with no weight among weighted rows ("其中…" sub-rows): the declared weights stand."""
    says = "未填权重，其他指标已填权重：按权重 0 列示，不计分"
    return _listed(scored, scored.allocation.unweighted, says, ".weight")


@check("default-operator", "info", "未填指标性质")
def default_operator(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """Quantitative targets written with no operator ("100%", "29.5亩"): the rubric's default."""
    rows = [
        row
        for row in scored.rows
        if row.operator and row.indicator.operator is None and row.target.number is not None
    ]
    if not rows:
        return
    by_operator: dict[str, list[IndicatorResult]] = {}
    for row in rows:
        by_operator.setdefault(row.operator or "", []).append(row)
    parts = "；".join(
        "、".join(_reason(row) for row in group[:_EXAMPLES])
        + (f"等 {len(group)} 项" if len(group) > _EXAMPLES else "")
        + f"按 {operator}"
        for operator, group in by_operator.items()
    )
    yield (
        f"{len(rows)} 个定量指标的指标值未写比较符号，按评分规则的默认符号计分：{parts}",
        f"{rows[0].where}.target",
    )


def _reason(row: IndicatorResult) -> str:
    kind = "指标值为 0" if row.target.number == 0 else "成本指标" if row.is_cost else ""
    return f"「{row.indicator.name}」" + (f"（{kind}）" if kind else "")


@check("missing-name", "warning", "未填指标名称")
def missing_name(scored: Scored, options: Mapping[str, Any]) -> list[Raised]:
    """A scored row whose 三级指标 is blank: nobody can tell what was measured."""
    return [
        (f"第 {row.position + 1} 行未填三级指标名称，仍按所填内容计分", f"{row.where}.name")
        for row in scored.rows
        if not row.indicator.name
    ]


@check("actual-as-target", "warning", "完成值照抄指标值")
def actual_as_target(scored: Scored, options: Mapping[str, Any]) -> list[Raised]:
    """An actual written with an operator ("≥266米"): it repeats the target, it measures nothing."""
    copied = [row for row in scored.rows if row.actual.operator and row.operator]
    if not copied:
        return []
    how = (
        "不得分"
        if scored.rubric.quantitative.actual_with_operator == "zero"
        else "按其中的数字计分"
    )
    return [
        (
            f"指标「{row.indicator.name}」的完成值 '{row.actual.text}' 带比较符号，"
            f"是照抄的指标值而不是实际完成值（{how}）",
            f"{row.where}.actual",
        )
        for row in copied
    ]


__all__ = [
    "actual_as_target",
    "default_operator",
    "missing_name",
    "not_applicable",
    "unweighted_row",
]
