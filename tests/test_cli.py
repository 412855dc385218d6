"""The ``perfscore`` commands through click's runner: output, files, exit status."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from perfscore.cli import main

from .conftest import ROOT

GOV = "cases/miyi-2022-5-government-work.json"
NET = "cases/miyi-2022-1-network.json"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_evaluate_table_shows_scores_findings_and_summary(in_root: Path) -> None:
    result = run("evaluate", GOV)
    assert result.exit_code == 0
    out = result.stdout
    assert "项目：51042122T000006523456 2022年度政府工作经费" in out
    assert "总分 99.70（优）    自评 100.00    差额 +0.30" in out
    assert (
        "[错误] claimed-score-mismatch $.claimed_score：自评得分 100.00 分，按评分规则复核为 99.70 分"
        in out
    )
    assert "绩效自评综述：项目全年预算数67.00万元，执行数为64.96万元，完成预算的96.96%。" in out


def test_evaluate_json_single_file_is_an_object(in_root: Path) -> None:
    data = json.loads(run("evaluate", GOV, "-f", "json").stdout)
    assert (data["score"], data["grade"], data["claimed_score"], data["difference"]) == (
        99.7,
        "优",
        100,
        0.3,
    )
    assert data["execution"] == {**data["execution"], "rate": 96.96, "weight": 10, "score": 9.7}
    assert [row["status"] for row in data["indicators"]] == ["met"] * 6
    assert {"code", "severity", "message", "where"} == set(data["findings"][0])


def test_evaluate_several_paths_or_a_folder_is_an_array(in_root: Path) -> None:
    two = json.loads(run("evaluate", GOV, NET, "-f", "json").stdout)
    assert [d["file"] for d in two] == [GOV, NET]
    folder = json.loads(run("evaluate", "cases", "-f", "json").stdout)
    assert len(folder) == len(list((ROOT / "cases").glob("*.json")))
    assert [d["file"] for d in folder] == sorted(d["file"] for d in folder)


def test_evaluate_review_rubric(in_root: Path) -> None:
    data = json.loads(run("evaluate", GOV, "--rubric", "mof-2020-review", "-f", "json").stdout)
    assert data["rubric"] == "mof-2020-review"
    assert data["score"] == 52.2
    assert {f["severity"] for f in data["findings"] if f["code"] == "text-actual"} == {"error"}


def test_evaluate_rubric_by_path(in_root: Path, tmp_path: Path) -> None:
    rubric = tmp_path / "strict-execution.toml"
    rubric.write_text(
        'extends = "mof-2020"\n[execution]\nround_rate_first = false\n', encoding="utf-8"
    )
    data = json.loads(run("evaluate", GOV, "--rubric", str(rubric), "-f", "json").stdout)
    assert data["rubric"] == "strict-execution"
    assert data["execution"]["score"] == 9.7  # 10 × 96.955…% = 9.6955… → 9.70 either way


def test_evaluate_markdown(in_root: Path) -> None:
    out = run("evaluate", GOV, "-f", "markdown").stdout
    assert out.startswith("# 51042122T000006523456 2022年度政府工作经费 绩效自评复核\n")
    assert (
        "| 产出指标 | 成本指标 | 资金投入 | ＝ | 200000 | 元 | 已全部完成 | 12.50 | 12.50 | 达成 |"
        in out
    )


def test_evaluate_output_file(in_root: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    result = run("evaluate", GOV, "-f", "json", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["score"] == 99.7
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


@pytest.mark.parametrize(("level", "status"), [("error", 1), ("warning", 1)])
def test_fail_on(in_root: Path, level: str, status: int) -> None:
    assert run("evaluate", GOV, "--fail-on", level).exit_code == status


def test_fail_on_is_not_triggered_below_its_level(in_root: Path) -> None:
    assert run("evaluate", NET, "--fail-on", "error").exit_code == 0
    assert run("evaluate", NET, "--fail-on", "warning").exit_code == 1


def test_unknown_rubric_is_exit_2(in_root: Path) -> None:
    result = run("evaluate", GOV, "--rubric", "nope")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "没有名为 'nope' 的评分规则（内置：dazhou-department、hubei-2020、mof-2020、mof-2020-review、"
        "sichuan-department）"
    )


def test_missing_file_is_exit_2(in_root: Path) -> None:
    result = run("evaluate", "cases/none.json")
    assert result.exit_code == 2
    assert result.stderr.startswith("cases/none.json: 无法读取")


def test_ctrl_c_is_one_line_and_exit_130(in_root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_: object, **__: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("perfscore.cli.review.review", interrupted)
    result = run("review", "cases")
    assert (result.exit_code, result.stderr) == (130, "perfscore: 已中断（Ctrl-C）\n")


def test_usage_error_is_exit_2() -> None:
    assert run("evaluate").exit_code == 2
    assert run("evaluate", GOV, "--format", "pdf").exit_code == 2


def test_validate(in_root: Path) -> None:
    result = run("validate", "cases")
    assert result.exit_code == 0
    assert result.stdout.count(": 有效\n") == len(list((ROOT / "cases").glob("*.json")))


def test_validate_reports_bad_file(in_root: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        '{"project": {"name": "x"}, "budget": {}, "indicators": [{"level1": "产出", "name": "a", "operator": "≈"}]}',
        encoding="utf-8",
    )
    result = run("validate", GOV, str(bad))
    assert result.exit_code == 2
    assert result.stdout == f"{GOV}: 有效\n"
    assert result.stderr.strip() == (
        f"{bad}: $.indicators[0].operator: 未知的指标性质 '≈'（可用：≥ ≤ ＝ ＜ ＞ 定性，也可写作 >= <= = < >）"
    )


def test_validate_a_department_checks_it_and_its_projects(tmp_path: Path) -> None:
    department = json.loads((ROOT / "cases" / "miyi-2022-department.json").read_text("utf-8"))
    department["projects"] = ["missing.json"]
    bad = tmp_path / "dept.json"
    bad.write_text(json.dumps(department, ensure_ascii=False), encoding="utf-8")
    result = run("validate", str(bad))
    assert result.exit_code == 2
    assert (
        result.stderr.strip()
        == f"{bad}: $.projects[0]: 项目案例 'missing.json' 无法读取：文件不存在"
    )


def test_schema_kind_department_prints_the_committed_schema() -> None:
    assert run("schema", "--kind", "department").stdout == (
        ROOT / "schema" / "department.schema.json"
    ).read_text(encoding="utf-8")


def test_schema_command_prints_the_committed_schema() -> None:
    assert run("schema").stdout == (ROOT / "schema" / "case.schema.json").read_text(
        encoding="utf-8"
    )


def test_rubrics_lists_shipped_rubrics() -> None:
    assert run("rubrics").stdout.splitlines() == [
        "mof-2020 [默认]: 项目支出绩效自评（财预〔2020〕10号）",
        "hubei-2020: 项目支出绩效自评（湖北 2020 表式：预算执行 20 分）（基于 mof-2020）",
        "mof-2020-review: 项目支出绩效复核（财政局严格口径）（基于 mof-2020）",
        "sichuan-department [部门整体，默认]: 部门整体支出绩效自评（四川县级部门整体支出绩效评价指标体系）",
        "dazhou-department [部门整体]: 部门整体支出绩效评价（达州部门整体支出绩效评价指标体系）",
    ]


def test_rubrics_show_gives_the_merged_rubric() -> None:
    data = json.loads(run("rubrics", "--show", "mof-2020-review").stdout)
    assert data["quantitative"]["text_actual"] == "zero"
    assert data["levels"]["output"]["weight"] == "50"
