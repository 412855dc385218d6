"""``perfscore review`` end to end on a folder of mixed good and bad submissions.

``tests/review/batch`` holds five case files (one invalid JSON, one with an unknown operator, one
in a subfolder), a text file that is not read, and ``batch.jsonl``: six lines of which one is an
array, one blank, one cut short, and one a case whose name and department are formulas.
"""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from openpyxl import load_workbook

from perfscore.cli import main
from perfscore.rendering import review as review_rendering
from perfscore.review import job as pipeline
from perfscore.review.inputs import spans

from .conftest import ROOT

REVIEW = ROOT / "tests" / "review"
FORMATS = ("table", "json", "jsonl", "csv")
HOSTILE_NAME = '=HYPERLINK("http://example.invalid/","点此查看")'


@pytest.fixture
def in_review(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run from tests/review, so paths in the output read ``batch/…``."""
    monkeypatch.chdir(REVIEW)
    yield REVIEW


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["review", *args])


def records(result: Result) -> list[dict[str, Any]]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_jsonl_has_every_input_in_input_order_then_the_summary(in_review: Path) -> None:
    result = run("batch", "-f", "jsonl")
    assert result.exit_code == 2
    assert result.stderr == "4 份提交无法评分，见输出中的错误行\n"
    lines = records(result)
    places = [(r["type"], r.get("file"), r.get("line")) for r in lines]
    assert places == [
        ("row", "batch/01-network.json", None),
        ("row", "batch/02-training.json", None),
        ("error", "batch/03-invalid.json", 3),
        ("error", "batch/04-unknown-operator.json", None),
        ("row", "batch/batch.jsonl", 1),
        ("error", "batch/batch.jsonl", 2),
        ("row", "batch/batch.jsonl", 4),
        ("error", "batch/batch.jsonl", 5),
        ("row", "batch/batch.jsonl", 6),
        ("row", "batch/more/05-culture.json", None),
        ("summary", None, None),
    ]
    summary = lines[-1]
    assert summary["inputs"] == len(lines) - 1 == summary["scored"] + summary["errors"]
    assert (summary["scored"], summary["errors"], summary["blank_lines"]) == (6, 4, 1)


def test_bad_inputs_are_named_with_file_line_and_message(in_review: Path) -> None:
    errors = [r["message"] for r in records(run("batch", "-f", "jsonl")) if r["type"] == "error"]
    assert errors == [
        "batch/03-invalid.json:3:3: JSON 格式错误：缺少逗号",
        "batch/04-unknown-operator.json: $.indicators[0].operator: 未知的指标性质 '约等于'"
        "（可用：≥ ≤ ＝ ＜ ＞ 定性，也可写作 >= <= = < >）",
        "batch/batch.jsonl:2: $: 案例应为 JSON 对象 {…}",
        "batch/batch.jsonl:5:26: JSON 格式错误：缺少逗号",
    ]


def test_rows_carry_both_scores_the_gap_and_the_worst_findings(in_review: Path) -> None:
    rows = {r["name"]: r for r in records(run("batch", "-f", "jsonl")) if r["type"] == "row"}
    gov = rows["2022年度政府工作经费"]
    assert (gov["claimed_score"], gov["score"], gov["review_score"], gov["gap"]) == (
        100,
        99.7,
        52.2,
        0.3,
    )
    assert (gov["grade"], gov["errors"], gov["warnings"], gov["infos"]) == ("优", 5, 3, 1)
    assert gov["top"] == "定量指标填文字、自评总分与重算不符、以等级全称作指标值"
    assert gov["code"] == "51042122T000006523456"
    assert gov["department"] == "米易县人民政府办公室部门"
    unclaimed = rows["政策宣传项目"]
    assert (unclaimed["claimed_score"], unclaimed["gap"], unclaimed["score"]) == (None, None, 47.13)


def test_summary_counts_departments_and_frequent_findings(in_review: Path) -> None:
    summary = records(run("batch", "-f", "jsonl"))[-1]
    counts = {k: summary[k] for k in ("full_marks", "over_claims", "unclaimed", "with_errors")}
    assert counts == {"full_marks": 3, "over_claims": 3, "unclaimed": 1, "with_errors": 6}
    assert summary["departments"][0] == {
        "department": "米易县人民政府办公室部门",
        "count": 2,
        "claimed_mean": 100,
        "score_mean": 99.85,
        "review_mean": 31.1,
        "over_claims": 0,
    }
    assert [d["department"] for d in summary["departments"]][1:] == [
        "+某县民政局",
        "某县人力资源和社会保障局",
        "某县司法局",
        "某县文化广播电视和旅游局",
    ]
    assert summary["codes"][0] == {
        "code": "claimed-score-mismatch",
        "title": "自评总分与重算不符",
        "submissions": 5,
    }


def test_sorted_formats_put_the_largest_gap_first(in_review: Path) -> None:
    data = json.loads(run("batch", "-f", "json").stdout)
    gaps = [row["gap"] for row in data["rows"]]
    assert gaps == [25.91, 14.17, 3.11, 0.3, 0, None]
    assert len(data["errors"]) == data["summary"]["errors"] == 4


@pytest.mark.parametrize("form", FORMATS)
def test_jobs_two_writes_the_same_bytes_as_jobs_one(in_review: Path, form: str) -> None:
    one, two = run("batch", "-f", form, "-j", "1"), run("batch", "-f", form, "-j", "2")
    assert (one.exit_code, two.exit_code) == (2, 2)
    assert one.stdout_bytes == two.stdout_bytes


def test_jobs_two_on_many_spans_keeps_input_order(tmp_path: Path) -> None:
    case = (ROOT / "cases" / "hand-04-zero-budget-ascii.json").read_text(encoding="utf-8")
    line = json.dumps(json.loads(case), ensure_ascii=False)
    many = tmp_path / "many.jsonl"
    many.write_text("\n".join([line] * 700 + ["oops"] + [line] * 600) + "\n", encoding="utf-8")
    one = run(str(many), "-f", "jsonl", "-j", "1")
    two = run(str(many), "-f", "jsonl", "-j", "2")
    assert one.stdout_bytes == two.stdout_bytes
    lines = records(two)
    assert lines[700] == {
        "type": "error",
        "file": str(many),
        "line": 701,
        "message": f"{many}:701:1: JSON 格式错误：此处应为一个值",
    }
    assert lines[-1]["inputs"] == 1301


def test_table_output_golden(in_review: Path, golden: Callable[[str, str], None]) -> None:
    golden("review/batch.txt", run("batch").stdout)


def test_jsonl_output_golden(in_review: Path, golden: Callable[[str, str], None]) -> None:
    golden("review/batch.jsonl", run("batch", "-f", "jsonl").stdout)


def test_csv_neutralises_formulas_and_opens_in_excel(in_review: Path) -> None:
    result = run("batch", "-f", "csv")
    assert result.stdout.startswith("\ufeff文件,行,项目编码,项目名称,主管部门,")
    table = list(csv.reader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    hostile = next(row for row in table if "HYPERLINK" in row[3])
    assert (hostile[3], hostile[4]) == ("'" + HOSTILE_NAME, "'+某县民政局")
    assert hostile[5:9] == ["100.00", "96.89", "96.89", "3.11"]
    assert "汇总\n  提交数：10（已评分 6，无法评分 4）" in result.stderr


def test_xlsx_keeps_formulas_as_text(in_review: Path, tmp_path: Path) -> None:
    target = tmp_path / "review.xlsx"
    result = run("batch", "-f", "xlsx", "-o", str(target))
    assert result.exit_code == 2
    book = load_workbook(target)
    assert book.sheetnames == ["复核结果", "汇总"]
    sheet = book["复核结果"]
    cells = {cell.value: cell for row in sheet.iter_rows(min_row=2) for cell in row}
    name = cells[HOSTILE_NAME]
    assert (name.data_type, name.quotePrefix) == ("s", True)
    assert cells["+某县民政局"].quotePrefix
    assert sheet["F2"].value == 95 and sheet["F2"].number_format == "0.00"
    assert sheet.max_row == 1 + 6 + 4
    summary = {row[0]: row[1] for row in book["汇总"].iter_rows(max_row=9, values_only=True)}
    assert (summary["提交数"], summary["无法评分"], summary["自评满分"]) == (10, 4, 3)


def test_xlsx_needs_an_output_file(in_review: Path) -> None:
    result = run("batch", "-f", "xlsx")
    assert (result.exit_code, result.stderr) == (2, "xlsx 格式须用 -o 指定输出文件\n")


@pytest.mark.parametrize(
    ("form", "breaks"),
    [("jsonl", (pipeline, "summary_line")), ("csv", (review_rendering, "render_csv"))],
)
def test_an_interrupted_write_leaves_the_old_file_and_no_temporary(
    in_review: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    form: str,
    breaks: tuple[object, str],
) -> None:
    target = tmp_path / f"out.{form}"
    target.write_text("上次的结果\n", encoding="utf-8")

    def interrupt(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(*breaks, interrupt)
    result = run("batch", "-f", form, "-o", str(target))
    assert (result.exit_code, result.stderr) == (130, "perfscore: 已中断（Ctrl-C）\n")
    assert target.read_text(encoding="utf-8") == "上次的结果\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"out.{form}"]


def test_ctrl_c_stops_a_running_pool_cleanly(tmp_path: Path) -> None:
    """A real SIGINT to a real ``review --jobs 2``: exit 130, one line, no file left."""
    line = json.dumps(json.loads((ROOT / "cases" / "hand-01-quantitative.json").read_bytes()))
    batch = tmp_path / "batch.jsonl"
    batch.write_text(f"{line}\n" * 10_000, encoding="utf-8")  # seconds of work
    target = tmp_path / "out.jsonl"
    command = [sys.executable, "-c", "from perfscore.cli import main; main()", "review"]
    child = subprocess.Popen(
        [*command, str(batch), "-f", "jsonl", "--jobs", "2", "-o", str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".out.jsonl.") for p in tmp_path.iterdir()):
        assert child.poll() is None and time.monotonic() < deadline, child.communicate()
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, stderr = child.communicate(timeout=60)
    assert (child.returncode, stderr.decode()) == (130, "perfscore: 已中断（Ctrl-C）\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.jsonl"]


def test_fail_on_sets_status_one_when_everything_was_read(in_root: Path) -> None:
    assert run("cases", "-f", "jsonl").exit_code == 0
    assert run("cases", "-f", "jsonl", "--fail-on", "error").exit_code == 1


def test_nothing_to_review_is_an_error(tmp_path: Path) -> None:
    result = run(str(tmp_path), "-f", "jsonl")
    assert result.exit_code == 2
    assert result.stderr == "没有找到可复核的提交（*.json、*.jsonl）\n"
    assert records(result)[-1]["inputs"] == 0


def test_a_missing_file_is_a_row_not_a_stop(in_root: Path) -> None:
    result = run("cases/miyi-2022-1-network.json", "cases/absent.json", "-f", "jsonl")
    assert result.exit_code == 2
    lines = records(result)
    assert lines[1] == {
        "type": "error",
        "file": "cases/absent.json",
        "line": None,
        "message": "cases/absent.json: 无法读取：文件不存在",
    }


def test_progress_bar_only_when_asked_or_on_a_terminal(in_review: Path) -> None:
    assert "复核" in run("batch", "-f", "jsonl", "--progress").stderr
    assert "复核" not in run("batch", "-f", "jsonl").stderr


def test_spans_cut_at_line_ends_and_count_lines(tmp_path: Path) -> None:
    path = tmp_path / "lines.jsonl"
    path.write_bytes(b"aaaa\nbb\n\ncccccc\nd")
    cut = [(u.start, u.end, u.first_line) for u in spans(path, span=3)]
    assert cut == [(0, 5, 1), (5, 9, 2), (9, 16, 4), (16, 17, 5)]
    assert b"".join(path.read_bytes()[start:end] for start, end, _ in cut) == path.read_bytes()


@pytest.mark.parametrize("command", ["review", "evaluate"])
def test_an_output_folder_that_does_not_exist_is_one_line(in_root: Path, command: str) -> None:
    result = CliRunner().invoke(
        main, [command, "cases/hand-04-zero-budget-ascii.json", "-o", "no/x"]
    )
    assert (result.exit_code, result.stderr) == (2, "no/x: 无法写入：文件不存在\n")
