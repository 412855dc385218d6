"""``share-mismatch`` and ``share-adjusted``: stated shares (占比) against amount / total.

A share is compared at the precision it is stated to (``17.0%`` at one decimal, ``100%`` at
none). A group of shares (the parts of 本年收入, of 本年支出, the 功能分类 类, the three
“三公”经费) whose stated shares sum to exactly 100 while the computed ones do not has been
nudged to make 100: a share off by one unit in its last place, in the direction that closes
that gap, is ``share-adjusted`` (reported, not hidden); any other difference is
``share-mismatch``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from perfscore.checks.accounts.common import (
    amount_of,
    function_label,
    percent_of,
    places,
    plain,
    rate_text,
)
from perfscore.checks.accounts.context import ACCOUNTS, AccountsContext
from perfscore.checks.registry import Options, Raised, check
from perfscore.models.numbers import HUNDRED, ZERO, fmt, quantum

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Accounts

#: (label, amount, stated share) of one part of a total.
ShareRow = tuple[str, Decimal | None, Decimal | None]


@dataclass(frozen=True, slots=True)
class StatedShare:
    """One stated share: what it is, of what, and where it is stated."""

    label: str
    stated: Decimal
    amount: Decimal
    total: Decimal
    of: str
    where: str

    @property
    def computed(self) -> Decimal | None:
        """amount / total × 100 at the stated precision; None when the total is 0."""
        return percent_of(self.amount, self.total, self.stated) if self.total else None


@dataclass(frozen=True, slots=True)
class Group:
    """The shares of one total; ``whole`` when every part of the total states one."""

    shares: tuple[StatedShare, ...]
    whole: bool


@dataclass(frozen=True, slots=True)
class Verdict:
    """A stated share that is not what it computes to; ``sums`` (stated, computed) if nudged."""

    share: StatedShare
    sums: tuple[Decimal, Decimal] | None


def _group(rows: Sequence[ShareRow], total: Decimal, of: str, where: str) -> Group:
    shares = tuple(
        StatedShare(f"{label}占比", share, amount, total, of, f"{where}[{index}].share")
        for index, (label, amount, share) in enumerate(rows)
        if share is not None and amount is not None
    )
    return Group(shares, whole=len(shares) == len(rows))


def groups(accounts: Accounts) -> Iterator[Group]:
    """Every group of stated shares, and 一般公共预算财政拨款支出's share on its own."""
    income, spending = accounts.income, accounts.spending
    rows: list[ShareRow] = [(part.name, part.amount, part.share) for part in income.parts]
    yield _group(rows, income.total, "本年收入合计", "$.accounts.income.parts")
    rows = [(part.name, part.amount, part.share) for part in spending.parts]
    yield _group(rows, spending.total, "本年支出合计", "$.accounts.spending.parts")
    general = accounts.general
    if general is not None:
        rows = [(function_label(f), amount_of(f), f.share) for f in general.functions]
        of = "一般公共预算财政拨款支出"
        yield _group(rows, general.current, of, "$.accounts.general.functions")
        if general.share_of_spending is not None:
            label = f"{of}占本年支出合计的比例"
            where = "$.accounts.general.share_of_spending"
            stated, current = general.share_of_spending, general.current
            share = StatedShare(label, stated, current, spending.total, "本年支出合计", where)
            yield Group((share,), whole=False)
    three = accounts.three_public
    if three is not None:
        rows = [(part.name, part.actual, part.share) for part in three.parts]
        yield _group(rows, three.actual, "“三公”经费决算数", "$.accounts.three_public.parts")


def _sums(group: Group) -> tuple[Decimal, Decimal] | None:
    """(stated, computed) sums of a whole group nudged to make 100; None otherwise."""
    computed = [share.computed for share in group.shares]
    if not group.whole or not group.shares or any(value is None for value in computed):
        return None
    stated_sum = sum((share.stated for share in group.shares), ZERO)
    computed_sum = sum((value for value in computed if value is not None), ZERO)
    return (stated_sum, computed_sum) if stated_sum == HUNDRED != computed_sum else None


def verdicts(accounts: Accounts) -> Iterator[Verdict]:
    """Every stated share that is not what it computes to, in the order of the groups."""
    for group in groups(accounts):
        sums = _sums(group)
        step = 0 if sums is None else (1 if sums[1] < HUNDRED else -1)
        for share in group.shares:
            computed = share.computed
            if computed == share.stated or (computed is None and share.stated.is_zero()):
                continue
            unit = quantum(places(share.stated))
            nudged = computed is not None and step != 0 and share.stated - computed == step * unit
            yield Verdict(share, sums if nudged else None)


def _text(share: StatedShare) -> str:
    computed = share.computed
    if computed is None:
        return f"{share.label}填报 {plain(share.stated)}%，但{share.of}为 0，占比无法计算"
    return rate_text(
        share.label, share.stated, f"{fmt(share.amount)} / {fmt(share.total)}", computed
    )


@check(
    "share-mismatch",
    ACCOUNTS,
    "warning",
    "占比计算有误",
    explanation=(
        "填报的占比与“金额 ÷ 合计”按其填报的小数位四舍五入后不符（且不是为凑足 100% 而作的调整）。"
        "占比算错会误导读者对支出结构的判断。"
    ),
    example="基本支出占比填报 86.71%，按 868.65 / 1008.09 计算为 86.17%，相差 +0.54 个百分点",
)
def share_mismatch(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """A stated share that is not amount / total × 100 at its precision (and not nudged)."""
    for verdict in verdicts(context.accounts):
        if verdict.sums is None:
            yield _text(verdict.share), verdict.share.where


@check(
    "share-adjusted",
    ACCOUNTS,
    "warning",
    "占比为凑足 100% 而调整",
    explanation=(
        "一组占比按计算值合计不是 100%，填报时把其中一项调整了末位一个单位，使合计为 100%。这是常见"
        "做法，但填报数已不是计算值，应当如实报告。"
    ),
    example=(
        "社会保障和就业支出（208）占比填报 7.62%，按 76.73 / 1008.09 计算为 7.61%，相差 +0.01 个百"
        "分点，系为使各项占比合计为 100.00% 而调整（按计算值合计为 99.99%）"
    ),
)
def share_adjusted(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """A share nudged by one unit in its last place so that its group sums to 100%."""
    for verdict in verdicts(context.accounts):
        if verdict.sums is not None:
            stated, computed = verdict.sums
            yield (
                f"{_text(verdict.share)}，系为使各项占比合计为 {plain(stated)}% 而调整"
                f"（按计算值合计为 {plain(computed)}%）",
                verdict.share.where,
            )


__all__ = [
    "Group",
    "StatedShare",
    "Verdict",
    "groups",
    "share_adjusted",
    "share_mismatch",
    "verdicts",
]
