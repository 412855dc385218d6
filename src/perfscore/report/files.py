"""Where reports go: one file, or one file per case in a folder, named from the project."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import PerfscoreError
from ..output import safe_stem
from .context import Report


def file_stem(report: Report) -> str:
    """``51042122T000006523456-2022年度政府工作经费``: the code and name, nothing unsafe."""
    return safe_stem("-".join(part for part in (report.code, report.name) if part), "report")


def unique_names(stems: Iterable[str], suffix: str) -> Iterator[str]:
    """``stem.suffix``, or ``stem-2.suffix`` … when two cases share a code and name."""
    seen: set[str] = set()
    for stem in stems:
        name, copy = f"{stem}{suffix}", 2
        while name.casefold() in seen:
            name, copy = f"{stem}-{copy}{suffix}", copy + 1
        seen.add(name.casefold())
        yield name


def is_folder(output: str, several: bool) -> bool:
    """Whether ``-o`` names a folder: several cases, an existing folder, or a trailing ``/``."""
    return several or Path(output).is_dir() or output.endswith(("/", "\\"))


def make_folder(output: str) -> Path:
    """The folder ``-o`` names, created if need be."""
    folder = Path(output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PerfscoreError(f"无法创建文件夹：{error.strerror}", file=output) from None
    return folder


__all__ = ["file_stem", "is_folder", "make_folder", "unique_names"]
