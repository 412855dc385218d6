"""Properties of the scoring methods and the engine, over random inputs (hypothesis)."""

from __future__ import annotations

import copy
import random
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from referencing import Registry, Resource

from perfscore import evaluate, load_rubric
from perfscore.checks import enabled_checks
from perfscore.checks.accounts.run import account_findings
from perfscore.input.department import department_from_data
from perfscore.input.jsonfile import case_from_data, parse_json
from perfscore.models.case import Indicator
from perfscore.models.numbers import ZERO, half_up
from perfscore.models.schema import SCHEMA_ID, case_schema
from perfscore.rendering.casefile import case_text
from perfscore.rendering.department import department_dict
from perfscore.rendering.jsonout import to_dict
from perfscore.rubrics.loading import load_department_rubric
from perfscore.scoring.department import evaluate_department
from perfscore.scoring.methods import QUANTITATIVE
from perfscore.scoring.plan import Plan
from perfscore.scoring.project import score_indicator
from perfscore.scoring.weights import apportion

from .strategies import (
    ascii_operators,
    cases,
    chinese_keys,
    departments,
    respelled,
    respelled_department,
    shuffled,
)

RUBRIC = load_rubric()
REVIEW_RUBRIC = load_rubric("mof-2020-review")
DEPARTMENT_RUBRICS = (
    load_department_rubric(),
    load_department_rubric("dazhou-department"),
)
#: The accounts findings a department whose figures all add up must not get.
ARITHMETIC = (
    "sum-mismatch",
    "balance-mismatch",
    "share-mismatch",
    "share-adjusted",
    "yoy-mismatch",
    "completion-mismatch",
)
values = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False, allow_infinity=False)
weights = st.decimals(min_value=0, max_value=90, places=2, allow_nan=False, allow_infinity=False)
operators = st.sampled_from(["≥", "≤", "＝", "＜", "＞"])


def _row(operator: str, target: Any, actual: Any, unit: str = "个") -> Indicator:
    return Indicator.model_validate(
        {
            "level1": "产出指标",
            "name": "x",
            "operator": operator,
            "target": target,
            "unit": unit,
            "actual": actual,
        }
    )


@given(
    operators, values, st.one_of(values, st.sampled_from(["已全部完成", "见附件", "良"])), weights
)
def test_row_score_lies_within_its_weight(
    operator: str, target: Decimal, actual: Any, weight: Decimal
) -> None:
    result = score_indicator(0, _row(operator, target, actual), "output", weight, Plan.of(RUBRIC))
    assert ZERO <= result.score <= weight
    assert result.score == half_up(result.score)


@given(values, values, values, weights)
def test_greater_equal_is_monotone_in_the_actual(
    target: Decimal, a: Decimal, b: Decimal, weight: Decimal
) -> None:
    low, high = sorted((a, b))
    score = [
        score_indicator(0, _row("≥", target, x), "output", weight, Plan.of(RUBRIC)).score
        for x in (low, high)
    ]
    assert score[0] <= score[1]


@given(values, values)
def test_methods_return_factors_between_zero_and_one(target: Decimal, actual: Decimal) -> None:
    for name, method in QUANTITATIVE.items():
        for operator in ("≥", "≤", "＝", "＜", "＞"):
            factor = method(actual, target, operator).factor
            assert ZERO <= factor <= 1, (name, operator)


@given(
    st.decimals(min_value=0, max_value=100, places=2), st.lists(weights, min_size=1, max_size=12)
)
def test_apportion_adds_up_exactly(total: Decimal, shares: list[Decimal]) -> None:
    parts = apportion(total, shares)
    assert sum(parts, ZERO) == total
    assert all(part >= 0 and part == half_up(part) for part in parts)
    whole = sum(shares, ZERO)
    if whole > 0:
        for part, share in zip(parts, shares, strict=True):
            assert abs(part - total * share / whole) < Decimal("0.01")


@given(st.integers(min_value=-(10**6), max_value=10**6))
def test_half_up_rounds_halves_away_from_zero(thousandths: int) -> None:
    value = Decimal(thousandths) / 1000
    assert half_up(value) == value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if thousandths % 10 == 5:
        assert abs(half_up(value)) > abs(value)


def _result(data: dict[str, Any]) -> dict[str, Any]:
    out = to_dict(evaluate(case_from_data(data), RUBRIC))
    for row in out["indicators"]:  # the echo keeps the input spelling; the scores must not differ
        row.pop("operator")
    return out


@given(cases())
def test_total_is_the_sum_of_its_rows_and_within_100(data: dict[str, Any]) -> None:
    evaluation = evaluate(case_from_data(data), RUBRIC)
    rows = sum((row.score for row in evaluation.indicators), ZERO)
    assert evaluation.score == evaluation.execution.score + rows
    assert ZERO <= evaluation.score <= 100
    assert sum((row.weight for row in evaluation.indicators), ZERO) == RUBRIC.indicator_total


def _bare_and_written(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The case with every quantitative target written bare ("12.5万元", no operator), and with
    the operator a reviewer reads into it written in: ≤ for a cost indicator or a target of 0,
    ≥ otherwise."""
    bare, written = copy.deepcopy(data), copy.deepcopy(data)
    for plain, explicit in zip(bare["indicators"], written["indicators"], strict=True):
        if explicit["operator"] == "定性":
            continue
        levels = explicit["level1"] + explicit.get("level2", "")
        lower = "成本" in levels or Decimal(explicit["target"]) == 0
        explicit["operator"] = "≤" if lower else "≥"
        del plain["operator"]
        plain["target"] = f"{explicit['target']}{plain.pop('unit', '')}"
    return bare, written


@given(cases())
def test_a_target_with_no_operator_scores_as_the_operator_it_defaults_to(
    data: dict[str, Any],
) -> None:
    bare, written = _bare_and_written(data)
    for rubric in (RUBRIC, REVIEW_RUBRIC):
        got = evaluate(case_from_data(bare), rubric)
        expected = evaluate(case_from_data(written), rubric)
        assert [(r.weight, r.score, r.status) for r in got.indicators] == [
            (r.weight, r.score, r.status) for r in expected.indicators
        ]
        assert got.score == expected.score
        assert got.execution.score == expected.execution.score
        defaulted = {f.code for f in got.findings} - {f.code for f in expected.findings}
        assert defaulted <= {"default-operator"}


PLACEHOLDER_ROWS = (
    {"level1": "", "name": "指标2:", "target": "/", "actual": "/"},
    {"level1": "产出指标", "name": "……", "target": "", "actual": ""},
    {"level1": "效益指标", "level2": "经济效益指标", "name": "", "score": 0},
    {"level1": "满意度指标", "name": "受益人数", "target": "——", "actual": "——"},
)


@given(cases(), st.lists(st.tuples(st.integers(0, 20), st.sampled_from(PLACEHOLDER_ROWS))))
def test_placeholder_rows_change_nothing_else(
    data: dict[str, Any], inserted: list[tuple[int, dict[str, Any]]]
) -> None:
    """Placeholder rows anywhere in a table are listed as not applicable; every other row keeps
    its weight and score, and the total is unchanged."""
    padded = copy.deepcopy(data)
    for position, row in inserted:
        padded["indicators"].insert(position, dict(row))
    got = evaluate(case_from_data(padded), RUBRIC)
    expected = evaluate(case_from_data(data), RUBRIC)
    assert [(r.weight, r.score) for r in got.indicators if r.applicable] == [
        (r.weight, r.score) for r in expected.indicators
    ]
    assert sum(1 for r in got.indicators if not r.applicable) == len(inserted)
    assert got.score == expected.score


@given(cases())
def test_spellings_and_key_languages_score_identically(data: dict[str, Any]) -> None:
    expected = _result(data)
    assert _result(ascii_operators(data)) == expected
    assert _result(chinese_keys(data)) == expected


@given(cases())
def test_dump_and_load_round_trip(data: dict[str, Any]) -> None:
    """What ``perfscore import`` writes (``case_text``) reads back to the same evaluation."""
    case = case_from_data(data)
    again = case_from_data(parse_json(case_text(case)))
    assert again == case
    for rubric in (RUBRIC, REVIEW_RUBRIC):
        assert to_dict(evaluate(again, rubric)) == to_dict(evaluate(case, rubric))


@pytest.mark.parametrize("stated", ["96.0%", "96.00%", Decimal("96.00")])
def test_dump_keeps_the_places_a_rate_is_stated_to(stated: Any) -> None:
    data = {  # 38.2 / 40 = 95.5%: 96 at 0 places, but not at 1 or 2
        "project": {"name": "x"},
        "budget": {"adjusted": 40, "executed": Decimal("38.2"), "rate": stated},
        "indicators": [
            {"level1": "产出指标", "name": "a", "operator": "≥", "target": 1, "actual": 1}
        ],
    }
    case = case_from_data(data)
    again = case_from_data(parse_json(case_text(case)))
    assert to_dict(evaluate(again, RUBRIC)) == to_dict(evaluate(case, RUBRIC))


@pytest.mark.parametrize("zero", [Decimal("-0.00"), "-0", "－0"])
def test_negative_zero_is_zero(zero: Any) -> None:
    data = {
        "project": {"name": "x"},
        "budget": {"adjusted": 30, "executed": zero},
        "indicators": [
            {"level1": "产出指标", "name": "a", "operator": "≥", "target": 1, "actual": 1}
        ],
    }
    case = case_from_data(data)
    result = to_dict(evaluate(case, RUBRIC))
    assert "-0" not in result["summary"]
    assert to_dict(evaluate(case_from_data(parse_json(case_text(case))), RUBRIC)) == result


@given(cases(), st.randoms(use_true_random=False))
def test_key_order_never_matters(data: dict[str, Any], pick: random.Random) -> None:
    """Every object's keys in any order: the same score, rows, findings and narrative."""
    assert _result(shuffled(data, pick)) == _result(data)


@given(cases(), st.randoms(use_true_random=False))
def test_key_language_never_matters(data: dict[str, Any], pick: random.Random) -> None:
    """Each key of every object (funding rows too) in any spelling it accepts, mixed freely."""
    assert _result(respelled(data, pick)) == _result(data)


@settings(max_examples=50)
@given(cases(), st.randoms(use_true_random=False))
def test_random_cases_follow_the_published_schema(
    data: dict[str, Any], pick: random.Random
) -> None:
    """The strategies mirror the schema: what they draw, in any spelling, the schema accepts."""
    jsonschema.Draft202012Validator(case_schema()).validate(respelled(data, pick))


def _department_validator() -> jsonschema.Draft202012Validator:
    registry: Registry[Any] = Registry().with_resource(
        SCHEMA_ID, Resource.from_contents(case_schema())
    )
    return jsonschema.Draft202012Validator(case_schema("department"), registry=registry)


@settings(max_examples=50)
@given(departments())
def test_consistent_accounts_raise_no_arithmetic_findings(data: dict[str, Any]) -> None:
    """Parts that add up, shares, changes, growth and completion computed half-up at the
    places stated: none of the arithmetic checks may object, under either department rubric."""
    _department_validator().validate(data)
    loaded = department_from_data(data, None)
    projects = [project.case for project in loaded.projects]
    for rubric in DEPARTMENT_RUBRICS:
        units = load_rubric(rubric.project_rubric).quantitative
        found = account_findings(loaded.case, projects, enabled_checks(rubric), units)
        assert [f for f in found if f.code in ARITHMETIC] == []


@settings(max_examples=30)
@given(departments(), st.randoms(use_true_random=False))
def test_department_total_lies_within_100_whatever_the_key_order_and_language(
    data: dict[str, Any], pick: random.Random
) -> None:
    loaded = department_from_data(data, None)
    # evaluation.scores is keyed by item names in the case's own order, which a message that
    # lists unknown items follows: it is kept; every other object is shuffled.
    keep = ("scores", "各项得分")
    again = department_from_data(shuffled(respelled_department(data, pick), pick, keep), None)
    for rubric in DEPARTMENT_RUBRICS:
        project_rubric = load_rubric(rubric.project_rubric)
        evaluation = evaluate_department(loaded, rubric, project_rubric)
        assert ZERO <= evaluation.score <= 100
        assert evaluation.score == sum((item.score for item in evaluation.items), ZERO)
        for item in evaluation.items:
            assert ZERO <= item.score <= item.weight
        expected = department_dict(evaluation)
        assert department_dict(evaluate_department(again, rubric, project_rubric)) == expected
