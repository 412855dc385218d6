"""Numbers at the edges: spreadsheet float noise, vanishing and huge values, half-up rounding."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from perfscore import evaluate, load_rubric
from perfscore.input.jsonfile import case_from_data, parse_json
from perfscore.models.numbers import checked, fmt, half_up, percent

RUBRIC = load_rubric()


def _case(budget: str, target: str, actual: str) -> dict[str, Any]:
    text = (
        '{"project": {"name": "边界值"}, "budget": ' + budget + ', "indicators": ['
        '{"level1": "产出指标", "name": "数量", "operator": "≥", "target": '
        + target
        + ', "unit": "个", "actual": '
        + actual
        + "},"
        '{"level1": "效益指标", "name": "效果", "operator": "定性", "target": "优", "actual": "优"}]}'
    )
    data: dict[str, Any] = parse_json(text)
    return data


def test_spreadsheet_float_noise_reads_as_the_number_meant() -> None:
    noisy = evaluate(
        case_from_data(_case('{"adjusted": 24.220000000000002, "executed": 24.22}', "22", "22")),
        RUBRIC,
    )
    clean = evaluate(
        case_from_data(_case('{"adjusted": 24.22, "executed": 24.22}', "22", "22")), RUBRIC
    )
    assert checked(Decimal("24.220000000000002")) == Decimal("24.22")
    assert (
        (noisy.execution.rate, noisy.score)
        == (clean.execution.rate, clean.score)
        == (Decimal("100.00"), Decimal("100.00"))
    )


@pytest.mark.parametrize("tiny", ["1e-9999999999999999999", "1e-999999", "1e-50", "1e-14"])
def test_a_vanishing_budget_is_a_zero_budget(tiny: str) -> None:
    evaluation = evaluate(
        case_from_data(_case('{"adjusted": ' + tiny + ', "executed": 1}', "22", "22")), RUBRIC
    )
    assert evaluation.execution.score == 0
    assert "zero-budget" in {f.code for f in evaluation.findings}


@pytest.mark.parametrize(
    ("target", "actual"), [("1e-999999", "5"), ("1e-14", "9e14"), ("0.00000001", "999999999999999")]
)
def test_extreme_ratios_score_without_overflow(target: str, actual: str) -> None:
    evaluation = evaluate(
        case_from_data(_case('{"adjusted": 1, "executed": 1}', target, actual)), RUBRIC
    )
    assert evaluation.indicators[0].status == "met"
    assert Decimal(0) <= evaluation.score <= Decimal(100)


def test_half_up_is_not_bankers_rounding() -> None:
    assert [fmt(Decimal(x)) for x in ("2.675", "2.665", "-2.675", "0.005")] == [
        "2.68",
        "2.67",
        "-2.68",
        "0.01",
    ]
    assert percent(Decimal("96.955")) == "96.96%"
    # 27 integer digits and 2 places: more than the default 28-digit context, still exact.
    assert half_up(Decimal("123456789012345678901234567.5")) == Decimal(
        "123456789012345678901234567.50"
    )
