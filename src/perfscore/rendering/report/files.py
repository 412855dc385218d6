"""Where reports go: one file, or one file per case in a folder, named from the project."""

from __future__ import annotations

from pathlib import Path

from perfscore.errors import PerfscoreError
from perfscore.models.case import Project
from perfscore.rendering.output import safe_stem, unique_names


def file_stem(project: Project) -> str:
    """``51042122T000006523456-2022年度政府工作经费``: the code and name, nothing unsafe."""
    return safe_stem("-".join(part for part in (project.code, project.name) if part), "report")


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
