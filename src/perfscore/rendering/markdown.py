"""Markdown: the same content as the table view, as a document with pipe tables."""

from __future__ import annotations

from collections.abc import Sequence

from perfscore.models.numbers import fmt, fmt_plain, fmt_signed, percent
from perfscore.models.results import SEVERITY_LABELS, Evaluation
from perfscore.rendering.common import INDICATOR_HEAD, indicator_cells, project_title
from perfscore.rendering.escape import code_span, markdown_cell, markdown_line
from perfscore.rendering.explanation import explanation_text
from perfscore.rendering.narrative import summary


def pipe_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(markdown_cell(c) for c in row) + " |" for row in rows]
    return lines


def _facts(evaluation: Evaluation) -> list[str]:
    case = evaluation.case
    facts = [
        ("项目编码", case.project.code),
        ("主管部门", case.project.department),
        ("实施单位", case.project.implementer),
        ("年度", str(case.year) if case.year else None),
        ("文件", evaluation.source),
        ("评分规则", f"{evaluation.rubric.name}（{evaluation.rubric.title}）"),
    ]
    return [f"- {label}：{markdown_line(value)}" for label, value in facts if value]


def _budget(evaluation: Evaluation) -> list[str]:
    execution = evaluation.execution
    head = ["年初预算", "调整后预算", "预算执行数", "预算执行率", "填报执行率", "权重", "得分"]
    row = [
        fmt(execution.initial),
        fmt(execution.adjusted),
        fmt(execution.executed),
        percent(execution.rate),
        percent(evaluation.case.budget.rate),
        fmt_plain(execution.weight),
        fmt(execution.score),
    ]
    return [
        f"## 预算执行情况（{evaluation.case.budget.unit}）",
        "",
        *pipe_table(head, [row]),
        "",
        f"计分依据：{explanation_text(execution.explanation)}",
    ]


def _indicators(evaluation: Evaluation) -> list[str]:
    head = [*INDICATOR_HEAD, "计分依据"]
    rows = [
        [*indicator_cells(evaluation, r), explanation_text(r.explanation)]
        for r in evaluation.indicators
    ]
    return ["## 绩效指标完成情况", "", *pipe_table(head, rows)]


def _result(evaluation: Evaluation) -> list[str]:
    lines = ["## 评分结果", "", f"- 复核得分：**{fmt(evaluation.score)}**（{evaluation.grade}）"]
    lines += [f"- {lv.name}：{fmt(lv.score)} / {fmt(lv.weight)}" for lv in evaluation.levels]
    if evaluation.claimed_score is not None:
        lines.append(
            f"- 自评得分：{fmt(evaluation.claimed_score)}，差额 {fmt_signed(evaluation.difference)}"
        )
    return lines


def _findings(evaluation: Evaluation) -> list[str]:
    lines = ["## 发现的问题", ""]
    if not evaluation.findings:
        return [*lines, "无。"]
    return lines + [
        f"{n}. **{SEVERITY_LABELS[f.severity]}** {code_span(f.code)}（{code_span(f.where)}）："
        f"{markdown_line(f.message)}"
        for n, f in enumerate(evaluation.findings, start=1)
    ]


def project_markdown(evaluation: Evaluation) -> str:
    lines = [
        f"# {markdown_line(project_title(evaluation))} 绩效自评复核",
        "",
        *_facts(evaluation),
        "",
        *_budget(evaluation),
        "",
        *_indicators(evaluation),
        "",
        *_result(evaluation),
        "",
        *_findings(evaluation),
        "",
        "## 绩效自评综述",
        "",
        markdown_line(summary(evaluation)),
    ]
    return "\n".join(lines) + "\n"


__all__ = ["pipe_table", "project_markdown"]
