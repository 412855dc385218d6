"""The 绩效自评综述 paragraph, written from an evaluation: one sentence per part, every number
already computed by scoring and only formatted here.

It is part of every view of an evaluation (the terminal table, JSON, Markdown, the report), so it
is composed in plain Python: scoring one case loads no template engine. The report's own wording
(``templates/report/text.j2``), which a county may override, stays in Jinja2."""

from __future__ import annotations

from collections import Counter

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


def _execution(evaluation: Evaluation) -> str:
    execution = evaluation.execution
    if execution.rate is None:
        return "项目调整后预算为 0 或未填，预算执行率无法计算。"
    unit = evaluation.case.budget.unit
    return (
        f"项目全年预算数{fmt(execution.adjusted)}{unit}，执行数为{fmt(execution.executed)}{unit}，"
        f"完成预算的{fmt(execution.rate)}%。"
    )


def _indicators(evaluation: Evaluation) -> str:
    text = f"绩效指标共{evaluation.count}项，{_statuses(evaluation)}"
    unverified = sum(1 for f in evaluation.findings if f.code == "text-actual")
    if unverified:
        text += f"（其中{unverified}项定量指标的完成值为文字，无法核实）"
    return text + "。"


def _scores(evaluation: Evaluation) -> str:
    rubric = evaluation.rubric.title or evaluation.rubric.name
    text = f"按{rubric}复核得分{fmt(evaluation.score)}分，等级为“{evaluation.grade}”"
    claimed, difference = evaluation.claimed_score, evaluation.difference
    if claimed is None:
        return text
    if fmt(difference) == "0.00":
        return text + "，与自评得分一致"
    over = difference is not None and difference > 0
    gap = "" if difference is None else fmt(abs(difference))
    return text + f"；自评得分{fmt(claimed)}分，{'高于' if over else '低于'}复核得分{gap}分"


def _findings(evaluation: Evaluation) -> str:
    counted = sum(1 for f in evaluation.findings if f.severity in _COUNTED)
    if not counted:
        return "。"
    return f"。发现需关注的问题{counted}项（{_severities(evaluation)}）。"


def summary(evaluation: Evaluation) -> str:
    """The paragraph, on one line."""
    parts = (_execution, _indicators, _scores, _findings)
    text = "".join(part(evaluation) for part in parts)
    return "".join(line.strip() for line in text.splitlines())


__all__ = ["summary"]
