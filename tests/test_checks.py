"""The one check registry: every code listed and explained, its example real, configurable the
same way in both rubric kinds (``[checks.CODE]``)."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from perfscore.checks import CHECKS, enabled_checks
from perfscore.cli import main
from perfscore.input.department import LoadedDepartment, department_from_data, load_department
from perfscore.rubrics.department import DepartmentRubric
from perfscore.rubrics.loading import load_department_rubric, load_rubric
from perfscore.rubrics.model import Rubric

from .checking import alone, assert_findings, configured, findings
from .conftest import ROOT

CASES = ROOT / "cases"
SEED = CASES / "miyi-2022-department.json"
ERRORS = ROOT / "tests" / "department" / "arithmetic-errors.json"
CATEGORY_ERRORS = ROOT / "tests" / "department" / "category-errors.json"
SUMMARY_ERRORS = ROOT / "tests" / "department" / "summary-errors.json"
JSON_KEYS = {"code", "applies_to", "severity", "title", "example", "explanation", "options"}

#: A small project case with numbers typed by hand (``number-as-text``).
TYPED: dict[str, Any] = {
    "year": 2022,
    "project": {"name": "网络运行费"},
    "budget": {"adjusted": "1,200.00", "executed": 1200},
    "indicators": [
        {"level1": "产出指标", "name": "运维次数", "operator": "≥", "target": "１２０", "unit": "次", "actual": 120},
        {"level1": "效益指标", "name": "服务保障", "operator": "定性", "target": "优", "actual": "优"},
    ],
}  # fmt: skip


@cache
def _rubric(name: str) -> Rubric | DepartmentRubric:
    if name.endswith("department"):
        return load_department_rubric(name)
    return load_rubric(name)


def _project(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _seed(**evaluation: Any) -> LoadedDepartment:
    """The seed department, with ``evaluation`` keys replaced, ``spending`` amounts set and
    ``complete`` as its ``projects_complete``."""
    data: dict[str, Any] = json.loads(SEED.read_text(encoding="utf-8"))
    spending = evaluation.pop("spending", None)
    data["projects_complete"] = evaluation.pop("complete", False)
    data["evaluation"].update(evaluation)
    if spending is not None:
        for part, amount in zip(data["accounts"]["spending"]["parts"], spending, strict=True):
            part["amount"] = amount
    return department_from_data(data, str(SEED))


Source = Callable[[], dict[str, Any] | LoadedDepartment]
P, R, SICHUAN, DAZHOU, HUBEI = "mof-2020", "mof-2020-review", "sichuan-department", "dazhou-department", "hubei-2020"  # fmt: skip

#: For every code: a case it raises its example on, and the rubric it is scored under.
SOURCES: dict[str, tuple[Source, str]] = {
    "budget-rows-mismatch": (lambda: _project("hand-06-budget-arithmetic"), P),
    "execution-rate-mismatch": (lambda: _project("hand-06-budget-arithmetic"), P),
    "budget-adjusted": (lambda: _project("hand-06-budget-arithmetic"), P),
    "over-executed": (lambda: _project("hand-02-given-weights"), P),
    "zero-budget": (lambda: _project("hand-04-zero-budget-ascii"), P),
    "missing-reason": (lambda: _project("hand-01-quantitative"), P),
    "text-actual": (lambda: _project("miyi-2022-1-network"), R),
    "missing-actual": (lambda: _project("hand-03-missing-satisfaction"), P),
    "unreadable-actual": (lambda: _project("hand-05-qualitative"), P),
    "missing-target": (lambda: _project("hand-03-missing-satisfaction"), P),
    "scale-as-target": (lambda: _project("miyi-2022-2-video-conference"), P),
    "unit-mismatch": (lambda: _project("miyi-2022-1-network"), P),
    "cost-direction": (lambda: _project("hand-02-given-weights"), P),
    "cost-budget-mismatch": (lambda: _project("hand-01-quantitative"), P),
    "overshoot": (lambda: _project("hand-02-given-weights"), P),
    "not-applicable": (lambda: _project("hand-08-real-spellings"), P),
    "unweighted-row": (lambda: _project("hand-08-real-spellings"), P),
    "default-operator": (lambda: _project("hand-09-weights-out-of-100"), P),
    "missing-name": (lambda: _project("hand-08-real-spellings"), P),
    "actual-as-target": (lambda: _project("hand-08-real-spellings"), R),
    "claimed-score-mismatch": (lambda: _project("hand-02-given-weights"), P),
    "row-score-mismatch": (lambda: _project("hand-01-quantitative"), HUBEI),
    "weights-mismatch": (lambda: _project("hand-01-quantitative"), HUBEI),
    "missing-level": (lambda: _project("hand-04-zero-budget-ascii"), P),
    "number-as-text": (lambda: copy.deepcopy(TYPED), P),
    "sum-mismatch": (lambda: load_department(ERRORS), SICHUAN),
    "balance-mismatch": (lambda: load_department(ERRORS), SICHUAN),
    "share-mismatch": (lambda: load_department(ERRORS), SICHUAN),
    "share-adjusted": (lambda: load_department(SEED), SICHUAN),
    "yoy-mismatch": (lambda: load_department(ERRORS), SICHUAN),
    "completion-mismatch": (lambda: load_department(ERRORS), SICHUAN),
    "project-total-mismatch": (lambda: _seed(complete=True), SICHUAN),
    "project-coverage": (lambda: load_department(SEED), SICHUAN),
    "basic-total-mismatch": (lambda: _seed(spending=[868.55, 139.54]), SICHUAN),
    "dept-claimed-mismatch": (lambda: load_department(SEED), SICHUAN),
    "dept-claimed-sum": (lambda: _seed(claimed_score=95), SICHUAN),
    "dept-item-mismatch": (lambda: load_department(SEED), SICHUAN),
    "dept-missing-data": (lambda: load_department(ERRORS), SICHUAN),
    "dept-missing-score": (lambda: load_department(SEED), DAZHOU),
    "dept-facts-exceed": (lambda: _seed(facts={"projects": 10, "with_targets": 12}), SICHUAN),
    "dept-unknown-item": (lambda: load_department(SEED), DAZHOU),
    "category-rate-mismatch": (lambda: load_department(CATEGORY_ERRORS), SICHUAN),
    "category-balance-mismatch": (lambda: load_department(CATEGORY_ERRORS), SICHUAN),
    "category-total-mismatch": (lambda: load_department(CATEGORY_ERRORS), SICHUAN),
    "category-project-mismatch": (lambda: load_department(CATEGORY_ERRORS), SICHUAN),
    "summary-score-mismatch": (lambda: load_department(SEED), SICHUAN),
    "summary-figure-mismatch": (lambda: load_department(SUMMARY_ERRORS), SICHUAN),
    "summary-unread": (lambda: load_department(SUMMARY_ERRORS), SICHUAN),
    "dept-problems-none": (lambda: load_department(SEED), SICHUAN),
}


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _raised(code: str, rubric: Rubric | DepartmentRubric | None = None) -> list[str]:
    """The messages of ``code`` when its source case is scored under ``rubric`` (its own)."""
    source, name = SOURCES[code]
    found = findings(source(), rubric or _rubric(name))
    return [finding.message for finding in found if finding.code == code]


# -- the registry and the command ------------------------------------------------------------


def test_every_code_has_a_source() -> None:
    assert len(CHECKS) == 49
    assert sorted(SOURCES) == sorted(CHECKS)


def test_json_lists_every_code() -> None:
    result = _run("checks", "--format", "json")
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)
    assert [entry["code"] for entry in listed] == list(CHECKS)
    for entry in listed:
        assert set(entry) == JSON_KEYS
        registered = CHECKS[entry["code"]]
        assert (entry["applies_to"], entry["severity"], entry["title"], entry["example"]) == (
            registered.applies_to,
            registered.severity,
            registered.title,
            registered.example,
        )
    kinds = {entry["code"]: entry["applies_to"] for entry in listed}
    assert (kinds["overshoot"], kinds["number-as-text"]) == ("project", "project")
    assert (kinds["sum-mismatch"], kinds["dept-problems-none"]) == ("department", "department")


def test_json_of_one_code_with_its_options() -> None:
    result = _run("checks", "cost-budget-mismatch", "--format", "json")
    assert result.exit_code == 0, result.stderr
    [entry] = json.loads(result.stdout)
    assert entry["options"] == {
        "tolerance": 0.1,
        "per_unit_words": ["每", "人均", "户均", "单价", "平均", "单位成本"],
    }


def test_table_lists_every_code() -> None:
    result = _run("checks")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["代码", "适用于", "默认级别", "标题"]
    rows = [line.split(maxsplit=3) for line in lines[2:]]
    assert rows == [[c.code, c.applies_to, c.severity, c.title] for c in CHECKS.values()]


def test_one_code_explained() -> None:
    result = _run("checks", "sum-mismatch")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "sum-mismatch：合计与分项之和不符\n"
        "适用于：department（在部门整体评价规则中以 [checks.sum-mismatch] 配置）\n"
        "默认级别：error\n"
        "选项（默认值）：\n"
        "  tolerance = 0\n"
        "说明：\n"
        "  决算说明中的合计数与其分项之和不符（超过允许的误差 tolerance，单位万元）：本年收入、本年支出、功能分类的类款项、基本支出、“三公”经费等。合计对不上说明公开的决算数字有误。\n"
        "示例：\n"
        "  卫生健康支出（210）决算数 68.70 万元，下级科目合计 68.80 万元，相差 -0.10 万元\n"
    )
    bare = _run("checks", "overshoot").stdout.splitlines()
    assert bare[3] == "选项（默认值）：无（可配置 severity 与 enabled）"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("overshot", "未知的检查项 'overshot'，是否应为 'overshoot'？"),
        ("no-such-thing", "未知的检查项 'no-such-thing'（perfscore checks 列出全部检查项）"),
    ],
)
@pytest.mark.parametrize("form", ["table", "json"])
def test_unknown_code(code: str, message: str, form: str) -> None:
    result = _run("checks", code, "--format", form)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == message + "\n"


def test_the_plan_is_a_pure_function_of_the_rubric() -> None:
    rubric = load_rubric(P)
    plan = enabled_checks(rubric)
    assert plan == enabled_checks(rubric)
    quiet = configured(rubric, {"overshoot": {"enabled": False}})
    assert [a.code for a in enabled_checks(quiet)] == [
        a.code for a in plan if a.code != "overshoot"
    ]
    assert [a.code for a in plan] == [c.code for c in CHECKS.values() if c.applies_to == "project"]


# -- every example is a message its check really gives ------------------------------------------


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_example_is_a_real_message(code: str) -> None:
    assert CHECKS[code].example in _raised(code)


# -- [checks.CODE] in both rubric kinds -----------------------------------------------------------


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_enabled_false_silences_the_code(code: str) -> None:
    rubric = _rubric(SOURCES[code][1])
    assert _raised(code, rubric) != []
    assert _raised(code, configured(rubric, {code: {"enabled": False}})) == []


def test_number_as_text_alone() -> None:
    assert_findings(
        copy.deepcopy(TYPED),
        load_rubric(P),
        "number-as-text",
        {
            ("number-as-text", "$.budget.adjusted", "数字写作 '1,200.00'，按 1200 读取"),
            ("number-as-text", "$.indicators[0].target", "数字写作 '１２０'，按 120 读取"),
        },
    )


def test_number_as_text_regraded_comes_first() -> None:
    rubric = configured(load_rubric(P), {"number-as-text": {"severity": "error"}})
    data = {**copy.deepcopy(TYPED), "claimed_score": 90}
    found = findings(data, rubric)
    assert [(f.code, f.severity) for f in found] == [
        ("claimed-score-mismatch", "error"),
        ("number-as-text", "error"),
        ("number-as-text", "error"),
        ("missing-level", "info"),
    ]
    default = findings(data, load_rubric(P))
    assert [(f.code, f.severity) for f in default] == [
        ("claimed-score-mismatch", "error"),
        ("missing-level", "info"),
        ("number-as-text", "info"),
        ("number-as-text", "info"),
    ]


def test_department_code_regraded() -> None:
    found = assert_findings(
        _seed(facts={"projects": 10, "with_targets": 12, "monitored": 11}),
        load_department_rubric(SICHUAN),
        "dept-facts-exceed",
        {
            ("dept-facts-exceed", "$.evaluation.facts.with_targets", "编制绩效目标的项目数 12 个，超过项目总数 10 个"),
            ("dept-facts-exceed", "$.evaluation.facts.monitored", "开展绩效监控的项目数 11 个，超过项目总数 10 个"),
        },
        severity="error",
    )  # fmt: skip
    assert {f.severity for f in found} == {"error"}


def test_accounts_code_regraded_with_its_tolerance() -> None:
    rubric = load_department_rubric(SICHUAN)
    expected = {
        (
            "project-total-mismatch",
            "$.accounts.spending.parts[1].amount",
            "项目支出 139.44 万元，7 个项目的预算执行数合计 139.43 万元，相差 +0.01 万元",
        )
    }
    seed = _seed(complete=True)
    found = assert_findings(seed, rubric, "project-total-mismatch", expected, severity="error")
    assert [f.severity for f in found] == ["error"]
    tolerant = {"tolerance": Decimal("0.01")}
    assert_findings(seed, rubric, "project-total-mismatch", set(), **tolerant)


def test_problems_none_counts_what_is_enabled_as_configured() -> None:
    """Its own count is of the department findings before it, at their configured severity."""
    rubric = load_department_rubric(SICHUAN)
    seed = load_department(SEED)
    problems = "$.evaluation.problems"
    said = "存在问题填写“我单位无绩效自评存在的问题。”，但复核发现"
    assert_findings(seed, rubric, "dept-problems-none", {("dept-problems-none", problems, said + "7 个项目的自评有问题")})  # fmt: skip
    quiet = configured(rubric, {"share-adjusted": {"severity": "info"}})
    assert _raised("dept-problems-none", rubric) == [
        said + "部门整体问题 4 个、7 个项目的自评有问题"
    ]
    assert _raised("dept-problems-none", quiet) == [
        said + "部门整体问题 3 个、7 个项目的自评有问题"
    ]


def test_a_check_alone_raises_only_its_code() -> None:
    seed = load_department(SEED)
    found = findings(seed, alone(load_department_rubric(SICHUAN), "share-adjusted"))
    assert [f.code for f in found] == ["share-adjusted"]


# -- [checks.CODE] in TOML files, through the command line ----------------------------------------


def _write(tmp_path: Path, name: str, text: str) -> str:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return str(tmp_path / name)


def test_number_as_text_switched_off_in_a_project_rubric(tmp_path: Path) -> None:
    case = _write(tmp_path, "typed.json", json.dumps(TYPED, ensure_ascii=False))
    quiet = _write(tmp_path, "quiet.toml", 'extends = "mof-2020"\n\n[checks.number-as-text]\nenabled = false\n')  # fmt: skip
    codes = [f["code"] for f in json.loads(_run("evaluate", case, "-f", "json").stdout)["findings"]]
    assert codes.count("number-as-text") == 2
    result = _run("evaluate", case, "-f", "json", "--rubric", quiet)
    assert result.exit_code == 0, result.stderr
    assert "number-as-text" not in [f["code"] for f in json.loads(result.stdout)["findings"]]


def test_department_rubric_configures_its_checks(tmp_path: Path) -> None:
    rubric = _write(
        tmp_path,
        "dept.toml",
        'kind = "department"\nextends = "sichuan-department"\n\n'
        '[checks.share-adjusted]\nseverity = "info"\n\n'
        "[checks.dept-item-mismatch]\nenabled = false\n\n"
        "[checks.project-total-mismatch]\ntolerance = 0.01\n\n"
        '[checks.summary-score-mismatch]\nseverity = "error"\n',
    )
    loaded = load_department_rubric(rubric)
    found = findings(_seed(complete=True), loaded)
    assert [(f.code, f.severity) for f in found] == [
        ("dept-claimed-mismatch", "error"),
        ("summary-score-mismatch", "error"),
        ("dept-problems-none", "warning"),
        ("share-adjusted", "info"),
    ]
