"""``dept-problems-none``: a department's 存在问题 says "无" while the review found problems.

Registered after every other department check, so that it counts all of their findings (the
runner gives each department check the findings raised before it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Final

from perfscore.checks.department import DEPARTMENT
from perfscore.checks.registry import Options, Raised, check
from perfscore.models.results import SEVERITY_RANK, Finding

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department_results import DepartmentEvaluation

#: A 存在问题 text that says there are none: "无。", "我单位无绩效自评存在的问题。", "暂无".
_NONE: Final = re.compile(r"^(?:我|本)?(?:单位|部门)?暂?(?:无|没有|不存在|未发现)(?![法论])")


@check(
    "dept-problems-none",
    DEPARTMENT,
    "warning",
    "存在问题填“无”而复核发现问题",
    explanation=(
        "“存在问题”填写“无”一类的话，但复核发现了部门整体问题（警告及以上）或项目自评的问题。自评应"
        "如实反映问题，写“无”而问题存在，说明自评不够实事求是。只计入已启用的检查项及其配置后的严重"
        "程度。"
    ),
    example=(
        "存在问题填写“我单位无绩效自评存在的问题。”，但复核发现部门整体问题 4 个、7 个项目的自评有"
        "问题"
    ),
)
def problems_none(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """存在问题 says "none" while the review found problems (warnings or errors): the
    department's own (the findings before this one) or its projects'."""
    text = evaluation.case.evaluation.problems
    if not says_none(text):
        return
    own = _serious(evaluation.findings)
    projects = sum(1 for p in evaluation.projects if _serious(p.findings))
    if not own and not projects:
        return
    parts = [f"部门整体问题 {own} 个"] if own else []
    parts += [f"{projects} 个项目的自评有问题"] if projects else []
    yield f"存在问题填写“{text}”，但复核发现{'、'.join(parts)}", "$.evaluation.problems"


def says_none(text: str | None) -> bool:
    """Whether a 存在问题 text says there are no problems."""
    return text is not None and _NONE.match(text.strip()) is not None


def _serious(findings: Sequence[Finding]) -> int:
    return sum(1 for finding in findings if SEVERITY_RANK[finding.severity] > 0)


__all__ = ["problems_none", "says_none"]
