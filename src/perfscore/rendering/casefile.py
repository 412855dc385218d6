"""Writing a case back in the case format: English keys, exact numbers, nothing left unsaid.

``perfscore import`` gives this for a form; loading the text back gives the same case.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, Final

from perfscore.errors import PerfscoreError
from perfscore.input.forms.formcase import FormCase
from perfscore.models.case import Case
from perfscore.rendering.output import confined, safe_stem, unique_names, write_text

_FLOAT_DIGITS: Final = 15


def case_data(case: Case) -> dict[str, Any]:
    """The case as JSON-ready data; numbers stay numbers (exact: see :func:`_number`)."""
    data = case.model_dump(mode="python", exclude_none=True)
    data.pop("schema_ref", None)
    plain: dict[str, Any] = _plain(data)
    return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return _number(value)
    return value


def _number(value: Decimal) -> int | float | str:
    """An integer as an int; a decimal as the float whose shortest text is the same digits,
    else as exact text (``"98.00"``: a stated rate's places matter), which loads the same."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    as_float = float(value)
    if len(value.as_tuple().digits) <= _FLOAT_DIGITS and repr(as_float) == f"{value:f}":
        return as_float
    return f"{value:f}"  # "98.00" keeps the places it was stated to


def case_text(case: Case) -> str:
    """One case as an indented JSON document."""
    return json.dumps(case_data(case), ensure_ascii=False, indent=2) + "\n"


def case_line(case: Case) -> str:
    """One case as a JSON Lines line."""
    return json.dumps(case_data(case), ensure_ascii=False, separators=(",", ":")) + "\n"


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


__all__ = [
    "case_data",
    "case_line",
    "case_text",
    "file_names",
    "write_cases",
]
