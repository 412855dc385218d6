"""The check registry: every finding code, project or department, what it means, its options.

Each code is one function registered with :func:`check`: its code, what it reads (a
:class:`Subject`, which also says the kind of rubric that configures it), its default severity,
a Chinese title in a few words, a paragraph of explanation, an example message and its options.
A rubric of either kind configures any of its own kind's codes the same way::

    [checks.CODE]
    severity = "warning"   # re-grade
    enabled = false        # silence
    tolerance = 0.01       # one of the check's own options

:func:`enabled_checks` is the plan a rubric runs by: a pure function of the rubric.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar, cast

from perfscore.models.results import SEVERITY_RANK, Finding, Scored
from perfscore.rubrics.model import CheckConfig, Rubric, Severity

if TYPE_CHECKING:
    from perfscore.rubrics.department import DepartmentRubric
    from perfscore.rubrics.problems import Problem

#: The kind of rubric that configures a code: project rubrics or department rubrics.
AppliesTo = Literal["project", "department"]
#: A check says (message, where), or (message, where, severity) to override its default.
Raised = tuple[str, str] | tuple[str, str, Severity]
Options = Mapping[str, Any]
S = TypeVar("S")
#: The kinds of rubric, as a message names them.
APPLIES_TO_LABELS: Final[dict[str, str]] = {
    "project": "项目评价规则",
    "department": "部门整体评价规则",
}


@dataclass(frozen=True, slots=True, eq=False)
class Subject(Generic[S]):
    """What a kind of check reads (a scored project, a department evaluation …), and the kind of
    rubric that configures the checks that read it. Compared by identity."""

    name: str
    applies_to: AppliesTo


#: Project checks read a scored project (everything computed before the checks run).
SCORED: Final[Subject[Scored]] = Subject("scored project", "project")


@dataclass(frozen=True, slots=True)
class Check(Generic[S]):
    """A registered check: one finding code, what it reads, its defaults and what it means."""

    code: str
    reads: Subject[S]
    severity: Severity
    title: str
    explanation: str
    example: str
    run: Callable[[S, Options], Iterable[Raised]]
    options: Mapping[str, Any]

    @property
    def applies_to(self) -> AppliesTo:
        return self.reads.applies_to


@dataclass(frozen=True, slots=True)
class Enabled:
    """A check as one rubric runs it: options merged, severity chosen."""

    code: str
    reads: Subject[Any]
    severity: Severity
    run: Callable[[Any, Options], Iterable[Raised]]
    options: Options


#: Every finding code, in registration order (the order findings of one severity come out in).
CHECKS: Final[dict[str, Check[Any]]] = {}


def check(
    code: str,
    reads: Subject[S],
    severity: Severity,
    title: str,
    *,
    explanation: str,
    example: str,
    **options: Any,
) -> Callable[[Callable[[S, Options], Iterable[Raised]]], Callable[[S, Options], Iterable[Raised]]]:
    """Register the decorated function as the check for finding ``code``."""

    def register(
        function: Callable[[S, Options], Iterable[Raised]],
    ) -> Callable[[S, Options], Iterable[Raised]]:
        if code in CHECKS:
            raise ValueError(f"finding code {code!r} registered twice")
        CHECKS[code] = Check(code, reads, severity, title, explanation, example, function, options)
        return function

    return register


def title(code: str) -> str:
    """What any finding code means, in a few words (the code itself if unknown)."""
    registered = CHECKS.get(code)
    return code if registered is None else registered.title


def option(options: Options, name: str) -> Decimal:
    """A numeric check option as a Decimal (converted once, when the rubric's plan is made)."""
    value = options[name]
    return value if isinstance(value, Decimal) else Decimal(str(value))


def severity_option(options: Options, name: str) -> Severity:
    """A severity-valued option (checked when the rubric is loaded)."""
    value = options[name]
    if value not in SEVERITY_RANK:
        raise ValueError(f"{name} = {value!r} is not a severity")
    return cast(Severity, value)


def _exact(value: Any) -> Any:
    """Numbers from TOML (int, float) as the Decimals they were written as; others unchanged."""
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    return Decimal(str(value)) if numeric else value


def applies_to(rubric: Rubric | DepartmentRubric) -> AppliesTo:
    """The kind of codes ``rubric`` configures: a project rubric's or a department rubric's."""
    return "project" if isinstance(rubric, Rubric) else "department"


def enabled_checks(
    rubric: Rubric | DepartmentRubric, reads: Subject[Any] | None = None
) -> tuple[Enabled, ...]:
    """The checks ``rubric`` runs (only those that read ``reads``, if given), in registry order,
    with their options and severities. A pure function of the rubric."""
    kind = applies_to(rubric)
    configs = rubric.checks
    plan = (
        _enabled(registered, configs.get(code))
        for code, registered in CHECKS.items()
        if registered.applies_to == kind and (reads is None or registered.reads is reads)
    )
    return tuple(active for active in plan if active is not None)


def _enabled(registered: Check[Any], config: CheckConfig | None) -> Enabled | None:
    """``registered`` as ``config`` sets it up; None when it is switched off."""
    if config is None:
        options, severity = registered.options, registered.severity
    elif not config.enabled:
        return None
    else:
        given = config.model_extra
        options = (
            {**registered.options, **{k: _exact(v) for k, v in given.items()}}
            if given
            else registered.options
        )
        severity = config.severity or registered.severity
    return Enabled(registered.code, registered.reads, severity, registered.run, options)


def raised_by(plan: Sequence[Enabled], reads: Subject[S], subject: S) -> Iterator[Finding]:
    """The findings of the checks in ``plan`` that read ``reads``, run on ``subject``."""
    for active in plan:
        if active.reads is reads:
            for raised in active.run(subject, active.options):
                severity = raised[2] if len(raised) == 3 else active.severity
                yield Finding(active.code, severity, raised[0], raised[1])


def by_severity(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Findings with errors first, then warnings, then infos; each kind in the order given."""
    return tuple(sorted(findings, key=lambda finding: -SEVERITY_RANK[finding.severity]))


def run_checks(scored: Scored, enabled: Sequence[Enabled]) -> tuple[Finding, ...]:
    """The project checks of ``enabled`` (the rubric's :func:`enabled_checks`, which the scoring
    plan holds) on ``scored``, errors first."""
    return by_severity(raised_by(enabled, SCORED, scored))


def config_problems(rubric: Rubric | DepartmentRubric) -> list[Problem]:
    """What is wrong in a rubric's ``[checks]``: unknown codes or options, another kind's code,
    option values of the wrong kind; each with the keys under ``checks`` it concerns."""
    kind = applies_to(rubric)
    return [
        ((code, *keys), message)
        for code, config in rubric.checks.items()
        for keys, message in _code_problems(kind, code, config)
    ]


def _code_problems(kind: AppliesTo, code: str, config: CheckConfig) -> Iterator[Problem]:
    registered = CHECKS.get(code)
    if registered is None:
        own = [known for known, c in CHECKS.items() if c.applies_to == kind]
        yield (), f"未知的检查项 '{code}'{did_you_mean(code, own)}"
        return
    if registered.applies_to != kind:
        used, here = APPLIES_TO_LABELS[registered.applies_to], APPLIES_TO_LABELS[kind]
        yield (), f"检查项 '{code}' 用于{used}，不能在{here}中配置"
        return
    for name, value in (config.model_extra or {}).items():
        problem = _option_problem(registered, name, value)
        if problem is not None:
            yield (name,), problem


def _option_problem(registered: Check[Any], name: str, value: object) -> str | None:
    defaults = registered.options
    if name not in defaults:
        hint = did_you_mean(name, list(defaults)) or _options_known(defaults)
        return f"检查项 '{registered.code}' 没有选项 '{name}'{hint}"
    if name.endswith("severity") and value not in SEVERITY_RANK:
        return f"{name} 应为 error、warning 或 info，实际为 {_shown(value)}"
    if isinstance(defaults[name], Decimal) and not _non_negative(value):
        return f"{name} 应为不小于 0 的数，实际为 {_shown(value)}"
    return None


def _options_known(defaults: Options) -> str:
    if not defaults:
        return "（该检查项只可配置 severity 与 enabled）"
    return f"（可用：severity、enabled、{'、'.join(defaults)}）"


def _shown(value: object) -> str:
    """A TOML value as it was written: ``-0.01``, ``'notice'``."""
    return f"{value:f}" if isinstance(value, Decimal) else repr(value)


def _non_negative(value: object) -> bool:
    return isinstance(value, int | Decimal) and not isinstance(value, bool) and value >= 0


def did_you_mean(name: str, known: Sequence[str]) -> str:
    """``，是否应为 'x'？`` for the known name closest to ``name``; empty if none is close."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return f"，是否应为 '{close[0]}'？" if close else ""


__all__ = [
    "APPLIES_TO_LABELS",
    "CHECKS",
    "SCORED",
    "AppliesTo",
    "Check",
    "Enabled",
    "Options",
    "Raised",
    "Subject",
    "applies_to",
    "by_severity",
    "check",
    "config_problems",
    "did_you_mean",
    "enabled_checks",
    "option",
    "raised_by",
    "run_checks",
    "severity_option",
    "title",
]
