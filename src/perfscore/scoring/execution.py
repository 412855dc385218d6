"""The department's whole budget by category, reckoned once (:class:`BudgetExecution`).

Each category's funds are its 预算数 plus 上年结转 (when given); its 执行率 is 执行数 / funds and
its 结余 funds − 执行数. The whole is the complete categories (budget and 执行数 both given)
summed. Rates are rounded half-up to the rubric's places of percent. The 预算执行 method, the
category checks and the department report all read this one result.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Final

from perfscore.models.execution import BudgetExecution, CategoryExecution
from perfscore.models.numbers import HUNDRED, ZERO, fmt, half_up

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Categories, Category

#: Each category field of the case and its Chinese label, in the order reports list them.
CATEGORY_LABELS: Final = {"personnel": "人员类", "running": "运转类", "targeted": "特定目标类"}


def budget_execution(categories: Categories | None, places: int) -> BudgetExecution | None:
    """The categories the case gives, reckoned; None when it gives none."""
    if categories is None:
        return None
    reckoned = tuple(
        _category(key, label, category, places)
        for key, label in CATEGORY_LABELS.items()
        if (category := getattr(categories, key)) is not None
    )
    if not reckoned:
        return None
    complete = [category for category in reckoned if category.complete]
    budget = sum((c.budget or ZERO for c in complete), ZERO)
    carried_over = sum((c.carried_over or ZERO for c in complete), ZERO)
    executed = sum((c.executed or ZERO for c in complete), ZERO)
    available = budget + carried_over
    rate = _rate(executed, available, places) if complete else None
    return BudgetExecution(
        categories=reckoned,
        budget=budget,
        carried_over=carried_over,
        available=available,
        executed=executed,
        balance=available - executed,
        rate=rate,
    )


def _category(key: str, label: str, category: Category, places: int) -> CategoryExecution:
    budget, executed = category.budget, category.executed
    available = None if budget is None else budget + (category.carried_over or ZERO)
    both = available is not None and executed is not None
    return CategoryExecution(
        key=key,
        label=label,
        carried_over=category.carried_over,
        budget=budget,
        executed=executed,
        available=available,
        rate=_rate(executed, available, places) if both else None,
        balance=available - executed if available is not None and executed is not None else None,
        stated_rate=category.rate,
        stated_balance=category.balance,
    )


def _rate(executed: Decimal | None, available: Decimal | None, places: int) -> Decimal | None:
    """执行数 / funds in percent, half-up to ``places``; None over no funds."""
    if executed is None or not available:
        return None
    return half_up(executed / available * HUNDRED, places)


def funds_text(category: CategoryExecution) -> str:
    """A category's funds as the basis and the findings write them: ``777.22``, or
    ``(700.00 + 上年结转 77.22)`` when funds were carried over."""
    if category.carried_over:
        return f"({fmt(category.budget)} + 上年结转 {fmt(category.carried_over)})"
    return fmt(category.budget)


__all__ = ["CATEGORY_LABELS", "budget_execution", "funds_text"]
