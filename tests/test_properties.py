"""Properties of the scoring methods and the engine, over random inputs (hypothesis)."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from perfscore import evaluate, load_rubric
from perfscore.case import Indicator
from perfscore.engine import score_indicator
from perfscore.loader import case_from_data, parse_json
from perfscore.methods import QUANTITATIVE
from perfscore.numbers import ZERO, half_up
from perfscore.render.jsonout import to_dict
from perfscore.weights import apportion

from .strategies import ascii_operators, cases, chinese_keys

RUBRIC = load_rubric()
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
    result = score_indicator(0, _row(operator, target, actual), "output", weight, RUBRIC)
    assert ZERO <= result.score <= weight
    assert result.score == half_up(result.score)


@given(values, values, values, weights)
def test_greater_equal_is_monotone_in_the_actual(
    target: Decimal, a: Decimal, b: Decimal, weight: Decimal
) -> None:
    low, high = sorted((a, b))
    score = [
        score_indicator(0, _row("≥", target, x), "output", weight, RUBRIC).score
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


@given(cases())
def test_spellings_and_key_languages_score_identically(data: dict[str, Any]) -> None:
    expected = _result(data)
    assert _result(ascii_operators(data)) == expected
    assert _result(chinese_keys(data)) == expected


@given(cases())
def test_dump_and_load_round_trip(data: dict[str, Any]) -> None:
    case = case_from_data(data)
    dumped = json.dumps(case.model_dump(mode="json"), ensure_ascii=False)
    again = case_from_data(parse_json(dumped))
    assert to_dict(evaluate(again, RUBRIC)) == to_dict(evaluate(case, RUBRIC))
