"""The inputs of a batch, cut into units of work: groups of case files and spans of JSONL files.

A unit is small to send to a worker (names and byte offsets, never the text) and is read by the
worker itself. Units come in input order; results are put back in that order.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Final

from perfscore.errors import CaseError
from perfscore.input.encodings import decode_line
from perfscore.input.forms.formcase import FormCase
from perfscore.input.jsonfile import read_text
from perfscore.input.limits import DEFAULT, Limits, exceeded
from perfscore.input.messages import os_message
from perfscore.input.paths import JSONL_SUFFIX, is_workbook

#: Bytes of JSON Lines per unit, and case files per unit.
SPAN_BYTES: Final = 1 << 20
FILES_PER_UNIT: Final = 32


@dataclass(frozen=True, slots=True)
class Unit:
    """Whole case files, or the lines of one JSONL file from ``start`` to ``end`` (bytes)."""

    files: tuple[str, ...] = ()
    jsonl: str | None = None
    start: int = 0
    end: int = 0
    first_line: int = 1
    #: One line longer than the limit: reported, never read.
    oversized: bool = False

    @property
    def size(self) -> int:
        """Work in bytes, for the progress bar (a case file counts as its size on disk)."""
        if self.jsonl is not None:
            return self.end - self.start
        return sum(_size(file) for file in self.files)


@dataclass(frozen=True, slots=True)
class InputText:
    """One input's text: a file, or a line of a JSONL file."""

    file: str
    line: int | None
    text: str


def total_size(files: Sequence[Path]) -> int:
    """All the bytes to read (unreadable files count as 0)."""
    return sum(_size(str(file)) for file in files)


def _size(file: str) -> int:
    try:
        return os.stat(file).st_size
    except OSError:
        return 0


def units(files: Sequence[Path], line_bytes: int = DEFAULT.line_bytes) -> Iterator[Unit]:
    """The batch in units of work, in input order."""
    group: list[str] = []
    for path in files:
        if path.suffix != JSONL_SUFFIX:
            group.append(str(path))
            if len(group) == FILES_PER_UNIT:
                yield Unit(files=tuple(group))
                group = []
            continue
        if group:
            yield Unit(files=tuple(group))
            group = []
        yield from spans(path, line_bytes=line_bytes)
    if group:
        yield Unit(files=tuple(group))


def spans(
    path: Path, span: int = SPAN_BYTES, line_bytes: int = DEFAULT.line_bytes
) -> Iterator[Unit]:
    """A JSONL file cut at line ends into spans of about ``span`` bytes.

    Read block by block, so memory stays flat; an unreadable file is one unit whose reading
    reports the error.
    """
    try:
        stream = path.open("rb")
    except OSError:
        yield Unit(jsonl=str(path))
        return
    with stream:
        start, line, carry = 0, 1, b""
        while block := stream.read(span):
            data = carry + block
            cut = data.rfind(b"\n") + 1
            if cut == 0 and len(data) > line_bytes:
                length, carry = _rest_of_line(stream, len(data), span)
                yield Unit((), str(path), start, start + length, line, oversized=True)
                start, line = start + length, line + 1
                continue
            if cut == 0:
                carry = data
                continue
            yield Unit(jsonl=str(path), start=start, end=start + cut, first_line=line)
            line += data.count(b"\n", 0, cut)
            start += cut
            carry = data[cut:]
        if carry:
            yield Unit(jsonl=str(path), start=start, end=start + len(carry), first_line=line)


def _rest_of_line(stream: BinaryIO, read: int, span: int) -> tuple[int, bytes]:
    """Skip to the end of an over-long line (never holding it): its length and what follows."""
    length = read
    while block := stream.read(span):
        end = block.find(b"\n")
        if end >= 0:
            return length + end + 1, block[end + 1 :]
        length += len(block)
    return length, b""


Input = InputText | FormCase | CaseError | None


def read_unit(unit: Unit, limits: Limits = DEFAULT) -> Iterator[Input]:
    """Each input of ``unit``: its text (a form's tables: each case), or the error that stopped
    reading it.

    A blank JSONL line gives None: it is counted, not scored.
    """
    if unit.jsonl is None:
        for file in unit.files:
            yield from _read_file(file, limits)
        return
    yield from _read_span(unit, limits.line_bytes)


def _read_file(file: str, limits: Limits) -> Iterator[Input]:
    try:
        if is_workbook(file):
            from perfscore.input.forms.reader import read_tables  # noqa: PLC0415 - openpyxl for forms only

            yield from read_tables(file, limits)
        else:
            yield InputText(file, None, read_text(Path(file), limits))
    except CaseError as error:
        yield error


def _read_span(unit: Unit, line_bytes: int) -> Iterator[Input]:
    file = unit.jsonl
    assert file is not None
    if unit.oversized:
        message = exceeded("line_bytes", unit.end - unit.start, line_bytes)
        yield CaseError(message, file=file, line=unit.first_line)
        return
    try:
        with open(file, "rb") as stream:
            stream.seek(unit.start)
            data = stream.read(unit.end - unit.start) if unit.end else stream.read()
    except OSError as error:
        yield CaseError(f"无法读取：{os_message(error)}", file=file)
        return
    if unit.start == 0 and data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()
    for number, raw in enumerate(lines, unit.first_line):
        yield _line(file, number, raw, line_bytes)


def _line(file: str, number: int, raw: bytes, limit: int) -> InputText | CaseError | None:
    if len(raw) > limit:
        return CaseError(exceeded("line_bytes", len(raw), limit), file=file, line=number)
    try:
        text = decode_line(raw)
    except UnicodeDecodeError as error:
        message = "无法识别的文本编码（JSON Lines 的每行须为 UTF-8 或 GB18030）"
        return CaseError(message, file=file, line=number, column=error.start + 1)
    if not text.strip():
        return None
    return InputText(file, number, text)


__all__ = ["Input", "InputText", "Unit", "read_unit", "spans", "total_size", "units"]
