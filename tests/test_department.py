"""Department-wide evaluation (部门整体支出绩效自评): rubrics, methods, engine and findings.

The seed (米易县人民政府办公室 2022, 附件1) under ``sichuan-department``, by hand:

- 绩效目标管理 15: 编制绩效目标的项目 37 / 项目总数 37 = 100.00% → 15 × 100% = 15.00;
- 事前绩效评估 10: 37 / 37 = 100.00% → 10.00;
- 绩效监控 10: 7 / 37 = 0.18918… → 18.92%, not below the expected 15.00% → the full 10.00;
- 预算执行 15: the whole budget by category (三、部门整体绩效分析): 人员类 777.22 / 777.22, 运转类
  91.43 / 91.43, 特定目标类 139.44 / 139.44; 1008.09 / 1008.09 = 100.00% → 15.00. Without the
  categories (and with no 预算数 in the 决算, only 完成预算 100%) the seven project tables are
  summed: 执行数 24.22 + 4.00 + 5.95 + 39.30 + 64.96 + 0.62 + 0.38 = 139.43, 调整后预算 24.22 +
  4.00 + 5.95 + 39.30 + 67.00 + 0.62 + 0.38 = 141.47; 139.43 / 141.47 = 0.985580… → 98.56%;
  15 × 98.56% = 14.784 → 14.78;
- 项目绩效自评结果 20: under mof-2020 six projects score 100.00 and 2022年度政府工作经费 99.70
  (executed 96.96% → 9.70 of 10); weighted by 调整后预算: (74.47 × 100 + 67.00 × 99.70) / 141.47 =
  14126.9 / 141.47 = 99.8579… → 99.86; 20 × 99.86 / 100 = 19.972 → 19.97;
- 部门预算项目绩效管理 = 15 + 10 + 10 + 15 + 19.97 = 69.97 (claimed 67: −2.97);
- 绩效结果应用 20 and 自评质量 10 are entered as claimed: 20.00 and 10.00;
- total 69.97 + 20 + 10 = 99.97 → 优; claimed 97 → difference −2.97.
- The report's paragraph on 2022年度政府工作经费 says "绩效自评得分为100分"; its table earns 99.70.

The hand-made 达州 case (cases/hand-07-dazhou-department.json) under ``dazhou-department``: the
judgement items as entered; 目标管理 12 / 12 → 5.00; 预算执行进度 950.40 / 1000.00 = 95.04% →
2 × 95.04% = 1.9008 → 1.90; 绩效目标动态监控 1 / 12 = 8.33% below 15% → 3 × 8.33 / 15 = 1.666 →
1.67; 部门决策 23.00, 综合管理 26.57, 部门绩效情况 40.50, total 90.07 (claimed 91.5).
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from perfscore.checks import enabled_checks
from perfscore.checks.accounts import account_findings
from perfscore.checks.problems_none import says_none
from perfscore.cli import main
from perfscore.errors import RubricError
from perfscore.input.department import load_department
from perfscore.models.department import LoadedDepartment
from perfscore.models.department import SelfEvaluation as Claims
from perfscore.models.department_results import DepartmentEvaluation, ItemResult
from perfscore.models.numbers import ZERO
from perfscore.models.results import Finding
from perfscore.rubrics.department import DepartmentRubric
from perfscore.rubrics.loading import load_department_rubric, load_rubric, rubric_kind, shipped
from perfscore.scoring.department import evaluate_department
from perfscore.scoring.department_methods import METHODS

from .conftest import ROOT

SEED = ROOT / "cases" / "miyi-2022-department.json"
HAND = ROOT / "cases" / "hand-07-dazhou-department.json"
SICHUAN = load_department_rubric("sichuan-department")
DAZHOU = load_department_rubric("dazhou-department")
MOF = load_rubric("mof-2020")
D = Decimal


def _run(loaded: LoadedDepartment, rubric: DepartmentRubric = SICHUAN) -> DepartmentEvaluation:
    return evaluate_department(loaded, rubric, MOF)


def _with(loaded: LoadedDepartment, **evaluation: Any) -> LoadedDepartment:
    """The department with its ``evaluation`` replaced (English keys)."""
    claims = Claims.model_validate(evaluation)
    return dataclasses.replace(loaded, case=loaded.case.model_copy(update={"evaluation": claims}))


def _dept(evaluation: DepartmentEvaluation) -> list[Finding]:
    return [f for f in evaluation.findings if f.code.startswith("dept-")]


def _rows(evaluation: DepartmentEvaluation) -> dict[str, tuple[str, bool, str]]:
    return {i.name: (str(i.score), i.computed, i.basis) for i in evaluation.walk()}


# ---- the seed under sichuan-department ------------------------------------------------------


def test_seed_every_item_score_and_basis() -> None:
    rows = _rows(_run(load_department(SEED)))
    assert rows == {
        "部门预算项目绩效管理": (
            "69.97",
            True,
            "下级各项得分之和：绩效目标管理 15.00 + 事前绩效评估 10.00 + 绩效监控 10.00 + 预算执行 15.00 + 项目绩效自评结果 19.97 = 69.97",
        ),
        "绩效目标管理": (
            "15.00",
            True,
            "编制绩效目标的项目 37 个 / 项目总数 37 个 = 100.00%，得 15.00 分",
        ),
        "事前绩效评估": (
            "10.00",
            True,
            "开展事前绩效评估的项目 37 个 / 项目总数 37 个 = 100.00%，得 10.00 分",
        ),
        "绩效监控": (
            "10.00",
            True,
            "开展绩效监控的项目 7 个 / 项目总数 37 个 = 18.92%，不低于应有比例 15.00%，得 10.00 分",
        ),
        "预算执行": (
            "15.00",
            True,
            "按部门预算（人员类、运转类、特定目标类）执行数合计 1008.09 万元 / 预算数合计 1008.09 万元 = 100.00%（人员类 777.22 / 777.22 = 100.00%，运转类 91.43 / 91.43 = 100.00%，特定目标类 139.44 / 139.44 = 100.00%），得 15 × 100.00% = 15.00 分",
        ),
        "项目绩效自评结果": (
            "19.97",
            True,
            "7 个项目的复核得分按调整后预算（合计 141.47 万元）加权平均 = 99.86，得 20 × 99.86 / 100 = 19.97 分；项目总数 37 个，有自评表的 7 个",
        ),
        "绩效结果应用": ("20.00", False, "填报得分 20.00，未经计算"),
        "自评质量": ("10.00", False, "填报得分 10.00，未经计算"),
    }


def test_seed_without_its_categories_falls_back_to_the_projects() -> None:
    seed = load_department(SEED)
    bare = dataclasses.replace(seed, case=seed.case.model_copy(update={"budget": None}))
    result = _run(bare)
    assert (result.item("预算执行").score, result.item("预算执行").basis) == (
        D("14.78"),
        "案例未列部门预算分类，决算未列一般公共预算财政拨款预算数，按 7 个项目执行数合计 139.43 万元 / 调整后预算合计 141.47 万元 = 98.56%，得 15 × 98.56% = 14.78 分（决算说明填报完成预算 100%，无预算数可核）",
    )
    assert (result.score, result.execution) == (D("99.75"), None)


def test_seed_total_grade_claims_and_projects() -> None:
    result = _run(load_department(SEED))
    assert (result.score, result.grade) == (D("99.97"), "优")
    assert (result.claimed_score, result.difference) == (D(97), D("-2.97"))
    claims = {i.name: (i.claimed, i.difference) for i in result.walk() if i.claimed is not None}
    assert claims == {
        "部门预算项目绩效管理": (D(67), D("-2.97")),
        "绩效结果应用": (D(20), D(0)),
        "自评质量": (D(10), D(0)),
    }
    assert [str(p.score) for p in result.projects] == ["100.00"] * 4 + ["99.70"] + ["100.00"] * 2
    assert result.project_rubric is MOF and result.rubric is SICHUAN


def test_seed_findings() -> None:
    loaded = load_department(SEED)
    result = _run(loaded)
    cases = [p.case for p in loaded.projects]
    units = MOF.quantitative
    accounts = account_findings(loaded.case, cases, enabled_checks(SICHUAN), units)
    assert set(accounts) <= set(result.findings)
    serious = 3 + sum(1 for f in accounts if f.severity != "info")
    assert _dept(result) == [
        Finding(
            "dept-claimed-mismatch",
            "error",
            "自评得分 97.00 分，按评分规则复核为 99.97 分，相差 -2.97 分",
            "$.evaluation.claimed_score",
        ),
        Finding(
            "dept-item-mismatch",
            "warning",
            "'部门预算项目绩效管理' 填报 67.00 分，复核为 69.97 分，相差 -2.97 分",
            "$.evaluation.scores.部门预算项目绩效管理",
        ),
        Finding(
            "dept-problems-none",
            "warning",
            f"存在问题填写“我单位无绩效自评存在的问题。”，但复核发现部门整体问题 {serious} 个、7 个项目的自评有问题",
            "$.evaluation.problems",
        ),
    ]
    assert [f for f in result.findings if f.code.startswith("summary-")] == [
        Finding(
            "summary-score-mismatch",
            "warning",
            "项目“2022年度政府工作经费”的绩效自评综述称得分 100 分，项目自评表复核得分 99.70 分，相差 +0.30 分（自评表填报 100.00 分）",
            "$.projects[4].summary",
        )
    ]
    assert not [f for f in result.findings if f.code.startswith("category-")]
    assert len(result.findings) == len(accounts) + 4
    assert result.findings[0].severity == "error"
    assert result.worst() == "error"


# ---- the hand-made 达州 department --------------------------------------------------------------


def test_dazhou_hand_case_every_item() -> None:
    result = _run(load_department(HAND), DAZHOU)
    scores = {i.name: (str(i.score), i.computed) for i in result.walk()}
    entered = {
        "相关性": "5.00", "明确性": "5.00", "合理性": "4.00", "测算依据": "4.00",
        "专项资金分配时限": "2.00", "中期评估": "2.00", "非税收入执收": "2.00", "资产管理": "5.00",
        "内控制度": "2.00", "预算公开": "2.00", "决算公开": "2.00", "绩效信息公开": "1.00",
        "评价结果应用": "3.00", "履职成效": "18.00", "可持续发展能力": "13.00",
        "协作部门": "3.00", "管理对象": "3.00", "社会公众": "3.50",
    }  # fmt: skip
    groups = {
        "部门决策": ("23.00", False), "目标任务": ("14.00", False), "预算编制": ("9.00", False),
        "综合管理": ("26.57", False), "绩效监控": ("3.57", True), "信息公开": ("5.00", False),
        "绩效评价": ("5.00", False), "部门绩效情况": ("40.50", False), "满意度": ("9.50", False),
    }  # fmt: skip
    computed = {
        "目标管理": ("5.00", True),
        "预算执行进度": ("1.90", True),
        "绩效目标动态监控": ("1.67", True),
        "评价开展": ("2.00", True),
    }
    assert scores == {**{k: (v, False) for k, v in entered.items()}, **groups, **computed}
    assert [(i.name, int(i.weight)) for i in result.items] == [
        ("部门决策", 25), ("综合管理", 30), ("部门绩效情况", 45)
    ]  # fmt: skip
    assert result.item("预算执行进度").basis == (
        "一般公共预算财政拨款支出 950.40 万元 / 预算数 1000.00 万元 = 95.04%，得 2 × 95.04% = 1.90 分"
    )
    assert result.item("绩效目标动态监控").basis == (
        "开展绩效监控的项目 1 个 / 项目总数 12 个 = 8.33%，低于应有比例 15.00%，得 3 × 8.33% / 15.00% = 1.67 分"
    )
    assert result.item("评价开展").basis == (
        "开展绩效自评的项目 12 个 / 项目总数 12 个 = 100.00%，得 2.00 分"
    )
    assert (result.score, result.grade, result.difference) == (D("90.07"), "优", D("1.43"))


def test_dazhou_hand_case_findings() -> None:
    result = _run(load_department(HAND), DAZHOU)
    assert [(f.code, f.message, f.where) for f in result.findings] == [
        ("dept-claimed-mismatch", "自评得分 91.50 分，按评分规则复核为 90.07 分，相差 +1.43 分", "$.evaluation.claimed_score"),
        ("dept-item-mismatch", "'综合管理' 填报 28.00 分，复核为 26.57 分，相差 +1.43 分", "$.evaluation.scores.综合管理"),
        ("dept-item-mismatch", "'预算执行进度' 填报 2.00 分，复核为 1.90 分，相差 +0.10 分", "$.evaluation.scores.预算执行进度"),
        ("dept-item-mismatch", "'绩效目标动态监控' 填报 3.00 分，复核为 1.67 分，相差 +1.33 分", "$.evaluation.scores.绩效目标动态监控"),
        ("project-coverage", "所附 3 个项目自评表的执行数合计 150.40 万元，占决算项目支出 150.40 万元的 100.00%（案例未说明项目齐全，未逐一核对）", "$.accounts.spending.parts[1].amount"),
    ]  # fmt: skip


def test_hand_case_under_sichuan() -> None:
    """The other framework's names are not used; the two judgement items are unscored."""
    result = _run(load_department(HAND))
    assert {i.name: str(i.score) for i in result.walk()} == {
        "部门预算项目绩效管理": "62.77", "绩效目标管理": "15.00", "事前绩效评估": "8.33",
        "绩效监控": "5.55", "预算执行": "14.26", "项目绩效自评结果": "19.63",
        "绩效结果应用": "0.00", "自评质量": "0.00",
    }  # fmt: skip
    assert result.item("项目绩效自评结果").basis == (
        "3 个项目的复核得分按调整后预算（合计 155.00 万元）加权平均 = 98.16，得 20 × 98.16 / 100 = 19.63 分；项目总数 12 个，有自评表的 3 个"
    )
    assert result.item("自评质量").basis == "未填报得分，得 0 分"
    codes = [(f.code, f.where) for f in result.findings]
    assert codes == [
        ("dept-claimed-mismatch", "$.evaluation.claimed_score"),
        ("dept-missing-score", "$.evaluation.scores"),
        ("dept-missing-score", "$.evaluation.scores"),
        ("project-coverage", "$.accounts.spending.parts[1].amount"),
        ("dept-unknown-item", "$.evaluation.scores"),
    ]
    assert result.findings[1].message == "'绩效结果应用' 是判断项，案例未填报得分，得 0 分"
    assert result.findings[4].message.startswith(
        "以下填报得分的评分项不在评分规则 sichuan-department 中，未使用：部门决策、相关性、"
    )


# ---- methods on missing and odd data -----------------------------------------------------------


def test_missing_facts_use_the_claimed_score_or_zero() -> None:
    loaded = _with(
        load_department(SEED),
        scores={"绩效目标管理": 12, "绩效结果应用": 25},
        facts={"with_targets": 37, "assessed": 30},
    )
    result = _run(loaded)
    assert (
        result.item("绩效目标管理").basis == "未填项目总数，无法计算；采用填报得分 12.00，未经计算"
    )
    assert (result.item("绩效目标管理").score, result.item("绩效目标管理").computed) == (
        D(12),
        False,
    )
    assert result.item("事前绩效评估").basis == "未填项目总数，得 0 分"
    assert result.item("绩效结果应用").basis == "填报得分 25.00 超过分值 20，按分值计，未经计算"
    assert str(result.item("绩效结果应用").score) == "20.00"
    assert result.item("自评质量").basis == "未填报得分，得 0 分"
    dept = [(f.code, f.message, f.where) for f in _dept(result)]
    assert dept == [
        ("dept-item-mismatch", "'绩效结果应用' 填报 25.00 分，复核为 20.00 分，相差 +5.00 分", "$.evaluation.scores.绩效结果应用"),
        ("dept-missing-data", "'绩效目标管理' 无法计算：未填项目总数；采用填报得分，未经计算", "$.evaluation.facts.projects"),
        ("dept-missing-data", "'事前绩效评估' 无法计算：未填项目总数；得 0 分", "$.evaluation.facts.projects"),
        ("dept-missing-data", "'绩效监控' 无法计算：未填项目总数；得 0 分", "$.evaluation.facts.projects"),
        ("dept-missing-score", "'自评质量' 是判断项，案例未填报得分，得 0 分", "$.evaluation.scores"),
    ]  # fmt: skip


def test_missing_count_and_counts_above_the_total() -> None:
    loaded = _with(load_department(SEED), facts={"projects": 10, "with_targets": 12})
    result = _run(loaded)
    assert result.item("绩效目标管理").basis == (
        "编制绩效目标的项目 12 个 / 项目总数 10 个 = 120.00%（超过 100%，按 100% 计），得 15.00 分"
    )
    assert result.item("绩效监控").basis == "未填开展绩效监控的项目数，得 0 分"
    found = {(f.code, f.where) for f in result.findings}
    assert ("dept-facts-exceed", "$.evaluation.facts.with_targets") in found
    assert ("dept-missing-data", "$.evaluation.facts.monitored") in found


def test_execution_and_project_scores_without_budgets() -> None:
    seed = load_department(SEED)
    without = {"accounts": None, "budget": None}
    nothing = dataclasses.replace(seed, case=seed.case.model_copy(update=without))
    first = seed.projects[0]
    bare = first.case.model_copy(update={"budget": first.case.budget.model_copy(update={"adjusted": None, "executed": None, "sources": ()})})  # fmt: skip
    alone = dataclasses.replace(nothing, projects=(dataclasses.replace(first, case=bare),))
    result = _run(alone)
    assert (
        result.item("预算执行").basis
        == "案例未列部门预算分类，决算未列一般公共预算财政拨款预算数，项目也无调整后预算，得 0 分"
    )
    assert result.item("项目绩效自评结果").basis.startswith(
        "1 个项目的复核得分均无调整后预算，按简单平均 = "
    )
    empty = _run(dataclasses.replace(nothing, projects=()))
    assert empty.item("项目绩效自评结果").basis == "案例未列出项目自评，得 0 分"
    missing = {(f.code, f.where) for f in empty.findings}
    assert ("dept-missing-data", "$.projects") in missing
    assert ("dept-missing-data", "$.budget") in missing


def test_claimed_scores_that_do_not_add_up() -> None:
    loaded = _with(
        load_department(SEED),
        claimed_score=95,
        scores={"部门预算项目绩效管理": 67, "绩效结果应用": 20, "自评质量": 10},
        facts={"projects": 37, "with_targets": 37, "assessed": 37, "monitored": 7},
        problems="预算执行进度偏慢。",
    )
    sums = [f for f in _run(loaded).findings if f.code == "dept-claimed-sum"]
    assert sums == [
        Finding(
            "dept-claimed-sum",
            "error",
            "自评得分 95.00 分与下级各项填报得分之和不符：部门预算项目绩效管理 67.00 + 绩效结果应用 20.00 + 自评质量 10.00 = 97.00",
            "$.evaluation.claimed_score",
        )
    ]


@pytest.mark.parametrize(
    ("text", "none"),
    [
        ("我单位无绩效自评存在的问题。", True),
        ("无", True),
        ("暂无。", True),
        ("本部门不存在问题", True),
        ("无法按期完成部分采购。", False),
        ("无论从哪方面看，执行进度偏慢。", False),
        ("预算执行进度偏慢。", False),
        (None, False),
    ],
)
def test_says_none(text: str | None, none: bool) -> None:
    assert says_none(text) is none


# ---- rubrics ----------------------------------------------------------------------------------


def test_rubric_kinds_and_listing() -> None:
    assert {name: rubric_kind(name) for name in shipped()} == {
        "dazhou-department": "department",
        "hubei-2020": "project",
        "mof-2020": "project",
        "mof-2020-review": "project",
        "sichuan-department": "department",
    }
    lines = CliRunner().invoke(main, ["rubrics"]).stdout.splitlines()
    assert lines[3:] == [
        "sichuan-department [部门整体，默认]: 部门整体支出绩效自评（四川县级部门整体支出绩效评价指标体系）",
        "dazhou-department [部门整体]: 部门整体支出绩效评价（达州部门整体支出绩效评价指标体系）",
    ]
    shown = CliRunner().invoke(main, ["rubrics", "--show", "sichuan-department"])
    assert '"project_rubric": "mof-2020"' in shown.stdout


def test_rubric_trees_are_whole() -> None:
    assert [(i.name, int(i.weight)) for i in SICHUAN.items] == [
        ("部门预算项目绩效管理", 70), ("绩效结果应用", 20), ("自评质量", 10)
    ]  # fmt: skip
    assert [(i.name, i.method) for i in SICHUAN.items[0].items] == [
        ("绩效目标管理", "target-coverage"),
        ("事前绩效评估", "assessment-coverage"),
        ("绩效监控", "monitoring-coverage"),
        ("预算执行", "execution-rate"),
        ("项目绩效自评结果", "project-scores"),
    ]
    assert SICHUAN.items[0].items[2].options == {"expected": D("0.15")}
    assert len([i for i in DAZHOU.walk() if not i.items]) == 22
    assert DAZHOU.full_marks == SICHUAN.full_marks == 100


def test_wrong_kind_is_refused() -> None:
    with pytest.raises(RubricError) as error:
        load_rubric("sichuan-department")
    assert str(error.value) == (
        f"{shipped()['sichuan-department']}:7: "
        "'sichuan-department' 是部门整体评价规则，不能用于项目评价"
    )
    with pytest.raises(RubricError) as error:
        load_department_rubric("nope")
    assert (
        str(error.value)
        == "没有名为 'nope' 的评分规则（内置：dazhou-department、sichuan-department）"
    )
    with pytest.raises(RubricError) as error:
        load_department_rubric("mof-2020")
    assert str(error.value) == (
        f"{shipped()['mof-2020']}: 'mof-2020' 是项目评价规则，不能用于部门整体评价"
    )


GOOD: str = """kind = "department"
title = "测试"

[items."管理"]
weight = 70

[items."管理".items."目标"]
weight = 40
method = "target-coverage"

[items."管理".items."监控"]
weight = 30
method = "monitoring-coverage"
options = { expected = 0.2 }

[items."应用"]
weight = 30
"""


def _error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RubricError) as error:
        load_department_rubric(path)
    return str(error.value).removeprefix(f"{path}:")


def test_a_good_rubric_loads(tmp_path: Path) -> None:
    path = tmp_path / "good.toml"
    path.write_text(GOOD, encoding="utf-8")
    rubric = load_department_rubric(path)
    assert (rubric.name, rubric.project_rubric, rubric.grade_of(D(85))) == (
        "good",
        "mof-2020",
        "良",
    )


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "weight = 40",
            "weight = 35",
            "5: items.管理.weight: '管理' 的权重 70 与下级评分项权重合计 65 不等",
        ),
        (
            '"target-coverage"',
            '"coverage"',
            "9: items.管理.items.目标.method: 未知的计分方法 'coverage'（可用：entered、target-coverage、assessment-coverage、monitoring-coverage、project-scores、execution-rate、evaluation-coverage）",
        ),
        (
            '[items."应用"]\nweight = 30',
            '[items."应用"]\nweight = 20',
            "4: items: 各评分项权重合计应为 100，实际为 90",
        ),
        (
            "options = { expected = 0.2 }",
            "options = { expected = 1.5 }",
            "14: items.管理.items.监控.options.expected: expected 应大于 0 且不大于 1，实际为 1.5",
        ),
        (
            "options = { expected = 0.2 }",
            "options = {}",
            "14: items.管理.items.监控.options.expected: 计分方法 'monitoring-coverage' 缺少选项 'expected'",
        ),
        (
            "options = { expected = 0.2 }",
            "options = { expected = 0.2, floor = 1 }",
            "14: items.管理.items.监控.options.floor: 计分方法 'monitoring-coverage' 没有选项 'floor'",
        ),
        (
            '[items."应用"]\nweight = 30',
            '[items."应用"]\nweight = 30\nmethod = "entered"\n[items."应用".items."目标"]\nweight = 30',
            "18: items.应用.method: '应用' 有下级评分项，得分为下级之和，不能设 method",
        ),
        (
            '[items."应用"]\nweight = 30',
            '[items."应用"]\nweight = 30\n[items."应用".items."目标"]\nweight = 30',
            "18: items.应用.items.目标: 评分项名称 '目标' 重复（案例按名称填报得分，名称须唯一）",
        ),
        ("weight = 40", "weight = -40", "8: items.管理.items.目标.weight: 应不小于 0，实际为 -40"),
        ("weight = 40", "wieght = 40", "7: items.管理.items.目标.weight: 缺少必填项 'weight'"),
        (
            'method = "target-coverage"',
            'method = "target-coverage"\nmode = 1',
            "10: items.管理.items.目标.mode: 未知的键 'mode'",
        ),
        (
            'kind = "department"',
            'kind = "部门"',
            "1: kind: kind 应为 project 或 department，实际为 '部门'",
        ),
        (
            'title = "测试"',
            'title = "测试"\nproject_rubric = "dazhou-department"',
            "3: project_rubric: 'dazhou-department' 是部门整体评价规则，不能用于项目评价",
        ),
    ],
)
def test_rubric_errors_name_the_line(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in GOOD
    assert _error(tmp_path, GOOD.replace(old, new, 1)) == message


def test_extends_overrides_one_item(tmp_path: Path) -> None:
    path = tmp_path / "strict.toml"
    path.write_text(
        'extends = "sichuan-department"\n'
        '[items."部门预算项目绩效管理".items."绩效监控"]\noptions = { expected = 1 }\n',
        encoding="utf-8",
    )
    rubric = load_department_rubric(path)
    assert (rubric.kind, rubric_kind(path)) == ("department", "department")
    monitoring = _run(load_department(SEED), rubric).item("绩效监控")
    assert monitoring.basis == (
        "开展绩效监控的项目 7 个 / 项目总数 37 个 = 18.92%，低于应有比例 100.00%，得 10 × 18.92% / 100.00% = 1.89 分"
    )


# ---- properties -------------------------------------------------------------------------------

counts = st.none() | st.integers(min_value=0, max_value=80)
points = st.decimals(min_value=0, max_value=40, places=2, allow_nan=False, allow_infinity=False)
NAMES = sorted({i.name for rubric in (SICHUAN, DAZHOU) for i in rubric.walk()})
HAND_LOADED = load_department(HAND)


def _leaves_within(item: ItemResult) -> None:
    if item.items:
        assert item.score == sum((child.score for child in item.items), ZERO)
        for child in item.items:
            _leaves_within(child)
    else:
        assert ZERO <= item.score <= item.weight


@settings(max_examples=60)
@given(
    rubric=st.sampled_from([SICHUAN, DAZHOU]),
    facts=st.fixed_dictionaries(
        {"projects": counts, "with_targets": counts, "assessed": counts, "monitored": counts}
    ),
    scores=st.dictionaries(st.sampled_from(NAMES), points),
    claimed=st.none() | points,
    accounts=st.booleans(),
)
def test_totals_are_sums_and_never_exceed_100(
    rubric: DepartmentRubric,
    facts: dict[str, int | None],
    scores: dict[str, Decimal],
    claimed: Decimal | None,
    accounts: bool,
) -> None:
    loaded = _with(HAND_LOADED, facts=facts, scores=scores, claimed_score=claimed, problems="无")
    if not accounts:
        loaded = dataclasses.replace(loaded, case=loaded.case.model_copy(update={"accounts": None}))
    result = _run(loaded, rubric)
    for item in result.items:
        _leaves_within(item)
    assert result.score == sum((leaf.score for leaf in result.leaves()), ZERO)
    assert ZERO <= result.score <= 100
    assert all(leaf.method in METHODS for leaf in result.leaves())
