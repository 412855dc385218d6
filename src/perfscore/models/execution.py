"""The department's whole budget by category, reckoned: one result for scoring, checks, reports.

:mod:`perfscore.scoring.execution` computes it from the case's ``budget`` (人员类、运转类、
特定目标类); the 预算执行 method, the category checks and the department report read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class CategoryExecution:
    """One category of the department's budget, reckoned: the funds available (预算数 + 上年
    结转), the 执行率 and 结余 they give, beside what the case states."""

    #: The field of ``Categories`` (``personnel``) and its Chinese label (``人员类``).
    key: str
    label: str
    carried_over: Decimal | None
    budget: Decimal | None
    executed: Decimal | None
    #: 预算数 + 上年结转, when the budget is given.
    available: Decimal | None
    #: 执行数 / available × 100 at the rubric's places; None without both or over nothing.
    rate: Decimal | None
    #: available − 执行数, when both are given.
    balance: Decimal | None
    stated_rate: Decimal | None
    stated_balance: Decimal | None

    @property
    def where(self) -> str:
        """The category's JSON path in the case."""
        return f"$.budget.{self.key}"

    @property
    def complete(self) -> bool:
        """Whether it gives both the budget and the 执行数 (it counts in the whole)."""
        return self.available is not None and self.executed is not None


@dataclass(frozen=True, slots=True)
class BudgetExecution:
    """The department's whole budget by category, reckoned once for scoring, checks and reports.

    The totals sum the complete categories (budget and 执行数 both given); ``rate`` is 执行数 /
    available in percent at the rubric's places (None when no category is complete or nothing
    was available).
    """

    categories: tuple[CategoryExecution, ...]
    budget: Decimal
    carried_over: Decimal
    available: Decimal
    executed: Decimal
    balance: Decimal
    rate: Decimal | None

    def complete(self) -> tuple[CategoryExecution, ...]:
        """The categories that give both their budget and their 执行数."""
        return tuple(category for category in self.categories if category.complete)


__all__ = ["BudgetExecution", "CategoryExecution"]
