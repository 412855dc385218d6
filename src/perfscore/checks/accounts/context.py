"""What a final-accounts check reads: the accounts, the department's projects, its tolerance.

Accounts checks are registered like every other check (:func:`perfscore.checks.registry.check`)
with :data:`ACCOUNTS` as what they read; a department rubric configures them under
``[checks.CODE]``. A check that compares amounts has a ``tolerance`` option (万元, default 0):
the runner gives each check a context with its own tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from perfscore.checks.registry import Subject
from perfscore.models.case import Case
from perfscore.models.numbers import ZERO
from perfscore.rubrics.model import Quantitative

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Accounts


@dataclass(frozen=True, slots=True)
class AccountsContext:
    """What an accounts check reads."""

    accounts: Accounts
    projects: tuple[Case, ...]
    #: The project rubric's quantitative rules, whose money units add the projects' amounts up
    #: in 万元 (None: the projects are not added up).
    quantitative: Quantitative | None = None
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
