"""One line of a review: a submission scored under both rubrics, or the error that stopped it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..checks import title
from ..errors import PerfscoreError
from ..results import SEVERITY_RANK, Evaluation


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
class Problem:
    """An input that could not be scored: where it is and why."""

    file: str
    line: int | None
    message: str

    @classmethod
    def of(cls, error: PerfscoreError, file: str, line: int | None = None) -> Problem:
        """``error`` (its one-line text names the file and place) said of ``file``/``line``."""
        return cls(file, line if line is not None else error.line, str(error))


def row_of(mine: Evaluation, strict: Evaluation, file: str, line: int | None) -> Row:
    """The row for one case: ``mine`` under the self rubric, ``strict`` under the review one.

    The findings are the review rubric's: ``mine`` may have been scored without its checks.
    """
    project = mine.case.project
    findings = strict.findings
    severities = [f.severity for f in findings]
    return Row(
        file=file,
        line=line,
        code=project.code,
        name=project.name,
        department=project.department,
        claimed_score=mine.claimed_score,
        score=mine.score,
        review_score=strict.score,
        gap=mine.difference,
        grade=mine.grade,
        errors=severities.count("error"),
        warnings=severities.count("warning"),
        infos=severities.count("info"),
        top=_top(strict),
        codes=tuple(dict.fromkeys(f.code for f in findings)),
    )


def _top(evaluation: Evaluation) -> str:
    """The most serious findings in a few words: the titles of the worst few codes, not info."""
    limit = evaluation.rubric.review.top_findings
    worst = [f.code for f in evaluation.findings if SEVERITY_RANK[f.severity] > 0]
    return "、".join(title(code) for code in list(dict.fromkeys(worst))[:limit])


def order(rows: list[Row]) -> list[Row]:
    """Largest claimed-minus-recomputed gap first; no claim last; ties keep input order."""
    return sorted(rows, key=lambda row: (row.gap is None, -(row.gap or 0)))


__all__ = ["Problem", "Row", "order", "row_of"]
