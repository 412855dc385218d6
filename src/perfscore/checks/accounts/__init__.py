"""Final-accounts checks (决算说明): every number 第二部分 of a department's report states.

Each check is registered by code with a default severity and a Chinese title, as the project
checks are; :func:`account_findings` runs them under an :class:`AccountRules` (the ``[accounts]``
section of a department rubric). Amounts are in 万元 and compared exactly (or within the
tolerance); rates are compared at the precision they are stated to, rounded half-up.

Codes, in registry order: ``sum-mismatch``, ``balance-mismatch``, ``share-mismatch``,
``share-adjusted``, ``yoy-mismatch``, ``completion-mismatch``, ``project-total-mismatch``,
``basic-total-mismatch``.
"""

from __future__ import annotations

# Registration order is the order of ACCOUNT_CHECKS: keep these imports in this order.
from perfscore.checks.accounts import sums as sums  # isort: skip
from perfscore.checks.accounts import balance as balance  # isort: skip
from perfscore.checks.accounts import shares as shares  # isort: skip
from perfscore.checks.accounts import rates as rates  # isort: skip
from perfscore.checks.accounts import cross as cross  # isort: skip
from perfscore.checks.accounts.registry import (
    ACCOUNT_CHECKS,
    AccountCheck,
    Context,
    account_check,
    account_title,
)
from perfscore.checks.accounts.run import account_findings
from perfscore.rubrics.accounts import AccountRules

__all__ = [
    "ACCOUNT_CHECKS",
    "AccountCheck",
    "AccountRules",
    "Context",
    "account_check",
    "account_findings",
    "account_title",
]
