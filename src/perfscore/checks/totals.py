"""Checks on the scores and weights as a whole: claimed totals, row scores, weights, levels."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from perfscore.checks.registry import SCORED, Raised, check, option, severity_option
from perfscore.models.numbers import HUNDRED, ZERO, fmt, fmt_plain, fmt_signed, half_up, percent
from perfscore.models.results import Scored


def _name(scored: Scored, index: int) -> str:
    return f"指标「{scored.case.indicators[index].name}」"


@check(
    "claimed-score-mismatch",
    SCORED,
    "error",
    "自评总分与重算不符",
    explanation=(
        "自评总分与按评分规则复核的总分不符，或与表内各行填报得分之和不符。这是复核最关心的结论：自"
        "评得分是否站得住。"
    ),
    example="自评得分 100.00 分与各行填报得分之和 105.00 分不一致",
    tolerance=Decimal(0),
)
def claimed_score(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """The claimed total against the recomputed one, and against the sum of its own rows."""
    claimed = scored.case.claimed_score
    if claimed is None:
        return
    if abs(claimed - scored.score) > option(options, "tolerance"):
        yield (
            f"自评得分 {fmt(claimed)} 分，按评分规则复核为 {fmt(scored.score)} 分，"
            f"相差 {fmt_signed(claimed - scored.score)} 分{_budget_unscored(scored)}",
            "$.claimed_score",
        )
    rows = [scored.case.budget.score, *(row.indicator.score for row in scored.rows)]
    if all(row is not None for row in rows):
        parts = sum((row for row in rows if row is not None), ZERO)
        if parts != claimed:
            yield (
                f"自评得分 {fmt(claimed)} 分与各行填报得分之和 {fmt(parts)} 分不一致",
                "$.claimed_score",
            )


def _budget_unscored(scored: Scored) -> str:
    """Why a form that gives the budget no points cannot reach its claimed total: its budget row
    weighs 0, or has no weight or score while the indicators' weights make up full marks."""
    budget = scored.case.budget
    if budget.weight is not None:
        if budget.weight:
            return ""
    elif budget.score is not None:
        return ""
    else:
        given = [row.indicator.weight for row in scored.rows]
        if any(weight is None for weight in given):
            return ""
        if sum((w for w in given if w is not None), ZERO) != scored.rubric.full_marks:
            return ""
    execution = scored.execution
    return (
        f"（表中预算执行未设分值，评分规则仍按执行率计{fmt_plain(execution.weight)}分："
        f"执行率 {percent(execution.rate)}，得 {fmt(execution.score)} 分）"
    )


@check(
    "row-score-mismatch",
    SCORED,
    "warning",
    "分项得分与重算不符",
    explanation=(
        "某一行（预算执行或某个指标）填报的得分与复核得分不符。逐行列出，便于找出总分差在哪里。"
    ),
    example="预算执行得分填报 8.50 分，复核为 17.00 分，相差 -8.50 分",
    tolerance=Decimal(0),
)
def row_scores(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """Each claimed row score (budget and indicators) against its recomputed score.

    Where the row's own weight differs from the one it was scored under (weights scaled to 90),
    the claim is compared as a share of its own weight: 10 of 10 claimed is 9 of 9 recomputed.
    """
    tolerance = option(options, "tolerance")
    claimed = scored.case.budget.score
    computed = scored.execution.score
    if claimed is not None and abs(claimed - computed) > tolerance:
        yield (
            f"预算执行得分填报 {fmt(claimed)} 分，复核为 {fmt(computed)} 分"
            f"，相差 {fmt_signed(claimed - computed)} 分",
            "$.budget.score",
        )
    for row in scored.rows:
        stated = row.indicator.score
        if stated is None:
            continue
        own = row.indicator.weight
        if own is None or own == row.weight:
            expected, shown = row.score, f"复核为 {fmt(row.score)} 分"
        else:
            expected = half_up(own * row.factor, scored.rubric.rounding)
            shown = (
                f"复核得分率 {percent(row.factor * HUNDRED)}"
                f"（按其权重 {fmt_plain(own)} 分应得 {fmt(expected)} 分）"
            )
        if abs(stated - expected) > tolerance:
            yield (
                f"{_name(scored, row.position)}得分填报 {fmt(stated)} 分，{shown}，"
                f"相差 {fmt_signed(stated - expected)} 分",
                f"{row.where}.score",
            )


@check(
    "weights-mismatch",
    SCORED,
    "warning",
    "权重不符",
    explanation=(
        "填报的权重与评分规则不符：预算执行率权重、一级指标标注的分值或各行权重之和与规则规定的不同"
        "。得分按评分规则的权重复核。"
    ),
    example="预算执行率权重填报 10，评分规则为 20",
)
def weights(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """Given weights that do not add up to the indicator total, to their level, or to the rubric."""
    allocation = scored.allocation
    rubric = scored.rubric
    total = rubric.indicator_total
    given = sum((row.weight or ZERO for row in scored.case.indicators), ZERO)
    if allocation.mode == "given-scaled":
        yield (
            f"各指标权重合计 {fmt_plain(given)}，应为 {fmt_plain(total)}；已按比例折算",
            "$.indicators",
        )
    elif allocation.mode == "given-as-is":
        yield (
            f"各指标权重合计 {fmt_plain(given)}，应为 {fmt_plain(total)}；按填报权重计分",
            "$.indicators",
        )
    elif allocation.mode == "partial":
        yield "部分指标填了权重、部分未填，已按评分规则的默认权重计分", "$.indicators"
    yield from _stated_levels(scored)
    claimed = scored.case.budget.weight
    if claimed is not None and claimed != rubric.execution.weight:
        yield (
            f"预算执行率权重填报 {fmt_plain(claimed)}，"
            f"评分规则为 {fmt_plain(rubric.execution.weight)}",
            "$.budget.weight",
        )
    if len(allocation.weights) > 1 and max(allocation.weights) >= total:
        yield f"单个指标承担了全部 {fmt_plain(total)} 分", "$.indicators"


def _stated_levels(scored: Scored) -> Iterator[Raised]:
    """Points written in a 一级 cell ("产出指标（50分）") that the weights do not give it.

    Against the weights as the form gave them: when those are scaled, the level is too.
    """
    allocation = scored.allocation
    given = allocation.mode in ("given", "given-scaled", "given-as-is")
    for key, stated in allocation.stated_levels.items():
        if given:
            used = sum((r.indicator.weight or ZERO for r in scored.rows if r.level == key), ZERO)
        else:
            used = allocation.level_weights.get(key, ZERO)
        if stated != used:
            name = scored.rubric.levels[key].name
            yield (
                f"一级指标「{name}」标注 {fmt_plain(stated)} 分，实际按 {fmt_plain(used)} 分计",
                "$.indicators",
            )


@check(
    "missing-level",
    SCORED,
    "error",
    "缺少一级指标",
    explanation=(
        "表中缺少评分规则要求的一级指标（如效益指标、满意度指标）。必备的一级指标缺失是错误；评分规"
        "则标为可选的一级指标缺失按选项 optional_severity 报告。其分值按规则分配给其他一级指标或不"
        "计入。"
    ),
    example="缺少一级指标「效益指标」，其 30 分已按比例分配（产出指标 90）",
    optional_severity="info",
)
def missing_level(scored: Scored, options: Mapping[str, Any]) -> Iterator[Raised]:
    """A first-level indicator the table lacks; where its weight went."""
    allocation = scored.allocation
    rubric = scored.rubric
    present = "、".join(
        f"{rubric.levels[k].name} {fmt_plain(w)}" for k, w in allocation.level_weights.items()
    )
    moved = (
        rubric.weights.missing_level == "pro-rata"
        and allocation.mode in ("rubric", "stated")
        and bool(allocation.level_weights)
    )
    for key in allocation.missing:
        level = rubric.levels[key]
        where = f"其 {fmt_plain(level.weight)} 分" + (
            f"已按比例分配（{present}）" if moved else "不计入"
        )
        message = f"缺少一级指标「{level.name}」，{where}"
        if level.required:  # at the check's own severity ([checks.missing-level] severity)
            yield message, "$.indicators"
        else:
            yield message, "$.indicators", severity_option(options, "optional_severity")


__all__ = ["claimed_score", "missing_level", "row_scores", "weights"]
