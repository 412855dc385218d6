"""Setting indicator weights: given per row, or split from the first-level weights.

Weights are apportioned to the cent by largest remainder, so equal thirds of 50 are
16.67 + 16.67 + 16.66 and full marks add up to exactly 100.00.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Final

from perfscore.models.case import Indicator
from perfscore.models.numbers import ZERO, floor_to, quantum
from perfscore.models.results import Allocation, WeightMode
from perfscore.rubrics.model import Rubric, compact

_STATED_POINTS: Final = re.compile(r"[（(]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")


def apportion(total: Decimal, shares: Sequence[Decimal], places: int = 2) -> list[Decimal]:
    """Split ``total`` in proportion to ``shares``, each to ``places`` decimals, summing exactly."""
    if not shares:
        return []
    whole = sum(shares, ZERO)
    weights = list(shares) if whole > 0 else [Decimal(1)] * len(shares)
    whole = sum(weights, ZERO)
    raw = [total * w / whole for w in weights]
    parts = [floor_to(r, places) for r in raw]
    step = quantum(places)
    left = int((total - sum(parts, ZERO)) / step)
    order = sorted(range(len(raw)), key=lambda i: (parts[i] - raw[i], i))
    for i in order[:left]:
        parts[i] += step
    return parts


@lru_cache(maxsize=1024)
def without_points(level1: str) -> str:
    """``"产出指标（50分）"`` -> ``"产出指标"``."""
    return _STATED_POINTS.sub("", level1).strip()


@lru_cache(maxsize=1024)
def level_cell_name(level1: str) -> str:
    """The name a 一级指标 cell gives, points and blanks removed: ``"产 出 指 标（50分）"`` ->
    ``"产出指标"``, ``"(50分)"`` -> ``""``."""
    return compact(without_points(level1))


@lru_cache(maxsize=1024)
def stated_points(level1: str) -> Decimal | None:
    """``"产出指标（50分）"`` -> 50."""
    match = _STATED_POINTS.search(level1)
    return None if match is None else Decimal(match.group(1))


def allocate(
    indicators: Sequence[Indicator],
    levels: Sequence[str],
    applicable: Sequence[bool],
    rubric: Rubric,
) -> Allocation:
    """Each indicator's weight, with how it was set; placeholder rows weigh 0 and are left out
    of every sum."""
    every = all(applicable)
    rows = list(range(len(indicators))) if every else [i for i, ok in enumerate(applicable) if ok]
    used = list(indicators) if every else [indicators[i] for i in rows]
    keys = list(levels) if every else [levels[i] for i in rows]
    stated = _stated_levels(used, keys)
    missing = tuple(key for key in rubric.levels if key not in keys)
    given = [row.weight for row in used]
    weighted = [w is not None for w in given]
    unweighted: tuple[int, ...] = ()
    if any(weighted) and (all(weighted) or rubric.weights.unweighted == "zero"):
        unweighted = tuple(rows[j] for j, w in enumerate(given) if w is None)
        shares, level_weights, mode = _given([w or ZERO for w in given], keys, rubric)
    else:
        level_weights, mode = _level_weights(keys, stated, missing, rubric)
        shares = _split(keys, level_weights, rubric.rounding)
        mode = "partial" if any(weighted) else mode
    if every:
        return Allocation(
            tuple(shares), tuple(levels), level_weights, stated, mode, missing, unweighted
        )
    weights = [ZERO] * len(indicators)
    for row, weight in zip(rows, shares, strict=True):
        weights[row] = weight
    skipped = tuple(i for i, ok in enumerate(applicable) if not ok)
    return Allocation(
        tuple(weights), tuple(levels), level_weights, stated, mode, missing, unweighted, skipped
    )


def _given(
    given: list[Decimal], levels: Sequence[str], rubric: Rubric
) -> tuple[list[Decimal], dict[str, Decimal], WeightMode]:
    """Given weights as they stand or scaled to the indicator total, their levels' sums, how."""
    total = rubric.indicator_total
    mode: WeightMode = "given"
    weights = given
    if sum(given, ZERO) != total:
        if rubric.weights.given_mismatch == "scale":
            weights, mode = apportion(total, given, rubric.rounding), "given-scaled"
        else:
            mode = "given-as-is"
    sums = {key: ZERO for key in dict.fromkeys(levels)}
    for key, weight in zip(levels, weights, strict=True):
        sums[key] += weight
    return weights, sums, mode


def _level_weights(
    levels: Sequence[str], stated: dict[str, Decimal], missing: tuple[str, ...], rubric: Rubric
) -> tuple[dict[str, Decimal], WeightMode]:
    present = list(dict.fromkeys(key for key in rubric.levels if key in levels))
    total = rubric.indicator_total
    use_stated = (
        rubric.weights.stated_levels
        and all(key in stated for key in present)
        and sum((stated[k] for k in present), ZERO) == total
    )
    if use_stated:
        return {key: stated[key] for key in present}, "stated"
    defaults = [rubric.levels[key].weight for key in present]
    if missing and rubric.weights.missing_level == "pro-rata":
        return dict(
            zip(present, apportion(total, defaults, rubric.rounding), strict=True)
        ), "rubric"
    return dict(zip(present, defaults, strict=True)), "rubric"


def _split(levels: Sequence[str], level_weights: dict[str, Decimal], places: int) -> list[Decimal]:
    weights = [ZERO] * len(levels)
    for key, level_weight in level_weights.items():
        rows = [i for i, level in enumerate(levels) if level == key]
        shares = apportion(level_weight, [Decimal(1)] * len(rows), places)
        for row, weight in zip(rows, shares, strict=True):
            weights[row] = weight
    return weights


def _stated_levels(indicators: Sequence[Indicator], levels: Sequence[str]) -> dict[str, Decimal]:
    stated: dict[str, Decimal] = {}
    for indicator, key in zip(indicators, levels, strict=True):
        points = stated_points(indicator.level1)
        if points is not None:
            stated.setdefault(key, points)
    return stated


__all__ = ["allocate", "apportion", "level_cell_name", "stated_points", "without_points"]
