"""Uploaded files, scored through the one pipeline without keeping anything.

An upload is read into memory under the same limits as the command line (``--limit``), written
to a temporary folder under a name perfscore makes up (``upload-3.xlsx``: the client's name only
gives the suffix and is shown, never used as a path), scored by :mod:`perfscore.pipeline` or
reviewed by :mod:`perfscore.review`, and the folder is deleted when the request is done. Every
result and message names the file as the user named it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import TYPE_CHECKING

from perfscore.errors import PerfscoreError
from perfscore.input.limits import Limits, exceeded
from perfscore.input.paths import JSONL_SUFFIX, REVIEW_SUFFIXES
from perfscore.pipeline import Outcome, Result, Rules, evaluate_data, evaluate_path
from perfscore.rubrics.model import Rubric

if TYPE_CHECKING:
    from perfscore.rendering.review import Batch

#: How many files one request may carry.
MAX_FILES: int = 500


class UploadRefused(PerfscoreError):
    """An upload the server will not read: too many files, too large, or of an unknown kind;
    ``status`` is the HTTP status that says so (413 or 400)."""

    def __init__(self, message: str, status: int, file: str | None = None) -> None:
        super().__init__(message, file=file)
        self.status = status


@dataclass(frozen=True, slots=True)
class Upload:
    """One uploaded file: the name the client gave it (shown only) and its bytes."""

    name: str
    data: bytes


@dataclass(frozen=True, slots=True)
class UploadedCase:
    """One case of one upload: its result, or the one-line message that stopped it."""

    upload: str
    result: Result | None = None
    error: str | None = None


def within_limits(uploads: Sequence[Upload], limits: Limits) -> list[Upload]:
    """The uploads, once their count and sizes are within what the server reads."""
    if not uploads:
        raise UploadRefused("未选择文件：请上传自评表（.xlsx）、案例 JSON 或 JSON Lines 文件", 400)
    if len(uploads) > MAX_FILES:
        raise UploadRefused(f"一次最多上传 {MAX_FILES} 个文件，实际为 {len(uploads)} 个", 413)
    for upload in uploads:
        if len(upload.data) > limits.file_bytes:
            message = exceeded("file_bytes", len(upload.data), limits.file_bytes)
            raise UploadRefused(message, 413, file=upload.name)
    return list(uploads)


def readable(uploads: Sequence[Upload]) -> tuple[list[Upload], list[UploadedCase]]:
    """The uploads perfscore reads (forms, case JSON, JSON Lines), and a message for each other
    file (a folder chosen whole brings its other files along)."""
    kinds = "、".join(REVIEW_SUFFIXES)
    read = [upload for upload in uploads if _suffix(upload) in REVIEW_SUFFIXES]
    skipped = [
        UploadedCase(u.name, error=f"{u.name}: 不支持的文件类型（可用：{kinds}）")
        for u in uploads
        if _suffix(u) not in REVIEW_SUFFIXES
    ]
    return read, skipped


def _suffix(upload: Upload) -> str:
    return Path(upload.name).suffix.lower()


@contextmanager
def staged(uploads: Sequence[Upload]) -> Iterator[dict[Path, str]]:
    """The uploads written to a temporary folder, deleted on leaving: each made-up path -> the
    name the user gave."""
    with TemporaryDirectory(prefix="perfscore-") as folder:
        names: dict[Path, str] = {}
        for index, upload in enumerate(uploads):
            path = Path(folder) / f"upload-{index}{_suffix(upload)}"
            path.write_bytes(upload.data)
            names[path] = upload.name or f"文件 {index + 1}"
        yield names


def score_uploads(uploads: Sequence[Upload], rules: Rules) -> list[UploadedCase]:
    """Every case of every upload scored, in order; a bad one is a message, not a stop."""
    scored: list[UploadedCase] = []
    with staged(uploads) as names:
        swap = _swap(names)
        for path, name in names.items():
            outcomes = (
                _lines(path, rules) if path.suffix == JSONL_SUFFIX else evaluate_path(path, rules)
            )
            scored += [_named(outcome, name, swap) for outcome in outcomes]
    return scored


def _lines(path: Path, rules: Rules) -> Iterator[Outcome]:
    """A JSON Lines file, read as ``review`` reads it: each non-blank line a case."""
    from perfscore.input.jsonfile import parse_json  # noqa: PLC0415 - JSON Lines only
    from perfscore.review.inputs import InputText, read_unit, spans  # noqa: PLC0415

    for unit in spans(path, line_bytes=rules.limits.line_bytes):
        for item in read_unit(unit, rules.limits):
            if isinstance(item, PerfscoreError):
                yield Outcome(path, error=item)
            elif isinstance(item, InputText):
                where = f"{item.file}:{item.line}"
                try:
                    data = parse_json(item.text, where, rules.limits)
                    yield Outcome(path, evaluate_data(data, rules, where, item.text))
                except PerfscoreError as error:
                    yield Outcome(path, error=error.in_file(where))


def _named(outcome: Outcome, name: str, swap: dict[str, str]) -> UploadedCase:
    if outcome.result is not None:
        source = _renamed(outcome.result.source or name, swap)
        return UploadedCase(name, result=replace(outcome.result, source=source))
    assert outcome.error is not None
    return UploadedCase(name, error=_renamed(str(outcome.error), swap))


def reviewed(uploads: Sequence[Upload], mine: Rubric, strict: Rubric, limits: Limits) -> Batch:
    """The uploads reviewed as ``perfscore review`` reviews files, each row and bad input
    naming its upload as the user named it."""
    from perfscore.review.job import Job, collect  # noqa: PLC0415 - the review layer, on demand

    with staged(uploads) as names:
        batch = collect(Job(list(names), mine, strict, limits=limits))
    swap = _swap(names)
    # A workbook's row names its table after the file (``upload-1.xlsx:CODE!A3``): renamed too.
    rows = [replace(row, file=_renamed(row.file, swap)) for row in batch.rows]
    problems = [
        replace(p, file=_renamed(p.file, swap), message=_renamed(p.message, swap))
        for p in batch.problems
    ]
    return replace(batch, rows=rows, problems=problems)


def _swap(names: dict[Path, str]) -> dict[str, str]:
    """Each staged file's path, as text -> the name the user gave it."""
    return {str(path): name for path, name in names.items()}


def _renamed(text: str, swap: dict[str, str]) -> str:
    """``text`` naming every staged file as the user named it."""
    for made_up, name in swap.items():
        text = text.replace(made_up, name)
    return text


__all__ = [
    "MAX_FILES",
    "Upload",
    "UploadRefused",
    "UploadedCase",
    "readable",
    "reviewed",
    "score_uploads",
    "staged",
    "within_limits",
]
