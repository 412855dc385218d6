"""Bad inputs, data-driven: every file in the corpora gives exactly one line on stderr and status 2.

``tests/bad/NAME.json`` is a small case with one defect; ``NAME.err`` holds the line
``perfscore evaluate NAME.json`` prints, run from ``tests/bad``.

``tests/bad-rubrics/NAME.toml`` is a rubric with one defect; ``NAME.err`` holds the line
``perfscore evaluate ../../cases/miyi-2022-1-network.json --rubric NAME.toml`` prints, run from
``tests/bad-rubrics``. ``*.part.toml`` files are helpers that other rubrics extend: no ``.err``.

To add a case: write the file, run the command above from the corpus folder, check the line is
right (one line, file and place named, said in Chinese) and save it as ``NAME.err``.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from perfscore.cli import main
from perfscore.input.messages import toml_message

TESTS = Path(__file__).resolve().parent
BAD_CASES = TESTS / "bad"
BAD_RUBRICS = TESTS / "bad-rubrics"
#: A shipped case, named relative to ``BAD_RUBRICS`` as the ``.err`` files were made.
RUBRIC_CASE = "../../cases/miyi-2022-1-network.json"
BAD_INPUT = 2

#: The valid case every file in ``tests/bad`` is a one-defect variant of.
SEED: dict[str, Any] = {
    "year": 2022,
    "project": {"name": "网络运行费"},
    "budget": {"adjusted": 24.22, "executed": 24.22},
    "indicators": [
        {
            "level1": "产出指标",
            "name": "运维次数",
            "operator": "≥",
            "target": 22,
            "unit": "次",
            "actual": 22,
        },
        {
            "level1": "产出指标",
            "name": "完成时间",
            "operator": "＝",
            "target": 12,
            "unit": "月",
            "actual": 12,
        },
        {
            "level1": "效益指标",
            "name": "服务保障",
            "operator": "定性",
            "target": "优",
            "actual": "优",
        },
    ],
}
#: The same kind of case keyed in Chinese, as the printed form is (the ``unknown-chinese-*`` files).
SEED_CHINESE: dict[str, Any] = {
    "年度": 2022,
    "项目基本情况": {"项目名称": "网络运行费"},
    "预算执行情况": {"调整后预算数": 24.22, "预算执行数": 24.22},
    "绩效指标": [
        {
            "一级指标": "产出指标",
            "三级指标": "运维次数",
            "指标性质": "≥",
            "指标值": 22,
            "度量单位": "次",
            "完成值": 22,
        },
        {
            "一级指标": "效益指标",
            "三级指标": "服务保障",
            "指标性质": "定性",
            "指标值": "优",
            "完成值": "优",
        },
    ],
}


def _is_helper(path: Path) -> bool:
    return path.name.endswith(".part.toml")


CASE_FILES = sorted(BAD_CASES.glob("*.json"))
RUBRIC_FILES = sorted(p for p in BAD_RUBRICS.glob("*.toml") if not _is_helper(p))


def _expected(path: Path) -> str:
    return path.with_suffix(".err").read_text(encoding="utf-8").strip()


def _run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def _assert_bad_input(result: Result, expected: str) -> None:
    assert result.exit_code == BAD_INPUT, (result.exit_code, result.exception, result.output)
    assert result.stdout == ""
    assert result.stderr.strip() == expected


@pytest.mark.parametrize(
    ("folder", "pattern", "minimum"),
    [(BAD_CASES, "*.json", 85), (BAD_RUBRICS, "*.toml", 40)],
    ids=["bad", "bad-rubrics"],
)
def test_corpus_is_complete(folder: Path, pattern: str, minimum: int) -> None:
    inputs = {p.name.removesuffix(pattern[1:]) for p in folder.glob(pattern) if not _is_helper(p)}
    helpers = {p.name for p in folder.glob("*.part.toml")}
    expected = {p.stem for p in folder.glob("*.err")}
    assert len(inputs) >= minimum
    assert sorted(inputs - expected) == [], "inputs without a .err"
    assert sorted(expected - inputs) == [], ".err files without an input"
    assert sorted(h for h in helpers if h.removesuffix(".toml") in expected) == []
    assert sorted(p.name for p in folder.iterdir() if p.suffix not in (".err", pattern[1:])) == []


@pytest.mark.parametrize("seed", [SEED, SEED_CHINESE], ids=["english", "chinese"])
def test_seed_is_valid(
    seed: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The corpus files are one defect away from these, which score cleanly."""
    (tmp_path / "seed.json").write_text(json.dumps(seed, ensure_ascii=False), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = _run("evaluate", "seed.json")
    assert result.exit_code == 0, (result.exception, result.stderr)
    assert result.stderr == ""
    assert "网络运行费" in result.stdout


@pytest.mark.parametrize("path", CASE_FILES, ids=[p.name for p in CASE_FILES])
def test_bad_case(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD_CASES)
    _assert_bad_input(_run("evaluate", path.name), _expected(path))


@pytest.mark.parametrize("path", RUBRIC_FILES, ids=[p.name for p in RUBRIC_FILES])
def test_bad_rubric(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(BAD_RUBRICS)
    assert Path(RUBRIC_CASE).is_file()
    result = _run("evaluate", RUBRIC_CASE, "--rubric", path.name)
    _assert_bad_input(result, _expected(path))


@pytest.mark.parametrize("bad", ["missing-comma.json", "unknown-level1.json"])
def test_batch_scores_the_good_file_and_reports_the_bad_one(
    bad: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "good.json").write_text(json.dumps(SEED, ensure_ascii=False), encoding="utf-8")
    shutil.copy(BAD_CASES / bad, tmp_path / bad)
    monkeypatch.chdir(tmp_path)
    alone = _run("evaluate", "good.json")
    assert alone.exit_code == 0, (alone.exception, alone.stderr)
    assert "== good.json ==" in alone.stdout

    result = _run("evaluate", "good.json", bad)

    assert result.exit_code == BAD_INPUT, (result.exception, result.output)
    assert result.stdout == alone.stdout
    assert result.stderr.strip() == _expected(BAD_CASES / bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a = [1,\n", ("无效的值", 2, 1)),  # tomllib: "(at end of document)"
        ("a = [1,", ("无效的值", 1, 8)),
        ("[a.b]\n[a.b]", ("表 'a.b' 声明了两次", 2, 5)),
        ("x = {a = 1, a = 2}", ("内联表中的键 'a' 重复", 1, 18)),
    ],
)
def test_toml_messages_are_chinese_and_placed(text: str, expected: tuple[str, int, int]) -> None:
    with pytest.raises(tomllib.TOMLDecodeError) as raised:
        tomllib.loads(text)
    assert toml_message(str(raised.value), text) == expected


def test_a_toml_message_not_yet_known_is_kept() -> None:
    assert toml_message("Something new (at line 3, column 1)") == ("Something new", 3, 1)
