"""How real tables' cells are read: operators in words and look-alikes, bare numbers, blank and
placeholder cells, phrases with negations and qualifiers, glued units, labels broken by spaces,
and the findings that say what was done (issue: real published tables)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from perfscore import evaluate, load_rubric
from perfscore.input.jsonfile import case_from_data
from perfscore.models.case import Case, Indicator
from perfscore.models.scalars import parse_operator, split_operator
from perfscore.rendering.explanation import explanation_text
from perfscore.scoring.plan import Plan
from perfscore.scoring.values import phrase_factor, read_actual

RUBRIC = load_rubric()
READER = Plan.of(RUBRIC).reader
REVIEW = load_rubric("mof-2020-review")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("不少于5次", ("≥", "5次")),
        ("不低于95%", ("≥", "95%")),
        ("98%以上", ("≥", "98%")),
        ("达到100%", ("≥", "100%")),
        ("不超过90万元", ("≤", "90万元")),
        ("控制在90万元以内", ("≤", "90万元")),
        ("低于5%", ("＜", "5%")),
        ("高于 3 个", ("＞", "3 个")),
        ("≥266米", ("≥", "266米")),
        ("﹦12月", ("＝", "12月")),
        ("═100%", ("＝", "100%")),
        ("⩾90%", ("≥", "90%")),
        ("⩽5天", ("≤", "5天")),
        ("＞＝3", ("≥", "3")),
        ("=<3", ("≤", "3")),
    ],
)
def test_operators_written_in_words_and_look_alikes(text: str, expected: tuple[str, str]) -> None:
    assert split_operator(text) == expected


@pytest.mark.parametrize("text", ["达到预期", "不少于", "控制在合理范围以内", "100%", "显著提升"])
def test_words_without_a_number_are_no_operator(text: str) -> None:
    assert split_operator(text) is None


@pytest.mark.parametrize(
    ("spelling", "operator"),
    [("﹦", "＝"), ("═", "＝"), ("≧", "≥"), ("≦", "≤"), ("⩾", "≥"), ("⩽", "≤"), ("=>", "≥"),
     ("＞＝", "≥"), ("＜ ＝", "≤"), ("﹥", "＞"), ("﹤", "＜"), ("", None), ("  ", None)],
)  # fmt: skip
def test_operator_column_spellings(spelling: str, operator: str | None) -> None:
    assert parse_operator(spelling) == operator


def _row(**cells: Any) -> Indicator:
    return Indicator.model_validate({"level1": "产出指标", "name": "x", **cells})


@pytest.mark.parametrize(
    ("target", "number", "unit"),
    [("100%", "100", "%"), ("29.5亩", "29.5", "亩"), ("0起", "0", "起"), ("１２０人", "120", "人"),
     ("95％", "95", "％"), ("20万元", "20", "万元")],
)  # fmt: skip
def test_a_bare_number_target_keeps_no_operator(target: str, number: str, unit: str) -> None:
    row = _row(target=target)
    assert (row.operator, row.target, row.unit) == (None, Decimal(number), unit)


def test_a_target_in_words_stays_text() -> None:
    assert _row(target="2022年12月底前完成").target == "2022年12月底前完成"


def test_blank_cells_are_not_given() -> None:
    row = _row(target="", actual="  ", operator="", weight="", score="")
    assert (row.target, row.actual, row.operator, row.weight, row.score) == (None,) * 5


def test_weights_printed_as_percentages_are_points() -> None:
    assert _row(weight="20%").weight == Decimal(20)


def test_a_money_unit_glued_to_an_amount_is_the_tables_unit() -> None:
    case = Case.model_validate(
        {
            "project": {"name": "x"},
            "budget": {"全年预算数": "208万元", "全年执行数": "200万元", "资金来源": [
                {"名称": "财政拨款", "全年预算数": "208万元"}]},
            "indicators": [{"level1": "产出指标", "name": "x"}],
        }
    )  # fmt: skip
    assert (case.budget.adjusted, case.budget.executed, case.budget.unit) == (208, 200, "万元")
    assert case.budget.sources[0].adjusted == 208


def test_amounts_glued_to_yuan_make_a_yuan_table() -> None:
    case = Case.model_validate(
        {
            "project": {"name": "x"},
            "budget": {"adjusted": "250000元", "executed": "215457.6元"},
            "indicators": [{"level1": "产出指标", "name": "x"}],
        }
    )
    assert case.budget.unit == "元"


@pytest.mark.parametrize(
    ("text", "factor"),
    [
        ("已全部完成", "1.0"),
        ("显著提升", "1.0"),
        ("有效改善", "1.0"),
        ("满意度较高", "0.8"),
        ("较及时", "0.8"),
        ("基本达标", "0.7"),
        ("较健全", "0.8"),
        ("未全部完成", "0.7"),
        ("未完成", "0.3"),
        ("无明显提升", "0.3"),
        ("效果不明显", "0.3"),
        ("未改善", "0.3"),
        ("不断提升", "1.0"),
    ],
)
def test_phrases_negations_and_qualifiers(text: str, factor: str) -> None:
    assert phrase_factor(text, READER) == Decimal(factor)


@pytest.mark.parametrize("text", ["见附件", "按计划推进", "是否"])
def test_text_no_phrase_reads_is_not_a_factor(text: str) -> None:
    assert phrase_factor(text, READER) is None


def test_actuals_of_nothing_whole_words_and_copies_of_the_target() -> None:
    nothing = read_actual("无", READER)
    assert (nothing.kind, nothing.number, nothing.factor) == ("nothing", 0, 0)
    assert (
        read_actual("是", READER).factor,
        read_actual("否", READER).factor,
    ) == (1, 0)
    copied = read_actual("≥266米", READER)
    assert (copied.kind, copied.number, copied.unit, copied.operator) == ("number", 266, "米", "≥")
    assert read_actual("达到100%", READER).operator is None  # reached: a measurement


def _case(*rows: dict[str, Any], **budget: Any) -> Case:
    return case_from_data(
        {
            "project": {"name": "测试项目"},
            "budget": {"adjusted": 10, "executed": 10, **budget},
            "indicators": list(rows),
        }
    )


def _messages(case: Case, code: str, rubric: Any = RUBRIC) -> list[str]:
    return [f.message for f in evaluate(case, rubric).findings if f.code == code]


def test_labels_broken_by_spaces_and_levels_known_only_by_their_points() -> None:
    case = _case(
        {"level1": "产 出 指 标", "name": "a", "target": "1", "actual": "1"},
        {
            "level1": "(30分)",
            "level2": "社会 效益 指标",
            "name": "b",
            "target": "高",
            "actual": "高",
        },
        {"level1": "满意 度指 标", "name": "c", "target": "90%", "actual": "95%"},
    )
    evaluation = evaluate(case, RUBRIC)
    assert [row.level for row in evaluation.indicators] == ["output", "outcome", "satisfaction"]
    assert evaluation.score == 100


def test_a_cost_indicator_and_a_zero_target_default_to_at_most() -> None:
    case = _case(
        {"level1": "产出指标", "level2": "成本指标", "name": "成本", "target": "20万元",
         "actual": "25万元"},
        {"level1": "效益指标", "name": "安全事故", "target": "0起", "actual": "2起"},
        {"level1": "效益指标", "name": "受益人数", "target": "90人", "actual": "45人"},
    )  # fmt: skip
    rows = evaluate(case, RUBRIC).indicators
    assert [(row.operator, row.factor) for row in rows] == [
        ("≤", Decimal("0.8")),
        ("≤", 0),
        ("≥", Decimal("0.5")),
    ]
    assert _messages(case, "default-operator") == [
        "3 个定量指标的指标值未写比较符号，按评分规则的默认符号计分："
        "「成本」（成本指标）、「安全事故」（指标值为 0）按 ≤；「受益人数」按 ≥"
    ]


def test_blank_cells_are_missing_and_no_message_quotes_them() -> None:
    case = _case({"level1": "产出指标", "name": "培训人次", "target": "", "actual": ""})
    assert _messages(case, "missing-target") == ["指标「培训人次」未填指标值，无法考核"]
    assert _messages(case, "missing-actual") == ["指标「培训人次」未填完成值，不得分"]
    assert _messages(case, "unreadable-actual") == []


def test_nothing_with_a_reason_scores_zero_and_needs_no_more_reason() -> None:
    case = _case(
        {"level1": "效益指标", "name": "补贴保障率", "target": "100%", "actual": "无",
         "reason": "没有轮换、动用库存"},
        {"level1": "产出指标", "name": "x", "target": "1", "actual": "1"},
    )  # fmt: skip
    row = evaluate(case, RUBRIC).indicators[0]
    assert (row.score, row.status) == (0, "unmet")
    assert _messages(case, "missing-reason") == []


def test_placeholder_rows_are_listed_not_scored_and_keep_the_declared_weights() -> None:
    case = _case(
        {"level1": "产出指标", "name": "a", "target": "1", "actual": "1", "weight": 60},
        {"level1": "产出指标", "name": "指标2:", "target": "/", "actual": "/"},
        {"level1": "产出指标", "name": "……", "weight": "", "score": "0"},
        {"level1": "效益指标", "name": "b", "target": "1", "actual": "1", "weight": 30},
    )
    evaluation = evaluate(case, RUBRIC)
    assert [(r.weight, r.status) for r in evaluation.indicators] == [
        (60, "met"),
        (0, "not-applicable"),
        (0, "not-applicable"),
        (30, "met"),
    ]
    assert _messages(case, "not-applicable") == [
        "第 2 行「指标2:」、第 3 行「……」为占位行（未填指标内容），按不适用处理，不计分、不占权重"
    ]
    assert _messages(case, "weights-mismatch") == []


def test_rows_without_a_weight_among_weighted_rows_weigh_nothing() -> None:
    case = _case(
        {"level1": "产出指标", "name": "★修建道路", "target": "10公里", "actual": "10公里",
         "weight": 40},
        {"level1": "产出指标", "name": "其中：硬化", "target": "6公里", "actual": "6公里"},
        {"level1": "效益指标", "name": "b", "target": "1", "actual": "1", "weight": 40},
    )  # fmt: skip
    evaluation = evaluate(case, RUBRIC)
    assert [r.weight for r in evaluation.indicators] == [45, 0, 45]
    assert _messages(case, "unweighted-row") == [
        "第 2 行「其中：硬化」未填权重，其他指标已填权重：按权重 0 列示，不计分"
    ]
    assert _messages(case, "weights-mismatch") == ["各指标权重合计 80，应为 90；已按比例折算"]


def test_scaled_weights_compare_row_claims_as_shares_and_say_under_claims() -> None:
    case = _case(
        {"level1": "产出指标", "name": "a", "target": "1", "actual": "1", "weight": 70,
         "score": 63},
        {"level1": "效益指标", "name": "b", "target": "1", "actual": "1", "weight": 20,
         "score": 20},
        {"level1": "满意度指标", "name": "c", "target": "90%", "actual": "81%", "weight": 10,
         "score": 10},
        weight=10, score=10,
    )  # fmt: skip
    assert _messages(case, "row-score-mismatch") == [
        "指标「a」得分填报 63.00 分，复核得分率 100.00%（按其权重 70 分应得 70.00 分），相差 -7.00 分",
        "指标「c」得分填报 10.00 分，复核得分率 90.00%（按其权重 10 分应得 9.00 分），相差 +1.00 分",
    ]


def test_a_budget_given_no_points_still_scores_and_the_claim_is_told_why() -> None:
    case = _case(
        {"level1": "产出指标", "name": "a", "target": "1", "actual": "1", "weight": 70,
         "score": 70},
        {"level1": "效益指标", "name": "b", "target": "1", "actual": "1", "weight": 30,
         "score": 30},
        adjusted=100, executed="52.8", weight=0, score=0,
    )  # fmt: skip
    case = case.model_copy(update={"claimed_score": Decimal(100)})
    evaluation = evaluate(case, RUBRIC)
    assert (evaluation.execution.score, evaluation.score) == (Decimal("5.28"), Decimal("95.28"))
    assert _messages(case, "claimed-score-mismatch") == [
        "自评得分 100.00 分，按评分规则复核为 95.28 分，相差 +4.72 分"
        "（表中预算执行未设分值，评分规则仍按执行率计10分：执行率 52.80%，得 5.28 分）"
    ]


def test_an_actual_that_copies_its_target_is_read_or_refused_by_the_rubric() -> None:
    case = _case({"level1": "产出指标", "name": "长度", "target": "≥266米", "actual": "≥266米"})
    assert evaluate(case, RUBRIC).indicators[0].status == "met"
    assert evaluate(case, REVIEW).indicators[0].score == 0
    assert _messages(case, "actual-as-target", REVIEW) == [
        "指标「长度」的完成值 '≥266米' 带比较符号，是照抄的指标值而不是实际完成值（不得分）"
    ]


def test_a_qualitative_answer_in_the_targets_words_is_met() -> None:
    case = _case(
        {"level1": "效益指标", "name": "条件", "target": "显著提升", "actual": "显 著提升"}
    )
    row = evaluate(case, RUBRIC).indicators[0]
    assert (row.status, explanation_text(row.explanation)) == (
        "met",
        "定性指标：完成值与指标值 '显著提升' 表述一致，系数 1.00",
    )


def test_a_table_with_no_adjusted_budget_is_measured_against_its_initial_budget() -> None:
    case = case_from_data(
        {
            "project": {"name": "x"},
            "budget": {"年初预算数": 45, "全年执行数": 45},
            "indicators": [{"level1": "产出指标", "name": "a", "target": "1", "actual": "1"}],
        }
    )
    evaluation = evaluate(case, RUBRIC)
    assert (evaluation.execution.rate, evaluation.execution.score) == (100, 10)
    assert _messages(case, "zero-budget") == ["未填调整后预算，按年初预算 45.00 万元 计算执行率"]


def test_a_percent_target_above_100_is_scored_as_written_and_flagged() -> None:
    case = _case({"level1": "满意度指标", "name": "满意度", "target": "290%", "actual": "100%"})
    assert evaluate(case, RUBRIC).indicators[0].status == "partial"
    assert _messages(case, "unit-mismatch") == ["指标「满意度」的指标值 290% 超过 100%"]


def test_a_form_with_no_budget_points_at_all_is_told_why_too() -> None:
    case = _case(
        {"level1": "产出指标", "name": "a", "target": "1", "actual": "1", "weight": 70},
        {"level1": "效益指标", "name": "b", "target": "1", "actual": "1", "weight": 30},
        adjusted=100, executed="52.8",
    )  # fmt: skip
    case = case.model_copy(update={"claimed_score": Decimal(100)})
    assert _messages(case, "claimed-score-mismatch") == [
        "自评得分 100.00 分，按评分规则复核为 95.28 分，相差 +4.72 分"
        "（表中预算执行未设分值，评分规则仍按执行率计10分：执行率 52.80%，得 5.28 分）"
    ]
