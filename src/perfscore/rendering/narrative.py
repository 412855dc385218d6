"""The 绩效自评综述 paragraph, written from an evaluation: one sentence per part, every number
already computed by scoring and only formatted here.

It is part of every view of an evaluation (the terminal table, JSON, Markdown, the report), so it
is composed in plain Python: scoring one case loads no template engine. The report's own wording
(``templates/report/text.j2``), which a county may override, stays in Jinja2."""

from __future__ import annotations

from collections import Counter
from typing import Any

from perfscore.models.numbers import fmt
from perfscore.models.results import SEVERITY_LABELS, STATUS_LABELS, Evaluation


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
    """What the paragraph says: every number already formatted."""
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


def _execution(context: dict[str, Any]) -> str:
    if context["rate"] is None:
        return "项目调整后预算为 0 或未填，预算执行率无法计算。"
    unit = context["unit"]
    return (
        f"项目全年预算数{context['adjusted']}{unit}，执行数为{context['executed']}{unit}，"
        f"完成预算的{context['rate']}%。"
    )


def _indicators(context: dict[str, Any]) -> str:
    text = f"绩效指标共{context['count']}项，{context['statuses']}"
    if context["unverified"]:
        text += f"（其中{context['unverified']}项定量指标的完成值为文字，无法核实）"
    return text + "。"


def _scores(context: dict[str, Any]) -> str:
    text = f"按{context['rubric']}复核得分{context['score']}分，等级为“{context['grade']}”"
    if context["claimed"] is None:
        return text
    if context["difference"] == "0.00":
        return text + "，与自评得分一致"
    side = "高于" if context["over"] else "低于"
    return text + f"；自评得分{context['claimed']}分，{side}复核得分{context['gap']}分"


def _findings(context: dict[str, Any]) -> str:
    if not context["findings"]:
        return "。"
    return f"。发现需关注的问题{context['findings']}项（{context['severities']}）。"


def summary(evaluation: Evaluation) -> str:
    """The paragraph, on one line."""
    context = summary_context(evaluation)
    text = _execution(context) + _indicators(context) + _scores(context) + _findings(context)
    return "".join(line.strip() for line in text.splitlines())


__all__ = ["summary", "summary_context"]
