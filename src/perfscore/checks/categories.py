"""The department's whole budget by category (人员类、运转类、特定目标类) checked.

- ``category-rate-mismatch``: each stated 执行率 against 执行数 / (预算数 + 上年结转), at the
  precision it is stated to;
- ``category-balance-mismatch``: each stated 结余 against 预算数 + 上年结转 − 执行数;
- ``category-total-mismatch``: the three categories' 执行数 summed against the 决算's 本年支出合计;
- ``category-project-mismatch``: 特定目标类's 执行数 against the 决算's 项目支出.

They read the one reckoning of the categories (:class:`~perfscore.models.execution.BudgetExecution`)
on the department evaluation; the amount checks take a ``tolerance`` (万元, default 0).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from perfscore.checks.accounts.common import UNIT, plain, rate_problem
from perfscore.checks.accounts.cross import PROJECT_SPENDING
from perfscore.checks.department import DEPARTMENT
from perfscore.checks.registry import Options, Raised, check, option
from perfscore.models.numbers import ZERO, fmt, fmt_signed

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department_results import DepartmentEvaluation
    from perfscore.models.execution import CategoryExecution


def _funds(category: CategoryExecution) -> str:
    from perfscore.scoring.execution import funds_text  # noqa: PLC0415 - departments only

    return funds_text(category)


def _differs(options: Options, stated: Decimal, computed: Decimal) -> bool:
    return abs(stated - computed) > option(options, "tolerance")


def _categories(evaluation: DepartmentEvaluation) -> tuple[CategoryExecution, ...]:
    execution = evaluation.execution
    return () if execution is None else execution.categories


def _rate_problem(category: CategoryExecution, stated: Decimal) -> str | None:
    available, executed = category.available, category.executed
    if available is None or executed is None:
        return None
    return rate_problem(
        f"{category.label}预算执行率",
        executed,
        available,
        stated=stated,
        formula=f"{fmt(executed)} / {_funds(category)}",
        no_base=f"{category.label}预算数为 0，执行率无法计算，但填报了 {plain(stated)}%",
    )


@check(
    "category-rate-mismatch",
    DEPARTMENT,
    "warning",
    "项目类别执行率计算有误",
    explanation=(
        "部门整体绩效分析中人员类、运转类或特定目标类项目填报的预算执行率，与“执行数 ÷（预算数 + "
        "上年结转）”按其填报的小数位四舍五入后不符。"
    ),
    example="运转类预算执行率填报 100%，按 88.43 / 91.43 计算为 97%，相差 +3 个百分点",
)
def category_rate_mismatch(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """Each category's stated 执行率 against 执行数 / funds."""
    for category in _categories(evaluation):
        stated = category.stated_rate
        problem = None if stated is None else _rate_problem(category, stated)
        if problem is not None:
            yield problem, f"{category.where}.rate"


@check(
    "category-balance-mismatch",
    DEPARTMENT,
    "warning",
    "项目类别结余计算有误",
    explanation=(
        "人员类、运转类或特定目标类项目填报的结余，与“预算数 + 上年结转 − 执行数”不符（超过允许误"
        "差）。写“无资金结余”而预算没有用完，也在此列。"
    ),
    example="运转类结余填报 0.00 万元，按 91.43 - 88.43 计算为 3.00 万元，相差 -3.00 万元",
    tolerance=ZERO,
)
def category_balance_mismatch(
    evaluation: DepartmentEvaluation, options: Options
) -> Iterator[Raised]:
    """Each category's stated 结余 against funds − 执行数."""
    for category in _categories(evaluation):
        stated, computed = category.stated_balance, category.balance
        if stated is None or computed is None or not _differs(options, stated, computed):
            continue
        yield (
            f"{category.label}结余填报 {fmt(stated)} {UNIT}，按 {_funds(category)} - "
            f"{fmt(category.executed)} 计算为 {fmt(computed)} {UNIT}，"
            f"相差 {fmt_signed(stated - computed)} {UNIT}",
            f"{category.where}.balance",
        )


@check(
    "category-total-mismatch",
    DEPARTMENT,
    "warning",
    "项目类别执行数合计与决算支出不符",
    explanation=(
        "人员类、运转类、特定目标类三类项目的执行数合计，应等于决算的本年支出合计：三类项目就是部门"
        "的全部预算。三类都填了执行数时才核对。"
    ),
    example=(
        "人员类、运转类、特定目标类执行数合计 1018.09 万元，决算本年支出合计 1008.09 万元，相差 +10"
        ".00 万元"
    ),
    tolerance=ZERO,
)
def category_total_mismatch(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """The three categories' 执行数 summed against 本年支出合计."""
    categories = _categories(evaluation)
    accounts = evaluation.case.accounts
    executed = [category.executed for category in categories]
    if accounts is None or len(categories) < 3 or any(value is None for value in executed):
        return
    total = sum((value for value in executed if value is not None), ZERO)
    spending = accounts.spending.total
    if _differs(options, total, spending):
        names = "、".join(category.label for category in categories)
        yield (
            f"{names}执行数合计 {fmt(total)} {UNIT}，决算本年支出合计 {fmt(spending)} {UNIT}，"
            f"相差 {fmt_signed(total - spending)} {UNIT}",
            "$.budget",
        )


@check(
    "category-project-mismatch",
    DEPARTMENT,
    "warning",
    "特定目标类执行数与决算项目支出不符",
    explanation=(
        "特定目标类项目的执行数应等于决算中的项目支出。四川的分类中，运转类里的“其他运转类”项目也"
        "列项目支出：有这类项目时两者本可不等，可将此项降为提示或关闭。"
    ),
    example="特定目标类执行数 152.44 万元，决算项目支出 149.44 万元，相差 +3.00 万元",
    tolerance=ZERO,
)
def category_project_mismatch(
    evaluation: DepartmentEvaluation, options: Options
) -> Iterator[Raised]:
    """特定目标类's 执行数 against the 决算's 项目支出."""
    targeted = next((c for c in _categories(evaluation) if c.key == "targeted"), None)
    accounts = evaluation.case.accounts
    if targeted is None or targeted.executed is None or accounts is None:
        return
    for part in accounts.spending.parts:
        if PROJECT_SPENDING in part.name and _differs(options, targeted.executed, part.amount):
            yield (
                f"{targeted.label}执行数 {fmt(targeted.executed)} {UNIT}，决算{part.name} "
                f"{fmt(part.amount)} {UNIT}，相差 {fmt_signed(targeted.executed - part.amount)} "
                f"{UNIT}",
                f"{targeted.where}.executed",
            )


__all__ = [
    "category_balance_mismatch",
    "category_project_mismatch",
    "category_rate_mismatch",
    "category_total_mismatch",
]
