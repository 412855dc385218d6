"""Running the final-accounts checks on a department case."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from pydantic import BaseModel

from perfscore.checks.accounts.registry import ACCOUNT_CHECKS, Context
from perfscore.models.case import Case
from perfscore.models.department import Accounts, DepartmentCase
from perfscore.models.results import Finding
from perfscore.rubrics.accounts import AccountRules

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
    case: DepartmentCase, projects: Sequence[Case], rules: AccountRules
) -> tuple[Finding, ...]:
    """Every finding on ``case.accounts``, ordered by where it occurs in the case.

    Findings at the same place keep the registry's order of codes. ``projects`` are the
    department's project cases, for ``project-total-mismatch``.
    """
    accounts = case.accounts
    if accounts is None:
        return ()
    context = Context(accounts, tuple(projects), rules.tolerance)
    findings = [
        Finding(code, rules.severity.get(code, registered.severity), message, where)
        for code, registered in ACCOUNT_CHECKS.items()
        if code not in rules.disabled
        for message, where in registered.run(context)
    ]
    order = positions(accounts)
    return tuple(sorted(findings, key=lambda finding: order.get(finding.where, len(order))))


__all__ = ["account_findings", "positions"]
