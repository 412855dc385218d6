"""One scoring plan per rubric: what is compiled once from a rubric and used for every case.

A rubric is plain validated data. Scoring needs more: the method chosen for each operator, the
phrases longest first, the level spellings, the placeholder pattern, and the texts already read
under those rules. :meth:`Plan.of` builds all of it from a rubric, and keeps the plans of the
last few rubrics in the one cache scoring has (:data:`PLANS_KEPT`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final

from perfscore.checks.registry import Enabled, enabled_checks
from perfscore.models.operators import QUALITATIVE_SYMBOL
from perfscore.rubrics.model import Rubric
from perfscore.scoring.methods import (
    QUALITATIVE,
    QUANTITATIVE,
    QualitativeMethod,
    QuantitativeMethod,
)
from perfscore.scoring.placement import Levels, Placeholders
from perfscore.scoring.values import Reader

#: Plans kept: a run scores under one or two rubrics (review: the submitter's and the strict).
PLANS_KEPT: Final = 8


@dataclass(frozen=True, slots=True, eq=False)
class Plan:
    """A rubric compiled for scoring. Build one with :meth:`Plan.of`."""

    rubric: Rubric
    #: ``[methods]``: each operator (and ``zero-target``, ``time-point``) to its method.
    quantitative: Mapping[str, QuantitativeMethod]
    #: The method of a qualitative row (``[methods] 定性``).
    qualitative: QualitativeMethod
    #: ``[levels]`` and the cost markers: the level and cost lookups.
    levels: Levels
    #: ``[rows]``: placeholder cells and names.
    placeholders: Placeholders
    #: ``[qualitative]``: the reader of targets and actuals, with its memo of texts read.
    reader: Reader
    #: The checks the rubric enables, with their options and severities (``[checks]``).
    checks: tuple[Enabled, ...]

    @staticmethod
    def of(rubric: Rubric) -> Plan:
        """The plan of ``rubric``: built the first time, then taken from the cache."""
        return _cache.get(rubric)


def _build(rubric: Rubric) -> Plan:
    methods = {
        k: QUANTITATIVE[name] for k, name in rubric.methods.items() if k != QUALITATIVE_SYMBOL
    }
    placeholders = Placeholders(rubric.rows)
    return Plan(
        rubric=rubric,
        quantitative=MappingProxyType(methods),
        qualitative=QUALITATIVE[rubric.methods[QUALITATIVE_SYMBOL]],
        levels=Levels(rubric),
        placeholders=placeholders,
        reader=Reader(rubric.qualitative, placeholders),
        checks=enabled_checks(rubric),
    )


class _Plans:
    """The plans of the last :data:`PLANS_KEPT` rubrics met, newest first.

    Keyed by the rubric itself: the same object is found by identity (the usual case, one
    comparison), an equal rubric loaded again by value. The cache holds the rubrics it keys
    on, so an identity it compares against can never belong to another, newer rubric (as an
    ``id()`` could once its object is gone).
    """

    __slots__ = ("_plans",)

    def __init__(self) -> None:
        self._plans: list[Plan] = []

    def get(self, rubric: Rubric) -> Plan:
        plans = self._plans
        for plan in plans:  # a run's one or two rubrics: found by identity, in place
            if plan.rubric is rubric:
                return plan
        for index, plan in enumerate(plans):  # the same rules loaded again: the compiled
            if plan.rubric == rubric:  # parts serve it, and the new object keys them
                plans[index] = replace(plan, rubric=rubric)
                return plans[index]
        plans.insert(0, _build(rubric))
        del plans[PLANS_KEPT:]
        return plans[0]


_cache: Final = _Plans()


__all__ = ["PLANS_KEPT", "Plan"]
