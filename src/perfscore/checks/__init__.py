"""Findings a reviewer raises: one registry of every code, project or department (``registry``).

Importing this package registers every check. The registry's names are bound first: the check
modules import the scoring layer, which imports :func:`run_checks` from here.
"""

# isort: off
from perfscore.checks.registry import (
    CHECKS,
    Check,
    Enabled,
    check,
    config_problems,
    enabled_checks,
    run_checks,
    title,
)
from perfscore.checks import budget, indicators, rows, totals
from perfscore.checks import number_as_text
from perfscore.checks import accounts
from perfscore.checks import department
from perfscore.checks import categories
from perfscore.checks import summaries
from perfscore.checks import problems_none

# isort: on

__all__ = [
    "CHECKS",
    "Check",
    "Enabled",
    "accounts",
    "budget",
    "categories",
    "check",
    "config_problems",
    "department",
    "enabled_checks",
    "indicators",
    "number_as_text",
    "problems_none",
    "rows",
    "run_checks",
    "summaries",
    "title",
    "totals",
]
