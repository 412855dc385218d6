"""The registry of final-accounts checks: one function per finding code, as for project checks.

A check reads a :class:`Context` (the accounts, the department's project cases and the
tolerance in 万元) and yields ``(message, where)`` pairs; :func:`account_check` registers it
under its code with a default severity and a short Chinese title.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from perfscore.models.case import Case
from perfscore.models.department import Accounts
from perfscore.rubrics.model import Severity

#: What a check raises: a Chinese message and the JSON path it concerns.
Raised = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Context:
    """What an accounts check reads."""

    accounts: Accounts
    projects: tuple[Case, ...]
    #: 万元 allowed between a stated amount and what it computes to.
    tolerance: Decimal

    def differs(self, stated: Decimal, computed: Decimal) -> bool:
        """Whether two amounts differ by more than the tolerance."""
        return abs(stated - computed) > self.tolerance


AccountCheckFunction = Callable[[Context], Iterable[Raised]]


@dataclass(frozen=True, slots=True)
class AccountCheck:
    """A registered accounts check: its code, default severity, title and function."""

    code: str
    severity: Severity
    title: str
    run: AccountCheckFunction


#: Code -> check, in registration order (the order codes are listed in messages).
ACCOUNT_CHECKS: Final[dict[str, AccountCheck]] = {}


def account_check(
    code: str, severity: Severity, title: str
) -> Callable[[AccountCheckFunction], AccountCheckFunction]:
    """Register the decorated function as the accounts check for finding ``code``."""

    def register(function: AccountCheckFunction) -> AccountCheckFunction:
        ACCOUNT_CHECKS[code] = AccountCheck(code, severity, title, function)
        return function

    return register


def account_title(code: str) -> str:
    """What an accounts finding code means, in a few words (the code itself if unknown)."""
    registered = ACCOUNT_CHECKS.get(code)
    return code if registered is None else registered.title


__all__ = [
    "ACCOUNT_CHECKS",
    "AccountCheck",
    "AccountCheckFunction",
    "Context",
    "Raised",
    "account_check",
    "account_title",
]
