"""Shared fixtures: the repository root, the case files, and golden-file comparison."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

# CI runs the same examples every time; a local run explores new ones.
settings.register_profile("ci", derandomize=True, max_examples=200, deadline=None)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else "dev")

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def _is_department(path: Path) -> bool:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data.get("kind", data.get("类型")) in ("department", "部门", "部门整体")


#: Every shipped case file; the project cases (``CASES``) and the department ones apart.
ALL_CASES = sorted((ROOT / "cases").glob("*.json"))
CASES = [path for path in ALL_CASES if not _is_department(path)]
DEPARTMENTS = [path for path in ALL_CASES if _is_department(path)]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden/ from the current output instead of comparing",
    )


@pytest.fixture
def in_root(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Run with the repository root as the working directory (paths in output are relative)."""
    monkeypatch.chdir(ROOT)
    yield ROOT


@pytest.fixture
def golden(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """``golden(name, text)``: compare ``text`` with tests/golden/NAME, or rewrite it."""
    update = request.config.getoption("--update-golden")

    def compare(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(text, encoding="utf-8")
        assert path.exists(), f"no golden file {path}; run pytest --update-golden and review it"
        assert text == path.read_text(encoding="utf-8")

    return compare
