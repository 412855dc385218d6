"""What a department-wide evaluation produces: one ``DepartmentEvaluation`` for every renderer.

The items form a tree that mirrors the rubric's: each says its weight, its score, whether the
score was computed or taken as entered (填报), how it was reached (``basis``, in Chinese) and the
score the department claimed for it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from perfscore.models.department import DepartmentCase
from perfscore.models.execution import BudgetExecution
from perfscore.models.results import Evaluation, Finding, worst
from perfscore.rubrics.department import DepartmentRubric
from perfscore.rubrics.model import Rubric, Severity
from perfscore.scoring.department_registry import Missing


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One scoring item, scored; a group's score is the sum of its items'."""

    name: str
    weight: Decimal
    score: Decimal
    #: Whether perfscore computed the score (a group: all of its items were computed).
    computed: bool
    basis: str
    #: The leaf's method (``None`` for a group).
    method: str | None
    #: The score the case claims for this item, if it gives one.
    claimed: Decimal | None
    items: tuple[ItemResult, ...] = ()
    #: Set when a computable leaf lacked its data, or an entered leaf its score.
    missing: Missing | None = None

    @property
    def difference(self) -> Decimal | None:
        """Claimed minus computed, when a score is claimed."""
        return None if self.claimed is None else self.claimed - self.score

    def walk(self) -> Iterator[ItemResult]:
        """This item, then every item under it, depth first."""
        yield self
        for item in self.items:
            yield from item.walk()


@dataclass(frozen=True, slots=True)
class DepartmentEvaluation:
    """A department case scored under a department rubric, its projects under a project rubric."""

    source: str | None
    case: DepartmentCase
    rubric: DepartmentRubric
    project_rubric: Rubric
    items: tuple[ItemResult, ...]
    score: Decimal
    grade: str
    claimed_score: Decimal | None
    #: Claimed minus computed, when a total is claimed.
    difference: Decimal | None
    projects: tuple[Evaluation, ...]
    findings: tuple[Finding, ...]
    #: The whole budget by category, when the case gives one (``budget``).
    execution: BudgetExecution | None = None
    #: Each project's paragraph in the department's report, beside ``projects`` (None: none).
    summaries: tuple[str | None, ...] = ()

    def walk(self) -> Iterator[ItemResult]:
        """Every item of the tree, depth first."""
        for item in self.items:
            yield from item.walk()

    def leaves(self) -> tuple[ItemResult, ...]:
        """The items that carry a method (those without sub-items)."""
        return tuple(item for item in self.walk() if not item.items)

    def item(self, name: str) -> ItemResult:
        """The item called ``name`` (names are unique in a rubric); KeyError if none."""
        found = next((item for item in self.walk() if item.name == name), None)
        if found is None:
            raise KeyError(name)
        return found

    def worst(self) -> Severity | None:
        """The most serious severity among the department's own findings."""
        return worst(self.findings)

    def to_dict(self) -> dict[str, Any]:
        """This evaluation as JSON data: the object ``perfscore evaluate --format json`` prints."""
        from perfscore.rendering.department import department_dict  # noqa: PLC0415 - on demand

        return department_dict(self)


__all__ = ["DepartmentEvaluation", "ItemResult"]
