"""The final-accounts checks (perfscore.checks.accounts): the seed, deliberate errors, rules."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from perfscore.checks import CHECKS, Enabled, enabled_checks, title
from perfscore.checks.accounts import ACCOUNTS, account_findings
from perfscore.input.department import load_department
from perfscore.models.case import Case
from perfscore.models.department import DepartmentCase
from perfscore.models.numbers import HUNDRED, half_up
from perfscore.models.results import Finding
from perfscore.rubrics.loading import load_department_rubric, load_rubric
from perfscore.rubrics.model import CheckConfig

from .conftest import ROOT

SEED = ROOT / "cases" / "miyi-2022-department.json"
ERRORS = ROOT / "tests" / "department" / "arithmetic-errors.json"
SICHUAN = load_department_rubric("sichuan-department")
#: The project rubric's quantitative rules, whose money units add the projects' 执行数 up in 万元.
UNITS = load_rubric(SICHUAN.project_rubric).quantitative
#: The accounts checks that compare amounts, each with a ``tolerance`` option.
AMOUNT_CHECKS = (
    "sum-mismatch",
    "balance-mismatch",
    "yoy-mismatch",
    "project-total-mismatch",
    "basic-total-mismatch",
)

SEED_ADJUSTED = Finding(
    "share-adjusted",
    "warning",
    "社会保障和就业支出（208）占比填报 7.62%，按 76.73 / 1008.09 计算为 7.61%，相差 +0.01 个百分点，"
    "系为使各项占比合计为 100.00% 而调整（按计算值合计为 99.99%）",
    "$.accounts.general.functions[1].share",
)
SEED_PROJECTS = Finding(
    "project-total-mismatch",
    "warning",
    "项目支出 139.44 万元，7 个项目的预算执行数合计 139.43 万元，相差 +0.01 万元",
    "$.accounts.spending.parts[1].amount",
)
SEED_COVERAGE = Finding(
    "project-coverage",
    "info",
    "所附 7 个项目自评表的执行数合计 139.43 万元，占决算项目支出 139.44 万元的 99.99%（案例未说明"
    "项目齐全，未逐一核对）",
    "$.accounts.spending.parts[1].amount",
)


def configured(**checks: dict[str, Any]) -> tuple[Enabled, ...]:
    """The plan of sichuan-department with ``[checks.CODE]`` tables (codes with _ for -)."""
    tables = {code.replace("_", "-"): CheckConfig.model_validate(c) for code, c in checks.items()}
    return enabled_checks(SICHUAN.model_copy(update={"checks": tables}))


def findings(
    path: Any, plan: Sequence[Enabled] | None = None, *, complete: bool = True
) -> tuple[Finding, ...]:
    """The accounts findings on the department at ``path``, its project list said complete (so
    that the projects' 执行数 are held to 项目支出) unless ``complete`` is False."""
    loaded = load_department(path)
    projects = [project.case for project in loaded.projects]
    case = loaded.case.model_copy(update={"projects_complete": complete})
    return account_findings(case, projects, configured() if plan is None else plan, UNITS)


@cache
def _seed_json() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_data() -> dict[str, Any]:
    """The seed department as JSON data, without its project files (the projects a test gives
    are said to be all of them)."""
    data: dict[str, Any] = json.loads(_seed_json())
    data["projects"] = []
    data["projects_complete"] = True
    return data


def run(
    data: dict[str, Any],
    projects: Sequence[Case] = (),
    plan: Sequence[Enabled] | None = None,
) -> tuple[Finding, ...]:
    case = DepartmentCase.model_validate(data)
    return account_findings(case, projects, configured() if plan is None else plan, UNITS)


def changed(edit: Callable[[dict[str, Any]], object], code: str) -> list[Finding]:
    """The findings of ``code`` on the seed's accounts (no projects) after ``edit``."""
    data = seed_data()
    edit(data["accounts"])
    return [finding for finding in run(data) if finding.code == code]


# -- the seed ---------------------------------------------------------------------------------


def test_seed() -> None:
    """The seed's 第二部分, every number checked by hand (万元; rates half-up at stated places).

    一、收支总计: 1008.09 - 888.43 = 119.66 (stated 119.66); 119.66 / 888.43 = 13.4687% -> 13.47%
      (stated 13.47%). 财政拨款收支总计 and 一般公共预算财政拨款支出 state the same three numbers.
    二、收入: 968.79 = 968.79 (one part); 968.79 / 968.79 = 100% at 0 places (stated 100%).
    三、支出: 868.65 + 139.44 = 1008.09; 868.65 / 1008.09 = 86.1685% -> 86.17%; 139.44 / 1008.09
      = 13.8320% -> 13.83% (both as stated; they sum to 100.00 computed and stated).
    收支平衡: 收入总计 968.79 + 年初结转结余 39.30 = 1008.09 = 支出总计 1008.09 + 年末 0.00
      = 收、支总计 1008.09.
    五、一般公共预算: 1008.09 / 1008.09 = 100% of 本年支出合计 (stated 100%); 完成预算 100% has no
      预算数 to check against (nor have the 项' 100%).
      201: 476.91 + 138.44 + 176.56 + 0.38 = 792.29 (款 03) + 0.62 (款 04) = 792.91;
      208: 13.60 + 51.11 + 6.10 = 70.81 (款 05) + 5.92 (款 99) = 76.73;
      210: 29.42 + 12.43 + 26.85 = 68.70; 221: 69.75; 792.91 + 76.73 + 68.70 + 69.75 = 1008.09.
      Shares of 1008.09: 792.91 -> 78.6547% -> 78.65; 76.73 -> 7.6114% -> 7.61 (stated 7.62);
      68.70 -> 6.8149% -> 6.81; 69.75 -> 6.9190% -> 6.92. Stated 78.65 + 7.62 + 6.81 + 6.92 =
      100.00, computed 99.99: 7.62 was nudged up one unit to make 100.00% -> share-adjusted.
    六、基本支出: 777.22 + 91.43 = 868.65 (stated 868.65, and 本年支出's 基本支出 868.65).
    七、三公: 0 + 11.77 + 5.60 = 17.37 决算; 0 + 15 + 7 = 22 预算; 0 + 10.06 + 6.99 = 17.05 上年.
      17.37 / 22 = 78.9545% -> 78.95%; 17.37 - 17.05 = 0.32; 0.32 / 17.05 = 1.8768% -> 1.88%.
      出国: 0 of a 0 budget, stated 0% (fine), 0 - 0 = 0, no growth stated; share 0 / 17.37 = 0%.
      公务用车: 11.77 / 15 = 78.4667% -> 78.47%; 11.77 - 10.06 = 1.71; 1.71 / 10.06 = 16.998%
      -> 17.0% at one place; share 11.77 / 17.37 = 67.7605% -> 67.76%.
      公务接待: 5.60 / 7 = 80.0%; 5.60 - 6.99 = -1.39; -1.39 / 6.99 = -19.8856% -> -19.89%;
      share 5.60 / 17.37 = 32.2395% -> 32.24%. Shares 0 + 67.76 + 32.24 = 100.00 either way.
    十、机关运行经费: 91.43 - 84.42 = 7.01; 7.01 / 84.42 = 8.3037% -> 8.30%.
    项目支出 139.44 against the seven tables' 执行数: 24.22 + 4.00 + 5.95 + 39.30 + 64.96 + 0.62
      + 0.38 = 139.43 -> project-total-mismatch, +0.01, when the seven are all its projects.
    """
    assert findings(SEED) == (SEED_PROJECTS, SEED_ADJUSTED)


def test_seed_as_published_says_its_coverage() -> None:
    """The seed does not say its seven tables are all of 项目支出 (they are the 7 monitored of 37
    projects): 139.43 / 139.44 = 99.9928% -> 99.99%, an info finding instead of a mismatch."""
    assert findings(SEED, complete=False) == (SEED_COVERAGE, SEED_ADJUSTED)
    plan = configured(project_coverage={"enabled": False})
    assert findings(SEED, plan, complete=False) == (SEED_ADJUSTED,)


def test_coverage_needs_every_project_and_a_project_spending() -> None:
    data = seed_data()
    data["projects_complete"] = False
    assert run(data, [_project(100), _project(None)]) == (SEED_ADJUSTED,)
    data["accounts"]["spending"]["parts"][1]["amount"] = 0
    assert "project-coverage" not in {f.code for f in run(data, [_project(100)])}
    data["accounts"]["spending"]["parts"][1]["amount"] = 139.44
    assert "project-coverage" in {f.code for f in run(data, [_project(100)])}


def test_accounts_without_totals_or_carryover_are_not_balanced_against_them() -> None:
    """A report that quotes 本年收入 and 本年支出 without 收支总计 or 结转结余 (南县政协, tests/real):
    the carryover is unknown, not 0, so 792.22 against 799.12 is no imbalance."""
    data = seed_data()
    accounts = data["accounts"]
    del accounts["totals"], accounts["carryover"]
    accounts["income"]["total"] = accounts["income"]["parts"][0]["amount"] = 792.22
    assert "balance-mismatch" not in {f.code for f in run(data)}
    accounts["carryover"] = {"opening": 0, "closing": 0}
    assert [f.message for f in run(data) if f.code == "balance-mismatch"] == [
        "收入总计 792.22 万元（本年收入合计 792.22 + 年初结转结余 0.00）与支出总计 1008.09 万元"
        "（本年支出合计 1008.09 + 年末结转结余 0.00）不平衡，相差 -215.87 万元"
    ]


def test_seed_without_accounts() -> None:
    data = seed_data()
    del data["accounts"]
    assert run(data) == ()


# -- deliberate errors --------------------------------------------------------------------------

ERROR_FINDINGS = (
    Finding(
        "balance-mismatch",
        "error",
        "收、支总计填报 1008.09 万元，支出总计为 1013.09 万元（本年支出合计 1008.09 + 年末结转结余 5.00），相差 -5.00 万元",
        "$.accounts.totals.current",
    ),
    Finding(
        "share-mismatch",
        "warning",
        "基本支出占比填报 86.71%，按 868.65 / 1008.09 计算为 86.17%，相差 +0.54 个百分点",
        "$.accounts.spending.parts[0].share",
    ),
    Finding(
        "project-total-mismatch",
        "warning",
        "项目支出 139.44 万元，2 个项目的预算执行数合计 139.00 万元，相差 +0.44 万元",
        "$.accounts.spending.parts[1].amount",
    ),
    Finding(
        "balance-mismatch",
        "error",
        "收入总计 1008.09 万元（本年收入合计 968.79 + 年初结转结余 39.30）与支出总计 1013.09 万元（本年支出合计 1008.09 + 年末结转结余 5.00）不平衡，相差 -5.00 万元",
        "$.accounts.carryover",
    ),
    Finding(
        "sum-mismatch",
        "error",
        "政府办公厅（室）及相关机构事务（20103）决算数 792.29 万元，下级科目合计 792.19 万元，相差 +0.10 万元",
        "$.accounts.general.functions[0].items[0].amount",
    ),
    SEED_ADJUSTED,
    Finding(
        "sum-mismatch",
        "error",
        "卫生健康支出（210）决算数 68.70 万元，下级科目合计 68.80 万元，相差 -0.10 万元",
        "$.accounts.general.functions[2].amount",
    ),
    Finding(
        "sum-mismatch",
        "error",
        "基本支出 868.65 万元，人员经费 777.32 万元 + 公用经费 91.43 万元 = 868.75 万元，相差 -0.10 万元",
        "$.accounts.basic.total",
    ),
    Finding(
        "completion-mismatch",
        "warning",
        "“三公”经费完成预算填报 79.85%，按 17.37 / 22.00 计算为 78.95%，相差 +0.90 个百分点",
        "$.accounts.three_public.completion",
    ),
    Finding(
        "yoy-mismatch",
        "warning",
        "公务用车购置及运行维护费增减额填报 1.17 万元，按 11.77 - 10.06 计算为 1.71 万元，相差 -0.54 万元",
        "$.accounts.three_public.parts[1].change",
    ),
    Finding(
        "yoy-mismatch",
        "warning",
        "机关运行经费增长率填报 8.03%，按 (91.43 - 84.42) / 84.42 计算为 8.30%，相差 -0.27 个百分点",
        "$.accounts.operating.growth",
    ),
)


def test_arithmetic_errors() -> None:
    """The seed's accounts with errors made on purpose (tests/department/arithmetic-errors.json).

    行政运行 476.91 -> 476.81 under 款 20103, which now states 792.29: its 项 sum to 792.19.
    行政单位医疗 29.42 -> 29.52 under 款 21011 (no amount): 类 210 states 68.70, its 款 sum to
    68.80. 人员经费 777.22 -> 777.32: 777.32 + 91.43 = 868.75 ≠ 868.65. 基本支出's share 86.17 ->
    86.71 (the group now sums to 100.54, so it is no nudge). 机关运行经费 growth 8.30 -> 8.03.
    公务用车 change 1.71 -> 1.17. 三公 completion 78.95 -> 79.85. 年末结转结余 0 -> 5:
    968.79 + 39.30 = 1008.09 ≠ 1008.09 + 5.00 = 1013.09, which is also ≠ 收、支总计 1008.09.
    Two embedded projects execute 100.00 and 30.00 + 9.00: 139.00 ≠ 项目支出 139.44. The seed's
    own nudged 7.62% is still there.
    """
    assert findings(ERRORS) == ERROR_FINDINGS


# -- each check on its own ------------------------------------------------------------------


def _set(path: str, value: object) -> Callable[[dict[str, Any]], None]:
    """An edit of the accounts: ``_set("general.functions[3].amount", 69.85)``."""

    def edit(accounts: dict[str, Any]) -> None:
        node: Any = accounts
        keys = path.replace("]", "").replace("[", ".").split(".")
        for key in keys[:-1]:
            node = node[int(key)] if key.isdigit() else node[key]
        last = keys[-1]
        if value is _DELETE:
            del node[last]
        elif last.isdigit():
            node[int(last)] = value
        else:
            node[last] = value

    return edit


_DELETE = object()


def _both(*edits: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def edit(accounts: dict[str, Any]) -> None:
        for one in edits:
            one(accounts)

    return edit


SINGLE = [
    (
        "income-parts",
        _set("income.parts[0].amount", 968.69),
        "sum-mismatch",
        "本年收入合计 968.79 万元，各项收入之和 968.69 万元，相差 +0.10 万元",
        "$.accounts.income.total",
    ),
    (
        "spending-parts",
        _set("spending.parts[1].amount", 140.44),
        "sum-mismatch",
        "本年支出合计 1008.09 万元，各项支出之和 1009.09 万元，相差 -1.00 万元",
        "$.accounts.spending.total",
    ),
    (
        "classes",
        _both(
            _set("general.functions[3].amount", 69.85),
            _set("general.functions[3].items[0].items[0].amount", 69.85),
        ),
        "sum-mismatch",
        "一般公共预算财政拨款支出 1008.09 万元，各类功能科目合计 1008.19 万元，相差 -0.10 万元",
        "$.accounts.general.current",
    ),
    (
        "three-public-budget",
        _set("three_public.parts[2].budget", 8),
        "sum-mismatch",
        "“三公”经费预算数 22.00 万元，各项预算数之和 23.00 万元，相差 -1.00 万元",
        "$.accounts.three_public.budget",
    ),
    (
        "three-public-previous",
        _set("three_public.parts[1].previous", 10.16),
        "sum-mismatch",
        "“三公”经费上年数 17.05 万元，各项上年数之和 17.15 万元，相差 -0.10 万元",
        "$.accounts.three_public.previous",
    ),
    (
        "three-public-actual",
        _set("three_public.actual", 17.47),
        "sum-mismatch",
        "“三公”经费决算数 17.47 万元，各项决算数之和 17.37 万元，相差 +0.10 万元",
        "$.accounts.three_public.actual",
    ),
    (
        "share-of-spending",
        _set("general.share_of_spending", "99%"),
        "share-mismatch",
        "一般公共预算财政拨款支出占本年支出合计的比例填报 99%，按 1008.09 / 1008.09 计算为 100%，相差 -1 个百分点",
        "$.accounts.general.share_of_spending",
    ),
    (
        "share-of-zero",
        _both(_set("income.total", 0), _set("income.parts[0].amount", 0)),
        "share-mismatch",
        "一般公共预算财政拨款收入占比填报 100%，但本年收入合计为 0，占比无法计算",
        "$.accounts.income.parts[0].share",
    ),
    (
        "three-public-share",
        _set("three_public.parts[1].share", "67.7%"),
        "share-mismatch",
        "公务用车购置及运行维护费占比填报 67.7%，按 11.77 / 17.37 计算为 67.8%，相差 -0.1 个百分点",
        "$.accounts.three_public.parts[1].share",
    ),
    (
        "totals-change",
        _set("totals.change", 119.56),
        "yoy-mismatch",
        "收、支总计增减额填报 119.56 万元，按 1008.09 - 888.43 计算为 119.66 万元，相差 -0.10 万元",
        "$.accounts.totals.change",
    ),
    (
        "fiscal-growth",
        _set("fiscal.growth", "13.5%"),
        "yoy-mismatch",
        None,
        None,
    ),
    (
        "general-growth",
        _set("general.growth", "13.46%"),
        "yoy-mismatch",
        "一般公共预算财政拨款支出增长率填报 13.46%，按 (1008.09 - 888.43) / 888.43 计算为 13.47%，相差 -0.01 个百分点",
        "$.accounts.general.growth",
    ),
    (
        "three-public-growth",
        _set("three_public.growth", "1.87%"),
        "yoy-mismatch",
        "“三公”经费增长率填报 1.87%，按 (17.37 - 17.05) / 17.05 计算为 1.88%，相差 -0.01 个百分点",
        "$.accounts.three_public.growth",
    ),
    (
        "negative-growth",
        _set("three_public.parts[2].growth", "19.89%"),
        "yoy-mismatch",
        "公务接待费增长率填报 19.89%，按 (5.60 - 6.99) / 6.99 计算为 -19.89%，相差 +39.78 个百分点",
        "$.accounts.three_public.parts[2].growth",
    ),
    (
        "growth-of-nothing",
        _set("three_public.parts[0].growth", "5%"),
        "yoy-mismatch",
        "因公出国（境）费上年数为 0，增长率无法计算，但填报了 5%",
        "$.accounts.three_public.parts[0].growth",
    ),
    (
        "general-completion",
        _set("general.budget", 1100),
        "completion-mismatch",
        "一般公共预算财政拨款支出完成预算填报 100%，按 1008.09 / 1100.00 计算为 92%，相差 +8 个百分点",
        "$.accounts.general.completion",
    ),
    (
        "completion-of-nothing",
        _set("general.budget", 0),
        "completion-mismatch",
        "一般公共预算财政拨款支出预算数为 0，完成率无法计算，但填报了完成预算 100%",
        "$.accounts.general.completion",
    ),
    (
        "item-completion",
        _set("general.functions[0].items[0].items[0].budget", 500),
        "completion-mismatch",
        "行政运行（2010301）完成预算填报 100%，按 476.91 / 500.00 计算为 95%，相差 +5 个百分点",
        "$.accounts.general.functions[0].items[0].items[0].completion",
    ),
    (
        "class-completion",
        _both(
            _set("general.functions[2].budget", 70),
            _set("general.functions[2].completion", "98.15%"),
        ),
        "completion-mismatch",
        "卫生健康支出（210）完成预算填报 98.15%，按 68.70 / 70.00 计算为 98.14%，相差 +0.01 个百分点",
        "$.accounts.general.functions[2].completion",
    ),
    (
        "part-completion",
        _set("three_public.parts[2].completion", "80%"),
        "completion-mismatch",
        None,
        None,
    ),
    (
        "basic-twice",
        _both(_set("spending.parts[0].amount", 868.55), _set("spending.parts[1].amount", 139.54)),
        "basic-total-mismatch",
        "一般公共预算财政拨款基本支出 868.65 万元，本年支出中基本支出 868.55 万元，相差 +0.10 万元（本年支出全部为一般公共预算财政拨款支出，两者应相等）",
        "$.accounts.basic.total",
    ),
]


@pytest.mark.parametrize(
    ("edit", "code", "message", "where"), [s[1:] for s in SINGLE], ids=[s[0] for s in SINGLE]
)
def test_single_error(
    edit: Callable[[dict[str, Any]], None], code: str, message: str | None, where: str | None
) -> None:
    expected = [] if message is None or where is None else [(message, where)]
    assert [(f.message, f.where) for f in changed(edit, code)] == expected


def test_opening_unbalanced() -> None:
    """年初结转结余 39.30 -> 39.20: 收入总计 1007.99 balances neither 支出总计 nor 收、支总计."""
    assert [
        (f.message, f.where) for f in changed(_set("carryover.opening", 39.2), "balance-mismatch")
    ] == [
        (
            "收、支总计填报 1008.09 万元，收入总计为 1007.99 万元（本年收入合计 968.79 + 年初结转结余 39.20），相差 +0.10 万元",
            "$.accounts.totals.current",
        ),
        (
            "收入总计 1007.99 万元（本年收入合计 968.79 + 年初结转结余 39.20）与支出总计 1008.09 万元（本年支出合计 1008.09 + 年末结转结余 0.00）不平衡，相差 -0.10 万元",
            "$.accounts.carryover",
        ),
    ]


def test_derived_class_amount() -> None:
    """A 类 without an amount is the sum of its 款 (each the sum of its 项): nothing to say."""
    data = seed_data()
    for function in data["accounts"]["general"]["functions"]:
        del function["amount"]
    assert run(data) == (SEED_ADJUSTED,)


def test_unknown_amounts_are_not_summed() -> None:
    """A 款 with neither amount nor items leaves its 类 and the 类 total unchecked."""
    data = seed_data()
    functions = data["accounts"]["general"]["functions"]
    del functions[0]["amount"]
    functions[0]["items"][1] = {"code": "20104", "name": "发展与改革事务"}
    functions[1]["amount"] = 99
    assert [f.code for f in run(data)] == ["sum-mismatch", "share-mismatch"]
    assert run(data)[0].where == "$.accounts.general.functions[1].amount"


def test_missing_previous_or_budget_says_nothing() -> None:
    data = seed_data()
    accounts = data["accounts"]
    del accounts["operating"]["previous"]
    accounts["operating"]["growth"] = "50%"
    del accounts["three_public"]["budget"]
    accounts["three_public"]["completion"] = "50%"
    del accounts["three_public"]["parts"][1]["previous"]
    assert run(data) == (SEED_ADJUSTED,)


def test_zero_of_zero() -> None:
    """0% of a zero budget, and 0% growth from 0 to 0, are right as stated."""
    data = seed_data()
    data["accounts"]["three_public"]["parts"][0]["growth"] = "0%"
    assert run(data) == (SEED_ADJUSTED,)


@pytest.mark.parametrize("growth", ["17%", "17.0%", "17.00%", "16.998%"])
def test_growth_at_stated_precision(growth: str) -> None:
    """1.71 / 10.06 = 16.998…%: right at 0, 1, 2 and 3 places."""
    assert changed(_set("three_public.parts[1].growth", growth), "yoy-mismatch") == []


def test_nudge_in_the_wrong_direction_is_a_mismatch() -> None:
    """Stated shares sum to 100.00 but the nudges are not one unit towards the gap."""
    data = seed_data()
    functions = data["accounts"]["general"]["functions"]
    functions[0]["share"] = "78.67%"
    functions[1]["share"] = "7.60%"
    assert [(f.code, f.where) for f in run(data)] == [
        ("share-mismatch", "$.accounts.general.functions[0].share"),
        ("share-mismatch", "$.accounts.general.functions[1].share"),
    ]


def test_basic_total_needs_all_spending_general() -> None:
    data = seed_data()
    accounts = data["accounts"]
    accounts["spending"]["parts"][0]["amount"] = 868.55
    accounts["spending"]["parts"][1]["amount"] = 139.54
    del accounts["general"]
    assert [f for f in run(data) if f.code == "basic-total-mismatch"] == []


def _project(*executed: float | None, total: float | None = None) -> Case:
    sources = [{"name": f"资金{i}", "executed": value} for i, value in enumerate(executed)]
    data = {
        "project": {"name": "项目"},
        "budget": {"executed": total, "sources": sources},
        "indicators": [{"level1": "产出指标", "name": "事项", "target": 1, "actual": 1}],
    }
    return Case.model_validate(data)


def test_project_total_prefers_funding_rows() -> None:
    """A project's 执行数 is its funding rows' sum when they give it (39.44, not 40)."""
    projects = [_project(100), _project(30, 9.44, total=40)]
    assert [f for f in run(seed_data(), projects) if f.code == "project-total-mismatch"] == []
    projects = [_project(100), _project(total=40)]
    assert [
        f.message for f in run(seed_data(), projects) if f.code == "project-total-mismatch"
    ] == ["项目支出 139.44 万元，2 个项目的预算执行数合计 140.00 万元，相差 -0.56 万元"]


def test_project_total_in_wan_whatever_the_tables_unit() -> None:
    """A table in 元 adds up in 万元: 1,000,000 元 = 100.00 万元, + 39.44 = 139.44."""
    in_yuan = Case.model_validate(
        {**_project(total=1000000).model_dump(), "budget": {"executed": 1000000, "unit": "元"}}
    )
    assert [f for f in run(seed_data(), [in_yuan, _project(39.44)]) if f.code == "project-total-mismatch"] == []  # fmt: skip
    odd = Case.model_validate({**in_yuan.model_dump(), "budget": {"executed": 1, "unit": "两"}})
    assert run(seed_data(), [odd, _project(39.44)]) == (SEED_ADJUSTED,)


def test_project_total_needs_every_project() -> None:
    """Without projects, or with one that gives no 执行数, the total is not compared."""
    assert run(seed_data()) == (SEED_ADJUSTED,)
    assert run(seed_data(), [_project(100), _project(None)]) == (SEED_ADJUSTED,)


# -- the registry and the rules ---------------------------------------------------------------


def test_registry() -> None:
    table = {code: (c.severity, c.title) for code, c in CHECKS.items() if c.reads is ACCOUNTS}
    assert table == {
        "sum-mismatch": ("error", "合计与分项之和不符"),
        "balance-mismatch": ("error", "收支总计不平衡"),
        "share-mismatch": ("warning", "占比计算有误"),
        "share-adjusted": ("warning", "占比为凑足 100% 而调整"),
        "yoy-mismatch": ("warning", "同比增减计算有误"),
        "completion-mismatch": ("warning", "预算完成率计算有误"),
        "project-total-mismatch": ("warning", "项目支出与项目执行数合计不符"),
        "project-coverage": ("info", "所附项目自评表覆盖的项目支出"),
        "basic-total-mismatch": ("warning", "基本支出前后不一致"),
    }
    assert {code for code, c in CHECKS.items() if "tolerance" in c.options} >= set(AMOUNT_CHECKS)
    assert title("share-adjusted") == "占比为凑足 100% 而调整"
    assert title("no-such-code") == "no-such-code"


def test_tolerance_absorbs_a_cent() -> None:
    plan = configured(**{code: {"tolerance": Decimal("0.01")} for code in AMOUNT_CHECKS})
    assert findings(SEED, plan) == (SEED_ADJUSTED,)
    errors = findings(ERRORS, plan)
    assert errors == ERROR_FINDINGS, "0.10 and more are still findings"


def test_tolerance_is_each_checks_own() -> None:
    """A cent allowed to sum-mismatch is not allowed to project-total-mismatch."""
    plan = configured(sum_mismatch={"tolerance": Decimal("0.01")})
    assert findings(SEED, plan) == (SEED_PROJECTS, SEED_ADJUSTED)
    plan = configured(project_total_mismatch={"tolerance": 1})
    assert findings(SEED, plan) == (SEED_ADJUSTED,)


def test_severity_override() -> None:
    plan = configured(share_adjusted={"severity": "info"}, sum_mismatch={"severity": "warning"})
    assert findings(SEED, plan) == (
        SEED_PROJECTS,
        Finding("share-adjusted", "info", SEED_ADJUSTED.message, SEED_ADJUSTED.where),
    )
    assert {f.severity for f in findings(ERRORS, plan) if f.code == "sum-mismatch"} == {"warning"}


def test_disabled_code_is_silent() -> None:
    """Switching share-adjusted off silences it: the nudged share is not then a mismatch."""
    off = {"enabled": False}
    assert findings(SEED, configured(share_adjusted=off)) == (SEED_PROJECTS,)
    assert findings(SEED, configured(project_total_mismatch=off, share_adjusted=off)) == ()


# -- properties ---------------------------------------------------------------------------------

cents = st.integers(min_value=0, max_value=10**8).map(lambda n: Decimal(n).scaleb(-2))


def _department(amounts: Sequence[Decimal], shares: Sequence[Decimal]) -> dict[str, Any]:
    total = sum(amounts, Decimal(0))
    parts = [
        {"name": f"支出{i}", "amount": amount, "share": share}
        for i, (amount, share) in enumerate(zip(amounts, shares, strict=True))
    ]
    return {
        "kind": "department",
        "department": {"name": "部门"},
        "accounts": {
            "totals": {"current": total},
            "income": {"total": total},
            "spending": {"total": total, "parts": parts},
        },
    }


def _shares(amounts: Sequence[Decimal], places: int) -> list[Decimal]:
    total = sum(amounts, Decimal(0))
    return [half_up(amount / total * HUNDRED, places) for amount in amounts]


@given(st.lists(cents, min_size=1, max_size=6), st.integers(min_value=0, max_value=3))
def test_shares_computed_as_stated_are_right(amounts: list[Decimal], places: int) -> None:
    assume(sum(amounts, Decimal(0)) > 0)
    data = _department(amounts, _shares(amounts, places))
    assert [f for f in run(data) if f.code.startswith("share")] == []


@given(st.lists(cents, min_size=3, max_size=6))
def test_shares_nudged_to_100_are_adjusted(amounts: list[Decimal]) -> None:
    assume(sum(amounts, Decimal(0)) > 0)
    shares = _shares(amounts, 2)
    gap = HUNDRED - sum(shares, Decimal(0))
    assume(abs(gap) == Decimal("0.01"))
    largest = max(range(len(shares)), key=shares.__getitem__)
    shares[largest] += gap
    assert sum(shares, Decimal(0)) == Decimal("100.00")
    found = [(f.code, f.where) for f in run(_department(amounts, shares))]
    assert found == [("share-adjusted", f"$.accounts.spending.parts[{largest}].share")]


def test_nudged_share_message() -> None:
    """Three equal parts: 33.33 × 3 = 99.99, so the first is printed as 33.34."""
    amounts = [Decimal(1), Decimal(1), Decimal(1)]
    shares = [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert run(_department(amounts, shares)) == (
        Finding(
            "share-adjusted",
            "warning",
            "支出0占比填报 33.34%，按 1.00 / 3.00 计算为 33.33%，相差 +0.01 个百分点，"
            "系为使各项占比合计为 100.00% 而调整（按计算值合计为 99.99%）",
            "$.accounts.spending.parts[0].share",
        ),
    )
