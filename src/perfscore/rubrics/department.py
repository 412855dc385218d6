"""The department rubric model: a tree of scoring items whose leaves name their methods.

A department rubric (``kind = "department"``) splits 100 points into items; an item either has
sub-items (its weight is theirs summed) or is a leaf scored by a registered method
(:mod:`perfscore.department.methods`) with its options. In TOML each item is a table keyed by
its name::

    [items."部门预算项目绩效管理"]
    weight = 70

    [items."部门预算项目绩效管理".items."绩效监控"]
    weight = 10
    method = "monitoring-coverage"
    options = { expected = 0.15 }

Loading (``extends``, errors with the TOML line) is in :mod:`perfscore.presets`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import Any, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from perfscore.models.numbers import HUNDRED, ZERO, fmt_plain
from perfscore.rubrics.model import CheckConfig, band
from perfscore.rubrics.problems import Problem
from perfscore.scoring.department_methods import ENTERED, METHODS, option_problems

#: Grade of the total, as for projects [official]: the first band whose floor the score reaches.
DEFAULT_GRADES: Final = {"优": Decimal(90), "良": Decimal(80), "中": Decimal(60), "差": ZERO}
#: A problem found in a loaded rubric: the TOML key path it concerns and the message.


def _named(value: Any) -> Any:
    """``{name: table}`` as TOML writes items -> ``[{"name": name, ...table}]``."""
    if not isinstance(value, dict):
        return value
    return [
        {**table, "name": key} if isinstance(table, dict) else table for key, table in value.items()
    ]


class Item(BaseModel):
    """A scoring item: a group of items, or a leaf scored by ``method`` with ``options``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(min_length=1)
    weight: Decimal = Field(ge=0)
    method: str = ENTERED
    options: dict[str, Decimal] = Field(default_factory=dict)
    items: tuple[Item, ...] = ()

    @field_validator("items", mode="before")
    @classmethod
    def _items(cls, value: Any) -> Any:
        return _named(value)

    def walk(self) -> Iterator[Item]:
        """This item, then every item under it, depth first."""
        yield self
        for item in self.items:
            yield from item.walk()


class DepartmentRubric(BaseModel):
    """A loaded, merged and validated department rubric."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    title: str = ""
    description: str = ""
    kind: Literal["department"]
    extends: str | None = None
    source: str | None = None
    #: The rubric the department's projects are scored under, unless the caller says otherwise.
    project_rubric: str = "mof-2020"
    rounding: int = Field(2, ge=0, le=6)
    grades: dict[str, Decimal] = Field(default_factory=lambda: dict(DEFAULT_GRADES))
    items: tuple[Item, ...]
    #: ``[checks.CODE]``: the department and final-accounts checks, as in a project rubric.
    checks: dict[str, CheckConfig] = Field(default_factory=dict)
    #: The ``[accounts]`` section ``[checks]`` replaced: refused, saying where its keys went.
    accounts: None = Field(None, exclude=True)

    @field_validator("items", mode="before")
    @classmethod
    def _items(cls, value: Any) -> Any:
        return _named(value)

    @field_validator("accounts", mode="before")
    @classmethod
    def _moved(cls, value: Any) -> None:
        raise ValueError(
            "[accounts] 已由 [checks.CODE] 取代：severity、enabled 与 tolerance 写在各检查项下"
            "（perfscore checks 列出检查项）"
        )

    def walk(self) -> Iterator[Item]:
        """Every item, depth first."""
        for item in self.items:
            yield from item.walk()

    @property
    def full_marks(self) -> Decimal:
        """The top-level weights summed (100 in a valid rubric)."""
        return sum((item.weight for item in self.items), ZERO)

    def grade_of(self, score: Decimal) -> str:
        """The band a total falls in (bands are checked to be in descending order)."""
        return band(self.grades, score)


def rubric_problems(rubric: DepartmentRubric) -> list[Problem]:
    """Cross-field rules of a department rubric; each problem with the TOML keys it concerns."""
    problems: list[Problem] = []
    if rubric.full_marks != HUNDRED:
        message = f"各评分项权重合计应为 100，实际为 {fmt_plain(rubric.full_marks)}"
        problems.append((("items",), message))
    for item in rubric.items:
        problems += _item_problems(item, ("items", item.name))
    problems += _duplicates(rubric)
    floors = list(rubric.grades.values())
    if not floors:
        problems.append((("grades",), "至少需要一个等级"))
    elif floors != sorted(floors, reverse=True):
        problems.append((("grades",), "等级分数线应从高到低排列"))
    return problems


def _item_problems(item: Item, path: tuple[str, ...]) -> Iterator[Problem]:
    if not item.items:
        yield from _leaf_problems(item, path)
        return
    given = item.model_fields_set & {"method", "options"}
    for key in sorted(given):
        yield (*path, key), f"'{item.name}' 有下级评分项，得分为下级之和，不能设 {key}"
    parts = sum((child.weight for child in item.items), ZERO)
    if parts != item.weight:
        yield (
            (*path, "weight"),
            (
                f"'{item.name}' 的权重 {fmt_plain(item.weight)} "
                f"与下级评分项权重合计 {fmt_plain(parts)} 不等"
            ),
        )
    for child in item.items:
        yield from _item_problems(child, (*path, "items", child.name))


def _leaf_problems(item: Item, path: tuple[str, ...]) -> Iterator[Problem]:
    if item.method not in METHODS:
        known = "、".join(METHODS)
        yield (*path, "method"), f"未知的计分方法 '{item.method}'（可用：{known}）"
        return
    for key, message in option_problems(item.method, item.options):
        yield (*path, "options", key), message


Located = tuple[Item, tuple[str, ...]]


def _paths(items: Sequence[Item], prefix: tuple[str, ...]) -> Iterator[Located]:
    for item in items:
        path = (*prefix, "items", item.name)
        yield item, path
        yield from _paths(item.items, path)


def _duplicates(rubric: DepartmentRubric) -> Iterator[Problem]:
    seen: set[str] = set()
    for item, path in _paths(rubric.items, ()):
        if item.name in seen:
            yield path, f"评分项名称 '{item.name}' 重复（案例按名称填报得分，名称须唯一）"
        seen.add(item.name)


__all__ = [
    "DEFAULT_GRADES",
    "DepartmentRubric",
    "Item",
    "rubric_problems",
]
