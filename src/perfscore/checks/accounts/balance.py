"""``balance-mismatch``: 收入总计 = 支出总计 = 收、支总计.

收入总计 is 本年收入合计 + 年初结转结余; 支出总计 is 本年支出合计 + 年末结转结余. The two
must balance, and each must be the 收、支总计 the text states. Nothing is said when the report
states no 结转结余 (they are unknown, not 0), nor against a 收、支总计 it does not state.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from perfscore.checks.accounts.common import UNIT
from perfscore.checks.accounts.context import ACCOUNTS, AccountsContext
from perfscore.checks.registry import Options, Raised, check
from perfscore.models.numbers import ZERO, fmt, fmt_signed

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Accounts, Carryover


def _sides(
    accounts: Accounts, carryover: Carryover
) -> tuple[tuple[str, Decimal, str], tuple[str, Decimal, str]]:
    """(name, amount, how it is made up) for 收入总计 and 支出总计."""
    income, spending = accounts.income, accounts.spending
    return (
        (
            "收入总计",
            income.total + carryover.opening,
            f"本年收入合计 {fmt(income.total)} + 年初结转结余 {fmt(carryover.opening)}",
        ),
        (
            "支出总计",
            spending.total + carryover.closing,
            f"本年支出合计 {fmt(spending.total)} + 年末结转结余 {fmt(carryover.closing)}",
        ),
    )


@check(
    "balance-mismatch",
    ACCOUNTS,
    "error",
    "收支总计不平衡",
    explanation=(
        "收入总计加年初结转结余与支出总计加年末结转结余不相等，或与填报的收、支总计不符。决算收支必"
        "须平衡。"
    ),
    example=(
        "收、支总计填报 1008.09 万元，支出总计为 1013.09 万元（本年支出合计 1008.09 + 年末结转结余 "
        "5.00），相差 -5.00 万元"
    ),
    tolerance=ZERO,
)
def balance_mismatch(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """收入总计 against 支出总计, and each against the stated 收、支总计."""
    carryover = context.accounts.carryover
    if carryover is None:
        return
    income, spending = _sides(context.accounts, carryover)
    if context.differs(income[1], spending[1]):
        yield (
            f"{income[0]} {fmt(income[1])} {UNIT}（{income[2]}）与"
            f"{spending[0]} {fmt(spending[1])} {UNIT}（{spending[2]}）不平衡，"
            f"相差 {fmt_signed(income[1] - spending[1])} {UNIT}",
            "$.accounts.carryover",
        )
    totals = context.accounts.totals
    if totals is None:
        return
    stated = totals.current
    for name, amount, made_of in (income, spending):
        if context.differs(stated, amount):
            yield (
                f"收、支总计填报 {fmt(stated)} {UNIT}，{name}为 {fmt(amount)} {UNIT}"
                f"（{made_of}），相差 {fmt_signed(stated - amount)} {UNIT}",
                "$.accounts.totals.current",
            )


__all__ = ["balance_mismatch"]
