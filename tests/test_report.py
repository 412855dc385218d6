"""``perfscore report``: one report per case, named files, template overrides, honest problems."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from perfscore.cli import main

from .conftest import CASES, ROOT

SEED = [path for path in CASES if path.name.startswith("miyi-2022-")]
WORK = ROOT / "cases" / "miyi-2022-5-government-work.json"

#: A table with nothing to criticise: every target met with a number, the budget spent as planned.
CLEAN: dict[str, Any] = {
    "year": 2023,
    "project": {"code": "51000023T000000000999", "name": "干部培训", "department": "某县财政局"},
    "goal": {"planned": "完成干部培训 200 人次。", "achieved": "完成干部培训 210 人次。"},
    "summary": "按计划分两期组织培训。",
    "budget": {"initial": 20, "adjusted": 20, "executed": 20, "rate": "100.00%"},
    "indicators": [
        {
            "level1": "产出指标",
            "level2": "数量指标",
            "name": "培训人次",
            "operator": "≥",
            "target": 200,
            "unit": "人次",
            "actual": 210,
        },
        {
            "level1": "效益指标",
            "level2": "社会效益指标",
            "name": "考核合格率",
            "operator": "≥",
            "target": 95,
            "unit": "%",
            "actual": 98,
        },
        {
            "level1": "满意度指标",
            "level2": "服务对象满意度指标",
            "name": "参训人员满意度",
            "operator": "≥",
            "target": 90,
            "unit": "%",
            "actual": 96,
        },
    ],
    "claimed_score": 100,
}


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def section(text: str, heading: str) -> str:
    """The text under a ``###`` heading, up to the next heading."""
    after = text.split(f"### {heading}\n", 1)[1]
    return after.split("\n#", 1)[0].strip()


def test_the_government_work_report_names_its_problems() -> None:
    result = run("report", str(WORK))
    assert result.exit_code == 0, result.output
    problems = section(result.stdout, "（二）存在的问题")
    assert problems.startswith(
        "1. 预算执行率为96.96%，未全部执行（执行64.96万元，调整后预算67.00万元），"
        "预算执行得分9.70分，扣0.30分。"
    )
    assert (
        "成本指标与预算不符：成本指标「资金投入」的指标值 ＝ 200000元 与调整后预算 67.00 万元"
        in problems
    )
    advice = section(result.stdout, "（三）相关建议")
    assert "成本指标的指标值应与项目预算相衔接，核实金额及计量单位。" in advice
    assert "加快预算执行进度，对未执行的资金说明原因，提高资金使用效率。" in advice


def test_nothing_wrong_says_none(tmp_path: Path) -> None:
    case = tmp_path / "clean.json"
    case.write_text(json.dumps(CLEAN, ensure_ascii=False), encoding="utf-8")
    result = run("report", str(case))
    assert result.exit_code == 0, result.output
    assert section(result.stdout, "（二）存在的问题") == "无。"
    assert section(result.stdout, "（三）相关建议") == "无。"
    assert "项目自评得分100.00分，等级为“优”" in result.stdout


def test_a_shortfall_is_a_problem(tmp_path: Path) -> None:
    data = json.loads(json.dumps(CLEAN))
    data["indicators"][0]["actual"] = 150
    data["indicators"][0]["reason"] = "第二期因疫情推迟"
    case = tmp_path / "short.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    problems = section(run("report", str(case)).stdout, "（二）存在的问题")
    assert (
        "产出指标“培训人次”部分达成：指标值 ≥200人次，完成值 150，得37.50分（满分50.00分）；填报的原因：第二期因疫情推迟。"
        in problems
    )


def test_several_cases_one_file_each(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = run("report", *map(str, SEED), "-f", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 7
    assert "51042122T000006523456-2022年度政府工作经费.html" in names
    written = [Path(line) for line in result.stdout.splitlines()]
    assert [p.parent for p in written] == [out] * 7
    assert sorted(p.name for p in written) == names


def test_unsafe_names_are_cleaned(tmp_path: Path) -> None:
    data = json.loads(json.dumps(CLEAN))
    data["project"] = {"name": 'a/b\\c:d*e?f"g<h>i|j 项目'}
    cases = []
    for n in (1, 2):
        case = tmp_path / f"{n}.json"
        case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        cases.append(str(case))
    out = tmp_path / "out"
    assert run("report", *cases, "-o", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "a_b_c_d_e_f_g_h_i_j_项目-2.md",
        "a_b_c_d_e_f_g_h_i_j_项目.md",
    ]


def test_docx_and_several_need_an_output() -> None:
    for args in (["-f", "docx", str(WORK)], [str(WORK), str(SEED[0])]):
        result = run("report", *args)
        assert result.exit_code == 2
        assert result.output == "多个案例或 docx 格式须用 -o 指定输出（多个案例时为文件夹）\n"


def test_template_folder_changes_the_wording(tmp_path: Path) -> None:
    shipped = ROOT / "src" / "perfscore" / "rendering" / "templates" / "report" / "text.j2"
    text = shipped.read_text(encoding="utf-8").replace("加快预算执行进度", "督促资金拨付进度")
    (tmp_path / "text.j2").write_text(text, encoding="utf-8")
    result = run("report", str(WORK), "--template", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert "督促资金拨付进度" in result.stdout
    assert "加快预算执行进度" not in result.stdout


def test_a_broken_template_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "report.md.j2").write_text("# {{ t.title }\n", encoding="utf-8")
    result = run("report", str(WORK), "--template", str(tmp_path))
    assert result.exit_code == 2
    assert result.output == f"{tmp_path / 'report.md.j2'}:1: 报告模板有误：unexpected '}}'\n"


def test_a_missing_template_folder(tmp_path: Path) -> None:
    result = run("report", str(WORK), "--template", str(tmp_path / "none"))
    assert result.exit_code == 2
    assert result.output == f"{tmp_path / 'none'}: 模板文件夹不存在\n"


@pytest.mark.parametrize("form", ["md", "html"])
def test_case_text_cannot_become_markup(tmp_path: Path, form: str) -> None:
    data = json.loads(json.dumps(CLEAN))
    data["project"]["name"] = "<script>alert(1)</script>*粗体*"
    case = tmp_path / "hostile.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    text = run("report", str(case), "-f", form).stdout
    assert "<script>" not in text
    expected = "\\<script\\>alert(1)\\</script\\>\\*粗体\\*" if form == "md" else "&lt;script&gt;"
    assert expected in text
