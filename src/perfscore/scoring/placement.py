"""Where each indicator row stands before it is scored: whether it is an indicator at all (a
placeholder row, 不适用, is not) and which first level (一级指标) it belongs to.

:class:`Placeholders` and :class:`Levels` are the rubric's ``[rows]`` and ``[levels]`` compiled
once for a scoring plan (``scoring.plan``), with what they have already read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from perfscore.errors import CaseError
from perfscore.models.case import Indicator
from perfscore.rubrics.model import Rows, Rubric, compact
from perfscore.scoring.memo import recall
from perfscore.scoring.weights import level_cell_name


class Placeholders:
    """The rubric's ``[rows]``: cells and names that hold nothing (不适用)."""

    __slots__ = ("_longest_first", "_marks", "_memo", "_pattern", "_starts")

    def __init__(self, rows: Rows) -> None:
        self._marks = frozenset(rows.placeholders)
        #: The first characters of the placeholders: a cell starting otherwise is none.
        self._starts = frozenset(mark[0] for mark in rows.placeholders if mark)
        self._longest_first = sorted(rows.placeholders, key=len, reverse=True)
        self._pattern = re.compile(rows.placeholder_name)
        self._memo: dict[str, bool] = {}

    def cell(self, cell: object) -> bool:
        """Whether a cell holds only a placeholder (``"/"``, ``"——"``, ``"/ /"``) or nothing."""
        if type(cell) is not str:
            return cell is None
        if cell in self._marks:
            return True
        return bool(cell) and cell[0] in self._starts and compact(cell) in self._marks

    def name(self, name: str) -> bool:
        """``""``, ``"……"``, ``"指标2:"``, ``"指标1:/"``: a name that names nothing."""
        return recall(self._memo, name, self._names_nothing, name)

    def _names_nothing(self, name: str) -> bool:
        text = compact(name)
        for mark in self._longest_first:
            text = text.replace(mark, "")
        return not text or self._pattern.fullmatch(text) is not None


class Levels:
    """The rubric's ``[levels]`` and cost markers: which level a row's cells name."""

    __slots__ = ("_aliases", "_markers", "_memo", "_seconds")

    def __init__(self, rubric: Rubric) -> None:
        pairs = [(a, k) for k, level in rubric.levels.items() for a in (level.name, *level.aliases)]
        #: (spelling, level key) pairs, longest spelling first.
        self._aliases = sorted(pairs, key=lambda pair: -len(pair[0]))
        seconds = [(m, key) for key, level in rubric.levels.items() for m in level.second]
        self._seconds = sorted(seconds, key=lambda pair: -len(pair[0]))
        self._markers = rubric.quantitative.cost_markers
        self._memo: dict[tuple[str, ...], Any] = {}

    def of(self, level1: str) -> str | None:
        """The level a 一级指标 cell names: an exact spelling, else the longest one it contains
        (blanks ignored: ``产 出 指 标`` is 产出指标)."""
        key = ("level", level1)
        if key in self._memo:  # the usual case, without a call
            found: str | None = self._memo[key]
            return found
        return recall(self._memo, key, self._find, level1)

    def _find(self, level1: str) -> str | None:
        level1 = compact(level1)
        found = next((k for alias, k in self._aliases if level1 == alias), None)
        if found is None:
            found = next((k for alias, k in self._aliases if alias in level1), None)
        return found

    def of_second(self, level2: str | None) -> str | None:
        """The level a 二级指标 belongs to (数量指标 -> 产出), for a 一级 cell with no name."""
        if not level2:
            return None
        return recall(self._memo, ("second", level2), self._find_second, level2)

    def _find_second(self, level2: str) -> str | None:
        level2 = compact(level2)
        return next((key for marker, key in self._seconds if marker in level2), None)

    def is_cost(self, level1: str, level2: str | None) -> bool:
        """Whether a row is a cost indicator (成本指标): a marker in its 二级 or 一级 cell."""
        key = ("cost", level1, level2 or "")
        found: bool | None = self._memo.get(key)  # the usual case, without a call
        return recall(self._memo, key, self._cost, level1, level2) if found is None else found

    def _cost(self, level1: str, level2: str | None) -> bool:
        cells = (compact(level1), compact(level2 or ""))
        return any(m in cell for m in self._markers for cell in cells)


def not_applicable(row: Indicator, placeholders: Placeholders) -> bool:
    """A placeholder row (不适用): no weight, and target and actual only placeholders ("/",
    "——"); or a name that names nothing ("指标2:", "") with target and actual not filled."""
    if row.weight or (row.target is not None and type(row.target) is not str):
        return False  # weighted, or a number for a target: an indicator
    empty = placeholders.cell  # None, or only a placeholder
    if not (empty(row.target) and empty(row.actual)):
        return False
    if row.target is not None and row.actual is not None:
        return True  # both hold a placeholder mark
    return placeholders.name(row.name)


def level_keys(
    rows: Sequence[Indicator],
    applicable: Sequence[bool],
    levels: Levels,
    rubric: Rubric,
    source: str | None,
) -> list[str]:
    """Each row's first level: its 一级 cell, else its 二级 cell's level, else (a merged cell
    that lost its text, or a placeholder row) the level of the row above."""
    keys: list[str] = []
    for index, row in enumerate(rows):
        named = level_cell_name(row.level1)
        key = levels.of(named) if named else None
        if key is None and not named:
            key = levels.of_second(row.level2) or (keys[-1] if keys else None)
        if key is None and not applicable[index]:
            key = keys[-1] if keys else next(iter(rubric.levels))
        if key is None:
            raise _unknown_level(row, index, rubric, source)
        keys.append(key)
    return keys


def _unknown_level(row: Indicator, index: int, rubric: Rubric, source: str | None) -> CaseError:
    names = "、".join(level.name for level in rubric.levels.values())
    if level_cell_name(row.level1):
        message = f"无法识别的一级指标 '{row.level1}'"
    else:
        message = f"一级指标未填，无法从二级指标 '{row.level2 or ''}' 判断所属一级指标"
    return CaseError(
        f"{message}（评分规则 {rubric.name} 可用：{names}）",
        file=source,
        path=f"$.indicators[{index}].level1",
    )


__all__ = ["Levels", "Placeholders", "level_keys", "not_applicable"]
