"""Scoring many files: each result from its own file alone; a bad file is reported, not fatal."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Final

from .engine import evaluate
from .errors import PerfscoreError
from .forms import XLSX_SUFFIXES, FormCase, read_tables
from .loader import case_paths, load_case
from .results import SEVERITY_RANK, Evaluation
from .rubric import Rubric, Severity


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input file: its evaluation, or the error that stopped it."""

    path: Path
    evaluation: Evaluation | None = None
    error: PerfscoreError | None = None
    #: What a form left as template prompts, read as missing (``Sheet1!F6: …``).
    notes: tuple[str, ...] = ()


#: What ``perfscore evaluate`` reads from a folder: case files and the forms people fill.
CASE_SUFFIXES: Final = (".json", *XLSX_SUFFIXES)


def evaluate_file(path: Path, rubric: Rubric) -> Iterator[Outcome]:
    """Load and score one file (a workbook gives one outcome per project table).

    A bad input becomes an ``Outcome`` with its error.
    """
    if path.suffix.lower() in XLSX_SUFFIXES:
        yield from _evaluate_workbook(path, rubric)
        return
    try:
        yield Outcome(path, evaluation=evaluate(load_case(path), rubric, str(path)))
    except PerfscoreError as error:
        yield Outcome(path, error=error.in_file(str(path)))


def _evaluate_workbook(path: Path, rubric: Rubric) -> Iterator[Outcome]:
    try:
        tables = read_tables(path)
    except PerfscoreError as error:
        yield Outcome(path, error=error.in_file(str(path)))
        return
    for table in tables:
        if isinstance(table, PerfscoreError):
            yield Outcome(path, error=table)
            continue
        try:
            yield Outcome(path, evaluation=evaluate_form(table, rubric), notes=table.notes)
        except PerfscoreError as error:
            yield Outcome(path, error=table.locate(error))


def evaluate_form(form: FormCase, rubric: Rubric) -> Evaluation:
    """Score a case read from a form; each finding names the form's cell, not a JSON path."""
    evaluation = evaluate(form.case, rubric, form.source)
    findings = tuple(replace(f, where=form.cell(f.where)) for f in evaluation.findings)
    return replace(evaluation, findings=findings)


def evaluate_paths(paths: Sequence[str | Path], rubric: Rubric) -> Iterator[Outcome]:
    """Every file named or found in the folders named, in order."""
    for path in case_paths(paths, CASE_SUFFIXES):
        yield from evaluate_file(path, rubric)


def fails(evaluations: Sequence[Evaluation], level: Severity | None) -> bool:
    """Whether any finding reaches ``level`` (``--fail-on``)."""
    if level is None:
        return False
    floor = SEVERITY_RANK[level]
    return any(SEVERITY_RANK[f.severity] >= floor for e in evaluations for f in e.findings)


__all__ = ["CASE_SUFFIXES", "Outcome", "evaluate_file", "evaluate_form", "evaluate_paths", "fails"]
