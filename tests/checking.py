"""Running checks in tests: one check alone on a small case, its findings compared exactly.

A subject is a project case as JSON data (a dict: it is scored, and its JSON read for
``number-as-text``), or a department (a :class:`LoadedDepartment`), scored under a rubric of its
kind. :func:`alone` gives the rubric with every other check of its kind switched off, so what
comes out is what the one check raises.
"""

from __future__ import annotations

from typing import Any

from perfscore.checks import CHECKS, config_problems
from perfscore.input.jsonfile import case_from_data
from perfscore.models.department import LoadedDepartment
from perfscore.models.results import Finding
from perfscore.pipeline import Rules, score
from perfscore.rubrics.department import DepartmentRubric
from perfscore.rubrics.loading import load_rubric
from perfscore.rubrics.model import CheckConfig, Rubric
from perfscore.scoring.department import evaluate_department

Subject = dict[str, Any] | LoadedDepartment
AnyRubric = Rubric | DepartmentRubric


def configured(rubric: AnyRubric, checks: dict[str, dict[str, Any]]) -> AnyRubric:
    """``rubric`` with these ``[checks.CODE]`` tables (checked as the loader checks them)."""
    tables = {**rubric.checks, **{c: CheckConfig.model_validate(t) for c, t in checks.items()}}
    changed = rubric.model_copy(update={"checks": tables})
    assert config_problems(changed) == []
    return changed


def alone(rubric: AnyRubric, code: str, **config: Any) -> AnyRubric:
    """``rubric`` running ``code`` only (configured with ``config``): the others switched off."""
    kind = CHECKS[code].applies_to
    off = {other: {"enabled": False} for other, c in CHECKS.items() if c.applies_to == kind}
    return configured(rubric, {**off, code: config})


def findings(subject: Subject, rubric: AnyRubric) -> tuple[Finding, ...]:
    """Every finding ``rubric`` raises on ``subject``, as the command line reports them."""
    if isinstance(subject, LoadedDepartment):
        assert isinstance(rubric, DepartmentRubric)
        return evaluate_department(subject, rubric, load_rubric(rubric.project_rubric)).findings
    assert isinstance(rubric, Rubric)
    return score(case_from_data(subject), Rules(rubric), data=subject).findings


def assert_findings(
    subject: Subject,
    rubric: AnyRubric,
    code: str,
    expected: set[tuple[str, str, str]],
    **config: Any,
) -> tuple[Finding, ...]:
    """Run the check ``code`` alone on ``subject`` and assert the exact set of
    (code, where, message) it raises: a missing, extra or different finding fails.

    Returns the findings, for a test that looks at their severities too.
    """
    found = findings(subject, alone(rubric, code, **config))
    assert {(f.code, f.where, f.message) for f in found} == expected
    assert len(found) == len(expected), "a finding raised twice"
    return found


__all__ = ["alone", "assert_findings", "configured", "findings"]
