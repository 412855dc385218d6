"""Findings a reviewer raises, one registered check per code (see ``registry``)."""

from . import budget, indicators, rows, totals
from .registry import CHECKS, Check, check, run_checks, title

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
