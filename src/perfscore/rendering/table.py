"""The terminal view: header, budget row, indicator table, total, findings, 综述."""

from __future__ import annotations

from tabulate import tabulate

from perfscore.models.numbers import fmt, fmt_plain, fmt_signed, percent
from perfscore.models.results import SEVERITY_LABELS, Evaluation
from perfscore.rendering.common import indicator_cells, project_title
from perfscore.rendering.escape import terminal
from perfscore.rendering.narrative import summary

_WIDTHS = [10, 14, 20, 4, 10, 8, 12, 6, 6, 8]


def _header(evaluation: Evaluation) -> list[str]:
    case = evaluation.case
    rubric = evaluation.rubric
    lines = [f"项目：{terminal(project_title(evaluation))}"]
    facts = [
        f"主管部门：{terminal(case.project.department)}" if case.project.department else "",
        f"年度：{case.year}" if case.year else "",
    ]
    if any(facts):
        lines.append("    ".join(f for f in facts if f))
    lines.append(
        f"评分规则：{rubric.name}（{rubric.title}）" if rubric.title else f"评分规则：{rubric.name}"
    )
    return lines


def _budget(evaluation: Evaluation) -> str:
    execution = evaluation.execution
    budget = evaluation.case.budget
    row = [
        fmt(execution.initial),
        fmt(execution.adjusted),
        fmt(execution.executed),
        percent(execution.rate),
        percent(budget.rate),
        fmt_plain(execution.weight),
        fmt(execution.score),
    ]
    head = ["年初预算", "调整后预算", "预算执行数", "执行率", "填报执行率", "权重", "得分"]
    return f"预算执行情况（{budget.unit}）\n" + tabulate(
        [row], head, tablefmt="simple", disable_numparse=True
    )


def _indicators(evaluation: Evaluation) -> str:
    rows = [[terminal(c) for c in indicator_cells(evaluation, r)] for r in evaluation.indicators]
    rows.append(
        [
            "合计",
            "",
            "",
            "",
            "",
            "",
            "",
            fmt(evaluation.indicator_weight),
            fmt(evaluation.indicator_score),
            "",
        ]
    )
    head = [
        "一级指标",
        "二级指标",
        "三级指标",
        "性质",
        "指标值",
        "单位",
        "完成值",
        "权重",
        "得分",
        "状态",
    ]
    return "绩效指标完成情况\n" + tabulate(
        rows, head, tablefmt="simple", disable_numparse=True, maxcolwidths=_WIDTHS
    )


def _total(evaluation: Evaluation) -> str:
    text = f"总分 {fmt(evaluation.score)}（{evaluation.grade}）"
    if evaluation.claimed_score is not None:
        text += (
            f"    自评 {fmt(evaluation.claimed_score)}    差额 {fmt_signed(evaluation.difference)}"
        )
    return text


def _findings(evaluation: Evaluation) -> list[str]:
    if not evaluation.findings:
        return ["问题：无"]
    lines = [f"问题（{len(evaluation.findings)}）"]
    lines += [
        f"  [{SEVERITY_LABELS[f.severity]}] {f.code} {terminal(f.where)}：{terminal(f.message)}"
        for f in evaluation.findings
    ]
    return lines


def project_table(evaluation: Evaluation) -> str:
    """One evaluation as the terminal shows it."""
    parts = [
        "\n".join(_header(evaluation)),
        _budget(evaluation),
        _indicators(evaluation),
        _total(evaluation),
        "\n".join(_findings(evaluation)),
        f"绩效自评综述：{terminal(summary(evaluation))}",
    ]
    if evaluation.source:
        parts.insert(0, f"== {terminal(evaluation.source)} ==")
    return "\n\n".join(parts) + "\n"


__all__ = ["project_table"]
