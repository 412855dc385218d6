"""Scoring many files: each result from its own file alone; a bad file is reported, not fatal."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .engine import evaluate
from .errors import PerfscoreError
from .loader import case_paths, load_case
from .results import SEVERITY_RANK, Evaluation
from .rubric import Rubric, Severity


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input file: its evaluation, or the error that stopped it."""

    path: Path
    evaluation: Evaluation | None = None
    error: PerfscoreError | None = None


def evaluate_file(path: Path, rubric: Rubric) -> Outcome:
    """Load and score one file; a bad input becomes an ``Outcome`` with its error."""
    try:
        return Outcome(path, evaluation=evaluate(load_case(path), rubric, str(path)))
    except PerfscoreError as error:
        return Outcome(path, error=error.in_file(str(path)))


def evaluate_paths(paths: Sequence[str | Path], rubric: Rubric) -> Iterator[Outcome]:
    """Every file named or found in the folders named, in order."""
    for path in case_paths(paths):
        yield evaluate_file(path, rubric)


def fails(evaluations: Sequence[Evaluation], level: Severity | None) -> bool:
    """Whether any finding reaches ``level`` (``--fail-on``)."""
    if level is None:
        return False
    floor = SEVERITY_RANK[level]
    return any(SEVERITY_RANK[f.severity] >= floor for e in evaluations for f in e.findings)


__all__ = ["Outcome", "evaluate_file", "evaluate_paths", "fails"]
