"""The ``perfscore`` command: thin click commands over the engine.

Exit status: 0 scored; 1 a finding reached ``--fail-on``; 2 bad input or usage.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final

import click
import jsonschema

from . import __version__
from .batch import evaluate_paths, fails
from .errors import CaseError, PerfscoreError
from .loader import case_from_data, case_paths, json_path, parse_json, read_text
from .output import write_text
from .presets import DEFAULT_RUBRIC, REVIEW_RUBRIC, load_rubric, shipped
from .render import FORMATS
from .review import FORMATS as REVIEW_FORMATS
from .review import Plan, Reviewed, input_files, is_large, review
from .review.formats import summary_text
from .rubric import Rubric, Severity
from .schema import case_schema, schema_text

BAD_INPUT: Final = 2
FAILED: Final = 1


def _rubric(name: str) -> Rubric:
    try:
        return load_rubric(name)
    except PerfscoreError as error:
        click.echo(str(error), err=True)
        sys.exit(BAD_INPUT)


def _write(text: str, output: str | None) -> None:
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_text(text, output)
    except PerfscoreError as error:
        click.echo(str(error), err=True)
        sys.exit(BAD_INPUT)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perfscore")
def main() -> None:
    """perfscore：预算绩效自评计分与复核。"""


rubric_option = click.option(
    "-r",
    "--rubric",
    default=DEFAULT_RUBRIC,
    show_default=True,
    help="评分规则：内置名称（perfscore rubrics 列出）或 TOML 文件路径。",
)

fail_on_option = click.option(
    "--fail-on", type=click.Choice(["warning", "error"]), help="有该级别及以上问题时以状态 1 退出。"
)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rubric_option
@click.option(
    "-f", "--format", "form", type=click.Choice(list(FORMATS)), default="table", show_default=True
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="写入文件（默认输出到屏幕）。"
)
@fail_on_option
def evaluate(
    paths: Sequence[str], rubric: str, form: str, output: str | None, fail_on: Severity | None
) -> None:
    """计分：PATH 为案例 JSON 文件或文件夹（递归查找 *.json）。"""
    rules = _rubric(rubric)
    evaluations = []
    bad = 0
    for outcome in evaluate_paths(paths, rules):
        if outcome.evaluation is not None:
            evaluations.append(outcome.evaluation)
        else:
            bad += 1
            click.echo(str(outcome.error), err=True)
    single = len(paths) == 1 and not Path(paths[0]).is_dir()
    if evaluations:
        _write(FORMATS[form](evaluations, single), output)
    if bad or not evaluations:
        sys.exit(BAD_INPUT)
    if fails(evaluations, fail_on):
        sys.exit(FAILED)


@main.command(name="review")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rubric_option
@click.option(
    "--review-rubric",
    default=REVIEW_RUBRIC,
    show_default=True,
    help="复核口径的评分规则（严格口径），其 [review] 设置决定汇总方式。",
)
@click.option(
    "-f",
    "--format",
    "form",
    type=click.Choice(REVIEW_FORMATS),
    default="table",
    show_default=True,
    help="jsonl 按输入顺序逐行写出（内存占用不随批量增长），其余格式按差额从大到小排序。",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="写入文件（默认输出到屏幕）。"
)
@click.option(
    "-j", "--jobs", type=click.IntRange(min=0), default=1, show_default=True,
    help="并行进程数（0 为全部 CPU）；结果与单进程逐字节相同。",
)  # fmt: skip
@fail_on_option
@click.option(
    "--progress/--no-progress",
    default=None,
    help="在 stderr 显示进度条（默认：stderr 为终端且批量较大时显示）。",
)
def review_command(
    paths: Sequence[str],
    *,
    rubric: str,
    review_rubric: str,
    form: str,
    output: str | None,
    jobs: int,
    fail_on: Severity | None,
    progress: bool | None,
) -> None:
    """复核一批提交：PATH 为案例文件、文件夹（递归查找 *.json、*.jsonl）或 JSON Lines 文件。"""
    files = input_files(paths)
    plan = Plan(
        files, _rubric(rubric), _rubric(review_rubric), form, output,  # type: ignore[arg-type]
        jobs or os.cpu_count() or 1,
    )  # fmt: skip
    large, size = is_large(files)
    show = sys.stderr.isatty() and large if progress is None else progress
    try:
        if show:
            with click.progressbar(length=size, label="复核", file=sys.stderr) as bar:
                done = review(plan, bar.update)
        else:
            done = review(plan)
    except PerfscoreError as error:
        click.echo(str(error), err=True)
        sys.exit(BAD_INPUT)
    _review_status(done, plan, fail_on)


def _review_status(done: Reviewed, plan: Plan, fail_on: Severity | None) -> None:
    summary = done.summary
    if plan.form == "csv":
        click.echo(summary_text(summary, plan.mine, plan.strict), err=True)
    if summary.inputs == 0:
        click.echo("没有找到可复核的提交（*.json、*.jsonl）", err=True)
        sys.exit(BAD_INPUT)
    if summary.errors:
        click.echo(f"{summary.errors} 份提交无法评分，见输出中的错误行", err=True)
        sys.exit(BAD_INPUT)
    if done.fails(fail_on):
        sys.exit(FAILED)


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


@main.command()
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


@main.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="写入文件。")
def schema(output: str | None) -> None:
    """输出案例格式的 JSON Schema。"""
    _write(schema_text(), output)


@main.command()
@click.option("--show", metavar="NAME", help="显示该评分规则（合并 extends 之后）的全部内容。")
def rubrics(show: str | None) -> None:
    """列出内置评分规则。"""
    if show is not None:
        rules = _rubric(show)
        click.echo(json.dumps(rules.model_dump(mode="json"), ensure_ascii=False, indent=2))
        return
    for name in shipped():
        rules = _rubric(name)
        base = f"（基于 {rules.extends}）" if rules.extends else ""
        default = " [默认]" if name == DEFAULT_RUBRIC else ""
        click.echo(f"{name}{default}: {rules.title}{base}")
