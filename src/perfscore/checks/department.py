"""The department checks: claimed scores against the recomputed ones, missing data, 存在问题 "无".

Each finding code is registered in the one check registry, reading a department evaluation
(:data:`DEPARTMENT`); a department rubric configures them under ``[checks.CODE]``. The where of a
finding is a JSON path in the department case. :func:`run_department_checks` runs the final
accounts checks and then these, in registry order: each reads the evaluation with the findings
raised before it (``dept-problems-none``, registered last, counts them all). The checks of the
budget by category (:mod:`.categories`) and of the projects' printed summaries
(:mod:`.summaries`) read the department evaluation too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from perfscore.checks.accounts import account_findings
from perfscore.checks.registry import (
    Options,
    Raised,
    Subject,
    by_severity,
    check,
    enabled_checks,
    raised_by,
)
from perfscore.models.numbers import ZERO, fmt, fmt_signed
from perfscore.models.results import Finding

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department_results import DepartmentEvaluation, ItemResult

#: Department checks read a department evaluation; department rubrics configure them.
DEPARTMENT: Final[Subject[DepartmentEvaluation]] = Subject("department evaluation", "department")
#: Counts in ``evaluation.facts`` that cannot exceed the number of projects.
_COUNTS: Final = {
    "with_targets": "编制绩效目标的项目数",
    "assessed": "开展事前绩效评估的项目数",
    "monitored": "开展绩效监控的项目数",
    "evaluated": "开展绩效自评的项目数",
}


def run_department_checks(evaluation: DepartmentEvaluation) -> tuple[Finding, ...]:
    """The findings of every check the department rubric enables, errors first: the final
    accounts checks' (in the order of the case), then the department checks' (registry order)."""
    plan = enabled_checks(evaluation.rubric)
    cases = [project.case for project in evaluation.projects]
    quantitative = evaluation.project_rubric.quantitative
    found = list(account_findings(evaluation.case, cases, plan, quantitative))
    for active in plan:
        if active.reads is DEPARTMENT:
            seen = replace(evaluation, findings=tuple(found))
            found += raised_by([active], DEPARTMENT, seen)
    return by_severity(found)


@check(
    "dept-claimed-mismatch",
    DEPARTMENT,
    "error",
    "自评总分与重算不符",
    explanation="部门整体自评总分与按部门评分规则复核的总分不符。这是部门整体评价复核的结论。",
    example="自评得分 97.00 分，按评分规则复核为 99.97 分，相差 -2.97 分",
)
def claimed_total(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """The claimed total against the recomputed one."""
    claimed = evaluation.claimed_score
    if claimed is not None and claimed != evaluation.score:
        message = (
            f"自评得分 {fmt(claimed)} 分，按评分规则复核为 {fmt(evaluation.score)} 分，"
            f"相差 {fmt_signed(claimed - evaluation.score)} 分"
        )
        yield message, "$.evaluation.claimed_score"


def _parts_claimed(items: Sequence[ItemResult]) -> tuple[Decimal, str] | None:
    """The claimed scores of ``items`` summed and written out, if every one is claimed."""
    claims = [item.claimed for item in items]
    if not items or any(claim is None for claim in claims):
        return None
    total = sum((claim for claim in claims if claim is not None), ZERO)
    return total, " + ".join(f"{item.name} {fmt(item.claimed)}" for item in items)


@check(
    "dept-claimed-sum",
    DEPARTMENT,
    "error",
    "自评总分与各项得分之和不符",
    explanation=(
        "自评总分（或某一评分项的填报得分）与其下级各项填报得分之和不符，说明填报的得分本身前后矛盾"
        "。"
    ),
    example=(
        "自评得分 95.00 分与下级各项填报得分之和不符：部门预算项目绩效管理 67.00 + 绩效结果应用 20."
        "00 + 自评质量 10.00 = 97.00"
    ),
)
def claimed_sums(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """Each claimed total (the department's, a group's) against its parts' claims summed."""
    groups: list[tuple[str, Decimal | None, Sequence[ItemResult], str]] = [
        ("自评得分", evaluation.claimed_score, evaluation.items, "$.evaluation.claimed_score")
    ]
    groups += [
        (f"'{item.name}' 填报得分", item.claimed, item.items, _score_path(item.name))
        for item in evaluation.walk()
        if item.items
    ]
    for label, claimed, items, where in groups:
        parts = _parts_claimed(items)
        if claimed is not None and parts is not None and parts[0] != claimed:
            message = (
                f"{label} {fmt(claimed)} 分与下级各项填报得分之和不符：{parts[1]} = {fmt(parts[0])}"
            )
            yield message, where


def _score_path(name: str) -> str:
    return f"$.evaluation.scores.{name}"


@check(
    "dept-item-mismatch",
    DEPARTMENT,
    "warning",
    "评分项得分与重算不符",
    explanation="某一评分项填报的得分与复核得分不符。逐项列出，便于找出总分差在哪里。",
    example="'部门预算项目绩效管理' 填报 67.00 分，复核为 69.97 分，相差 -2.97 分",
)
def item_mismatches(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """Each item's claimed score against its recomputed one."""
    for item in evaluation.walk():
        if item.claimed is not None and item.claimed != item.score:
            message = (
                f"'{item.name}' 填报 {fmt(item.claimed)} 分，复核为 {fmt(item.score)} 分，"
                f"相差 {fmt_signed(item.claimed - item.score)} 分"
            )
            yield message, _score_path(item.name)


def _missing(evaluation: DepartmentEvaluation, computes: bool) -> Iterator[ItemResult]:
    """The leaves scored without their data, whose methods compute (or judge: ``computes``)."""
    from perfscore.scoring.department_methods import METHODS  # noqa: PLC0415 - departments only

    for item in evaluation.leaves():
        method = item.method
        if item.missing is not None and method is not None and METHODS[method].computes == computes:
            yield item


@check(
    "dept-missing-data",
    DEPARTMENT,
    "warning",
    "评分项缺少计算所需数据",
    explanation=(
        "可以计算的评分项缺少计算所需的数据（如项目总数、预算数），无法计算：填报了得分的采用填报得"
        "分（未经计算），否则得 0 分。"
    ),
    example="'绩效监控' 无法计算：未填项目总数；得 0 分",
)
def missing_data(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """A computable item whose data is missing: the claimed score is taken, or 0."""
    for item in _missing(evaluation, computes=True):
        if item.missing is not None:
            used = "采用填报得分，未经计算" if item.claimed is not None else "得 0 分"
            yield f"'{item.name}' 无法计算：{item.missing.reason}；{used}", item.missing.where


@check(
    "dept-missing-score",
    DEPARTMENT,
    "warning",
    "判断项未填报得分",
    explanation="判断项（由评价人打分、无法计算的评分项）在案例中没有填报得分，按 0 分计。",
    example="'合理性' 是判断项，案例未填报得分，得 0 分",
)
def missing_score(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """A judged item the case gives no score for: it scores 0."""
    for item in _missing(evaluation, computes=False):
        if item.missing is not None:
            yield f"'{item.name}' 是判断项，案例未填报得分，得 0 分", item.missing.where


@check(
    "dept-facts-exceed",
    DEPARTMENT,
    "warning",
    "项目个数超过项目总数",
    explanation=(
        "编制绩效目标、开展事前评估、绩效监控或绩效自评的项目个数超过了项目总数，数字不可能成立，相关评分项的"
        "覆盖率因此失真。"
    ),
    example="编制绩效目标的项目数 12 个，超过项目总数 10 个",
)
def facts_exceed(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """A count of projects (with targets, assessed, monitored) above the number of projects."""
    facts = evaluation.case.evaluation.facts
    if facts.projects is None:
        return
    for key, label in _COUNTS.items():
        count: int | None = getattr(facts, key)
        if count is not None and count > facts.projects:
            message = f"{label} {count} 个，超过项目总数 {facts.projects} 个"
            yield message, f"$.evaluation.facts.{key}"


@check(
    "dept-unknown-item",
    DEPARTMENT,
    "info",
    "填报得分的评分项不在评分规则中",
    explanation=(
        "案例填报了得分的评分项名称不在所用的部门评分规则中，这些得分没有被使用。多为评分规则选错或"
        "名称写法不同。"
    ),
    example=(
        "以下填报得分的评分项不在评分规则 dazhou-department 中，未使用：部门预算项目绩效管理、绩效"
        "结果应用、自评质量"
    ),
)
def unknown_items(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """Scores the case gives for items the rubric does not have: unused."""
    known = {item.name for item in evaluation.walk()}
    unknown = [name for name in evaluation.case.evaluation.scores if name not in known]
    if unknown:
        message = (
            f"以下填报得分的评分项不在评分规则 {evaluation.rubric.name} 中，未使用："
            + "、".join(unknown)
        )
        yield message, "$.evaluation.scores"


__all__ = [
    "DEPARTMENT",
    "claimed_sums",
    "claimed_total",
    "facts_exceed",
    "item_mismatches",
    "missing_data",
    "missing_score",
    "run_department_checks",
    "unknown_items",
]
