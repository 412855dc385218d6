"""The department checks: claimed scores against the recomputed ones, missing data, 存在问题 "无".

Each finding code has a fixed severity and a short title (:data:`DEPARTMENT_FINDINGS`); the
where of a finding is a JSON path in the department case.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Final

from perfscore.models.department_results import DepartmentEvaluation, ItemResult
from perfscore.models.numbers import ZERO, fmt, fmt_signed
from perfscore.models.results import Finding
from perfscore.rubrics.model import Severity
from perfscore.scoring.department_methods import METHODS

#: Code -> (severity, title in a few words).
DEPARTMENT_FINDINGS: Final[dict[str, tuple[Severity, str]]] = {
    "dept-claimed-mismatch": ("error", "自评总分与重算不符"),
    "dept-claimed-sum": ("error", "自评总分与各项得分之和不符"),
    "dept-item-mismatch": ("warning", "评分项得分与重算不符"),
    "dept-missing-data": ("warning", "评分项缺少计算所需数据"),
    "dept-missing-score": ("warning", "判断项未填报得分"),
    "dept-facts-exceed": ("warning", "项目个数超过项目总数"),
    "dept-problems-none": ("warning", "存在问题填“无”而复核发现问题"),
    "dept-unknown-item": ("info", "填报得分的评分项不在评分规则中"),
}
#: A 存在问题 text that says there are none: "无。", "我单位无绩效自评存在的问题。", "暂无".
_NONE: Final = re.compile(r"^(?:我|本)?(?:单位|部门)?暂?(?:无|没有|不存在|未发现)(?![法论])")
#: Counts in ``evaluation.facts`` that cannot exceed the number of projects.
_COUNTS: Final = {
    "with_targets": "编制绩效目标的项目数",
    "assessed": "开展事前绩效评估的项目数",
    "monitored": "开展绩效监控的项目数",
}
_SERIOUS: Final = ("warning", "error")


def _finding(code: str, message: str, where: str) -> Finding:
    return Finding(code, DEPARTMENT_FINDINGS[code][0], message, where)


def department_findings(
    evaluation: DepartmentEvaluation, accounts: Sequence[Finding] = ()
) -> tuple[Finding, ...]:
    """The department findings; ``accounts`` (the accounts findings) count for 存在问题 "无"."""
    found = [
        *_claimed_total(evaluation),
        *_claimed_sums(evaluation),
        *_item_mismatches(evaluation),
        *_missing(evaluation),
        *_facts(evaluation),
        *_unknown(evaluation),
    ]
    found += _problems_none(evaluation, [*accounts, *found])
    return tuple(found)


def _claimed_total(evaluation: DepartmentEvaluation) -> Iterator[Finding]:
    claimed = evaluation.claimed_score
    if claimed is not None and claimed != evaluation.score:
        message = (
            f"自评得分 {fmt(claimed)} 分，按评分规则复核为 {fmt(evaluation.score)} 分，"
            f"相差 {fmt_signed(claimed - evaluation.score)} 分"
        )
        yield _finding("dept-claimed-mismatch", message, "$.evaluation.claimed_score")


def _parts_claimed(items: Sequence[ItemResult]) -> tuple[Decimal, str] | None:
    """The claimed scores of ``items`` summed and written out, if every one is claimed."""
    claims = [item.claimed for item in items]
    if not items or any(claim is None for claim in claims):
        return None
    total = sum((claim for claim in claims if claim is not None), ZERO)
    return total, " + ".join(f"{item.name} {fmt(item.claimed)}" for item in items)


def _claimed_sums(evaluation: DepartmentEvaluation) -> Iterator[Finding]:
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
            yield _finding("dept-claimed-sum", message, where)


def _score_path(name: str) -> str:
    return f"$.evaluation.scores.{name}"


def _item_mismatches(evaluation: DepartmentEvaluation) -> Iterator[Finding]:
    for item in evaluation.walk():
        if item.claimed is not None and item.claimed != item.score:
            message = (
                f"'{item.name}' 填报 {fmt(item.claimed)} 分，复核为 {fmt(item.score)} 分，"
                f"相差 {fmt_signed(item.claimed - item.score)} 分"
            )
            yield _finding("dept-item-mismatch", message, _score_path(item.name))


def _missing(evaluation: DepartmentEvaluation) -> Iterator[Finding]:
    for item in evaluation.leaves():
        missing = item.missing
        if missing is None or item.method is None:
            continue
        if not METHODS[item.method].computes:
            message = f"'{item.name}' 是判断项，案例未填报得分，得 0 分"
            yield _finding("dept-missing-score", message, missing.where)
            continue
        used = "采用填报得分，未经计算" if item.claimed is not None else "得 0 分"
        message = f"'{item.name}' 无法计算：{missing.reason}；{used}"
        yield _finding("dept-missing-data", message, missing.where)


def _facts(evaluation: DepartmentEvaluation) -> Iterator[Finding]:
    facts = evaluation.case.evaluation.facts
    if facts.projects is None:
        return
    for key, label in _COUNTS.items():
        count: int | None = getattr(facts, key)
        if count is not None and count > facts.projects:
            message = f"{label} {count} 个，超过项目总数 {facts.projects} 个"
            yield _finding("dept-facts-exceed", message, f"$.evaluation.facts.{key}")


def _unknown(evaluation: DepartmentEvaluation) -> Iterator[Finding]:
    known = {item.name for item in evaluation.walk()}
    unknown = [name for name in evaluation.case.evaluation.scores if name not in known]
    if unknown:
        message = (
            f"以下填报得分的评分项不在评分规则 {evaluation.rubric.name} 中，未使用："
            + "、".join(unknown)
        )
        yield _finding("dept-unknown-item", message, "$.evaluation.scores")


def says_none(text: str | None) -> bool:
    """Whether a 存在问题 text says there are no problems."""
    return text is not None and _NONE.match(text.strip()) is not None


def _serious(findings: Sequence[Finding]) -> int:
    return sum(1 for finding in findings if finding.severity in _SERIOUS)


def _problems_none(evaluation: DepartmentEvaluation, found: Sequence[Finding]) -> list[Finding]:
    text = evaluation.case.evaluation.problems
    if not says_none(text):
        return []
    own = _serious(found)
    projects = sum(1 for p in evaluation.projects if _serious(p.findings))
    if not own and not projects:
        return []
    parts = [f"部门整体问题 {own} 个"] if own else []
    parts += [f"{projects} 个项目的自评有问题"] if projects else []
    message = f"存在问题填写“{text}”，但复核发现{'、'.join(parts)}"
    return [_finding("dept-problems-none", message, "$.evaluation.problems")]


__all__ = ["DEPARTMENT_FINDINGS", "department_findings", "says_none"]
