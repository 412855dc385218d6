"""The check registry: one function per finding code, with its default severity and options."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final, cast

from perfscore.models.results import SEVERITY_RANK, Finding, Scored
from perfscore.rubrics.model import Rubric, Severity

#: A check says (message, where), or (message, where, severity) to override its default.
Raised = tuple[str, str] | tuple[str, str, Severity]
CheckFunction = Callable[[Scored, Mapping[str, Any]], Iterable[Raised]]


@dataclass(frozen=True, slots=True)
class Check:
    """A registered check: its code, default severity, a title in a few words, and options."""

    code: str
    severity: Severity
    title: str
    run: CheckFunction
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Enabled:
    """A check as one rubric runs it: options merged, default severity chosen."""

    code: str
    severity: Severity
    run: CheckFunction
    options: Mapping[str, Any]


CHECKS: Final[dict[str, Check]] = {}
#: Each rubric's enabled checks, computed once (keyed by identity; the rubric is kept alive).
_PLANS: Final[dict[int, tuple[Rubric, tuple[Enabled, ...]]]] = {}
_PLAN_LIMIT: Final = 64


def check(
    code: str, severity: Severity, title: str, **options: Any
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``function`` as the check for finding ``code``."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[code] = Check(code, severity, title, function, options)
        return function

    return register


def title(code: str) -> str:
    """What a finding code means, in a few words (the code itself if unknown)."""
    registered = CHECKS.get(code)
    return code if registered is None else registered.title


def option(options: Mapping[str, Any], name: str) -> Decimal:
    """A numeric check option as a Decimal (converted once, when the rubric's plan is made)."""
    value = options[name]
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _exact(value: Any) -> Any:
    """Numbers from TOML (int, float) as the Decimals they were written as; others unchanged."""
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    return Decimal(str(value)) if numeric else value


def severity_option(options: Mapping[str, Any], name: str) -> Severity:
    """A severity-valued option (checked when the rubric is loaded)."""
    value = options[name]
    if value not in SEVERITY_RANK:
        raise ValueError(f"{name} = {value!r} is not a severity")
    return cast(Severity, value)


def enabled(rubric: Rubric) -> tuple[Enabled, ...]:
    """The checks ``rubric`` runs, in registry order, with their options and severities."""
    plan = _PLANS.get(id(rubric))
    if plan is not None and plan[0] is rubric:
        return plan[1]
    checks = []
    for code, registered in CHECKS.items():
        config = rubric.checks.get(code)
        if config is not None and not config.enabled:
            continue
        merged = {**registered.options, **((config.model_extra or {}) if config else {})}
        options = {name: _exact(value) for name, value in merged.items()}
        default = (config.severity if config else None) or registered.severity
        checks.append(Enabled(code, default, registered.run, options))
    if len(_PLANS) >= _PLAN_LIMIT:
        _PLANS.clear()  # a run uses a rubric or two; a loop over many must not keep them all
    _PLANS[id(rubric)] = (rubric, tuple(checks))
    return tuple(checks)


def run_checks(scored: Scored) -> tuple[Finding, ...]:
    """Every enabled check, in registry order; findings sorted by severity, errors first."""
    findings: list[Finding] = []
    for active in enabled(scored.rubric):
        for raised in active.run(scored, active.options):
            severity = raised[2] if len(raised) == 3 else active.severity
            findings.append(Finding(active.code, severity, raised[0], raised[1]))
    findings.sort(key=_severity_first)
    return tuple(findings)


def _severity_first(finding: Finding) -> int:
    return -SEVERITY_RANK[finding.severity]


__all__ = [
    "CHECKS",
    "Check",
    "Enabled",
    "Raised",
    "check",
    "enabled",
    "option",
    "run_checks",
    "severity_option",
    "title",
]
