"""What a final-accounts check reads: the accounts, the department's projects, its tolerance.

Accounts checks are registered like every other check (:func:`perfscore.checks.registry.check`)
with :data:`ACCOUNTS` as what they read; a department rubric configures them under
``[checks.CODE]``. A check that compares amounts has a ``tolerance`` option (万元, default 0):
the runner gives each check a context with its own tolerance.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from perfscore.checks.registry import Subject
from perfscore.models.case import Case
from perfscore.models.numbers import ZERO

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Accounts


@dataclass(frozen=True, slots=True)
class AccountsContext:
    """What an accounts check reads."""

    accounts: Accounts
    projects: tuple[Case, ...]
    #: Each money unit a project table may use -> 元 in it (the project rubric's money_units),
    #: to add the projects' amounts up in 万元.
    units: Mapping[str, Decimal] = field(default_factory=dict)
    #: Whether the case says ``projects`` are all of its 项目支出's projects.
    projects_complete: bool = False
    #: 万元 allowed between a stated amount and what it computes to (the check's option).
    tolerance: Decimal = ZERO

    def differs(self, stated: Decimal, computed: Decimal) -> bool:
        """Whether two amounts differ by more than the tolerance."""
        return abs(stated - computed) > self.tolerance


#: Final-accounts checks read an :class:`AccountsContext`; department rubrics configure them.
ACCOUNTS: Final[Subject[AccountsContext]] = Subject("final accounts", "department")

__all__ = ["ACCOUNTS", "AccountsContext"]
