"""The check registry: one function per finding code, with its default severity and options."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final, cast

from ..results import SEVERITY_RANK, Finding, Scored
from ..rubric import Severity

#: A check says (message, where), or (message, where, severity) to override its default.
Raised = tuple[str, str] | tuple[str, str, Severity]
CheckFunction = Callable[[Scored, Mapping[str, Any]], Iterable[Raised]]


@dataclass(frozen=True, slots=True)
class Check:
    code: str
    severity: Severity
    run: CheckFunction
    options: Mapping[str, Any] = field(default_factory=dict)


CHECKS: Final[dict[str, Check]] = {}


def check(
    code: str, severity: Severity, **options: Any
) -> Callable[[CheckFunction], CheckFunction]:
    """Register ``function`` as the check for finding ``code``."""

    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[code] = Check(code, severity, function, options)
        return function

    return register


def option(options: Mapping[str, Any], name: str) -> Decimal:
    """A numeric check option as a Decimal."""
    return Decimal(str(options[name]))


def severity_option(options: Mapping[str, Any], name: str) -> Severity:
    """A severity-valued option (checked when the rubric is loaded)."""
    value = options[name]
    if value not in SEVERITY_RANK:
        raise ValueError(f"{name} = {value!r} is not a severity")
    return cast(Severity, value)


def run_checks(scored: Scored) -> tuple[Finding, ...]:
    """Every enabled check, in registry order; findings sorted by severity, errors first."""
    findings: list[Finding] = []
    for code, registered in CHECKS.items():
        config = scored.rubric.checks.get(code)
        if config is not None and not config.enabled:
            continue
        options = {**registered.options, **((config.model_extra or {}) if config else {})}
        default = (config.severity if config else None) or registered.severity
        for raised in registered.run(scored, options):
            severity = raised[2] if len(raised) == 3 else default
            findings.append(Finding(code, severity, raised[0], raised[1]))
    findings.sort(key=lambda f: -SEVERITY_RANK[f.severity])
    return tuple(findings)


__all__ = ["CHECKS", "Check", "Raised", "check", "option", "run_checks", "severity_option"]
