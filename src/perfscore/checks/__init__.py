"""Findings a reviewer raises, one registered check per code (see ``registry``)."""

from perfscore.checks import budget, indicators, rows, totals
from perfscore.checks.registry import CHECKS, Check, check, run_checks, title

__all__ = [
    "CHECKS",
    "Check",
    "budget",
    "check",
    "indicators",
    "rows",
    "run_checks",
    "title",
    "totals",
]
