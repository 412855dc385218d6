"""The one path from a source to a result: every command and the Python API score through here.

A source is a file (a case JSON, project or department, or an Excel workbook of project tables),
JSON text, or data already parsed. It is read (:mod:`perfscore.input`), validated into a case
model, scored under the rubrics of a :class:`Rules` (:mod:`perfscore.scoring`, which runs the
checks), and becomes a result (``Evaluation`` or ``DepartmentEvaluation``) or a
``PerfscoreError`` naming the file and where in it. ``evaluate``, ``review``, ``validate``,
``report`` and the forms all come here, so they accept and refuse exactly the same inputs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias, Union

from perfscore.checks.number_as_text import number_findings
from perfscore.checks.registry import by_severity
from perfscore.errors import CaseError, PerfscoreError
from perfscore.input.forms.formcase import FormCase
from perfscore.input.jsonfile import case_from_data, parse_json, read_text
from perfscore.input.limits import DEFAULT, Limits
from perfscore.input.paths import CASE_SUFFIXES, case_paths, is_workbook
from perfscore.models.case import Case
from perfscore.models.kinds import is_department
from perfscore.models.results import Evaluation
from perfscore.rubrics.loading import (
    DEFAULT_DEPARTMENT_RUBRIC,
    load_department_rubric,
    load_rubric,
    rubric_kind,
    shipped,
)
from perfscore.rubrics.model import Rubric
from perfscore.scoring.plan import Plan
from perfscore.scoring.project import evaluate

if TYPE_CHECKING:  # the department layers are imported when a department case is met
    from perfscore.models.department import DepartmentCase, LoadedDepartment
    from perfscore.models.department_results import DepartmentEvaluation
    from perfscore.rubrics.department import DepartmentRubric

#: A result of either kind.
Result: TypeAlias = Union[Evaluation, "DepartmentEvaluation"]
#: A case read and validated, not yet scored.
Loaded: TypeAlias = Union[Case, "LoadedDepartment"]


@dataclass(frozen=True, slots=True)
class Rules:
    """What a run scores under: a project rubric, the department rubric for department cases
    (the one named, else the one each case follows, else the default) and the input limits."""

    project: Rubric
    #: The department rubric ``--rubric`` named, if it named one.
    department_name: str | None = None
    limits: Limits = DEFAULT

    def department_for(self, case: DepartmentCase, file: str | None) -> DepartmentRubric:
        """The rubric named, else the one the case follows (``evaluation.framework``), else the
        default department rubric."""
        if self.department_name is not None:
            return _department_rubric(self.department_name)
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


def rules_named(name: str, limits: Limits = DEFAULT) -> Rules:
    """``--rubric``: a project rubric (departments under the default department rubric), or a
    department rubric (its projects under the project rubric it names)."""
    if rubric_kind(name) == "project":
        return Rules(load_rubric(name), limits=limits)
    department = _department_rubric(name)
    return Rules(load_rubric(department.project_rubric), name, limits)


def rules_of(rubric: str | Path | Rubric | None) -> Rules:
    """The rules of the Python API's ``rubric=``: a name or path (either kind), a loaded project
    rubric, or ``None`` for the default."""
    if rubric is None:
        return Rules(load_rubric())
    if isinstance(rubric, Rubric):
        return Rules(rubric)
    return rules_named(str(rubric))


def load_data(data: Any, file: str | None = None, limits: Limits = DEFAULT) -> Loaded:
    """Parsed JSON validated as a project case, or as a department case with its projects (the
    project files it names read under ``limits``)."""
    if not is_department(data):
        return case_from_data(data, file)
    from perfscore.input.department import department_from_data  # noqa: PLC0415

    return department_from_data(data, file, limits)


def score(
    loaded: Loaded,
    rules: Rules,
    file: str | None = None,
    *,
    data: Any = None,
    text: str | None = None,
    checks: bool = True,
) -> Result:
    """A loaded case scored under ``rules``. ``data`` (and the ``text`` it was parsed from) is
    what the file said, for the finding on numbers written as text; ``checks=False`` gives the
    scores alone."""
    if not isinstance(loaded, Case):
        from perfscore.scoring.department import evaluate_department  # noqa: PLC0415

        return evaluate_department(loaded, rules.department_for(loaded.case, file), rules.project)
    evaluation = evaluate(loaded, rules.project, file, checks=checks)
    if not checks or data is None:
        return evaluation
    extra = number_findings(Plan.of(evaluation.rubric).checks, data, text)
    if not extra:
        return evaluation
    return replace(evaluation, findings=by_severity((*evaluation.findings, *extra)))


def read_json(path: Path, limits: Limits = DEFAULT) -> tuple[str, Any]:
    """A case file's text (in whichever encoding it was written) and its parsed data."""
    text = read_text(path, limits)
    return text, parse_json(text, str(path), limits)


def evaluate_data(
    data: Any, rules: Rules, file: str | None = None, text: str | None = None
) -> Result:
    """Parsed JSON (a project or department case) scored under ``rules``; ``text`` is what it
    was parsed from, when there is one."""
    return score(load_data(data, file, rules.limits), rules, file, data=data, text=text)


def evaluate_json(path: Path, rules: Rules) -> Result:
    """A case JSON file scored; an error names the file."""
    file = str(path)
    try:
        text, data = read_json(path, rules.limits)
        return evaluate_data(data, rules, file, text)
    except PerfscoreError as error:
        raise error.in_file(file) from None


@dataclass(frozen=True, slots=True)
class Outcome:
    """One case of an input file: its result, or the error that stopped it."""

    path: Path
    result: Result | None = None
    error: PerfscoreError | None = None
    #: What a form left as template prompts, read as missing (``Sheet1!F6: …``).
    notes: tuple[str, ...] = ()


def evaluate_path(path: Path, rules: Rules) -> Iterator[Outcome]:
    """One file scored: a workbook gives one outcome per project table, a case file one."""
    if is_workbook(path):
        yield from _evaluate_workbook(path, rules)
        return
    try:
        yield Outcome(path, evaluate_json(path, rules))
    except PerfscoreError as error:
        yield Outcome(path, error=error)


def evaluate_paths(paths: Sequence[str | Path], rules: Rules) -> Iterator[Outcome]:
    """Every file named or found in the folders named (cases and workbooks), in order."""
    for path in case_paths(paths, CASE_SUFFIXES):
        yield from evaluate_path(path, rules)


def _evaluate_workbook(path: Path, rules: Rules) -> Iterator[Outcome]:
    from perfscore.input.forms.reader import read_tables  # noqa: PLC0415 - openpyxl only for workbooks

    try:
        tables = read_tables(path, rules.limits)
    except PerfscoreError as error:
        yield Outcome(path, error=error.in_file(str(path)))
        return
    for table in tables:
        if isinstance(table, PerfscoreError):
            yield Outcome(path, error=table)
            continue
        try:
            yield Outcome(path, evaluate_form(table, rules.project), notes=table.notes)
        except PerfscoreError as error:
            yield Outcome(path, error=table.locate(error))


def evaluate_form(form: FormCase, rubric: Rubric, *, checks: bool = True) -> Evaluation:
    """A case read from a form, scored; each finding names the form's cell, not a JSON path."""
    evaluation = evaluate(form.case, rubric, form.source, checks=checks)
    findings = tuple(
        replace(f, where=form.cell(f.where), path=f.where) for f in evaluation.findings
    )
    return replace(evaluation, findings=findings)


def evaluate_file(path: str | Path, rubric: str | Path | Rubric | None = None) -> Result:
    """Score one case file — a project or department case JSON, or a workbook holding one
    project table — exactly as ``perfscore evaluate`` does; ``result.to_dict()`` is the object
    ``perfscore evaluate --format json`` prints.

    ``rubric`` is a shipped rubric's name or a TOML file's path (a project or a department
    rubric, as ``--rubric``), a loaded project ``Rubric``, or ``None`` for the default. A bad
    input raises a ``PerfscoreError`` naming the file and where in it.
    """
    outcomes = list(evaluate_path(Path(path), rules_of(rubric)))
    if len(outcomes) > 1:
        message = f"工作簿含 {len(outcomes)} 张自评表：请用 perfscore.evaluate_paths 逐表评分"
        raise CaseError(message, file=str(path))
    outcome = outcomes[0]
    if outcome.result is None:
        assert outcome.error is not None
        raise outcome.error
    return outcome.result


__all__ = [
    "Loaded",
    "Outcome",
    "Result",
    "Rules",
    "evaluate_data",
    "evaluate_file",
    "evaluate_form",
    "evaluate_json",
    "evaluate_path",
    "evaluate_paths",
    "load_data",
    "read_json",
    "rules_named",
    "rules_of",
    "score",
]
