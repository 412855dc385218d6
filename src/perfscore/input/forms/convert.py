"""``perfscore import``: forms to case files, one case per project table."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from perfscore.errors import CaseError, PerfscoreError
from perfscore.input.dump import case_line, case_text
from perfscore.input.forms.formcase import FormCase
from perfscore.input.forms.reader import read_tables
from perfscore.input.limits import DEFAULT, Limits
from perfscore.input.paths import XLSX_SUFFIXES, case_paths
from perfscore.rendering.output import confined, safe_stem, unique_names, write_text


@dataclass(slots=True)
class Imported:
    """The tables read from the forms given, and the errors of those that could not be."""

    tables: list[FormCase] = field(default_factory=list)
    errors: list[PerfscoreError] = field(default_factory=list)


def import_forms(paths: Sequence[str | Path], limits: Limits = DEFAULT) -> Imported:
    """Every table of every workbook named, or found in the folders named, in order."""
    done = Imported()
    for path in case_paths(paths, XLSX_SUFFIXES):
        try:
            items = read_tables(path, limits)
        except CaseError as error:
            done.errors.append(error)
            continue
        for item in items:
            if isinstance(item, FormCase):
                done.tables.append(item)
            else:
                done.errors.append(item)
    return done


def write_cases(tables: Sequence[FormCase], output: str | None, directory: str | None) -> None:
    """The cases as one JSON document (one table), JSON Lines (several, or ``*.jsonl``), or one
    file per case in ``directory``."""
    if directory is not None:
        _write_folder(tables, Path(directory))
        return
    lines = len(tables) > 1 or (output is not None and output.endswith(".jsonl"))
    if lines and output is not None and not output.endswith(".jsonl"):
        raise PerfscoreError(
            f"共 {len(tables)} 个项目表：请写入 .jsonl 文件（每行一个案例），或用 -d 写入文件夹",
            file=output,
        )
    text = "".join(case_line(t.case) for t in tables) if lines else case_text(tables[0].case)
    write_text(text, output)


def _write_folder(tables: Sequence[FormCase], folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PerfscoreError(f"无法创建文件夹：{error.strerror}", file=str(folder)) from None
    for name, table in zip(file_names(tables), tables, strict=True):
        write_text(case_text(table.case), confined(folder, name))


def file_names(tables: Sequence[FormCase]) -> list[str]:
    """``<项目编码>.json`` (or the workbook's name and the table's number), never twice."""
    stems = []
    for number, table in enumerate(tables, 1):
        fallback = f"{Path(table.file).stem}-{number}"
        stems.append(safe_stem(table.case.project.code or fallback, fallback))
    return list(unique_names(stems, ".json"))


__all__ = ["Imported", "file_names", "import_forms", "write_cases"]
