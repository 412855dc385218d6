"""Every option a rubric accepts is read: changing any one changes a score or a finding.

For each shipped rubric, project and department, every option is found by walking the rubric
model's fields (nested sections, tables of sections such as ``[levels.KEY]`` and
``[checks.CODE]``, check options, the tree of department items), so an option added to the model
is covered without touching this test. A table of plain values (``[qualitative.phrases]``,
``[grades]``) is one option: its keys are data, and it is changed whole (every value changed, or
the table emptied). Each option is set to another valid value (the loader's own cross-field
validation must accept it) and the cases must come out differently: the shipped cases, the real
tables, and for what those cannot show, purpose-built cases below (:data:`BUILT`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import UnionType
from typing import Any, Final, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel, ValidationError

from perfscore import PerfscoreError, evaluate, load_case, load_rubric
from perfscore.checks import CHECKS
from perfscore.input.department import load_department
from perfscore.input.jsonfile import case_from_data
from perfscore.models.case import Case
from perfscore.models.operators import QUALITATIVE_SYMBOL
from perfscore.models.results import Evaluation
from perfscore.rendering.explanation import explanation_text
from perfscore.review.rows import row_of
from perfscore.review.summary import Summary, code_rows
from perfscore.rubrics.department import DepartmentRubric, Item, rubric_problems
from perfscore.rubrics.loading import _validate_rubric, load_department_rubric, shipped
from perfscore.rubrics.model import Rubric
from perfscore.scoring.department import evaluate_department
from perfscore.scoring.department_registry import METHODS as DEPARTMENT_METHODS
from perfscore.scoring.methods import QUALITATIVE, QUANTITATIVE

from .conftest import CASES, DEPARTMENTS, ROOT

Path_ = tuple[str | int, ...]
#: Options that cannot change a score or a finding, with why.
DESCRIPTIVE: Final = {
    ("name",): "the rubric's name, shown, never scored by",
    ("title",): "a title for listings and reports",
    ("description",): "prose for listings and reports",
    ("extends",): "resolved when the rubric is loaded: the merged options are what is read",
    ("source",): "the file the rubric came from, for messages",
    ("kind",): "says which kind of rubric a file is: one value per model",
    ("methods", "定性"): "one qualitative method is registered (grade): no other valid value",
}
#: Options one shipped rubric cannot show on any case, with why.
UNSHOWABLE: Final = {
    ("hubei-2020", ("execution", "round_rate_first")): (
        "with 20 points the score is rate / 5: its half-up boundaries at 2 places fall exactly on"
        " the rate's own, so the printed and the exact rate always give the same score"
    ),
}
PROJECT_RUBRICS: Final = [name for name in shipped() if "department" not in name]
DEPARTMENT_RUBRICS: Final = [name for name in shipped() if "department" in name]


# --- walking the options -------------------------------------------------------------------


def options(value: Any, annotation: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any, Any]]:
    """(path, value, annotation) of every leaf option under ``value``."""
    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if not _accepted(value, name):
                continue
            yield from options(getattr(value, name), field.annotation, (*path, name))
        for name, extra in (value.model_extra or {}).items():
            yield (*path, name), extra, Any
    elif isinstance(value, dict) and value and _holds_sections(path, value):
        inner = get_args(annotation)[1] if len(get_args(annotation)) == 2 else Any
        for key, item in value.items():
            yield from options(item, inner, (*path, key))
    elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
        (inner, _) = get_args(annotation) or (Any, None)
        for index, item in enumerate(value):
            yield from options(item, inner, (*path, index))
    else:
        yield path, value, annotation


def _accepted(model: BaseModel, name: str) -> bool:
    """Whether an item takes this key: a group's score is its items' sum (no method, no
    options); a leaf's ``items`` would make it a group, a change of structure, not an option;
    a leaf takes the options its method has. A field excluded from the rubric's data is no
    option: it is there only to refuse a removed key, saying where that key went."""
    if type(model).model_fields[name].exclude:
        return False
    if not isinstance(model, Item):
        return True
    if model.items:
        return name not in ("method", "options")
    return name != "items" and (name != "options" or bool(DEPARTMENT_METHODS[model.method].options))


def _holds_sections(path: Path_, table: dict[str, Any]) -> bool:
    """``[levels]``, ``[checks]`` (tables of sections), and ``[methods]`` (one per operator)."""
    return path == ("methods",) or isinstance(next(iter(table.values())), BaseModel)


def candidates(path: Path_, value: Any, annotation: Any) -> Iterator[Any]:
    """Other values the option could take, most telling first; the caller keeps a valid one."""
    yield from (c for c in _candidates(path, value, annotation) if c != value)


def _candidates(path: Path_, value: Any, annotation: Any) -> Iterator[Any]:
    choices = _named_choices(path) or _literal_choices(annotation)
    if choices:
        yield from choices
    elif isinstance(value, bool):
        yield not value
    elif isinstance(value, Decimal | int | float):
        number = Decimal(str(value))
        yield from (number / 2, number + 1, number * 2, number - 1, Decimal("0.5"), Decimal(0))
    elif value is None:
        yield from (Decimal("0.5"), "项目")
    elif isinstance(value, str):
        yield from ("", f"{value}甲", "甲")
    elif isinstance(value, tuple | list):
        yield from ((), tuple(value[:-1]), (*value, "甲"))
    elif isinstance(value, dict):
        yield from _tables(value)


def _tables(table: dict[str, Any]) -> Iterator[Any]:
    """A table changed whole: every number halved (or raised), every name moved on, or empty."""
    values = list(table.values())
    if values and all(isinstance(v, Decimal | int) for v in values):
        yield {key: Decimal(v) / 2 for key, v in table.items()}
        yield {key: Decimal(v) + 1 for key, v in table.items()}
    elif values and all(isinstance(v, str) for v in values):
        yield {key: values[(values.index(v) + 1) % len(values)] for key, v in table.items()}
    yield {}


def _named_choices(path: Path_) -> tuple[Any, ...]:
    """The choices of an option whose type does not list them: a severity, a method, a name."""
    exact: dict[Path_, tuple[Any, ...]] = {
        ("project_rubric",): tuple(PROJECT_RUBRICS),
        # A department rubric that configures no check: each department check switched off.
        ("checks",): tuple(
            {code: {"enabled": False}}
            for code, registered in CHECKS.items()
            if registered.applies_to == "department"
        ),
    }
    if path in exact:
        return exact[path]
    if path[-1] == "method":
        return tuple(DEPARTMENT_METHODS)
    if str(path[-1]).endswith("severity"):
        return ("error", "warning", "info")
    if path[0] == "methods":
        return tuple(QUALITATIVE if path[-1] == QUALITATIVE_SYMBOL else QUANTITATIVE)
    return ()


def _literal_choices(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    if get_origin(annotation) in (Union, UnionType):  # Severity | None
        return tuple(c for a in get_args(annotation) for c in _literal_choices(a))
    return ()


def _leaf_options(data: Any, path: Path_) -> Iterator[dict[str, Decimal]]:
    """A department leaf's method options, each one changed (the method says which it has)."""
    leaf = _at(data, path[:-1])
    given = leaf.get("options", {})
    for key, rule in DEPARTMENT_METHODS[leaf.get("method", "entered")].options.items():
        value = Decimal(given.get(key, rule.default or 1))
        yield from ({**given, key: value / 2}, {**given, key: value * 2})


def _at(data: Any, path: Path_) -> Any:
    for key in path:
        data = data[key]
    return data


def _shift(data: Any, path: Path_, change: Decimal) -> Any:
    """A weight moved by ``change``; a department group's first descendants follow (a group's weight
    is its items' sum)."""
    data = changed(data, (*path, "weight"), Decimal(_at(data, path)["weight"]) + change)
    return _shift(data, (*path, "items", 0), change) if _at(data, path).get("items") else data


def flipped(data: Any, path: Path_, old: Any, value: Any) -> Any:
    """The dumped rubric ``data`` with the option at ``path`` changed from ``old`` to ``value``.

    Points add up to 100: a level's weight trades with the execution's, the execution's with the
    first level's, a department item's with its sibling's. A department leaf given another
    method starts with that method's own options.
    """
    if path[-1] == "weight" and path[0] in ("execution", "levels", "items"):
        return _traded(data, path, Decimal(value) - Decimal(old))
    if path[0] == "items" and path[-1] == "method":
        data = changed(data, (*path[:-1], "options"), {})
    return changed(data, path, value)


def _traded(data: Any, path: Path_, change: Decimal) -> Any:
    if path[0] == "items":
        sibling = (*path[:-2], 1 if path[-2] == 0 else 0)
        return _shift(_shift(data, path[:-1], change), sibling, -change)
    first = next(iter(data["levels"]))
    partner = ("levels", first) if path[0] == "execution" else ("execution",)
    return _shift(_shift(data, path[:-1], change), partner, -change)


def changed(data: Any, path: Path_, value: Any) -> Any:
    """A copy of the dumped rubric ``data`` with the option at ``path`` set to ``value``."""
    if not path:
        return value
    head, *rest = path
    if isinstance(data, list | tuple):
        items = list(data)
        items[int(head)] = changed(items[int(head)], tuple(rest), value)
        return items
    return {**data, head: changed(data[head], tuple(rest), value) if rest else value}


# --- what a rubric's options are seen in ----------------------------------------------------


def _case_files() -> list[Path]:
    real = sorted((ROOT / "tests" / "real").glob("*/case.json"))
    return [*CASES, *real]


@cache
def project_cases() -> tuple[Case, ...]:
    return (*(load_case(path) for path in _case_files()), *(case_from_data(c) for c in BUILT))


def evaluation_print(evaluation: Evaluation) -> tuple[Any, ...]:
    """What a rubric can change in an evaluation: scores, weights, readings, findings."""
    rows = tuple(
        (
            r.level,
            r.weight,
            r.score,
            r.status,
            r.operator,
            r.is_cost,
            r.is_time,
            explanation_text(r.explanation),
        )
        for r in evaluation.indicators
    )
    levels = tuple((lv.key, lv.name, lv.weight, lv.score) for lv in evaluation.levels)
    execution = evaluation.execution
    found = tuple((f.code, f.severity, f.message, f.path) for f in evaluation.findings)
    totals = (evaluation.score, evaluation.grade, execution.score, execution.rate)
    return (*totals, explanation_text(execution.explanation), rows, levels, found)


def department_prints(rubric: DepartmentRubric) -> Iterator[Any]:
    """Each department case's items, score and findings, its projects under the rubric's own."""
    project_rubric = load_rubric(rubric.project_rubric)
    for path in [*DEPARTMENTS, ROOT / "tests" / "department" / "arithmetic-errors.json"]:
        evaluation = evaluate_department(load_department(path), rubric, project_rubric)
        items = [(i.name, i.weight, i.score, i.basis) for i in evaluation.walk()]
        yield evaluation.score, evaluation.grade, items, [p.score for p in evaluation.projects]
        yield [(f.code, f.severity, f.message) for f in evaluation.findings]


def project_prints(rubric: Rubric) -> Iterator[Any]:
    """Each case's evaluation, then what ``perfscore review`` sums up with ``rubric`` strict."""
    summary = Summary()
    for case in project_cases():
        try:
            evaluation = evaluate(case, rubric)
        except PerfscoreError as error:
            yield str(error)
            continue
        yield evaluation_print(evaluation)
        row = row_of(evaluation, evaluation, "case.json", None)
        summary.add(row, rubric.full_marks, rubric.review)
        yield row
    yield summary.over_claims, code_rows(summary, rubric.review)


def differs(before: Sequence[Any], prints: Iterator[Any]) -> bool:
    """Whether the flipped rubric's prints differ from ``before`` (stops at the first that does)."""
    count = 0
    for seen, now in zip(before, prints, strict=False):
        count += 1
        if seen != now:
            return True
    return count != len(before)


# --- purpose-built cases --------------------------------------------------------------------


def _built(name: str, indicators: list[dict[str, Any]], **budget: Any) -> dict[str, Any]:
    money = {"initial": 100, "adjusted": 100, "executed": 95, **budget}
    return {
        "year": 2023,
        "project": {"code": "B1", "name": name, "department": "某局"},
        "budget": money,
        "indicators": indicators,
        "claimed_score": 99,
    }


def _row(level1: str, name: str, target: Any, actual: Any, **more: Any) -> dict[str, Any]:
    return {"level1": level1, "name": name, "target": target, "actual": actual, **more}


#: Cases made for the options the shipped cases cannot show, each saying which.
BUILT: Final = [
    _built(  # round_rate_first: 95.549% is 9.56 points from the printed rate, 9.55 exactly
        "执行率",
        [
            _row("产出指标", "数量", 10, 10, operator="≥", unit="个"),
            _row("效益指标", "效果", "是否有效", "是"),  # words: a whole-cell answer
            _row("满意度指标", "满意度", 90, "否", operator="≥", unit="%"),
        ],
        executed=Decimal("95.549"),
    ),
    _built(  # [levels] required and checks.missing-level: no 产出 row
        "缺产出",
        [_row("效益指标", "效果", "优", "良"), _row("满意度指标", "满意度", 90, 95, operator="≥")],
    ),
    _built(  # [levels.satisfaction] second: a 一级 cell with no name, placed by its 二级
        "二级定位",
        [
            _row("产出指标", "数量", 10, 10, operator="≥"),
            _row("效益指标", "效果", "优", "良"),
            _row("", "满意度", 90, 95, operator="≥", level2="服务对象满意度"),
        ],
    ),
    _built(  # [weights] stated_levels: the points written in the 一级 cells add up to 90
        "分值",
        [
            _row("产出指标（60分）", "数量", 10, 8, operator="≥"),
            _row("效益指标（20分）", "效果", "优", "良"),
            _row("满意度指标（10分）", "满意度", 90, 95, operator="≥"),
        ],
    ),
    _built(  # the same, for hubei-2020's 80 points
        "分值80",
        [
            _row("产出指标（40分）", "数量", 10, 8, operator="≥"),
            _row("效益指标（30分）", "效果", "优", "良"),
            _row("满意度指标（10分）", "满意度", 90, 95, operator="≥"),
        ],
    ),
    _built(  # [methods] ＞ short of its target; [qualitative] negations on a qualitative row
        "未达",
        [
            _row("产出指标", "数量", 10, 8, operator="＞", unit="个"),
            _row("效益指标", "效果", "显著提升", "效果不明显"),
        ],
    ),
    {  # [review] over_claim: a claim 1.5 points above the score (90: nothing executed)
        **_built(
            "自评偏高",
            [_row("产出指标", "数量", 10, 10, operator="≥"), _row("效益指标", "效果", "优", "优")],
            executed=0,
        ),
        "claimed_score": Decimal("91.5"),
    },
]


# --- the test -------------------------------------------------------------------------------


def _project_rubric(data: Any) -> Rubric | None:
    try:
        rubric = Rubric.model_validate(data)
    except ValidationError:
        return None
    return None if _validate_rubric(rubric) else rubric


def _department_rubric(data: Any) -> DepartmentRubric | None:
    try:
        rubric = DepartmentRubric.model_validate(data)
    except ValidationError:
        return None
    return None if rubric_problems(rubric) else rubric


def _unread(
    rubric: Any,
    build: Callable[[Any], Any],
    prints: Callable[[Any], Iterator[Any]],
) -> list[str]:
    """The options of ``rubric`` whose every valid change leaves every print as it was."""
    before = list(prints(rubric))
    data = rubric.model_dump(exclude_unset=isinstance(rubric, DepartmentRubric))
    unread: list[str] = []
    for path, value, annotation in options(rubric, type(rubric)):
        if path in DESCRIPTIVE or (rubric.name, path) in UNSHOWABLE:
            continue
        others = _leaf_options(data, path) if path[-1] == "options" else None
        others = others or candidates(path, value, annotation)
        flips = (build(flipped(data, path, value, c)) for c in others)
        valid = [flip for flip in flips if flip is not None]
        if not valid:
            unread.append(f"{'.'.join(map(str, path))}: no other valid value")
        elif not any(differs(before, prints(flip)) for flip in valid[:3]):
            unread.append(f"{'.'.join(map(str, path))} = {value!r}: changing it changes nothing")
    return unread


def test_options_are_found_by_walking_the_model() -> None:
    paths = {path for path, _, _ in options(load_rubric("mof-2020"), Rubric)}
    assert ("quantitative", "overshoot_operators") in paths
    assert ("checks", "cost-budget-mismatch", "per_unit_words") in paths
    assert ("qualitative", "phrases") in paths  # a table of values is one option
    assert ("levels", "output", "weight") in paths
    assert ("checks", "overshoot", "severity") in paths
    assert len(paths) > 100


@pytest.mark.parametrize("name", PROJECT_RUBRICS)
def test_every_project_rubric_option_is_read(name: str) -> None:
    assert PROJECT_RUBRICS and len(project_cases()) > len(CASES)
    assert _unread(load_rubric(name), _project_rubric, project_prints) == []


@pytest.mark.parametrize("name", DEPARTMENT_RUBRICS)
def test_every_department_rubric_option_is_read(name: str) -> None:
    assert DEPARTMENT_RUBRICS
    rubric = load_department_rubric(name)
    assert _unread(rubric, _department_rubric, department_prints) == []


def test_the_options_left_out_are_few() -> None:
    """Six keys that name or describe a rubric, and two that no case can show: each with why."""
    assert len(DESCRIPTIVE) + len(UNSHOWABLE) <= 8
    assert all(reason for reason in (*DESCRIPTIVE.values(), *UNSHOWABLE.values()))
