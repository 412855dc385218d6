"""Every case in cases/ against its golden output, under both shipped project rubrics."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from perfscore.cli import main

from .conftest import ALL_CASES, CASES, DEPARTMENTS, GOLDEN

RUBRICS = ("mof-2020", "mof-2020-review")


def test_cases_are_found() -> None:
    assert "miyi-2022-department" in {p.stem for p in DEPARTMENTS}
    stems = {p.stem for p in CASES}
    assert len([s for s in stems if s.startswith("miyi-2022-")]) == 7
    assert len([s for s in stems if s.startswith("hand-")]) >= 6


def test_every_golden_file_has_its_case() -> None:
    stems = {p.stem for p in ALL_CASES}
    cases = (p for p in GOLDEN.iterdir() if p.is_file())
    orphans = [p.name for p in cases if p.name.split(".")[0] not in stems]
    assert orphans == []


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("rubric", RUBRICS)
@pytest.mark.parametrize("case", ALL_CASES, ids=[p.stem for p in ALL_CASES])
def test_json(case, rubric, in_root, golden) -> None:  # type: ignore[no-untyped-def]
    text = _run("evaluate", f"cases/{case.name}", "--rubric", rubric, "--format", "json")
    golden(f"{case.stem}.{rubric}.json", text)


@pytest.mark.parametrize("case", ALL_CASES, ids=[p.stem for p in ALL_CASES])
def test_table(case, in_root, golden) -> None:  # type: ignore[no-untyped-def]
    golden(f"{case.stem}.mof-2020.txt", _run("evaluate", f"cases/{case.name}"))


@pytest.mark.parametrize("case", ALL_CASES, ids=[p.stem for p in ALL_CASES])
def test_markdown(case, in_root, golden) -> None:  # type: ignore[no-untyped-def]
    text = _run("evaluate", f"cases/{case.name}", "--format", "markdown")
    golden(f"{case.stem}.mof-2020.md", text)


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_report(case, in_root, golden) -> None:  # type: ignore[no-untyped-def]
    """The 自评报告 in Markdown: the structure the seed uses, every number computed."""
    golden(f"{case.stem}.report.md", _run("report", f"cases/{case.name}"))
