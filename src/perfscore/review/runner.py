"""Running a review: each unit scored on its own (in this process or in N workers), in order."""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from typing import Final

from perfscore.errors import PerfscoreError
from perfscore.input.forms.formcase import FormCase
from perfscore.input.jsonfile import parse_json
from perfscore.input.limits import DEFAULT, Limits
from perfscore.models.department_results import DepartmentEvaluation
from perfscore.models.results import Evaluation
from perfscore.pipeline import Rules, evaluate_form, load_data, score
from perfscore.review.inputs import InputText, Unit, read_unit
from perfscore.review.rows import ErrorRow, Row, department_row, row_of
from perfscore.review.summary import Summary
from perfscore.rubrics.model import Rubric

Encoder = Callable[[Row | ErrorRow], bytes]


@dataclass(frozen=True, slots=True)
class Reviewer:
    """The two rubrics a batch is scored under, the input limits and, when streaming, how a
    line is written. It is sent whole to each worker process, limits included."""

    mine: Rubric
    strict: Rubric
    encode: Encoder | None = None
    limits: Limits = DEFAULT
    #: The two rubrics as the pipeline takes them, made once (not per input).
    rules: tuple[Rules, Rules] = field(init=False)

    def __post_init__(self) -> None:
        rules = (Rules(self.mine, limits=self.limits), Rules(self.strict, limits=self.limits))
        object.__setattr__(self, "rules", rules)

    def review(self, text: InputText) -> Row | ErrorRow:
        """One input, from its text alone: read once, scored under each rubric in turn."""
        file = text.file
        try:
            data = parse_json(text.text, file, self.limits)
            loaded = load_data(data, file, self.limits)
            mine_rules, strict_rules = self.rules
            mine = score(loaded, mine_rules, file, checks=False)
            strict = score(loaded, strict_rules, file, data=data, text=text.text)
        except PerfscoreError as error:
            return ErrorRow.of(_at_line(error, text), file, text.line)
        if isinstance(mine, DepartmentEvaluation) and isinstance(strict, DepartmentEvaluation):
            return department_row(mine, strict, file, text.line)
        assert isinstance(mine, Evaluation) and isinstance(strict, Evaluation)
        return row_of(mine, strict, file, text.line)

    def review_form(self, form: FormCase) -> Row | ErrorRow:
        """One table of a form; an error names its cell."""
        try:
            mine = evaluate_form(form, self.mine, checks=False)
            strict = evaluate_form(form, self.strict)
        except PerfscoreError as error:
            return ErrorRow.of(form.locate(error), form.file)
        return row_of(mine, strict, form.source, None)

    def item(self, item: InputText | FormCase | PerfscoreError) -> Row | ErrorRow:
        """A row for whatever one input gave."""
        if isinstance(item, InputText):
            return self.review(item)
        if isinstance(item, FormCase):
            return self.review_form(item)
        return ErrorRow.of(item, item.file or "")

    def unit(self, unit: Unit) -> Done:
        """Every input of ``unit``: rows (or, streaming, their encoded lines) and the summary."""
        done = Done(size=unit.size)
        full_marks, settings = self.mine.full_marks, self.strict.review
        for item in read_unit(unit, self.limits):
            if item is None:
                done.summary.blank_lines += 1
                continue
            result = self.item(item)
            if isinstance(result, Row):
                done.summary.add(result, full_marks, settings)
            else:
                done.summary.errors += 1
            if self.encode is None:
                done.results.append(result)
            else:
                done.lines.append(self.encode(result))
        return done


@dataclass(slots=True)
class Done:
    """What one unit gave."""

    size: int
    results: list[Row | ErrorRow] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)


def _at_line(error: PerfscoreError, text: InputText) -> PerfscoreError:
    """An error in one JSONL line, placed at that line (its column kept)."""
    if text.line is None:
        return error
    column = error.column if error.line == 1 else None
    kind = type(error)
    return kind(error.message, file=text.file, path=error.path, line=text.line, column=column)


_WORKER: Reviewer | None = None
#: Units in flight per worker: enough to keep every worker busy, and few enough that results
#: waiting for an earlier unit stay a few megabytes, however large the input.
_AHEAD: Final = 3


def _start(reviewer: Reviewer) -> None:
    """A worker: Ctrl-C is the main process's to handle (it stops the pool and cleans up)."""
    global _WORKER  # noqa: PLW0603 - one reviewer per worker process, set once
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = reviewer


def _work(unit: Unit) -> Done:
    assert _WORKER is not None
    return _WORKER.unit(unit)


def run(reviewer: Reviewer, work: Iterable[Unit], jobs: int) -> Generator[Done, None, None]:
    """Each unit's result, in input order, from ``jobs`` processes (1: this one).

    Close it when done (``contextlib.closing``): a caller stopped between two results (Ctrl-C
    while writing) would otherwise leave the pool running until exit, which then waits on it.
    """
    if jobs <= 1:
        yield from map(reviewer.unit, work)
        return
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    held = _hold_interrupts()
    try:
        pool = context.Pool(jobs, initializer=_start, initargs=(reviewer,))
    except BaseException:
        _restore(held)
        raise
    with pool:
        _restore(held)  # a Ctrl-C held back arrives here, and leaving the block stops the pool
        pending: deque[AsyncResult[Done]] = deque()
        for unit in work:
            pending.append(pool.apply_async(_work, (unit,)))
            if len(pending) >= jobs * _AHEAD:
                yield pending.popleft().get()
        while pending:
            yield pending.popleft().get()


def _hold_interrupts() -> set[int | signal.Signals] | None:
    """Hold Ctrl-C back while the workers are started; the signal mask to restore after.

    A KeyboardInterrupt raised while a process forks is raised in an at-fork handler (logging
    registers one), where Python reports it as ignored and the run goes on. Held back, it
    arrives once the pool is up and stops it.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork, nothing to hold
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _restore(held: set[int | signal.Signals] | None) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


__all__ = ["Done", "Reviewer", "run"]
