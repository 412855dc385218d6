"""One line of a review: a submission scored under both rubrics, or the error that stopped it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from perfscore.checks import title
from perfscore.errors import PerfscoreError
from perfscore.models.department_results import DepartmentEvaluation
from perfscore.models.results import SEVERITY_RANK, Evaluation, Finding
from perfscore.pipeline import Result


@dataclass(frozen=True, slots=True)
class Row:
    """A submission re-scored: its claim, both recomputed scores and what the review found."""

    file: str
    line: int | None
    code: str | None
    name: str
    department: str | None
    claimed_score: Decimal | None
    score: Decimal
    review_score: Decimal
    gap: Decimal | None
    grade: str
    errors: int
    warnings: int
    infos: int
    top: str
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ErrorRow:
    """An input that could not be scored: where it is and why."""

    file: str
    line: int | None
    message: str

    @classmethod
    def of(cls, error: PerfscoreError, file: str, line: int | None = None) -> ErrorRow:
        """``error`` (its one-line text names the file and place) said of ``file``/``line``."""
        return cls(file, line if line is not None else error.line, str(error))


def row_of(mine: Evaluation, strict: Evaluation, file: str, line: int | None) -> Row:
    """The row for one case: ``mine`` under the self rubric, ``strict`` under the review one.

    The findings are the review rubric's: ``mine`` may have been scored without its checks.
    """
    project = mine.case.project
    who = (project.code, project.name, project.department)
    return _row(mine, strict, (file, line), who, strict.rubric.review.top_findings)


def department_row(
    mine: DepartmentEvaluation, strict: DepartmentEvaluation, file: str, line: int | None
) -> Row:
    """The row for a department case: its projects under the self rubric (``mine``) and under the
    review rubric (``strict``), the department itself under its department rubric both times."""
    department = mine.case.department
    who = (department.code, department.name, department.name)
    return _row(mine, strict, (file, line), who, strict.project_rubric.review.top_findings)


def _row(
    mine: Result,
    strict: Result,
    where: tuple[str, int | None],
    who: tuple[str | None, str, str | None],
    top: int,
) -> Row:
    findings = strict.findings
    severities = [f.severity for f in findings]
    return Row(
        file=where[0],
        line=where[1],
        code=who[0],
        name=who[1],
        department=who[2],
        claimed_score=mine.claimed_score,
        score=mine.score,
        review_score=strict.score,
        gap=mine.difference,
        grade=mine.grade,
        errors=severities.count("error"),
        warnings=severities.count("warning"),
        infos=severities.count("info"),
        top=_titles(findings, top),
        codes=tuple(dict.fromkeys(f.code for f in findings)),
    )


def _titles(findings: tuple[Finding, ...], limit: int) -> str:
    """The most serious findings in a few words: the titles of the worst few codes, not info."""
    worst = [f.code for f in findings if SEVERITY_RANK[f.severity] > 0]
    return "、".join(title(code) for code in list(dict.fromkeys(worst))[:limit])


def order(rows: list[Row]) -> list[Row]:
    """Largest claimed-minus-recomputed gap first; no claim last; ties keep input order."""
    return sorted(rows, key=lambda row: (row.gap is None, -(row.gap or 0)))


__all__ = ["ErrorRow", "Row", "department_row", "order", "row_of"]
