"""The department's whole budget by category, the printed project summaries, and the 决算's
project coverage: each new check exactly, the 预算执行 method's sources, and the reckoning.

``tests/department/category-errors.json`` (by hand, 万元):
- 人员类 700.00 + 上年结转 77.22 = 777.22 available, 777.22 executed: 100%, 结余 0 (as stated);
- 运转类 91.43, executed 88.43: 88.43 / 91.43 = 96.7188% → 97% at the stated 0 places (stated
  100%: +3 points); 结余 91.43 − 88.43 = 3.00 (stated 0: −3.00);
- 特定目标类 152.44 / 152.44 = 100.00% (stated 100.00%), 结余 0;
- executed 777.22 + 88.43 + 152.44 = 1018.09 against 本年支出合计 1008.09: +10.00;
  特定目标类 152.44 against 项目支出 149.44: +3.00;
- the whole: (700.00 + 91.43 + 152.44) + 77.22 = 1021.09 available, 1018.09 executed:
  99.7062% → 99.71%; 15 × 99.71% = 14.9565 → 14.96.

``tests/department/summary-errors.json``: 网络运行费's summary says 执行数 24.20 万元 where its
table has 24.22; 视频会议系统设备更新经费 (a table in 元: 50000 / 45000) says 完成预算的92%
where 45000 / 50000 = 90% (its 5.00 万元 and 4.50 万元 agree once converted); the third
summary states no figure.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfscore.input.department import department_from_data, load_department
from perfscore.models.department import Categories, LoadedDepartment
from perfscore.models.department_results import DepartmentEvaluation
from perfscore.rubrics.loading import load_department_rubric, load_rubric
from perfscore.scoring.department import evaluate_department
from perfscore.scoring.execution import budget_execution

from .checking import assert_findings, findings
from .conftest import ROOT

D = Decimal
SEED = ROOT / "cases" / "miyi-2022-department.json"
CATEGORIES = ROOT / "tests" / "department" / "category-errors.json"
SUMMARIES = ROOT / "tests" / "department" / "summary-errors.json"
SICHUAN = load_department_rubric("sichuan-department")
DAZHOU = load_department_rubric("dazhou-department")
MOF = load_rubric("mof-2020")


def _run(loaded: LoadedDepartment) -> DepartmentEvaluation:
    return evaluate_department(loaded, SICHUAN, MOF)


def _seed_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    return data


def _seed(**changes: Any) -> LoadedDepartment:
    """The seed with top-level keys replaced (its project files still read)."""
    return department_from_data({**_seed_data(), **changes}, str(SEED))


# ---- the seed: Done when ----------------------------------------------------------------------


def test_seed_scores_execution_from_its_whole_budget() -> None:
    result = _run(load_department(SEED))
    item = result.item("预算执行")
    assert item.score == D("15.00")
    assert "执行数合计 1008.09 万元 / 预算数合计 1008.09 万元 = 100.00%" in item.basis
    assert result.execution is not None
    assert (result.execution.executed, result.execution.available, result.execution.rate) == (
        D("1008.09"),
        D("1008.09"),
        D("100.00"),
    )


def test_seed_names_the_project_whose_prose_claims_100() -> None:
    expected = {
        (
            "summary-score-mismatch",
            "$.projects[4].summary",
            "项目“2022年度政府工作经费”的绩效自评综述称得分 100 分，项目自评表复核得分 99.70 分，"
            "相差 +0.30 分（自评表填报 100.00 分）",
        )
    }
    assert_findings(load_department(SEED), SICHUAN, "summary-score-mismatch", expected)
    # Its other figures (67.00, 64.96, 96.96%) and the other six paragraphs agree with the tables.
    for code in ("summary-figure-mismatch", "summary-unread"):
        assert_findings(load_department(SEED), SICHUAN, code, set())


def test_seed_categories_agree_with_its_accounts() -> None:
    for code in (
        "category-rate-mismatch",
        "category-balance-mismatch",
        "category-total-mismatch",
        "category-project-mismatch",
    ):
        assert_findings(load_department(SEED), SICHUAN, code, set())


# ---- each category check, exactly ---------------------------------------------------------------


def test_category_rate_mismatch() -> None:
    expected = {
        (
            "category-rate-mismatch",
            "$.budget.running.rate",
            "运转类预算执行率填报 100%，按 88.43 / 91.43 计算为 97%，相差 +3 个百分点",
        )
    }
    assert_findings(load_department(CATEGORIES), SICHUAN, "category-rate-mismatch", expected)


def test_category_balance_mismatch_and_its_tolerance() -> None:
    expected = {
        (
            "category-balance-mismatch",
            "$.budget.running.balance",
            "运转类结余填报 0.00 万元，按 91.43 - 88.43 计算为 3.00 万元，相差 -3.00 万元",
        )
    }
    loaded = load_department(CATEGORIES)
    assert_findings(loaded, SICHUAN, "category-balance-mismatch", expected)
    assert_findings(loaded, SICHUAN, "category-balance-mismatch", set(), tolerance=D(3))


def test_category_total_mismatch_and_its_tolerance() -> None:
    expected = {
        (
            "category-total-mismatch",
            "$.budget",
            "人员类、运转类、特定目标类执行数合计 1018.09 万元，决算本年支出合计 1008.09 万元，"
            "相差 +10.00 万元",
        )
    }
    loaded = load_department(CATEGORIES)
    assert_findings(loaded, SICHUAN, "category-total-mismatch", expected)
    assert_findings(loaded, SICHUAN, "category-total-mismatch", set(), tolerance=D(10))


def test_category_project_mismatch() -> None:
    expected = {
        (
            "category-project-mismatch",
            "$.budget.targeted.executed",
            "特定目标类执行数 152.44 万元，决算项目支出 149.44 万元，相差 +3.00 万元",
        )
    }
    assert_findings(load_department(CATEGORIES), SICHUAN, "category-project-mismatch", expected)


def test_carry_over_counts_in_the_funds() -> None:
    """人员类 700.00 + 77.22 carried over: 777.22 / 777.22 is 100%, nothing left."""
    result = _run(load_department(CATEGORIES))
    assert result.execution is not None
    personnel = result.execution.categories[0]
    assert (personnel.available, personnel.rate, personnel.balance) == (
        D("777.22"),
        D("100.00"),
        D("0.00"),
    )
    whole = result.execution
    assert (whole.budget, whole.carried_over, whole.available, whole.executed) == (
        D("943.87"),
        D("77.22"),
        D("1021.09"),
        D("1018.09"),
    )
    assert (whole.balance, whole.rate) == (D("3.00"), D("99.71"))
    assert result.item("预算执行").basis == (
        "按部门预算（人员类、运转类、特定目标类）执行数合计 1018.09 万元 / 预算数及上年结转合计 "
        "1021.09 万元 = 99.71%（人员类 777.22 / (700.00 + 上年结转 77.22) = 100.00%，运转类 88.43 / 91.43 = "
        "96.72%，特定目标类 152.44 / 152.44 = 100.00%），得 15 × 99.71% = 14.96 分"
    )


def _categories(**categories: dict[str, Any]) -> LoadedDepartment:
    data = json.loads(CATEGORIES.read_text(encoding="utf-8"))
    data["budget"] = categories
    return department_from_data(data, str(CATEGORIES))


def test_an_incomplete_category_is_left_out_and_said() -> None:
    loaded = _categories(
        personnel={"budget": 777.22, "executed": 777.22},
        running={"budget": 91.43, "rate": "100%"},
        targeted={"budget": 139.44, "executed": 139.44},
    )
    result = _run(loaded)
    assert result.item("预算执行").basis.endswith("；运转类未填预算数或执行数，未计入")
    assert result.item("预算执行").score == D("15.00")
    # Without every 执行数 the categories are not held to 本年支出合计, nor an unknown rate.
    assert_findings(loaded, SICHUAN, "category-total-mismatch", set())
    assert_findings(loaded, SICHUAN, "category-rate-mismatch", set())


def test_two_categories_are_not_held_to_the_whole_spending() -> None:
    loaded = _categories(personnel={"budget": 777.22, "executed": 777.22})
    assert_findings(loaded, SICHUAN, "category-total-mismatch", set())


def test_a_rate_over_no_budget() -> None:
    loaded = _categories(
        personnel={"budget": 0, "executed": 5, "rate": "100%"},
        running={"budget": 0, "executed": 0, "rate": "0%"},
    )
    expected = {
        (
            "category-rate-mismatch",
            "$.budget.personnel.rate",
            "人员类预算数为 0，执行率无法计算，但填报了 100%",
        )
    }
    assert_findings(loaded, SICHUAN, "category-rate-mismatch", expected)
    result = _run(loaded)
    assert result.execution is not None and result.execution.rate is None
    assert result.item("预算执行").basis == (
        "部门预算分类未填可用的预算数和执行数（或预算数合计为 0），决算未列一般公共预算财政拨款预算数，"
        "项目也无调整后预算，得 0 分"
    )


# ---- where 预算执行 comes from ------------------------------------------------------------------


def test_fiscal_budget_is_checked_and_does_not_drive_execution() -> None:
    """财政拨款 1008.09 against 预算数 1010.00 = 99.8109% → 99.81%, stated 100.00%: a
    completion-mismatch. 财政拨款支出总计 includes what is carried into next year, so it is no
    measure of execution: without categories the seed falls back to its projects (14.78)."""
    data = _seed_data()
    del data["budget"]
    data["accounts"]["fiscal"]["budget"] = 1010
    data["accounts"]["fiscal"]["completion"] = "100.00%"
    loaded = department_from_data(data, str(SEED))
    assert _run(loaded).item("预算执行").score == D("14.78")
    expected = {
        (
            "completion-mismatch",
            "$.accounts.fiscal.completion",
            "财政拨款支出完成预算填报 100.00%，按 1008.09 / 1010.00 计算为 99.81%，相差 +0.19 个百分点",
        )
    }
    assert_findings(loaded, SICHUAN, "completion-mismatch", expected)


def test_general_budget_comes_after_the_categories_and_before_the_projects() -> None:
    """No categories; 一般公共预算财政拨款支出 1008.09 of 预算数 1020.00 = 98.8324% → 98.83%
    → 15 × 98.83% = 14.8245 → 14.82."""
    data = _seed_data()
    data["accounts"]["general"]["budget"] = 1020
    with_categories = _run(department_from_data(data, str(SEED))).item("预算执行")
    assert with_categories.score == D("15.00")
    del data["budget"]
    item = _run(department_from_data(data, str(SEED))).item("预算执行")
    assert (item.score, item.basis) == (
        D("14.82"),
        "一般公共预算财政拨款支出 1008.09 万元 / 预算数 1020.00 万元 = 98.83%，得 15 × 98.83% = 14.82 分",
    )


def test_categories_come_before_the_accounts_budget() -> None:
    data = _seed_data()
    data["accounts"]["fiscal"]["budget"] = 2000
    result = _run(department_from_data(data, str(SEED)))
    assert result.item("预算执行").basis.startswith("按部门预算（人员类、运转类、特定目标类）")


# ---- the printed summaries -------------------------------------------------------------------


def test_summary_figure_mismatch() -> None:
    expected = {
        (
            "summary-figure-mismatch",
            "$.projects[0].summary",
            "项目“网络运行费”的绩效自评综述写“执行数为24.20万元”，项目自评表执行数为 24.22 万元，"
            "相差 -0.02 万元",
        ),
        (
            "summary-figure-mismatch",
            "$.projects[1].summary",
            "项目“视频会议系统设备更新经费”的绩效自评综述写“完成预算的92%”，按项目自评表执行数 "
            "45000.00 元 / 全年预算数 50000.00 元 计算为 90%，相差 +2 个百分点",
        ),
    }
    assert_findings(load_department(SUMMARIES), SICHUAN, "summary-figure-mismatch", expected)


def test_summary_score_is_the_recomputed_one() -> None:
    """The second project scores 99.00 (90% executed → 9 of 10) and its summary says 99."""
    assert_findings(load_department(SUMMARIES), SICHUAN, "summary-score-mismatch", set())


def test_summary_unread() -> None:
    expected = {
        (
            "summary-unread",
            "$.projects[2].summary",
            "项目“党政专用会议系统设备采购”的绩效自评综述中没有读到可核对的得分、预算数、执行数或"
            "执行率",
        )
    }
    found = assert_findings(load_department(SUMMARIES), SICHUAN, "summary-unread", expected)
    assert [f.severity for f in found] == ["info"]


def test_summaries_stated_at_lower_precision_are_compared_at_it() -> None:
    """“执行数为24.2万元” is 24.22 at one place: no finding; “24.3万元” is one."""
    data = json.loads(SUMMARIES.read_text(encoding="utf-8"))
    data["projects"] = data["projects"][:1]
    data["projects"][0]["summary"] = "执行数为24.2万元"
    loaded = department_from_data(data, str(SUMMARIES))
    assert_findings(loaded, SICHUAN, "summary-figure-mismatch", set())
    data["projects"][0]["summary"] = "执行数为24.3万元"
    [finding] = findings(department_from_data(data, str(SUMMARIES)), SICHUAN)[-1:]
    assert finding.message.endswith("项目自评表执行数为 24.2 万元，相差 +0.1 万元")


def test_a_project_without_a_summary_is_not_read() -> None:
    loaded = _seed(projects=[entry["case"] for entry in _seed_data()["projects"]])
    assert all(summary is None for summary in _run(loaded).summaries)
    for code in ("summary-score-mismatch", "summary-figure-mismatch", "summary-unread"):
        assert_findings(loaded, SICHUAN, code, set())


def test_chinese_keys_give_the_same_entries() -> None:
    loaded = load_department(SUMMARIES)
    assert [p.summary is not None for p in loaded.projects] == [True, True, True]
    assert [p.source for p in loaded.projects] == [
        f"{SUMMARIES}.projects[{index}]" for index in range(3)
    ]


# ---- coverage of 项目支出 and 评价开展 ---------------------------------------------------------------


def test_complete_list_is_held_to_project_spending() -> None:
    said = _run(_seed(projects_complete=True))
    codes = {f.code for f in said.findings}
    assert "project-total-mismatch" in codes and "project-coverage" not in codes
    unsaid = _run(load_department(SEED))
    codes = {f.code for f in unsaid.findings}
    assert "project-coverage" in codes and "project-total-mismatch" not in codes


def test_evaluation_coverage_and_its_fallback() -> None:
    hand = ROOT / "cases" / "hand-07-dazhou-department.json"
    data = json.loads(hand.read_text(encoding="utf-8"))
    data["evaluation"]["facts"]["evaluated"] = 9
    result = evaluate_department(department_from_data(data, str(hand)), DAZHOU, MOF)
    assert (result.item("评价开展").score, result.item("评价开展").computed) == (D("1.50"), True)
    del data["evaluation"]["facts"]["evaluated"]
    result = evaluate_department(department_from_data(data, str(hand)), DAZHOU, MOF)
    item = result.item("评价开展")
    assert (item.score, item.computed) == (D("2.00"), False)
    assert item.basis == "未填开展绩效自评的项目数，无法计算；采用填报得分 2.00，未经计算"
    data["evaluation"]["facts"]["evaluated"] = 13
    exceeded = {
        (
            "dept-facts-exceed",
            "$.evaluation.facts.evaluated",
            "开展绩效自评的项目数 13 个，超过项目总数 12 个",
        )
    }
    assert_findings(department_from_data(data, str(hand)), DAZHOU, "dept-facts-exceed", exceeded)


# ---- the reckoning, as a property ----------------------------------------------------------------

amounts = st.decimals(min_value=0, max_value=100000, places=2, allow_nan=False)
optional = st.none() | amounts


@given(
    st.fixed_dictionaries(
        {},
        optional={
            key: st.fixed_dictionaries(
                {}, optional={"budget": amounts, "executed": amounts, "carried_over": amounts}
            )
            for key in ("personnel", "running", "targeted")
        },
    ),
    st.integers(min_value=0, max_value=4),
)
def test_the_whole_is_its_complete_categories(data: dict[str, Any], places: int) -> None:
    categories = Categories.model_validate(data)
    execution = budget_execution(categories, places)
    if not data:
        assert execution is None
        return
    assert execution is not None
    complete = [c for c in execution.categories if c.complete]
    assert execution.executed == sum((c.executed or 0 for c in complete), D(0))
    assert execution.available == execution.budget + execution.carried_over
    assert execution.balance == execution.available - execution.executed
    for category in execution.categories:
        if category.complete and category.available:
            assert category.rate is not None and category.balance is not None
            assert category.balance == category.available - (category.executed or 0)
        if category.budget is None:
            assert category.available is None and category.rate is None
    if execution.rate is not None:
        assert execution.available > 0


@given(amounts, amounts, st.integers(min_value=0, max_value=3))
def test_a_rate_stated_as_computed_is_never_wrong(
    budget: Decimal, executed: Decimal, places: int
) -> None:
    """Any 执行率 computed half-up at the places it is stated to passes the check."""
    if not budget:
        return
    stated = (executed / budget * 100).quantize(D(1).scaleb(-places), "ROUND_HALF_UP")
    loaded = _categories(personnel={"budget": budget, "executed": executed, "rate": f"{stated}%"})
    assert_findings(loaded, SICHUAN, "category-rate-mismatch", set())


def test_markdown_shows_the_category_table() -> None:
    from perfscore.rendering.department import markdown  # noqa: PLC0415 - the renderer under test

    text = markdown(_run(load_department(CATEGORIES)))
    assert "| 人员类 | 700.00 | 77.22 | 777.22 | 100.00% | 0.00 | 100% | 0.00 |" in text
    assert "| 运转类 | 91.43 |  | 88.43 | 96.72% | 3.00 | 100% | 0.00 |" in text
    assert "| 合计 | 943.87 | 77.22 | 1018.09 | 99.71% | 3.00 |  |  |" in text


@pytest.mark.parametrize("entry", ["x.json", {"project": {"name": "p"}}])
def test_bare_items_are_entries_without_a_summary(entry: Any) -> None:
    from perfscore.models.department import ProjectEntry  # noqa: PLC0415

    assert ProjectEntry.model_validate(entry) == ProjectEntry(case=entry)
    assert ProjectEntry.model_validate(entry).summary is None


def test_section_one_says_only_what_the_report_states() -> None:
    """Without 结转结余: a stated 收、支总计 equal to both 本年 figures says there were none; without
    it, section 一 gives 本年收入 and 本年支出 alone, never a 收入总计 it cannot know."""
    from perfscore.rendering.department import markdown  # noqa: PLC0415 - the renderer under test

    data = json.loads(CATEGORIES.read_text(encoding="utf-8"))
    text = markdown(_run(department_from_data(data, str(CATEGORIES))))
    assert "2022年度收、支总计均为1008.09万元。" in text
    del data["accounts"]["totals"]
    data["accounts"]["income"]["total"] = 1000
    text = markdown(_run(department_from_data(data, str(CATEGORIES))))
    assert "2022年度本年收入合计1000.00万元，本年支出合计1008.09万元。" in text
