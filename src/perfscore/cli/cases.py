"""``perfscore validate``, ``schema`` and ``rubrics``: the case format and the rubrics."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click
import jsonschema
from referencing import Registry, Resource

from perfscore.cli.common import BAD_INPUT, fail, rubric_or_exit, write_or_exit
from perfscore.errors import CaseError, PerfscoreError
from perfscore.input.department import department_from_data, is_department
from perfscore.input.jsonfile import case_from_data, case_paths, json_path, parse_json, read_text
from perfscore.models.schema import SCHEMA_ID, SCHEMAS, case_schema, schema_text
from perfscore.rubrics.loading import (
    DEFAULT_DEPARTMENT_RUBRIC,
    DEFAULT_RUBRIC,
    load_department_rubric,
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


def _validate_one(path: Path, validators: Validators) -> PerfscoreError | None:
    try:
        data = parse_json(read_text(path), str(path))
        department = is_department(data)
        if department:
            department_from_data(data, str(path))
        else:
            case_from_data(data, str(path))
    except PerfscoreError as error:
        return error.in_file(str(path))
    validator = validators["department" if department else "project"]
    problem = next(iter(validator.iter_errors(data)), None)
    if problem is None:
        return None
    return CaseError(
        f"不符合 JSON Schema：{problem.message}",
        file=str(path),
        path=json_path(list(problem.absolute_path)),
    )


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
def validate(paths: Sequence[str]) -> None:
    """校验案例文件（项目或部门整体）是否符合案例格式（JSON Schema 与数据模型）。"""
    validators = _validators()
    bad = 0
    for path in case_paths(paths):
        error = _validate_one(path, validators)
        if error is None:
            click.echo(f"{path}: 有效")
        else:
            bad += 1
            click.echo(str(error), err=True)
    if bad:
        sys.exit(BAD_INPUT)


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
    write_or_exit(schema_text(kind), output)


def _rubric_data(name: str) -> dict[str, Any]:
    """The rubric ``name`` (either kind) as JSON data; one line and exit 2 if it cannot load."""
    try:
        if rubric_kind(name) == "department":
            return load_department_rubric(name).model_dump(mode="json")
    except PerfscoreError as error:
        fail(str(error))
    return rubric_or_exit(name).model_dump(mode="json")


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
    try:
        lines = sorted(_rubric_line(name) for name in shipped())
    except PerfscoreError as error:
        fail(str(error))
    for *_, line in lines:
        click.echo(line)


__all__ = ["rubrics", "schema", "validate"]
