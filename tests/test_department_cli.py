"""Department cases through the command line: evaluate (every format), rubric choice, the
决算说明 prose, review rows, and what report and xlsx refuse."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from click.testing import CliRunner, Result

from perfscore.cli import main

from .conftest import DEPARTMENTS, ROOT

SEED = ROOT / "cases" / "miyi-2022-department.json"
DAZHOU = ROOT / "cases" / "hand-07-dazhou-department.json"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def scored(*args: str) -> dict[str, object]:
    result = run("evaluate", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout, parse_float=Decimal)
    return data


def test_the_seed_department_scores_under_the_default_rubric() -> None:
    data = scored(str(SEED))
    assert data["kind"] == "department"
    assert data["rubric"] == "sichuan-department"
    assert data["project_rubric"] == "mof-2020"
    assert data["score"] == Decimal("99.97")
    assert data["claimed_score"] == 97
    assert data["difference"] == Decimal("-2.97")


def test_projects_follow_the_project_rubric_given() -> None:
    strict = scored(str(SEED), "--rubric", "mof-2020-review")
    assert strict["project_rubric"] == "mof-2020-review"
    projects = strict["projects"]
    assert isinstance(projects, list)
    assert [p["score"] for p in projects][:2] == [Decimal("10"), Decimal("52.5")]


def test_a_department_rubric_on_the_command_line_wins() -> None:
    assert scored(str(DAZHOU))["rubric"] == "dazhou-department"  # the case's framework
    assert scored(str(DAZHOU), "--rubric", "sichuan-department")["rubric"] == "sichuan-department"


def test_an_unknown_framework_is_named_at_its_key(tmp_path: Path) -> None:
    data = json.loads(DAZHOU.read_text(encoding="utf-8"))
    data["evaluation"]["framework"] = "no-such-rubric"
    case = tmp_path / "dept.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("evaluate", str(case))
    assert result.exit_code == 2
    assert result.stderr == (
        f"{case}: $.evaluation.framework: 评价指标体系 'no-such-rubric' "
        "应为内置的部门评分规则名称（不能是文件路径）\n"
    )


def test_the_final_accounts_prose_is_written_from_the_figures() -> None:
    text = run("evaluate", str(SEED), "--format", "markdown").stdout
    assert (
        "2022年度收、支总计均为1008.09万元。与2021年相比，收、支总计各增加119.66万元，增长13.47%。"
        "主要变动原因是人员调入基本支出增加和项目个数增多项目支出增加。"
    ) in text
    assert "社会保障和就业支出76.73万元，占7.61%" in text  # computed, not the printed 7.62%
    assert "2022年“三公”经费财政拨款支出决算为17.37万元，完成预算78.95%。" in text


def test_a_folder_mixes_projects_and_departments_in_order(tmp_path: Path) -> None:
    result = run("evaluate", str(ROOT / "cases"), "--format", "json")
    assert result.exit_code == 0
    kinds = [item.get("kind", "project") for item in json.loads(result.stdout)]
    assert kinds.count("department") == len(DEPARTMENTS)
    assert len(kinds) == len(list((ROOT / "cases").glob("*.json")))


def test_review_gives_a_department_its_row() -> None:
    result = run("review", str(SEED), "--format", "json")
    assert result.exit_code == 0, result.output
    (row,) = json.loads(result.stdout, parse_float=Decimal)["rows"]
    assert row["name"] == "米易县人民政府办公室"
    assert (row["claimed_score"], row["score"]) == (97, Decimal("99.97"))
    assert row["codes"][0] == "dept-claimed-mismatch"


def test_report_and_xlsx_are_for_projects(tmp_path: Path) -> None:
    report = run("report", str(SEED))
    assert report.exit_code == 2
    assert report.stderr.strip() == (
        f"提示：{SEED}: 部门整体评价没有项目自评报告：请用 perfscore evaluate --format markdown，"
        "或对其项目案例逐个生成报告"
    )
    folder = run("report", str(ROOT / "cases"), "-o", str(tmp_path / "reports"))
    assert folder.exit_code == 0, folder.output
    assert len(list((tmp_path / "reports").iterdir())) == 15
    xlsx = run("evaluate", str(SEED), "--format", "xlsx", "-o", str(tmp_path / "x.xlsx"))
    assert xlsx.exit_code == 2
    assert xlsx.stderr.strip() == (
        "xlsx 格式只用于项目自评表；部门整体评价请用 table、json 或 markdown 格式"
    )
