"""``perfscore validate``, ``schema`` and ``rubrics``: the case format and the rubrics."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import jsonschema
from referencing import Registry, Resource

from perfscore.cli.common import rubric_option, rules, write
from perfscore.cli.status import BAD_INPUT, OK
from perfscore.errors import CaseError, PerfscoreError
from perfscore.input.jsonfile import json_path
from perfscore.input.paths import CASE_SUFFIXES, case_paths, is_workbook
from perfscore.models.kinds import is_department
from perfscore.models.schema import SCHEMA_ID, SCHEMAS, case_schema, schema_text
from perfscore.pipeline import Rules, evaluate_data, evaluate_path, read_json
from perfscore.rubrics.loading import (
    DEFAULT_DEPARTMENT_RUBRIC,
    DEFAULT_RUBRIC,
    load_department_rubric,
    load_rubric,
    rubric_kind,
    shipped,
)

Validators = dict[str, jsonschema.Draft202012Validator]


def _validators() -> Validators:
    """Each kind's schema; a department's embedded projects refer to the project schema."""
    registry: Registry[Any] = Registry().with_resource(
        SCHEMA_ID, Resource.from_contents(case_schema())
    )
    return {
        kind: jsonschema.Draft202012Validator(case_schema(kind), registry=registry)
        for kind in SCHEMAS
    }


def _validate_one(path: Path, rules: Rules, validators: Validators) -> list[PerfscoreError]:
    """What stops ``perfscore evaluate`` from scoring ``path`` (each table of a workbook), and
    then, for a case file, whatever the published JSON Schema refuses in the data just scored."""
    if is_workbook(path):
        return [o.error for o in evaluate_path(path, rules) if o.error is not None]
    file = str(path)
    try:
        text, data = read_json(path, rules.limits)
        evaluate_data(data, rules, file, text)
    except PerfscoreError as error:
        return [error.in_file(file)]
    validator = validators["department" if is_department(data) else "project"]
    problem = next(iter(validator.iter_errors(data)), None)
    if problem is None:
        return []
    message = f"不符合 JSON Schema：{problem.message}"
    return [CaseError(message, file=file, path=json_path(list(problem.absolute_path)))]


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rubric_option
def validate(paths: Sequence[str], rubric: str) -> int:
    """校验案例文件（项目或部门整体，或 Excel 自评表）：evaluate 能否评分（同一 --rubric），
    以及案例 JSON 是否符合 JSON Schema。"""
    validators = _validators()
    run = rules(rubric)
    bad = 0
    for path in case_paths(paths, CASE_SUFFIXES):
        errors = _validate_one(path, run, validators)
        for error in errors:
            click.echo(str(error), err=True)
        if not errors:
            click.echo(f"{path}: 有效")
        bad += bool(errors)
    return BAD_INPUT if bad else OK


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入文件。")
@click.option(
    "--kind",
    type=click.Choice(list(SCHEMAS)),
    default="project",
    show_default=True,
    help="project：项目支出绩效自评案例；department：部门整体评价与决算案例。",
)
def schema(output: str | None, kind: str) -> None:
    """输出案例格式的 JSON Schema。"""
    write(schema_text(kind), output)


def _rubric_data(name: str) -> dict[str, Any]:
    """The rubric ``name`` (either kind) as JSON data."""
    if rubric_kind(name) == "department":
        return load_department_rubric(name).model_dump(mode="json")
    return load_rubric(name).model_dump(mode="json")


def _rubric_line(name: str) -> tuple[bool, bool, str]:
    """(is a department rubric, is not the default of its kind, its line in the listing)."""
    data = _rubric_data(name)
    department = data.get("kind") == "department"
    base = f"（基于 {data['extends']}）" if data["extends"] else ""
    default = DEFAULT_DEPARTMENT_RUBRIC if department else DEFAULT_RUBRIC
    marks = ["部门整体"] if department else []
    marks += ["默认"] if name == default else []
    mark = f" [{'，'.join(marks)}]" if marks else ""
    return department, name != default, f"{name}{mark}: {data['title']}{base}"


@click.command()
@click.option("--show", metavar="NAME", help="显示该评分规则（合并 extends 之后）的全部内容。")
def rubrics(show: str | None) -> None:
    """列出内置评分规则：先项目评分规则，后部门整体评价规则（标 [部门整体]），默认者居首。"""
    if show is not None:
        click.echo(json.dumps(_rubric_data(show), ensure_ascii=False, indent=2))
        return
    lines = sorted(_rubric_line(name) for name in shipped())
    for *_, line in lines:
        click.echo(line)


__all__ = ["rubrics", "schema", "validate"]
