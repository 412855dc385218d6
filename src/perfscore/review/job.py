"""A review from paths to output: inputs cut into units, scored in order, written atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Final, Literal

from perfscore.errors import PerfscoreError
from perfscore.input.limits import DEFAULT, Limits
from perfscore.input.paths import REVIEW_SUFFIXES, case_paths
from perfscore.rendering.output import atomic_output, write_content
from perfscore.rendering.registry import encoded, formats, registered, review_renderer
from perfscore.rendering.review import Batch, encode_line, summary_line
from perfscore.review.inputs import total_size, units
from perfscore.review.rows import ErrorRow, Row, order
from perfscore.review.runner import Done, Reviewer, run
from perfscore.review.summary import Summary
from perfscore.rubrics.model import Rubric, Severity

ReviewFormat = Literal["table", "json", "jsonl", "csv", "xlsx"]
FORMATS: Final = formats("review")
#: A batch this large (bytes or files) gets a progress bar on a terminal.
LARGE_BYTES: Final = 2 << 20
LARGE_FILES: Final = 200


@dataclass(frozen=True, slots=True)
class Job:
    """What to review (the input files, folders already searched) and how."""

    files: Sequence[Path]
    mine: Rubric
    strict: Rubric
    form: ReviewFormat = "table"
    output: str | Path | None = None
    jobs: int = 1
    limits: Limits = DEFAULT


@dataclass(frozen=True, slots=True)
class Reviewed:
    """The summary of a finished review."""

    summary: Summary

    def fails(self, level: Severity | None) -> bool:
        """Whether a submission has a finding at ``level`` or worse (``--fail-on``)."""
        if level == "error":
            return self.summary.with_errors > 0
        return level == "warning" and self.summary.with_warnings > 0


Progress = Callable[[int], None]


def input_files(paths: Sequence[str | Path]) -> list[Path]:
    """The files a review reads: as given, and every ``*.json``/``*.jsonl`` in the folders."""
    return list(case_paths(paths, REVIEW_SUFFIXES))


def is_large(files: Sequence[Path]) -> tuple[bool, int]:
    """Whether the batch is large enough for a progress bar, and its size in bytes."""
    size = total_size(files)
    return size >= LARGE_BYTES or len(files) >= LARGE_FILES, size


def review(job: Job, progress: Progress | None = None) -> Reviewed:
    """Score every input of ``job`` and write the output; bad inputs are rows, not stops."""
    chosen = registered("review", job.form)
    if chosen.needs_output and job.output is None:
        raise PerfscoreError(f"{job.form} 格式须用 -o 指定输出文件")
    if chosen.streamed:
        return _stream(job, progress or (lambda _size: None))
    batch = collect(job, progress)
    _write(batch, job)
    return Reviewed(batch.summary)


def _stream(job: Job, advance: Progress) -> Reviewed:
    """``--format jsonl``: each row written as its unit is done, the summary last."""
    reviewer = Reviewer(job.mine, job.strict, encode_line, job.limits)
    work = units(job.files, job.limits.line_bytes)
    summary = Summary()
    with atomic_output(job.output) as out, closing(run(reviewer, work, job.jobs)) as runs:
        for done in runs:
            out.writelines(done.lines)
            summary.merge(done.summary)
            advance(done.size)
        out.write(summary_line(summary, job.mine, job.strict))
    return Reviewed(summary)


def collect(job: Job, progress: Progress | None = None) -> Batch:
    """Every input of ``job`` scored into one batch (rows in order), nothing written: what a
    renderer of ``review`` renders (the web pages render several from one batch)."""
    advance = progress or (lambda _size: None)
    reviewer = Reviewer(job.mine, job.strict, None, job.limits)
    rows: list[Row] = []
    problems: list[ErrorRow] = []
    summary = Summary()
    with closing(run(reviewer, units(job.files, job.limits.line_bytes), job.jobs)) as runs:
        for done in runs:
            _collect(done, rows, problems)
            summary.merge(done.summary)
            advance(done.size)
    return Batch(order(rows), problems, summary, job.mine, job.strict)


def _collect(done: Done, rows: list[Row], problems: list[ErrorRow]) -> None:
    for result in done.results:
        if isinstance(result, Row):
            rows.append(result)
        else:
            problems.append(result)


def _write(batch: Batch, job: Job) -> None:
    write_content(encoded(review_renderer(job.form)(batch)), job.output)


__all__ = [
    "FORMATS",
    "Job",
    "Progress",
    "ReviewFormat",
    "Reviewed",
    "collect",
    "input_files",
    "is_large",
    "review",
]
