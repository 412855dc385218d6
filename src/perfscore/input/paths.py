"""Which files are inputs: the suffixes each command reads, and folders searched for them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

#: The workbooks Excel and WPS save (the forms people fill).
XLSX_SUFFIXES: Final = (".xlsx", ".xlsm")
JSONL_SUFFIX: Final = ".jsonl"
#: What ``evaluate``, ``report`` and ``validate`` read from a folder: case files and forms.
CASE_SUFFIXES: Final = (".json", *XLSX_SUFFIXES)
#: What ``review`` reads from a folder: case files, JSON Lines files and forms.
REVIEW_SUFFIXES: Final = (".json", JSONL_SUFFIX, *XLSX_SUFFIXES)


def is_workbook(path: str | Path) -> bool:
    """Whether ``path`` names an Excel workbook (by its suffix)."""
    return str(path).lower().endswith(XLSX_SUFFIXES)


def case_paths(
    paths: Sequence[str | Path], suffixes: tuple[str, ...] = (".json",)
) -> Iterator[Path]:
    """Files as given; folders searched recursively for names ending in ``suffixes``, sorted."""
    for given in paths:
        path = Path(given)
        if path.is_dir():
            inside = path.rglob("*")
            yield from sorted(p for p in inside if _wanted(p, suffixes))
        else:
            yield path


def _wanted(path: Path, suffixes: tuple[str, ...]) -> bool:
    """A file with one of ``suffixes``; not Excel's ``~$`` lock file beside an open workbook."""
    name = path.name
    return name.lower().endswith(suffixes) and not name.startswith("~$") and path.is_file()


__all__ = [
    "CASE_SUFFIXES",
    "JSONL_SUFFIX",
    "REVIEW_SUFFIXES",
    "XLSX_SUFFIXES",
    "case_paths",
    "is_workbook",
]
