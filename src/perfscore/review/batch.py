"""Scoring many files: each result from its own file alone; a bad file is reported, not fatal."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Final

from perfscore.checks.number_as_text import number_findings
from perfscore.checks.registry import by_severity
from perfscore.errors import CaseError, PerfscoreError
from perfscore.input.department import department_from_data, is_department
from perfscore.input.forms import XLSX_SUFFIXES, FormCase, read_tables
from perfscore.input.jsonfile import case_from_data, case_paths, parse_json, read_text
from perfscore.models.department import DepartmentCase
from perfscore.models.department_results import DepartmentEvaluation
from perfscore.models.results import SEVERITY_RANK, Evaluation, Finding
from perfscore.rubrics.department import DepartmentRubric
from perfscore.rubrics.loading import (
    DEFAULT_DEPARTMENT_RUBRIC,
    load_department_rubric,
    load_rubric,
    rubric_kind,
    shipped,
)
from perfscore.rubrics.model import Rubric, Severity
from perfscore.scoring.department import evaluate_department
from perfscore.scoring.project import evaluate


@dataclass(frozen=True, slots=True)
class Rules:
    """What a run scores under: a project rubric, and the department rubric for department cases
    (loaded when the first one is met)."""

    project: Rubric
    #: The department rubric ``--rubric`` named, if it named one.
    department_name: str | None = None

    def department_for(self, case: DepartmentCase, file: str | None) -> DepartmentRubric:
        """The rubric named on the command line, else the one the case follows, else the default."""
        return department_rubric_for(case, self.department_name, file)


def department_rubric_for(
    case: DepartmentCase, named: str | None, file: str | None
) -> DepartmentRubric:
    """``named``, else the case's ``evaluation.framework``, else the default department rubric."""
    if named is not None:
        return _department_rubric(named)
    framework = case.evaluation.framework
    if framework is not None and framework not in shipped():
        message = f"评价指标体系 '{framework}' 应为内置的部门评分规则名称（不能是文件路径）"
        raise CaseError(message, file=file, path="$.evaluation.framework")
    try:
        return _department_rubric(framework or DEFAULT_DEPARTMENT_RUBRIC)
    except PerfscoreError as error:
        raise CaseError(error.message, file=file, path="$.evaluation.framework") from None


@cache
def _department_rubric(name: str) -> DepartmentRubric:
    return load_department_rubric(name)


def rules_named(name: str) -> Rules:
    """``--rubric``: a project rubric (departments under the default department rubric), or a
    department rubric (its projects under the project rubric it names)."""
    if rubric_kind(name) == "project":
        return Rules(load_rubric(name))
    department = _department_rubric(name)
    return Rules(load_rubric(department.project_rubric), name)


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input file: its evaluation, or the error that stopped it."""

    path: Path
    evaluation: Evaluation | None = None
    error: PerfscoreError | None = None
    department: DepartmentEvaluation | None = None
    #: What a form left as template prompts, read as missing (``Sheet1!F6: …``).
    notes: tuple[str, ...] = ()


#: What ``perfscore evaluate`` reads from a folder: case files and the forms people fill.
CASE_SUFFIXES: Final = (".json", *XLSX_SUFFIXES)


def evaluate_file(path: Path, rules: Rules) -> Iterator[Outcome]:
    """Load and score one file (a workbook gives one outcome per project table; a department
    case one outcome for the department).

    A bad input becomes an ``Outcome`` with its error.
    """
    if path.suffix.lower() in XLSX_SUFFIXES:
        yield from _evaluate_workbook(path, rules.project)
        return
    try:
        yield _evaluate_json(path, rules)
    except PerfscoreError as error:
        yield Outcome(path, error=error.in_file(str(path)))


def _evaluate_json(path: Path, rules: Rules) -> Outcome:
    file = str(path)
    text = read_text(path)
    data = parse_json(text, file)
    if is_department(data):
        loaded = department_from_data(data, file)
        rubric = rules.department_for(loaded.case, file)
        evaluated = evaluate_department(loaded, rubric, rules.project)
        return Outcome(path, department=evaluated)
    evaluation = evaluate(case_from_data(data, file), rules.project, file)
    return Outcome(path, evaluation=with_number_findings(evaluation, data, text))


def with_number_findings(
    evaluation: Evaluation, data: object, source: str | None = None
) -> Evaluation:
    """``evaluation`` with a finding for each number the file wrote as text (``"1,200"``);
    ``source`` is the JSON ``data`` was read from, when there is one."""
    extra = number_findings(evaluation.rubric, data, source)
    if not extra:
        return evaluation
    return replace(evaluation, findings=by_severity((*evaluation.findings, *extra)))


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
    findings = tuple(
        replace(f, where=form.cell(f.where), path=f.where) for f in evaluation.findings
    )
    return replace(evaluation, findings=findings)


def evaluate_paths(paths: Sequence[str | Path], rules: Rules) -> Iterator[Outcome]:
    """Every file named or found in the folders named, in order."""
    for path in case_paths(paths, CASE_SUFFIXES):
        yield from evaluate_file(path, rules)


def fails(evaluations: Sequence[Evaluation | DepartmentEvaluation], level: Severity | None) -> bool:
    """Whether any finding reaches ``level`` (``--fail-on``)."""
    if level is None:
        return False
    floor = SEVERITY_RANK[level]
    findings: list[Finding] = [f for e in evaluations for f in e.findings]
    return any(SEVERITY_RANK[f.severity] >= floor for f in findings)


__all__ = [
    "CASE_SUFFIXES",
    "Outcome",
    "Rules",
    "department_rubric_for",
    "evaluate_file",
    "evaluate_form",
    "evaluate_paths",
    "fails",
    "rules_named",
    "with_number_findings",
]
