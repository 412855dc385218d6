"""The one pipeline: the Python API, ``evaluate`` and ``validate`` give the same verdict on every
input, the input limits reach every worker, and scoring a JSON case loads no Excel, Word,
template or schema code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import perfscore
from perfscore.cli import main
from perfscore.errors import CaseError

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted((ROOT / "cases").glob("*.json"))
REAL = sorted((ROOT / "tests" / "real").glob("*/case.json"))
BAD = sorted((ROOT / "tests" / "bad").glob("*.json"))
GOV = ROOT / "cases" / "miyi-2022-5-government-work.json"
DEPARTMENT = ROOT / "cases" / "hand-07-dazhou-department.json"


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_the_corpora_are_there() -> None:
    assert len(CASES) >= 17
    assert len(REAL) >= 14
    assert len(BAD) >= 80


@pytest.mark.parametrize("rubric", ["mof-2020", "mof-2020-review", "hubei-2020"])
@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_evaluate_file_is_the_cli_json(case: Path, rubric: str) -> None:
    result = run("evaluate", str(case), "--rubric", rubric, "--format", "json")
    assert result.exit_code == 0, result.output
    assert perfscore.evaluate_file(case, rubric).to_dict() == json.loads(result.stdout)


def test_evaluate_file_takes_a_loaded_rubric_and_none() -> None:
    strict = perfscore.load_rubric("mof-2020-review")
    by_object = perfscore.evaluate_file(GOV, strict).to_dict()
    assert by_object == perfscore.evaluate_file(GOV, "mof-2020-review").to_dict()
    assert perfscore.evaluate_file(str(GOV)).to_dict() == perfscore.evaluate_file(GOV).to_dict()
    assert str(perfscore.evaluate_file(GOV).score) == "99.70"


def test_evaluate_file_scores_a_department() -> None:
    result = perfscore.evaluate_file(DEPARTMENT)
    assert isinstance(result, perfscore.DepartmentEvaluation)
    cli = run("evaluate", str(DEPARTMENT), "--format", "json")
    assert result.to_dict() == json.loads(cli.stdout)


def test_evaluate_file_finds_numbers_written_as_text(tmp_path: Path) -> None:
    data = json.loads(GOV.read_text(encoding="utf-8"))
    data["budget"]["adjusted"] = "６７"
    path = tmp_path / "text.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    codes = [f.code for f in perfscore.evaluate_file(path).findings]
    assert "number-as-text" in codes
    cli = json.loads(run("evaluate", str(path), "--format", "json").stdout)
    assert perfscore.evaluate_file(path).to_dict() == cli


def test_evaluate_file_names_the_file_of_a_bad_case() -> None:
    bad = ROOT / "tests" / "bad" / "unknown-operator.json"
    with pytest.raises(perfscore.PerfscoreError) as caught:
        perfscore.evaluate_file(bad)
    assert str(caught.value).startswith(str(bad) + ": ")


def test_load_case_on_a_department_says_where_to_go() -> None:
    with pytest.raises(CaseError) as caught:
        perfscore.load_case(DEPARTMENT)
    assert str(caught.value) == (
        f'{DEPARTMENT}: $.kind: 这是部门整体案例（kind = "department"），不是项目案例：'
        "请整体评分（perfscore evaluate，或 perfscore.evaluate_file）"
    )


@pytest.mark.parametrize("path", CASES + REAL + BAD, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_validate_accepts_exactly_what_evaluate_accepts(path: Path) -> None:
    scored = run("evaluate", str(path))
    validated = run("validate", str(path))
    assert scored.exit_code in (0, 2), scored.output
    assert validated.exit_code == scored.exit_code, (validated.output, scored.output)
    if scored.exit_code == 2:
        assert validated.stderr == scored.stderr


def test_limits_reach_workers_started_by_spawn(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for case in CASES[:4]:
        (tmp_path / case.name).write_bytes(case.read_bytes())
    monkeypatch.setattr("multiprocessing.get_all_start_methods", lambda: ["spawn"])
    result = run("--limit", "items=2", "review", str(tmp_path), "--jobs", "2", "-f", "jsonl")
    assert result.exit_code == 2
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    errors = [line["message"] for line in lines if line["type"] == "error"]
    assert len(errors) == 4
    assert all("列表项数" in error and "超过上限 2" in error for error in errors)


def _imported_by(*args: str, whole: bool = False) -> set[str]:
    """The top-level modules ``perfscore ARGS`` imported (every module, ``whole``), run in a
    fresh interpreter."""
    names = "sys.modules" if whole else "{m.split('.')[0] for m in sys.modules}"
    code = (
        "import sys\n"
        "from perfscore.cli import main\n"
        f"try:\n    main({list(args)!r})\n"
        "except SystemExit:\n    pass\n"
        f"print('\\n'.join(sorted({names})), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return set(done.stderr.split())


#: What scoring a JSON case never needs: Excel, Word, templates, the schema validator.
HEAVY = {"openpyxl", "jinja2", "docx", "jsonschema"}


@pytest.mark.parametrize("form", ["table", "json"])
def test_scoring_a_json_case_imports_no_excel_word_templates_or_schema(form: str) -> None:
    imported = _imported_by("evaluate", str(GOV), "--format", form)
    assert "perfscore" in imported
    assert "pydantic" in imported  # the check sees what was imported
    assert imported & HEAVY == set()


#: The department models, rubrics and scoring: a project case needs none of them.
DEPARTMENT_ONLY = {
    "perfscore.models.department",
    "perfscore.models.department_results",
    "perfscore.models.execution",
    "perfscore.rubrics.department",
    "perfscore.scoring.department",
    "perfscore.scoring.execution",
}


def test_scoring_a_project_case_loads_no_department_code() -> None:
    imported = _imported_by("evaluate", str(GOV), "--format", "json", whole=True)
    assert "perfscore.checks.categories" in imported  # the registry holds every code
    assert imported & DEPARTMENT_ONLY == set()


def test_reviewing_json_cases_imports_no_excel_word_templates_or_schema() -> None:
    imported = _imported_by("review", str(CASES[0]), str(CASES[1]), "--format", "jsonl")
    assert "perfscore" in imported
    assert imported & HEAVY == set()


def test_a_workbook_is_read_with_openpyxl(tmp_path: Path) -> None:
    imported = _imported_by("template", "-o", str(tmp_path / "blank.xlsx"))
    assert "openpyxl" in imported


def test_limits_reach_the_project_files_a_department_names(tmp_path: Path) -> None:
    department = json.loads((ROOT / "cases" / "miyi-2022-department.json").read_text("utf-8"))
    department["projects"] = ["padded.json"]
    (tmp_path / "department.json").write_text(json.dumps(department, ensure_ascii=False), "utf-8")
    project = (ROOT / "cases" / "miyi-2022-1-network.json").read_text("utf-8")
    (tmp_path / "padded.json").write_text(project + " " * 20000, "utf-8")
    path = str(tmp_path / "department.json")
    assert run("evaluate", path).exit_code == 0
    result = run("--limit", "file_bytes=15000", "evaluate", path)
    assert result.exit_code == 2
    assert f"{tmp_path / 'padded.json'}: 文件大小" in result.stderr
    assert "超过上限 15000" in result.stderr
