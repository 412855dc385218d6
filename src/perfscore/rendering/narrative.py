"""The 绩效自评综述 paragraph, written from an evaluation through a shipped Jinja2 template."""

from __future__ import annotations

from collections import Counter
from typing import Any

from perfscore.models.numbers import fmt
from perfscore.models.results import SEVERITY_LABELS, STATUS_LABELS, Evaluation
from perfscore.rendering.jinja import environment


def _statuses(evaluation: Evaluation) -> str:
    """How the indicators fared; placeholder rows (不适用) are no indicators and not counted."""
    counts: Counter[str] = Counter(row.status for row in evaluation.indicators if row.applicable)
    if not counts:
        return "无可计分的指标"
    if counts["met"] == counts.total():
        return "全部达成"
    return "、".join(f"{STATUS_LABELS[s]}{counts[s]}项" for s in STATUS_LABELS if counts[s])


#: The paragraph counts problems a reader must act on; notes (info) are left to the findings list.
_COUNTED = ("error", "warning")


def _severities(evaluation: Evaluation) -> str:
    counts: Counter[str] = Counter(f.severity for f in evaluation.findings)
    return "、".join(f"{SEVERITY_LABELS[s]}{counts[s]}项" for s in _COUNTED if counts[s])


def summary_context(evaluation: Evaluation) -> dict[str, Any]:
    """What ``summary.txt.j2`` may use: every number already formatted."""
    execution = evaluation.execution
    difference = evaluation.difference
    return {
        "unit": evaluation.case.budget.unit,
        "adjusted": fmt(execution.adjusted),
        "executed": fmt(execution.executed),
        "rate": None if execution.rate is None else fmt(execution.rate),
        "count": evaluation.count,
        "statuses": _statuses(evaluation),
        "unverified": sum(1 for f in evaluation.findings if f.code == "text-actual"),
        "rubric": evaluation.rubric.title or evaluation.rubric.name,
        "score": fmt(evaluation.score),
        "grade": evaluation.grade,
        "claimed": None if evaluation.claimed_score is None else fmt(evaluation.claimed_score),
        "difference": fmt(difference),
        "over": difference is not None and difference > 0,
        "gap": fmt(abs(difference)) if difference is not None else "",
        "findings": sum(1 for f in evaluation.findings if f.severity in _COUNTED),
        "severities": _severities(evaluation),
    }


def summary(evaluation: Evaluation) -> str:
    """The paragraph, on one line."""
    template = environment("", "text").get_template("summary.txt.j2")
    text = template.render(summary_context(evaluation))
    return "".join(line.strip() for line in text.splitlines())


__all__ = ["summary", "summary_context"]
