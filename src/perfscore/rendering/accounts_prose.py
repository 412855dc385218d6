"""The 决算说明 (第二部分 of a department's final-accounts report), written from the figures.

Every number the paragraphs print is computed here from the amounts: shares from the parts and
their total, changes and growth from this year and last, completion from actual and budget.
Only what cannot be computed (a completion rate with no budget given) is taken as stated. The
wording is ``templates/department/accounts.md.j2``, so the prose can never disagree with the
tables it describes.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from perfscore.models.department import (
    Accounts,
    Compared,
    DepartmentCase,
    Function,
    ThreePublic,
    ThreePublicPart,
)
from perfscore.models.numbers import HUNDRED, ZERO, fmt

_LEVELS: Final = {3: "类", 5: "款", 7: "项"}


@dataclass(frozen=True, slots=True)
class YearChange:
    """This year against last: ``增加 119.66 万元，增长 13.47%`` (or 减少/下降, or 持平)."""

    current: str
    previous: str
    direction: str
    amount: str
    growth: str
    reason: str


@dataclass(frozen=True, slots=True)
class PartShare:
    """A part of a total: its name, amount and computed share."""

    name: str
    amount: str
    share: str
    note: str = ""


def share(part: Decimal, total: Decimal) -> str:
    """``76.73`` of ``1008.09`` -> ``"7.61"`` (percent, half-up to 2 places); "" if no total."""
    return fmt(part / total * HUNDRED) if total else ""


def change(figure: Compared | None) -> YearChange | None:
    """The year-on-year sentence's numbers, computed (None without last year's figure)."""
    if figure is None or figure.previous is None:
        return None
    return _change(figure.current, figure.previous, figure.reason or "")


def _change(current: Decimal, previous: Decimal, reason: str) -> YearChange:
    difference = current - previous
    direction = "增加" if difference > 0 else "减少" if difference < 0 else "持平"
    growth = fmt(abs(difference) / previous * HUNDRED) if previous else ""
    return YearChange(fmt(current), fmt(previous), direction, fmt(abs(difference)), growth, reason)


def completion(actual: Decimal, budget: Decimal | None, stated: Decimal | None) -> str:
    """完成预算 %: computed from the budget when given, else as stated, else ""."""
    if budget:
        return fmt(actual / budget * HUNDRED)
    if budget is not None and actual == ZERO:
        return "0"
    return "" if stated is None else f"{stated.normalize():f}"


def _function_lines(functions: tuple[Function, ...], path: str = "") -> list[dict[str, str]]:
    """Every 项 (the leaves), named by its 类, 款 and 项 with their codes, as the text has them."""
    lines: list[dict[str, str]] = []
    for item in functions:
        label = f"{path}{item.name}（{item.code[-2:] if len(item.code) > 3 else item.code}"
        label += f"{_LEVELS.get(len(item.code), '')}）"
        if item.items:
            lines += _function_lines(item.items, label)
        elif item.amount is not None:
            done = completion(item.amount, item.budget, item.completion)
            lines.append({"name": label, "amount": fmt(item.amount), "completion": done})
    return lines


def _amount(item: Function) -> Decimal:
    if item.amount is not None:
        return item.amount
    return sum((_amount(child) for child in item.items), ZERO)


def _three_public(three: ThreePublic | None) -> dict[str, Any] | None:
    if three is None:
        return None
    parts = [_three_part(part, three.actual) for part in three.parts]
    return {
        "actual": fmt(three.actual),
        "completion": completion(three.actual, three.budget, three.completion),
        "change": None if three.previous is None else _change(three.actual, three.previous, ""),
        "reason": three.reason or "",
        "parts": parts,
    }


def _three_part(part: ThreePublicPart, total: Decimal) -> dict[str, Any]:
    return {
        "name": part.name,
        "actual": fmt(part.actual),
        "share": share(part.actual, total) or "0.00",
        "completion": completion(part.actual, part.budget, part.completion),
        "change": None if part.previous is None else _change(part.actual, part.previous, ""),
        "note": part.note or "",
    }


def _parts(parts: Any, total: Decimal) -> list[PartShare]:
    return [PartShare(p.name, fmt(p.amount), share(p.amount, total), p.note or "") for p in parts]


def accounts_context(case: DepartmentCase) -> dict[str, Any] | None:
    """What ``accounts.md.j2`` prints, every number computed; None when there are no accounts."""
    accounts = case.accounts
    if accounts is None:
        return None
    year = case.year
    return {
        "year": year or "本",
        "last_year": (year - 1) if year else "上",
        "department": case.department.name,
        "totals": change(accounts.totals),
        "income": _breakdown(accounts.income.total, accounts.income.parts),
        "spending": _breakdown(accounts.spending.total, accounts.spending.parts),
        "fiscal": change(accounts.fiscal),
        "fiscal_total": fmt(accounts.fiscal.current) if accounts.fiscal else "",
        "fiscal_completion": _fiscal_completion(accounts),
        "general": _general(accounts),
        "basic": _basic(accounts),
        "three_public": _three_public(accounts.three_public),
        "government_fund": _maybe(accounts.government_fund),
        "state_capital": _maybe(accounts.state_capital),
        "operating": change(accounts.operating),
        "operating_total": fmt(accounts.operating.current) if accounts.operating else "",
        "procurement": _maybe(accounts.procurement),
        **_totals(accounts),
        "facts": case.evaluation.facts,
    }


def _fiscal_completion(accounts: Accounts) -> str:
    """财政拨款支出's 完成预算 %: computed from its 预算数 when given, else as stated, else ""."""
    fiscal = accounts.fiscal
    if fiscal is None or (fiscal.budget is None and fiscal.completion is None):
        return ""
    return completion(fiscal.current, fiscal.budget, fiscal.completion)


def _totals(accounts: Accounts) -> dict[str, Any]:
    """Section 一's figures: 收、支总计 when 收入总计 (本年收入 + 年初结转结余) balances 支出总计
    (本年支出 + 年末结转结余); both when they do not; 本年收入 and 本年支出 alone when the report
    states no 结转结余 (``carried`` False) and no 收、支总计 equal to both."""
    carryover = accounts.carryover
    if carryover is None:
        income, spending = accounts.income.total, accounts.spending.total
    else:
        income = accounts.income.total + carryover.opening
        spending = accounts.spending.total + carryover.closing
    stated = accounts.totals.current if accounts.totals is not None else None
    # Without 结转结余, a stated 收、支总计 equal to both 本年 figures says there were none.
    implied = carryover is None and stated is not None and income == spending == stated
    return {
        "carried": carryover is not None or implied,
        "balanced": (carryover is not None and income == spending) or implied,
        "total": fmt(income if stated is None else stated),
        "income_total": fmt(income),
        "spending_total": fmt(spending),
    }


def _maybe(value: Decimal | None) -> str:
    return "" if value is None else fmt(value)


def _breakdown(total: Decimal, parts: Any) -> dict[str, Any]:
    return {"total": fmt(total), "parts": _parts(parts, total)}


def _basic(accounts: Accounts) -> dict[str, Any] | None:
    basic = accounts.basic
    if basic is None:
        return None
    parts = _parts((basic.personnel, basic.public), basic.total)
    return {"total": fmt(basic.total), "parts": parts}


def _general(accounts: Accounts) -> dict[str, Any] | None:
    general = accounts.general
    if general is None:
        return None
    classes = [(f.name, _amount(f)) for f in general.functions]
    return {
        "current": fmt(general.current),
        "share_of_spending": share(general.current, accounts.spending.total),
        "change": change(general),
        "completion": completion(general.current, general.budget, general.completion),
        "classes": [
            PartShare(name, fmt(amount), share(amount, general.current)) for name, amount in classes
        ],
        "lines": _function_lines(general.functions),
    }


__all__ = ["PartShare", "YearChange", "accounts_context", "change", "completion", "share"]
