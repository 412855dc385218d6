"""The rubric model: the scoring rules as typed data (loading is in ``presets``).

A rubric names the weights, the method for each operator, the grade factors and phrases, the
grade bands of the total and the options and severity of every check.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictBool, field_validator, model_validator

from perfscore.models.numbers import ONE, ZERO
from perfscore.models.operators import LOWER_BOUNDS, SYMBOLS, QuantitativeOperator

#: Keys of ``[methods]``: the operators (``models.operators``), then the two cases that override
#: an operator's method.
OPERATOR_KEYS: Final = SYMBOLS
SPECIAL_METHOD_KEYS: Final = ("zero-target", "time-point")

Severity = Literal["error", "warning", "info"]
_BLANKS: Final = re.compile(r"\s+")


def compact(label: str) -> str:
    """A label with every blank removed: PDF extraction breaks ``产 出 指 标`` anywhere."""
    return _BLANKS.sub("", label)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Level(_Section):
    """A first-level indicator (一级指标) and its share of the 100 points."""

    name: str
    weight: Decimal = Field(ge=0)
    aliases: tuple[str, ...] = ()
    #: 二级指标 that belong to this level, for a 一级 cell that lost its name ("(50分)").
    second: tuple[str, ...] = ()
    required: StrictBool = True
    percent_unit: StrictBool = False


class Execution(_Section):
    weight: Decimal = Field(ge=0)
    round_rate_first: StrictBool = True
    reason_below: Decimal = Field(Decimal(90), ge=0, le=100)
    #: No 调整后预算 given: measure against the 年初预算 ("initial") or score 0 ("none").
    unadjusted: Literal["initial", "none"] = "none"


class Weights(_Section):
    missing_level: Literal["pro-rata", "none"] = "pro-rata"
    given_mismatch: Literal["scale", "as-given"] = "scale"
    stated_levels: StrictBool = True
    #: Rows without a weight among weighted rows: "zero" (the declared weights stand) or
    #: "rubric" (every weight is set by the rubric instead).
    unweighted: Literal["zero", "rubric"] = "zero"


class Rows(_Section):
    """What in a row is not data: placeholder cells and placeholder names (not applicable)."""

    placeholders: tuple[str, ...] = ()
    placeholder_name: str = ""

    @field_validator("placeholder_name")
    @classmethod
    def _pattern(cls, pattern: str) -> str:
        try:
            re.compile(pattern)
        except re.error as error:
            where = "" if error.pos is None else f"（第 {error.pos + 1} 个字符处）"
            raise ValueError(f"'{pattern}' 不是有效的正则表达式{where}") from None
        return pattern


class Quantitative(_Section):
    time_units: tuple[str, ...] = ()
    default_operator: QuantitativeOperator = "≥"
    #: A cost indicator (成本指标) with no operator: costs take an upper limit.
    cost_operator: QuantitativeOperator = "≤"
    #: A target of 0 with no operator ("0起"): nothing may happen.
    zero_operator: QuantitativeOperator = "≤"
    text_actual: Literal["phrase", "zero"] = "phrase"
    #: An actual that repeats the target with its sign ("≥266米"): "read" its number, or "zero".
    actual_with_operator: Literal["read", "zero"] = "read"
    #: The operators an actual can overshoot (finding overshoot; deducted with overshoot_deduct).
    overshoot_operators: tuple[QuantitativeOperator, ...] = LOWER_BOUNDS
    overshoot_ratio: Decimal = Field(Decimal("1.2"), gt=1)
    overshoot_deduct: StrictBool = False
    percent_units: tuple[str, ...] = ("%",)
    money_units: dict[str, Annotated[Decimal, Field(gt=0)]] = Field(default_factory=dict)
    cost_markers: tuple[str, ...] = ("成本",)


class Qualitative(_Section):
    grades: dict[str, Decimal]
    grade_aliases: dict[str, str] = Field(default_factory=dict)
    phrases: dict[str, Decimal] = Field(default_factory=dict)
    #: Whole answers read exactly, never as part of a text ("是", "否").
    words: dict[str, Decimal] = Field(default_factory=dict)
    #: An actual of nothing ("无"): the number 0 on a quantitative row, factor 0 otherwise.
    nothing: tuple[str, ...] = ()
    #: A phrase right after one of these ("不明显", "未提升") scores ``negated_factor`` at most.
    negations: tuple[str, ...] = ()
    negated_factor: Decimal = Field(Decimal("0.3"), ge=0, le=1)
    #: A phrase right after one of these ("较及时", "基本达标") scores at most its factor.
    qualifiers: dict[str, Decimal] = Field(default_factory=dict)
    #: The factor of a qualitative actual that says what the target says; None: no such rule.
    same_as_target: Decimal | None = Field(None, ge=0, le=1)
    scale_min_grades: int = Field(3, ge=2)

    @field_validator("grades", "phrases", "words", "qualifiers")
    @classmethod
    def _factors(cls, table: dict[str, Decimal]) -> dict[str, Decimal]:
        for key, factor in table.items():
            if not ZERO <= factor <= ONE:
                raise ValueError(f"'{key}' 的系数 {factor} 应在 0 到 1 之间")
        return table

    @model_validator(mode="after")
    def _aliases_known(self) -> Qualitative:
        for alias, grade in self.grade_aliases.items():
            if grade not in self.grades:
                raise ValueError(f"grade_aliases 中 '{alias}' 指向未定义的等级 '{grade}'")
        return self


class CheckConfig(_Section):
    model_config = ConfigDict(extra="allow", frozen=True)
    severity: Severity | None = None
    enabled: StrictBool = True


class Review(_Section):
    """How ``perfscore review`` sums up a batch (the strict rubric's settings are used)."""

    over_claim: Decimal = Field(Decimal(1), ge=0)
    top_findings: int = Field(3, ge=1)
    top_codes: int = Field(10, ge=1)


class Rubric(_Section):
    """A loaded, merged and validated rubric."""

    name: str
    title: str = ""
    description: str = ""
    extends: str | None = None
    source: str = ""
    execution: Execution
    levels: dict[str, Level]
    weights: Weights = Weights()
    rows: Rows = Rows()
    methods: dict[str, str]
    quantitative: Quantitative = Quantitative()
    qualitative: Qualitative
    grades: dict[str, Decimal]
    rounding: int = Field(2, ge=0, le=6)
    checks: dict[str, CheckConfig] = Field(default_factory=dict)
    review: Review = Review()

    @property
    def full_marks(self) -> Decimal:
        """The most a case can score: execution plus every level (100)."""
        return self.execution.weight + self.indicator_total

    @property
    def indicator_total(self) -> Decimal:
        """Points for all indicators together (90 when execution carries 10)."""
        return sum((level.weight for level in self.levels.values()), ZERO)

    def grade_of(self, score: Decimal) -> str:
        """The band a total falls in (bands are checked to be in descending order)."""
        return band(self.grades, score)


def band(grades: dict[str, Decimal], score: Decimal) -> str:
    """The grade a score falls in: the first whose floor it reaches (``grades`` descending),
    else the last. Project and department rubrics both grade so."""
    for grade, floor in grades.items():
        if score >= floor:
            return grade
    return next(reversed(grades))


__all__ = [
    "OPERATOR_KEYS",
    "SPECIAL_METHOD_KEYS",
    "CheckConfig",
    "Execution",
    "Level",
    "Qualitative",
    "Quantitative",
    "Review",
    "Rows",
    "Rubric",
    "Severity",
    "Weights",
    "band",
    "compact",
]
