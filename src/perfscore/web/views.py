"""What a page shows of a result: plain data for the templates, read from the result objects.

Nothing here scores or recomputes: numbers are formatted as the other renderers format them
(``fmt``), rows are :func:`perfscore.rendering.common.indicator_cells`, the 综述 is the narrative
renderer's, the chart the HTML report's. A finding is linked to the row or cell it concerns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from typing import Any, Final

from markupsafe import Markup

from perfscore.models.department_results import DepartmentEvaluation, ItemResult
from perfscore.models.numbers import fmt, fmt_plain, fmt_signed
from perfscore.models.results import SEVERITY_LABELS, Evaluation, Finding
from perfscore.rendering.casefile import case_text
from perfscore.rendering.common import INDICATOR_HEAD, indicator_cells, project_title
from perfscore.web.uploads import UploadedCase

#: A finding's JSON path that points into an indicator row, or the budget.
_ROW: Final = re.compile(r"^\$\.indicators\[(\d+)\]")
_BUDGET: Final = re.compile(r"^\$\.budget\b")


@dataclass(frozen=True, slots=True)
class FindingView:
    """A finding as a page lists it, with the element (row) it points at, if any."""

    code: str
    severity: str
    label: str
    where: str
    message: str
    target: str


@dataclass(frozen=True, slots=True)
class RowView:
    """An indicator row: its element id, its status (class and word) and its cells."""

    ident: str
    status: str
    cells: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Headline:
    """What tops a case's section: its element id, file, title, and the scores at a glance."""

    ident: str
    upload: str
    title: str
    score: str
    grade: str
    claimed: str
    difference: str


def headline(
    ident: str, upload: str, title: str, result: Evaluation | DepartmentEvaluation
) -> dict[str, Any]:
    """The :class:`Headline` fields of a result, to build its view with."""
    return asdict(
        Headline(
            ident,
            upload,
            title,
            fmt(result.score),
            result.grade,
            fmt(result.claimed_score),
            fmt_signed(result.difference),
        )
    )


@dataclass(frozen=True, slots=True)
class CaseView(Headline):
    """One project case's page: its head, budget, rows, findings, chart, 综述 and case JSON."""

    budget: tuple[tuple[str, str], ...]
    head: tuple[str, ...]
    rows: tuple[RowView, ...]
    findings: tuple[FindingView, ...]
    chart: Markup
    summary: str
    case_json: str
    rubric: str


@dataclass(frozen=True, slots=True)
class ItemView:
    """One item of a department evaluation."""

    depth: int
    name: str
    weight: str
    score: str
    claimed: str
    source: str
    basis: str


@dataclass(frozen=True, slots=True)
class DepartmentView(Headline):
    """A department case: its items, its projects and its findings."""

    items: tuple[ItemView, ...]
    projects: tuple[tuple[str, str, str, str], ...]
    findings: tuple[FindingView, ...]


@dataclass(frozen=True, slots=True)
class ErrorView:
    """An upload (or one of its tables) that could not be scored: the CLI's one line."""

    upload: str
    message: str


View = CaseView | DepartmentView | ErrorView


def views(scored: list[UploadedCase]) -> list[View]:
    """Each scored case as its page section, in order (``c1``, ``c2`` … as element ids)."""
    out: list[View] = []
    for index, item in enumerate(scored, start=1):
        result = item.result
        if result is None:
            out.append(ErrorView(item.upload, item.error or ""))
        elif isinstance(result, DepartmentEvaluation):
            out.append(department_view(f"c{index}", item.upload, result))
        else:
            out.append(case_view(f"c{index}", item.upload, result))
    return out


def _target(ident: str, finding: Finding) -> str:
    path = finding.path or finding.where
    row = _ROW.match(path)
    if row is not None:
        return f"{ident}-row-{row.group(1)}"
    return f"{ident}-budget" if _BUDGET.match(path) else ""


def finding_view(ident: str, finding: Finding, linked: bool = True) -> FindingView:
    """A finding, linked to its row when it points into one the page shows (``linked``)."""
    return FindingView(
        finding.code,
        finding.severity,
        SEVERITY_LABELS[finding.severity],
        finding.where,
        finding.message,
        _target(ident, finding) if linked else "",
    )


def case_view(ident: str, upload: str, evaluation: Evaluation) -> CaseView:
    """One project case, as its page shows it."""
    from perfscore.rendering.jinja import environment  # noqa: PLC0415 - the report's chart
    from perfscore.rendering.narrative import summary  # noqa: PLC0415
    from perfscore.rendering.report.chart import render_chart  # noqa: PLC0415
    from perfscore.rendering.report.context import report_of  # noqa: PLC0415

    execution = evaluation.execution
    rows = tuple(
        RowView(f"{ident}-row-{row.position}", row.status, tuple(indicator_cells(evaluation, row)))
        for row in evaluation.indicators
    )
    return CaseView(
        **headline(ident, upload, project_title(evaluation), evaluation),
        budget=(
            ("年初预算数", fmt(execution.initial)),
            ("调整后预算数", fmt(execution.adjusted)),
            ("执行数", fmt(execution.executed)),
            ("执行率", "" if execution.rate is None else f"{fmt(execution.rate)}%"),
            ("分值", fmt_plain(execution.weight)),
            ("得分", fmt(execution.score)),
        ),
        head=INDICATOR_HEAD,
        rows=rows,
        findings=tuple(finding_view(ident, f) for f in evaluation.findings),
        chart=render_chart(report_of(evaluation), environment("report", "html")),
        summary=summary(evaluation),
        case_json=case_text(evaluation.case),
        rubric=evaluation.rubric.name,
    )


def department_view(ident: str, upload: str, evaluation: DepartmentEvaluation) -> DepartmentView:
    """A department case, as its page shows it."""
    items = tuple(
        ItemView(
            depth,
            item.name,
            fmt_plain(item.weight),
            fmt(item.score),
            fmt(item.claimed),
            "计算" if item.computed else "填报",
            "" if item.items else item.basis,
        )
        for depth, item in _walk(evaluation.items)
    )
    projects = tuple(
        (project_title(p), fmt(p.claimed_score), fmt(p.score), fmt_signed(p.difference))
        for p in evaluation.projects
    )
    return DepartmentView(
        **headline(ident, upload, evaluation.case.department.name, evaluation),
        items=items,
        projects=projects,
        # The department's page shows no budget table or indicator rows to point at.
        findings=tuple(finding_view(ident, f, linked=False) for f in evaluation.findings),
    )


def _walk(items: tuple[ItemResult, ...], depth: int = 0) -> Iterator[tuple[int, ItemResult]]:
    """Every item with its depth, each before its sub-items."""
    for item in items:
        yield depth, item
        yield from _walk(item.items, depth + 1)


__all__ = [
    "CaseView",
    "DepartmentView",
    "ErrorView",
    "FindingView",
    "Headline",
    "ItemView",
    "RowView",
    "View",
    "case_view",
    "department_view",
    "finding_view",
    "headline",
    "views",
]
