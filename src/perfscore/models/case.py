"""The case format: one project's performance table, as pydantic models.

English keys are canonical; every key also accepts the Chinese column name printed on the forms
(``AliasChoices``). Unknown keys are refused. Values are normalised on load: operators to their
canonical symbol, ``"≥50个"`` targets split into operator, number and unit, ``code-name`` project
names split, so that every spelling of the same table gives the same case.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AliasChoices,
    BaseModel,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)

from perfscore.models.kinds import DEPARTMENT_KINDS, PROJECT_KINDS
from perfscore.models.numbers import normalise_text, split_leading_number
from perfscore.models.scalars import (
    Amount,
    GluedAmount,
    Label,
    Name,
    Operator,
    Rate,
    Score,
    Text,
    Value,
    Weight,
    bare_number,
    split_operator,
)

_FIRST_YEAR: Final = 1949
_LAST_YEAR: Final = 2200
_YEAR: Final = re.compile(r"[0-9]+\s*年?")
_CODE_NAME: Final = re.compile(r"^\s*([0-9A-Z]{8,})\s*[-－—–]\s*(.+?)\s*$", re.DOTALL)
_AMOUNT_FIELDS: Final = ("initial", "adjusted", "executed")
#: A run of digits long enough that the number may be beyond what any form holds (10¹⁵).
_LONG_NUMBER: Final = re.compile(r"[0-9０-９]{16,}")

#: A department case read where a project case is expected.
DEPARTMENT_NOT_PROJECT: Final = (
    '这是部门整体案例（kind = "department"），不是项目案例：'
    "请整体评分（perfscore evaluate，或 perfscore.evaluate_file）"
)


def keys(*names: str) -> AliasChoices:
    """The accepted spellings of one key: the English name first, then the Chinese ones."""
    return AliasChoices(*names)


class Form(BaseModel):
    """Base of every part of a case: frozen, unknown keys refused."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Project(Form):
    code: Text = Field(None, validation_alias=keys("code", "项目编码", "项目代码"))
    name: Name = Field(validation_alias=keys("name", "项目名称"))
    department: Text = Field(None, validation_alias=keys("department", "主管部门"))
    implementer: Text = Field(None, validation_alias=keys("implementer", "实施单位"))

    @model_validator(mode="after")
    def _split_code_name(self) -> Project:
        """``"51042122Y000000391678-网络运行费"`` with no code gives both."""
        match = _CODE_NAME.match(self.name) if self.code is None else None
        if match is None:
            return self
        return self.model_copy(update={"code": match.group(1), "name": match.group(2)})


class Goal(Form):
    planned: Text = Field(None, validation_alias=keys("planned", "项目年度目标", "年度目标"))
    achieved: Text = Field(
        None, validation_alias=keys("achieved", "年度目标完成情况", "目标完成情况")
    )


class BudgetRow(Form):
    """The four columns every row of the budget table has: 年初预算, 调整后, 执行数, 执行率."""

    initial: Amount | None = Field(None, validation_alias=keys("initial", "年初预算", "年初预算数"))
    adjusted: Amount | None = Field(
        None, validation_alias=keys("adjusted", "调整后预算数", "调整后预算", "全年预算数")
    )
    executed: Amount | None = Field(
        None, validation_alias=keys("executed", "预算执行数", "全年执行数", "执行数")
    )
    rate: Rate | None = Field(None, validation_alias=keys("rate", "预算执行率", "执行率"))


class Source(BudgetRow):
    """One funding row of the budget table (财政资金, 单位资金 …)."""

    name: Name = Field(validation_alias=keys("name", "资金来源", "名称"))


class Budget(BudgetRow):
    """预算执行情况: the totals, the claimed weight and score, and the funding rows."""

    weight: Weight | None = Field(None, validation_alias=keys("weight", "权重", "分值"))
    score: Score | None = Field(None, validation_alias=keys("score", "得分"))
    unit: Name = Field("万元", validation_alias=keys("unit", "金额单位", "单位"))
    reason: Text = Field(
        None, validation_alias=keys("reason", "未达90%或调整的原因", "偏差原因", "原因")
    )
    sources: tuple[Source, ...] = Field((), validation_alias=keys("sources", "资金来源", "其中"))

    @model_validator(mode="after")
    def _glued_units(self) -> Budget:
        """``"208万元"`` is 208 in 万元: a unit glued to the amounts becomes the table's unit."""
        rows = (self, *self.sources)
        if not any(_glued(row) for row in rows):
            return self
        found = {unit for row in rows for unit in _glued(row)}
        stated = {self.unit} if "unit" in self.model_fields_set else set()
        units = sorted(found | stated)
        if len(units) > 1:
            raise ValueError(f"金额中的单位 {'、'.join(units)} 不一致")
        sources = tuple(source.model_copy(update=_plain(source)) for source in self.sources)
        return self.model_copy(update={**_plain(self), "unit": units[0], "sources": sources})


def _glued(row: BudgetRow) -> list[str]:
    """The units glued to the row's amounts (usually none)."""
    amounts = (row.initial, row.adjusted, row.executed)
    return [a.unit for a in amounts if type(a) is GluedAmount]


def _plain(row: BudgetRow) -> dict[str, Decimal]:
    """The row's glued amounts as plain numbers."""
    return {
        field: Decimal(value)
        for field in _AMOUNT_FIELDS
        if type(value := getattr(row, field)) is GluedAmount
    }


class Indicator(Form):
    """One row of 绩效指标完成情况. Labels may be blank: real forms leave placeholder rows."""

    level1: Label = Field("", validation_alias=keys("level1", "一级指标"))
    level2: Text = Field(None, validation_alias=keys("level2", "二级指标"))
    name: Label = Field("", validation_alias=keys("name", "三级指标", "指标名称"))
    operator: Operator | None = Field(
        None, validation_alias=keys("operator", "指标性质", "比较符号")
    )
    target: Value | None = Field(
        None, validation_alias=keys("target", "指标值", "年度指标值", "目标值")
    )
    unit: Text = Field(None, validation_alias=keys("unit", "度量单位", "计量单位"))
    actual: Value | None = Field(
        None, validation_alias=keys("actual", "完成值", "实际完成值", "全年实际值")
    )
    weight: Weight | None = Field(None, validation_alias=keys("weight", "权重", "分值"))
    score: Score | None = Field(None, validation_alias=keys("score", "得分"))
    reason: Text = Field(
        None,
        validation_alias=keys(
            "reason", "偏差原因", "未完成原因分析", "偏差原因分析及改进措施", "原因"
        ),
    )

    @model_validator(mode="after")
    def _actual_in_range(self) -> Indicator:
        """An actual whose number no form could hold ("99999999999999999999次") is refused here,
        as such a target or amount is, rather than met while scoring."""
        if isinstance(self.actual, str) and _LONG_NUMBER.search(self.actual):
            split = split_operator(self.actual)
            split_leading_number(split[1] if split else self.actual)  # ValueError if out of range
        return self

    @model_validator(mode="after")
    def _split_target(self) -> Indicator:
        """``target: "≥50个"`` -> operator ≥, target 50, unit 个; ``"不少于5次"`` likewise; a bare
        ``"29.5亩"`` -> target 29.5, unit 亩, the operator left to the rubric's default."""
        if not isinstance(self.target, str):
            return self
        split = _written_operator(self.target, self.operator)
        if split is None:
            bare = bare_number(self.target)
            if bare is None:
                return self
            return self.model_copy(update={"target": bare[0], "unit": self.unit or bare[1] or None})
        operator, rest = split
        update: dict[str, Any] = {"operator": operator, "target": rest}
        number = split_leading_number(rest)
        if number is not None:
            update["target"], unit = number
            if unit and self.unit not in (None, unit):
                raise ValueError(
                    f"度量单位 '{self.unit}' 与指标值 '{self.target}' 中的 '{unit}' 不一致"
                )
            update["unit"] = self.unit or unit or None
        return self.model_copy(update=update)


def _written_operator(target: str, column: str | None) -> tuple[str, str] | None:
    """The operator ``target`` is written with and what follows it, every spelling consumed
    ("≥ 不少于5次" -> ≥, "5次"), so that a case read, written and read again is the same case;
    None when it has none. One that is not the 指标性质 column's is refused."""
    split = split_operator(target)
    found: tuple[str, str] | None = None
    while split is not None:
        written = column if found is None else found[0]
        if written not in (None, split[0]):
            raise ValueError(f"指标性质 '{written}' 与指标值 '{target}' 中的 '{split[0]}' 不一致")
        found = split
        split = split_operator(split[1])
    return found


class Case(Form):
    """A project's self-evaluation table: the unit perfscore scores."""

    schema_ref: Text = Field(None, validation_alias="$schema", exclude=True)
    kind: Annotated[
        Literal["project"], WithJsonSchema({"type": "string", "enum": list(PROJECT_KINDS)})
    ] = Field("project", validation_alias=keys("kind", "类型"))
    year: int | None = Field(
        None, validation_alias=keys("year", "年度"), ge=_FIRST_YEAR, le=_LAST_YEAR
    )
    project: Project = Field(validation_alias=keys("project", "项目", "项目基本情况"))
    goal: Goal = Field(Goal(), validation_alias=keys("goal", "项目年度目标完成情况", "绩效目标"))
    summary: Text = Field(
        None, validation_alias=keys("summary", "项目实施内容及过程概述", "实施情况")
    )
    budget: Budget = Field(validation_alias=keys("budget", "预算执行情况"))
    indicators: tuple[Indicator, ...] = Field(
        validation_alias=keys("indicators", "绩效指标", "绩效指标完成情况"), min_length=1
    )
    claimed_score: Score | None = Field(None, validation_alias=keys("claimed_score", "自评得分"))

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        if value in DEPARTMENT_KINDS:
            raise ValueError(DEPARTMENT_NOT_PROJECT)
        return "project" if value in PROJECT_KINDS else value

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, value: object) -> object:
        return year_value(value)


def year_value(value: object) -> object:
    """A 年度 as an int when it is one in range (``2022``, ``"2022年"``, ``2022.0``); a number
    out of range is refused while still a Decimal (``1e1000000000`` never becomes an int)."""
    if isinstance(value, bool):
        raise ValueError("应为整数，不能是 true/false")
    if isinstance(value, str) and _YEAR.fullmatch(year := normalise_text(value)):
        value = Decimal(year.removesuffix("年").strip())
    if isinstance(value, Decimal):
        if not value.is_finite() or value != value.to_integral_value():
            raise ValueError("应为整数")
        if not _FIRST_YEAR <= value <= _LAST_YEAR:
            raise ValueError(f"年度应在 {_FIRST_YEAR} 到 {_LAST_YEAR} 之间")
        value = int(value)
    if isinstance(value, int) and not _FIRST_YEAR <= value <= _LAST_YEAR:
        raise ValueError(f"年度应在 {_FIRST_YEAR} 到 {_LAST_YEAR} 之间")
    return value


#: Nested parts by field name, for walking a pydantic error location.
#: Each model and the models of its nested parts, by field: how an error path finds its model.
Children = dict[type[Form], dict[str, type[Form]]]
CHILDREN: Final[Children] = {
    Case: {"project": Project, "goal": Goal, "budget": Budget, "indicators": Indicator},
    Budget: {"sources": Source},
}


@cache
def spellings(model: type[Form]) -> dict[str, list[str]]:
    """Each field name of ``model`` -> its accepted keys, the English one first (do not change
    the table: it is shared)."""
    table: dict[str, list[str]] = {}
    for name, field in model.model_fields.items():
        choices = field.validation_alias
        keys_ = choices.choices if isinstance(choices, AliasChoices) else [choices or name]
        table[name] = [str(key) for key in keys_]
    return table


@cache
def aliases(model: type[Form]) -> dict[str, str]:
    """Every accepted key of ``model`` -> its field name (shared: do not change it)."""
    return {key: name for name, keys_ in spellings(model).items() for key in keys_}


__all__ = [
    "CHILDREN",
    "DEPARTMENT_NOT_PROJECT",
    "Budget",
    "BudgetRow",
    "Case",
    "Children",
    "Form",
    "Goal",
    "Indicator",
    "Project",
    "Source",
    "aliases",
    "spellings",
    "year_value",
]
