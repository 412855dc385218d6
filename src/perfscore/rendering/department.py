"""A department evaluation as the terminal shows it, as JSON data, and as Markdown.

The Markdown is the department-wide evaluation (items, projects, findings) followed by the
决算说明 written from the figures (``templates/department/``). No renderer recomputes a score.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from tabulate import tabulate

from perfscore.models.department_results import DepartmentEvaluation, ItemResult
from perfscore.models.execution import BudgetExecution, CategoryExecution
from perfscore.models.numbers import fmt, fmt_plain, fmt_signed
from perfscore.models.results import SEVERITY_LABELS, Evaluation, Finding
from perfscore.rendering.accounts_prose import accounts_context
from perfscore.rendering.common import project_title
from perfscore.rendering.escape import terminal
from perfscore.rendering.jinja import environment
from perfscore.rendering.jsonout import json_number

_NAME_WIDTH = 24
_BASIS_WIDTH = 48


def _item_rows(items: tuple[ItemResult, ...], depth: int = 0) -> list[list[str]]:
    rows: list[list[str]] = []
    for item in items:
        rows.append(
            [
                "　" * depth + terminal(item.name),
                fmt_plain(item.weight),
                fmt(item.score),
                fmt(item.claimed),
                "计算" if item.computed else "填报",
                terminal(item.basis) if not item.items else "",
            ]
        )
        rows += _item_rows(item.items, depth + 1)
    return rows


ITEM_HEAD = ("评分项", "分值", "得分", "自评", "来源", "依据")
PROJECT_HEAD = ("项目", "自评得分", "重算得分", "等级", "差额", "问题")


def _project_row(evaluation: Evaluation) -> list[str]:
    return [
        terminal(project_title(evaluation)),
        fmt(evaluation.claimed_score),
        fmt(evaluation.score),
        evaluation.grade,
        fmt_signed(evaluation.difference),
        str(len(evaluation.findings)),
    ]


def _finding_line(finding: Finding) -> str:
    label = SEVERITY_LABELS[finding.severity]
    return f"[{label}] {finding.code} {terminal(finding.where)}：{terminal(finding.message)}"


def _total(evaluation: DepartmentEvaluation) -> str:
    text = f"总分 {fmt(evaluation.score)}（{evaluation.grade}）"
    if evaluation.claimed_score is not None:
        claimed, difference = fmt(evaluation.claimed_score), fmt_signed(evaluation.difference)
        text += f"    自评 {claimed}    差额 {difference}"
    return text


CATEGORY_HEAD = ("类别", "预算数", "上年结转", "执行数", "执行率", "结余", "填报执行率", "填报结余")


def _category_rows(execution: BudgetExecution | None) -> list[list[str]]:
    """The category table's rows, then 合计 over the complete categories; [] without a budget."""
    if execution is None:
        return []
    rows = [
        [
            c.label,
            fmt(c.budget),
            fmt(c.carried_over),
            fmt(c.executed),
            _percent(c.rate),
            fmt(c.balance),
            "" if c.stated_rate is None else f"{c.stated_rate:f}%",
            fmt(c.stated_balance),
        ]
        for c in execution.categories
    ]
    carried = any(c.carried_over is not None for c in execution.categories)
    total = [
        fmt(execution.budget),
        fmt(execution.carried_over) if carried else "",
        fmt(execution.executed),
    ]
    return [*rows, ["合计", *total, _percent(execution.rate), fmt(execution.balance), "", ""]]


def _percent(rate: Decimal | None) -> str:
    return "" if rate is None else f"{fmt(rate)}%"


def department_table(evaluation: DepartmentEvaluation) -> str:
    """The terminal view: the items, the total, the projects and the findings."""
    case = evaluation.case
    rubric = evaluation.rubric
    head = [
        f"部门：{terminal(case.department.name)}" + (f"    年度：{case.year}" if case.year else ""),
        f"评分规则：{rubric.name}（{rubric.title}）；项目按 {evaluation.project_rubric.name}",
    ]
    widths = [_NAME_WIDTH, None, None, None, None, _BASIS_WIDTH]
    items = tabulate(
        _item_rows(evaluation.items), ITEM_HEAD, disable_numparse=True, maxcolwidths=widths
    )
    parts = ["\n".join(head), "部门整体绩效评价\n" + items, _total(evaluation)]
    categories = _category_rows(evaluation.execution)
    if categories:
        table = tabulate(categories, CATEGORY_HEAD, disable_numparse=True)
        parts.append("部门预算执行（万元）\n" + table)
    if evaluation.projects:
        rows = [_project_row(p) for p in evaluation.projects]
        parts.append("项目\n" + tabulate(rows, PROJECT_HEAD, disable_numparse=True))
    findings = [f"问题（{len(evaluation.findings)}）"] if evaluation.findings else ["问题：无"]
    findings += ["  " + _finding_line(f) for f in evaluation.findings]
    parts.append("\n".join(findings))
    if evaluation.source:
        parts.insert(0, f"== {terminal(evaluation.source)} ==")
    return "\n\n".join(parts) + "\n"


def _item_dict(item: ItemResult) -> dict[str, Any]:
    return {
        "name": item.name,
        "weight": json_number(item.weight),
        "score": json_number(item.score),
        "claimed_score": json_number(item.claimed),
        "computed": item.computed,
        "method": item.method,
        "basis": item.basis,
        "items": [_item_dict(child) for child in item.items],
    }


def _project_dict(evaluation: Evaluation) -> dict[str, Any]:
    return {
        "file": evaluation.source,
        "code": evaluation.case.project.code,
        "name": evaluation.case.project.name,
        "claimed_score": json_number(evaluation.claimed_score),
        "score": json_number(evaluation.score),
        "grade": evaluation.grade,
        "difference": json_number(evaluation.difference),
        "findings": len(evaluation.findings),
    }


def _category_dict(category: CategoryExecution) -> dict[str, Any]:
    return {
        "key": category.key,
        "name": category.label,
        "carried_over": json_number(category.carried_over),
        "budget": json_number(category.budget),
        "executed": json_number(category.executed),
        "available": json_number(category.available),
        "rate": json_number(category.rate),
        "balance": json_number(category.balance),
        "stated_rate": json_number(category.stated_rate),
        "stated_balance": json_number(category.stated_balance),
    }


def execution_dict(execution: BudgetExecution | None) -> dict[str, Any] | None:
    """The whole budget by category as JSON data (None when the case gives none)."""
    if execution is None:
        return None
    return {
        "categories": [_category_dict(category) for category in execution.categories],
        "budget": json_number(execution.budget),
        "carried_over": json_number(execution.carried_over),
        "available": json_number(execution.available),
        "executed": json_number(execution.executed),
        "balance": json_number(execution.balance),
        "rate": json_number(execution.rate),
    }


def department_dict(evaluation: DepartmentEvaluation) -> dict[str, Any]:
    """The department evaluation as plain JSON-ready data."""
    case = evaluation.case
    return {
        "kind": "department",
        "file": evaluation.source,
        "rubric": evaluation.rubric.name,
        "project_rubric": evaluation.project_rubric.name,
        "year": case.year,
        "department": case.department.model_dump(mode="json"),
        "score": json_number(evaluation.score),
        "grade": evaluation.grade,
        "claimed_score": json_number(evaluation.claimed_score),
        "difference": json_number(evaluation.difference),
        "items": [_item_dict(item) for item in evaluation.items],
        "budget": execution_dict(evaluation.execution),
        "projects": [_project_dict(p) for p in evaluation.projects],
        "findings": [
            {"code": f.code, "severity": f.severity, "message": f.message, "where": f.where}
            for f in evaluation.findings
        ],
    }


def markdown(evaluation: DepartmentEvaluation) -> str:
    """The evaluation, then the 决算说明 written from the figures."""
    env = environment("department", "markdown")
    context = {
        "e": evaluation,
        "categories": _category_rows(evaluation.execution),
        "items": _item_rows(evaluation.items),
        "projects": [_project_row(p) for p in evaluation.projects],
        "findings": evaluation.findings,
        "severity": SEVERITY_LABELS,
        "fmt": fmt,
        "signed": fmt_signed,
    }
    text = env.get_template("evaluation.md.j2").render(context)
    accounts = accounts_context(evaluation.case)
    if accounts is not None:
        text += "\n" + env.get_template("accounts.md.j2").render(a=accounts)
    return text


__all__ = [
    "CATEGORY_HEAD",
    "ITEM_HEAD",
    "PROJECT_HEAD",
    "department_dict",
    "department_table",
    "execution_dict",
    "markdown",
]
