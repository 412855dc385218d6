"""``perfscore validate``, ``schema`` and ``rubrics``: the case format and the rubrics."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path

import click
import jsonschema

from ..errors import CaseError, PerfscoreError
from ..loader import case_from_data, case_paths, json_path, parse_json, read_text
from ..presets import DEFAULT_RUBRIC, shipped
from ..schema import case_schema, schema_text
from .common import BAD_INPUT, rubric_or_exit, write_or_exit


def _validate_one(path: Path, validator: jsonschema.Draft202012Validator) -> PerfscoreError | None:
    try:
        data = parse_json(read_text(path), str(path))
        case_from_data(data, str(path))
    except PerfscoreError as error:
        return error.in_file(str(path))
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
    """校验案例文件是否符合案例格式（JSON Schema 与数据模型）。"""
    validator = jsonschema.Draft202012Validator(case_schema())
    bad = 0
    for path in case_paths(paths):
        error = _validate_one(path, validator)
        if error is None:
            click.echo(f"{path}: 有效")
        else:
            bad += 1
            click.echo(str(error), err=True)
    if bad:
        sys.exit(BAD_INPUT)


@click.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入文件。")
def schema(output: str | None) -> None:
    """输出案例格式的 JSON Schema。"""
    write_or_exit(schema_text(), output)


@click.command()
@click.option("--show", metavar="NAME", help="显示该评分规则（合并 extends 之后）的全部内容。")
def rubrics(show: str | None) -> None:
    """列出内置评分规则。"""
    if show is not None:
        rules = rubric_or_exit(show)
        click.echo(json.dumps(rules.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    for name in shipped():
        rules = rubric_or_exit(name)
        base = f"（基于 {rules.extends}）" if rules.extends else ""
        default = " [默认]" if name == DEFAULT_RUBRIC else ""
        click.echo(f"{name}{default}: {rules.title}{base}")


__all__ = ["rubrics", "schema", "validate"]
