"""Final-accounts checks (决算说明): every number 第二部分 of a department's report states.

Each check is registered in the one check registry (:mod:`perfscore.checks.registry`), reading
an :class:`AccountsContext`; a department rubric configures them under ``[checks.CODE]``, as
every other check. :func:`account_findings` runs them. Amounts are in 万元 and compared exactly
(or within a check's ``tolerance``); rates are compared at the precision they are stated to,
rounded half-up.

Codes, in registry order: ``sum-mismatch``, ``balance-mismatch``, ``share-mismatch``,
``share-adjusted``, ``yoy-mismatch``, ``completion-mismatch``, ``project-total-mismatch``,
``basic-total-mismatch``.
"""

from __future__ import annotations

# Registration order is the registry's order of these codes: keep these imports in this order.
from perfscore.checks.accounts import sums as sums  # isort: skip
from perfscore.checks.accounts import balance as balance  # isort: skip
from perfscore.checks.accounts import shares as shares  # isort: skip
from perfscore.checks.accounts import rates as rates  # isort: skip
from perfscore.checks.accounts import cross as cross  # isort: skip
from perfscore.checks.accounts.context import ACCOUNTS, AccountsContext
from perfscore.checks.accounts.run import account_findings

__all__ = ["ACCOUNTS", "AccountsContext", "account_findings"]
