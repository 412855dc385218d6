"""The summary of a batch: counts, totals per 主管部门 and the most frequent findings.

Built from rows as they come and mergeable, so that each worker sums its own share and the
streaming output needs no rows kept in memory.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

from perfscore.checks import title
from perfscore.models.numbers import ZERO, half_up
from perfscore.review.rows import Row
from perfscore.rubrics.model import Review

#: The department of a submission that names none.
NO_DEPARTMENT = "（未填主管部门）"


@dataclass(slots=True)
class DepartmentTotals:
    """Running totals of one 主管部门's submissions."""

    count: int = 0
    claimed: int = 0
    claimed_sum: Decimal = ZERO
    score_sum: Decimal = ZERO
    review_sum: Decimal = ZERO
    over_claims: int = 0

    def merge(self, other: DepartmentTotals) -> None:
        self.count += other.count
        self.claimed += other.claimed
        self.claimed_sum += other.claimed_sum
        self.score_sum += other.score_sum
        self.review_sum += other.review_sum
        self.over_claims += other.over_claims


@dataclass(slots=True)
class Summary:
    """What a reviewer reads first. ``inputs`` always equals ``scored`` + ``errors``."""

    scored: int = 0
    errors: int = 0
    blank_lines: int = 0
    full_marks: int = 0
    over_claims: int = 0
    unclaimed: int = 0
    with_errors: int = 0
    with_warnings: int = 0
    departments: dict[str, DepartmentTotals] = field(default_factory=dict)
    codes: Counter[str] = field(default_factory=Counter)

    @property
    def inputs(self) -> int:
        return self.scored + self.errors

    def add(self, row: Row, full_marks: Decimal, review: Review) -> None:
        """Count one scored submission."""
        self.scored += 1
        over = row.gap is not None and row.gap > review.over_claim
        self.over_claims += over
        self.with_errors += row.errors > 0
        self.with_warnings += row.errors + row.warnings > 0
        self.codes.update(row.codes)
        totals = self.departments.setdefault(row.department or NO_DEPARTMENT, DepartmentTotals())
        totals.count += 1
        totals.score_sum += row.score
        totals.review_sum += row.review_score
        totals.over_claims += over
        if row.claimed_score is None:
            self.unclaimed += 1
            return
        self.full_marks += row.claimed_score >= full_marks
        totals.claimed += 1
        totals.claimed_sum += row.claimed_score

    def merge(self, other: Summary) -> None:
        """Add another share of the batch."""
        for name in _COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.codes.update(other.codes)
        for department, totals in other.departments.items():
            self.departments.setdefault(department, DepartmentTotals()).merge(totals)


#: The counts of a summary, added up when shares of the batch are merged.
_COUNTS: Final = (
    "scored", "errors", "blank_lines", "full_marks", "over_claims", "unclaimed", "with_errors",
    "with_warnings",
)  # fmt: skip


def average(total: Decimal, count: int) -> Decimal | None:
    """A mean to 2 places, half-up; None of nothing."""
    return half_up(total / count) if count else None


def department_rows(summary: Summary) -> list[dict[str, Any]]:
    """Per 主管部门, most submissions first, then by name."""
    ranked = sorted(summary.departments.items(), key=lambda item: (-item[1].count, item[0]))
    return [
        {
            "department": name,
            "count": totals.count,
            "claimed_mean": average(totals.claimed_sum, totals.claimed),
            "score_mean": average(totals.score_sum, totals.count),
            "review_mean": average(totals.review_sum, totals.count),
            "over_claims": totals.over_claims,
        }
        for name, totals in ranked
    ]


def code_rows(summary: Summary, review: Review) -> list[dict[str, Any]]:
    """The most frequent finding codes: in how many submissions each was raised."""
    ranked = sorted(summary.codes.items(), key=lambda item: (-item[1], item[0]))
    return [
        {"code": code, "title": title(code), "submissions": count}
        for code, count in ranked[: review.top_codes]
    ]


__all__ = [
    "NO_DEPARTMENT",
    "DepartmentTotals",
    "Summary",
    "average",
    "code_rows",
    "department_rows",
]
