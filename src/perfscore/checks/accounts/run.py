"""Running the final-accounts checks a rubric enables on a department case."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Final

from pydantic import BaseModel

from perfscore.checks.accounts.context import ACCOUNTS, AccountsContext
from perfscore.checks.registry import Enabled, option, raised_by
from perfscore.models.case import Case
from perfscore.models.numbers import ZERO
from perfscore.models.results import Finding
from perfscore.rubrics.model import Quantitative

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Accounts, DepartmentCase

_ROOT: Final = "$.accounts"


def _visit(value: object, path: str, order: dict[str, int]) -> None:
    order[path] = len(order)
    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _visit(getattr(value, name), f"{path}.{name}", order)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            _visit(item, f"{path}[{index}]", order)


def positions(accounts: Accounts) -> dict[str, int]:
    """Every JSON path in the accounts -> its place in the case (each before what it holds)."""
    order: dict[str, int] = {}
    _visit(accounts, _ROOT, order)
    return order


def account_findings(
    case: DepartmentCase,
    projects: Sequence[Case],
    plan: Sequence[Enabled],
    quantitative: Quantitative,
) -> tuple[Finding, ...]:
    """The findings of the accounts checks in ``plan`` on ``case.accounts``, ordered by where
    they occur in the case; findings at the same place keep the registry's order of codes.

    ``projects`` are the department's project cases, for ``project-total-mismatch``, and
    ``quantitative`` the project rubric's rules, whose money units add their amounts up in 万元.
    """
    accounts = case.accounts
    if accounts is None:
        return ()
    context = AccountsContext(accounts, tuple(projects), quantitative, case.projects_complete)
    findings = [
        finding
        for active in plan
        for finding in raised_by([active], ACCOUNTS, _with_tolerance(context, active))
    ]
    order = positions(accounts)
    return tuple(sorted(findings, key=lambda finding: order.get(finding.where, len(order))))


def _with_tolerance(context: AccountsContext, active: Enabled) -> AccountsContext:
    """``context`` with the tolerance ``active`` is configured with (0 if it has none)."""
    tolerance = option(active.options, "tolerance") if "tolerance" in active.options else ZERO
    return replace(context, tolerance=tolerance)


__all__ = ["account_findings", "positions"]
