"""Checks on how rows were read: placeholder rows, rows without a weight or a name, operators
the rubric supplied, and actuals that only repeat their target."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, Final

from perfscore.checks.registry import SCORED, Raised, check
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


@check(
    "not-applicable",
    SCORED,
    "info",
    "占位行不适用",
    explanation=(
        "表中有未填指标内容的占位行（如“指标2:”“……”“/”），按不适用处理：列出但不计分、不占权重。提"
        "示复核人这些行没有被当作未完成的指标扣分。"
    ),
    example=(
        "第 6 行「指标2:」、第 7 行「……」为占位行（未填指标内容），按不适用处理，不计分、不占权重"
    ),
)
def not_applicable_rows(scored: Scored, options: Mapping[str, Any]) -> list[Raised]:
    """Placeholder rows ("指标2:", "/", "——"): listed, never scored, never weighted."""
    says = "为占位行（未填指标内容），按不适用处理，不计分、不占权重"
    return _listed(scored, scored.allocation.not_applicable, says, "")


@check(
    "unweighted-row",
    SCORED,
    "info",
    "指标未填权重",
    explanation=(
        "其他指标都填了权重，个别行（常见于“其中：……”的子项）没有填权重，按权重 0 列示、不计分，已"
        "填的权重不变。"
    ),
    example=(
        "第 2 行「★其中：新建渠道」、第 12 行、第 13 行「群众反映问题」未填权重，其他指标已填权重："
        "按权重 0 列示，不计分"
    ),
)
def unweighted_row(scored: Scored, options: Mapping[str, Any]) -> list[Raised]:
    """Rows with no weight among weighted rows ("其中…" sub-rows): the declared weights stand."""
    says = "未填权重，其他指标已填权重：按权重 0 列示，不计分"
    return _listed(scored, scored.allocation.unweighted, says, ".weight")


@check(
    "default-operator",
    SCORED,
    "info",
    "未填指标性质",
    explanation=(
        "定量指标的指标值没有写比较符号（≥、≤、＝ 等），按评分规则的默认符号计分（一般指标按 ≥，成"
        "本指标和指标值为 0 的按 ≤）。提示复核人得分依赖这一默认。"
    ),
    example=(
        "1 个定量指标的指标值未写比较符号，按评分规则的默认符号计分：「运行维护费用」（成本指标）按"
        " ≤"
    ),
)
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


@check(
    "missing-name",
    SCORED,
    "warning",
    "未填指标名称",
    explanation=(
        "计分的指标行没有填写三级指标名称，看不出考核的是什么。该行仍按所填的指标值和完成值计分。"
    ),
    example="第 12 行未填三级指标名称，仍按所填内容计分",
)
def missing_name(scored: Scored, options: Mapping[str, Any]) -> list[Raised]:
    """A scored row whose 三级指标 is blank: nobody can tell what was measured."""
    return [
        (f"第 {row.position + 1} 行未填三级指标名称，仍按所填内容计分", f"{row.where}.name")
        for row in scored.rows
        if not row.indicator.name
    ]


@check(
    "actual-as-target",
    SCORED,
    "warning",
    "完成值照抄指标值",
    explanation=(
        "完成值带有比较符号（如“≥266米”），是照抄的指标值而不是实际完成的数。按评分规则，读取其中的"
        "数字计分或不得分。"
    ),
    example=(
        "指标「受益群众满意度」的完成值 '≥90%' 带比较符号，是照抄的指标值而不是实际完成值（不得分）"
    ),
)
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
    "not_applicable_rows",
    "unweighted_row",
]
