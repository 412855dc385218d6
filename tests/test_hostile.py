"""Messy and hostile input: every encoding an office produces, numbers typed by hand, limits
that can be raised, and outputs that stay where they were sent."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from perfscore import Finding, evaluate, load_case, load_rubric
from perfscore.checks.number_as_text import number_findings as rubric_number_findings
from perfscore.checks.registry import enabled_checks
from perfscore.cli import main
from perfscore.input.guard import key_positions
from perfscore.models.numbers import parse_decimal

from .conftest import ROOT

ENCODINGS = ROOT / "tests" / "encodings"
BAD = ROOT / "tests" / "bad"
DEFAULT = load_rubric()


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_encodings_are_found() -> None:
    names = sorted(p.stem for p in ENCODINGS.glob("*.json"))
    assert names == [
        "gb18030", "gbk", "utf16-be-bom", "utf16-le", "utf16-le-bom", "utf8", "utf8-bom",
    ]  # fmt: skip


@pytest.mark.parametrize("path", sorted(ENCODINGS.glob("*.json")), ids=lambda p: p.stem)
def test_every_encoding_scores_identically(path: Path) -> None:
    reference = load_case(ENCODINGS / "utf8.json")
    case = load_case(path)
    rubric = load_rubric()
    if path.stem == "gb18030":  # a character outside GBK, to prove the four-byte form reads
        assert case.project.name == "网络运行费𠀀"
        case = case.model_copy(update={"project": reference.project})
    assert case == reference
    assert evaluate(case, rubric).score == evaluate(reference, rubric).score == Decimal("100.00")


def test_gbk_lines_of_a_jsonl_file_are_read(tmp_path: Path) -> None:
    text = (ENCODINGS / "utf8.json").read_text(encoding="utf-8")
    line = json.dumps(json.loads(text), ensure_ascii=False)
    batch = tmp_path / "batch.jsonl"
    batch.write_bytes(line.encode("utf-8") + b"\n" + line.encode("gbk") + b"\n" + b"\x80\xff\n")
    result = run("review", str(batch), "--format", "jsonl")
    lines = [json.loads(item) for item in result.stdout.splitlines()]
    assert [item["type"] for item in lines] == ["row", "row", "error", "summary"]
    assert lines[2]["message"] == (
        f"{batch}:3:1: 无法识别的文本编码（JSON Lines 的每行须为 UTF-8 或 GB18030）"
    )


def test_numbers_typed_by_hand_are_read_and_said(tmp_path: Path) -> None:
    data = json.loads((ROOT / "cases" / "hand-01-quantitative.json").read_text(encoding="utf-8"))
    data["budget"]["adjusted"] = "1,200.00"
    data["indicators"][0]["target"] = "１２０"
    case = tmp_path / "typed.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = run("evaluate", str(case), "--format", "json")
    assert result.exit_code == 0, result.output
    scored = json.loads(result.stdout, parse_float=Decimal)
    assert load_case(case).budget.adjusted == Decimal("1200.00")
    assert scored["indicators"][0]["target"] == 120
    typed = [f for f in scored["findings"] if f["code"] == "number-as-text"]
    assert [(f["where"], f["message"]) for f in typed] == [
        ("$.budget.adjusted", "数字写作 '1,200.00'，按 1200 读取"),
        ("$.indicators[0].target", "数字写作 '１２０'，按 120 读取"),
    ]


def number_findings(data: Any, source: str | None = None) -> tuple[Finding, ...]:
    """``number-as-text`` under the default rubric."""
    return rubric_number_findings(enabled_checks(DEFAULT), data, source)


def test_plain_numbers_as_text_say_nothing() -> None:
    assert number_findings({"budget": {"adjusted": " 24.22 ", "rate": "96.96%"}}) == ()


_WIDE = str.maketrans("0123456789,.-+", "０１２３４５６７８９，．－＋")


@st.composite
def typed_numbers(draw: st.DrawFn) -> str:
    """A number as someone might type it: signs, separators, points, full-width characters."""
    head = draw(st.integers(0, 999))
    groups = draw(st.lists(st.text(alphabet="0123456789", min_size=3, max_size=3), max_size=3))
    digits = draw(st.sampled_from(["", ","])).join([str(head), *groups])
    sign = draw(st.sampled_from(["", "-", "+"]))
    point = draw(st.sampled_from(["", ".", ".5", "."]))
    text = sign + digits + point
    mode = draw(st.sampled_from(["narrow", "wide", "one"]))
    wide = [mode == "wide"] * len(text)
    if mode == "one":
        wide[draw(st.integers(0, len(text) - 1))] = True
    text = "".join(c.translate(_WIDE) if w else c for c, w in zip(text, wide, strict=True))
    pad = draw(st.sampled_from(["", " ", "\u3000", "\t"]))
    noise = draw(st.text(alphabet="0１,，.．-－+＋个中٣", max_size=3))
    return pad + text + draw(st.sampled_from(["", noise])) + pad


@given(typed_numbers())
def test_the_quick_look_never_misses_a_typed_number(typed: str) -> None:
    data = {"budget": {"adjusted": typed}, "indicators": [{"actual": typed}]}
    found = number_findings(data)
    for escaped in (False, True):
        source = json.dumps(data, ensure_ascii=escaped)
        assert number_findings(data, source) == found


def test_digits_of_another_script_are_text_not_numbers() -> None:
    assert parse_decimal("٣٠") is None
    assert parse_decimal("３０") == Decimal(30)
    assert number_findings({"indicators": [{"actual": "٣٠"}]}) == ()


def test_a_limit_can_be_raised() -> None:
    raised = run("--limit", "items=3000", "evaluate", str(BAD / "too-many-indicators.json"))
    assert raised.exit_code == 0  # read, then scored: 2001 blank rows are 2001 placeholder rows
    assert "第 10 行等 2001 行为占位行" in raised.stdout
    hand = ROOT / "cases" / "hand-01-quantitative.json"
    lowered = run("--limit", "file_bytes=100", "evaluate", str(hand))
    assert lowered.exit_code == 2
    assert "文件大小" in lowered.stderr and "超过上限 100" in lowered.stderr


def test_a_bad_limit_setting_is_one_line() -> None:
    result = run("--limit", "indicators=5", "evaluate", "x.json")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "未知的限制 'indicators'（可用：depth、file_bytes、items、line_bytes、text）\n"
    )


def test_an_over_long_jsonl_line_is_skipped_not_held(tmp_path: Path) -> None:
    text = (ENCODINGS / "utf8.json").read_text(encoding="utf-8")
    line = json.dumps(json.loads(text), ensure_ascii=False)
    batch = tmp_path / "batch.jsonl"
    batch.write_text(line + "\n" + "x" * 5000 + "\n" + line + "\n", encoding="utf-8")
    result = run("--limit", "line_bytes=2000", "review", str(batch), "--format", "jsonl")
    lines = [json.loads(item) for item in result.stdout.splitlines()]
    assert [item["type"] for item in lines] == ["row", "error", "row", "summary"]
    assert lines[1]["message"] == (
        f"{batch}:2: JSON Lines 单行大小 5000 超过上限 2000"
        "（确需处理时可用 perfscore --limit line_bytes=… 调高）"
    )


def test_duplicate_keys_are_placed_exactly() -> None:
    text = '{"a": {"b": 1, "c": [{"d": 1, "d": 2}]},\n "e": {"d": 3}}'
    assert key_positions(text, "$.a.c[0]", "d") == [(1, 23), (1, 31)]
    assert key_positions(text, "$.e", "d") == [(2, 8)]


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_reports_never_follow_a_link_out_of_the_folder(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    outside = tmp_path / "outside.md"
    outside.write_text("untouched", encoding="utf-8")
    name = "51042122T000006523456-2022年度政府工作经费.md"
    (out / name).symlink_to(outside)
    cases = [
        str(ROOT / "cases" / f"miyi-2022-{n}.json") for n in ("5-government-work", "1-network")
    ]
    result = run("report", *cases, "-o", str(out))
    assert result.exit_code == 2
    assert result.stderr.strip().endswith(
        f"{out / name}: 拒绝写入输出文件夹之外（或符号链接）的文件"
    )
    assert outside.read_text(encoding="utf-8") == "untouched"


def test_file_names_from_case_data_stay_names(tmp_path: Path) -> None:
    data = json.loads((ROOT / "cases" / "hand-01-quantitative.json").read_text(encoding="utf-8"))
    data["project"] = {"code": "../../evil", "name": "/etc/passwd"}
    case = tmp_path / "evil.json"
    case.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    assert run("report", str(case), str(case), "-o", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == ["evil-_etc_passwd-2.md", "evil-_etc_passwd.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["evil.json", "out"]
