"""Checks across parts of the report: 项目支出 against the project tables, 基本支出 twice.

- ``project-total-mismatch``: the 本年支出 part named 项目支出 against the sum of the
  department's projects' 执行数 (each the sum of its funding rows when they give it), when the
  case says its project list is complete (``projects_complete``);
- ``project-coverage``: otherwise, how much of 项目支出 the attached project tables cover;
- ``basic-total-mismatch``: when the year's spending is all 一般公共预算财政拨款 (its 支出
  equals 本年支出合计), the 本年支出 part named 基本支出 must be the 一般公共预算财政拨款
  基本支出 of section 六.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Final

from perfscore.checks.accounts.common import UNIT
from perfscore.checks.accounts.context import ACCOUNTS, AccountsContext
from perfscore.checks.registry import Options, Raised, check
from perfscore.models.case import Case
from perfscore.models.numbers import HUNDRED, ZERO, fmt, fmt_signed, half_up
from perfscore.scoring.project import budget_column
from perfscore.scoring.values import convert

#: How the spending parts are recognised by name.
PROJECT_SPENDING: Final = "项目支出"
BASIC_SPENDING: Final = "基本支出"


def projects_executed(context: AccountsContext) -> Decimal | None:
    """The projects' 执行数 summed in 万元, or None without projects, when one gives none, or
    when one is in a money unit the project rubric does not know."""
    executed = [_in_wan(project, context) for project in context.projects]
    if not executed or any(value is None for value in executed):
        return None
    return sum((value for value in executed if value is not None), ZERO)


def _in_wan(project: Case, context: AccountsContext) -> Decimal | None:
    """A project's 执行数 (its funding rows' sum when they give it) in 万元."""
    amount = budget_column(project.budget, "executed")
    if amount is None or context.quantitative is None:
        return None
    return convert(amount, project.budget.unit, UNIT, context.quantitative)


@check(
    "project-total-mismatch",
    ACCOUNTS,
    "warning",
    "项目支出与项目执行数合计不符",
    explanation=(
        "案例说明所附项目齐全（projects_complete）时，决算中的项目支出与各项目自评表的预算执行数合计"
        "不符（超过允许误差）。两处数字应出自同一账目，对不上说明有项目遗漏或数字有误。未说明齐全时"
        "只报告覆盖比例（project-coverage）。"
    ),
    example="项目支出 139.44 万元，7 个项目的预算执行数合计 139.43 万元，相差 +0.01 万元",
    tolerance=ZERO,
)
def project_total_mismatch(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """项目支出 against the sum of the projects' 执行数, when the list is complete."""
    total = projects_executed(context)
    if total is None or not context.projects_complete:
        return
    count = len(context.projects)
    for index, part in enumerate(context.accounts.spending.parts):
        if PROJECT_SPENDING in part.name and context.differs(part.amount, total):
            yield (
                f"{part.name} {fmt(part.amount)} {UNIT}，{count} 个项目的预算执行数合计 "
                f"{fmt(total)} {UNIT}，相差 {fmt_signed(part.amount - total)} {UNIT}",
                f"$.accounts.spending.parts[{index}].amount",
            )


@check(
    "project-coverage",
    ACCOUNTS,
    "info",
    "所附项目自评表覆盖的项目支出",
    explanation=(
        "案例未说明所附项目是否齐全时，不逐一核对项目支出，只说明所附项目自评表的执行数合计占决算"
        "项目支出的比例，供评审判断抽取的项目是否有代表性。"
    ),
    example=(
        "所附 7 个项目自评表的执行数合计 139.43 万元，占决算项目支出 139.44 万元的 99.99%（案例未"
        "说明项目齐全，未逐一核对）"
    ),
)
def project_coverage(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """How much of 项目支出 the attached tables cover, when the list is not said complete."""
    total = projects_executed(context)
    if total is None or context.projects_complete:
        return
    for index, part in enumerate(context.accounts.spending.parts):
        if PROJECT_SPENDING in part.name and part.amount:
            share = half_up(total / part.amount * HUNDRED, 2)
            yield (
                f"所附 {len(context.projects)} 个项目自评表的执行数合计 {fmt(total)} {UNIT}，"
                f"占决算{part.name} {fmt(part.amount)} {UNIT}的 {fmt(share)}%"
                f"（案例未说明项目齐全，未逐一核对）",
                f"$.accounts.spending.parts[{index}].amount",
            )


@check(
    "basic-total-mismatch",
    ACCOUNTS,
    "warning",
    "基本支出前后不一致",
    explanation=(
        "本年支出全部为一般公共预算财政拨款时，本年支出中的基本支出应等于一般公共预算财政拨款基本支"
        "出；两处不一致说明其中一处有误。"
    ),
    example=(
        "一般公共预算财政拨款基本支出 868.65 万元，本年支出中基本支出 868.55 万元，相差 +0.10 万元"
        "（本年支出全部为一般公共预算财政拨款支出，两者应相等）"
    ),
    tolerance=ZERO,
)
def basic_total_mismatch(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """本年支出's 基本支出 against 一般公共预算财政拨款基本支出, when the two must agree."""
    accounts = context.accounts
    general, basic, spending = accounts.general, accounts.basic, accounts.spending
    if general is None or basic is None or general.current != spending.total:
        return
    for part in spending.parts:
        if BASIC_SPENDING in part.name and context.differs(basic.total, part.amount):
            yield (
                f"一般公共预算财政拨款基本支出 {fmt(basic.total)} {UNIT}，本年支出中"
                f"{part.name} {fmt(part.amount)} {UNIT}，相差 "
                f"{fmt_signed(basic.total - part.amount)} {UNIT}"
                f"（本年支出全部为一般公共预算财政拨款支出，两者应相等）",
                "$.accounts.basic.total",
            )


__all__ = [
    "BASIC_SPENDING",
    "PROJECT_SPENDING",
    "basic_total_mismatch",
    "project_coverage",
    "project_total_mismatch",
    "projects_executed",
]
