"""``yoy-mismatch`` and ``completion-mismatch``: stated changes, growth and completion rates.

增减额 = 本年 - 上年; 增长率 = 增减额 / 上年 × 100; 完成预算 = 决算数 / 预算数 × 100, each
rate compared at the precision it is stated to. Nothing is said when 上年 or 预算数 is missing;
a rate over a zero base cannot be computed and is reported unless it is 0% of 0.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from perfscore.checks.accounts.common import (
    UNIT,
    amount_of,
    function_label,
    plain,
    rate_problem,
    walk,
)
from perfscore.checks.accounts.context import ACCOUNTS, AccountsContext
from perfscore.checks.registry import Options, Raised, check
from perfscore.models.numbers import ZERO, fmt, fmt_signed

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Accounts


@dataclass(frozen=True, slots=True)
class Yearly:
    """A figure against last year's, with the change and growth the text states."""

    label: str
    where: str
    current: Decimal
    previous: Decimal | None
    change: Decimal | None
    growth: Decimal | None


@dataclass(frozen=True, slots=True)
class Completion:
    """A figure against its budget, with the completion rate the text states."""

    label: str
    where: str
    actual: Decimal | None
    budget: Decimal | None
    stated: Decimal | None


_COMPARED: Final = {
    "totals": "收、支总计",
    "fiscal": "财政拨款收、支总计",
    "general": "一般公共预算财政拨款支出",
    "operating": "机关运行经费",
}


def yearlies(accounts: Accounts) -> Iterator[Yearly]:
    """Every figure with a previous year's counterpart, in the order of the case."""
    for key, label in _COMPARED.items():
        c = getattr(accounts, key)
        if c is not None:
            yield Yearly(label, f"$.accounts.{key}", c.current, c.previous, c.change, c.growth)
    three = accounts.three_public
    if three is not None:
        where = "$.accounts.three_public"
        yield Yearly("“三公”经费", where, three.actual, three.previous, three.change, three.growth)
        for index, p in enumerate(three.parts):
            path = f"{where}.parts[{index}]"
            yield Yearly(p.name, path, p.actual, p.previous, p.change, p.growth)


def _growth(row: Yearly, previous: Decimal, growth: Decimal) -> str | None:
    """What is wrong with the stated growth, if anything (0% of 0 to 0 is right)."""
    return rate_problem(
        f"{row.label}增长率",
        row.current - previous,
        previous,
        stated=growth,
        formula=f"({fmt(row.current)} - {fmt(previous)}) / {fmt(previous)}",
        no_base=f"{row.label}上年数为 0，增长率无法计算，但填报了 {plain(growth)}%",
    )


@check(
    "yoy-mismatch",
    ACCOUNTS,
    "warning",
    "同比增减计算有误",
    explanation=(
        "填报的同比增减额或增长率与本年数、上年数计算的结果不符。增减变化是决算说明解释的重点，算错"
        "会让说明的原因无从对应。"
    ),
    example=(
        "公务用车购置及运行维护费增减额填报 1.17 万元，按 11.77 - 10.06 计算为 1.71 万元，相差 -0.5"
        "4 万元"
    ),
    tolerance=ZERO,
)
def yoy_mismatch(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """Each stated 增减额 and 增长率 against this year's and last year's figures."""
    for row in yearlies(context.accounts):
        previous = row.previous
        if previous is None:
            continue
        computed = row.current - previous
        if row.change is not None and context.differs(row.change, computed):
            yield (
                f"{row.label}增减额填报 {fmt(row.change)} {UNIT}，"
                f"按 {fmt(row.current)} - {fmt(previous)} 计算为 {fmt(computed)} {UNIT}，"
                f"相差 {fmt_signed(row.change - computed)} {UNIT}",
                f"{row.where}.change",
            )
        problem = None if row.growth is None else _growth(row, previous, row.growth)
        if problem is not None:
            yield problem, f"{row.where}.growth"


def completions(accounts: Accounts) -> Iterator[Completion]:
    """Every stated completion rate, in the order of the case."""
    fiscal = accounts.fiscal
    if fiscal is not None:
        label = "财政拨款支出"
        yield Completion(
            label, "$.accounts.fiscal", fiscal.current, fiscal.budget, fiscal.completion
        )
    general = accounts.general
    if general is not None:
        where = "$.accounts.general"
        label = "一般公共预算财政拨款支出"
        yield Completion(label, where, general.current, general.budget, general.completion)
        for f, path in walk(general.functions, f"{where}.functions"):
            yield Completion(function_label(f), path, amount_of(f), f.budget, f.completion)
    three = accounts.three_public
    if three is not None:
        where = "$.accounts.three_public"
        yield Completion("“三公”经费", where, three.actual, three.budget, three.completion)
        for index, p in enumerate(three.parts):
            path = f"{where}.parts[{index}]"
            yield Completion(p.name, path, p.actual, p.budget, p.completion)


def _completion(row: Completion) -> str | None:
    """What is wrong with a stated completion rate, if anything."""
    if row.stated is None or row.budget is None or row.actual is None:
        return None
    return rate_problem(
        f"{row.label}完成预算",
        row.actual,
        row.budget,
        stated=row.stated,
        formula=f"{fmt(row.actual)} / {fmt(row.budget)}",
        no_base=f"{row.label}预算数为 0，完成率无法计算，但填报了完成预算 {plain(row.stated)}%",
    )


@check(
    "completion-mismatch",
    ACCOUNTS,
    "warning",
    "预算完成率计算有误",
    explanation=(
        "填报的预算完成率与“决算数 ÷ 预算数”按其填报的小数位四舍五入后不符，或预算数为 0 时仍填报了"
        "完成率。"
    ),
    example="“三公”经费完成预算填报 79.85%，按 17.37 / 22.00 计算为 78.95%，相差 +0.90 个百分点",
)
def completion_mismatch(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """Each stated 完成预算 rate against 决算数 / 预算数."""
    for row in completions(context.accounts):
        problem = _completion(row)
        if problem is not None:
            yield problem, f"{row.where}.completion"


__all__ = [
    "Completion",
    "Yearly",
    "completion_mismatch",
    "completions",
    "yearlies",
    "yoy_mismatch",
]
