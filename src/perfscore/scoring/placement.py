"""Where each indicator row stands before it is scored: whether it is an indicator at all (a
placeholder row, 不适用, is not) and which first level (一级指标) it belongs to."""

from __future__ import annotations

from collections.abc import Sequence

from perfscore.errors import CaseError
from perfscore.models.case import Indicator
from perfscore.rubrics.model import Rubric
from perfscore.scoring.weights import level_name


def not_applicable(row: Indicator, rubric: Rubric) -> bool:
    """A placeholder row (不适用): no weight, and target and actual only placeholders ("/",
    "——"); or a name that names nothing ("指标2:", "") with target and actual not filled."""
    if row.weight or (row.target is not None and type(row.target) is not str):
        return False  # weighted, or a number for a target: an indicator
    empty = rubric.rows.is_placeholder  # None, or only a placeholder
    if not (empty(row.target) and empty(row.actual)):
        return False
    if row.target is not None and row.actual is not None:
        return True  # both hold a placeholder mark
    return rubric.rows.is_placeholder_name(row.name)


def level_keys(
    rows: Sequence[Indicator], applicable: Sequence[bool], rubric: Rubric, source: str | None
) -> list[str]:
    """Each row's first level: its 一级 cell, else its 二级 cell's level, else (a merged cell
    that lost its text, or a placeholder row) the level of the row above."""
    keys: list[str] = []
    for index, row in enumerate(rows):
        named = level_name(row.level1)
        key = rubric.level_of(named) if named else None
        if key is None and not named:
            key = rubric.level_of_second(row.level2) or (keys[-1] if keys else None)
        if key is None and not applicable[index]:
            key = keys[-1] if keys else next(iter(rubric.levels))
        if key is None:
            raise _unknown_level(row, index, rubric, source)
        keys.append(key)
    return keys


def _unknown_level(row: Indicator, index: int, rubric: Rubric, source: str | None) -> CaseError:
    names = "、".join(level.name for level in rubric.levels.values())
    if level_name(row.level1):
        message = f"无法识别的一级指标 '{row.level1}'"
    else:
        message = f"一级指标未填，无法从二级指标 '{row.level2 or ''}' 判断所属一级指标"
    return CaseError(
        f"{message}（评分规则 {rubric.name} 可用：{names}）",
        file=source,
        path=f"$.indicators[{index}].level1",
    )


__all__ = ["level_keys", "not_applicable"]
