"""The ``perfscore`` command: thin click commands over the engine.

Exit status: 0 scored; 1 a finding reached ``--fail-on``; 2 bad input or usage.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Final, NoReturn

import click
import jsonschema

from . import __version__
from .batch import evaluate_paths, fails
from .errors import CaseError, PerfscoreError
from .forms import DEFAULT_LAYOUT, LAYOUTS
from .forms.convert import import_forms, write_cases
from .forms.filled import write_filled
from .forms.template import write_template
from .loader import case_from_data, case_paths, json_path, parse_json, read_text
from .output import atomic_output, write_text
from .presets import DEFAULT_RUBRIC, REVIEW_RUBRIC, load_rubric, shipped
from .render import FORMATS
from .results import Evaluation
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

layout_option = click.option(
    "--layout",
    type=click.Choice(list(LAYOUTS)),
    default=DEFAULT_LAYOUT,
    show_default=True,
    help="自评表式样：sichuan-2023（四川 2023 年部门预算项目支出绩效自评表）"
    "或 mof-2020（财预〔2020〕10号 附件1 项目支出绩效自评表）。",
)

fail_on_option = click.option(
    "--fail-on", type=click.Choice(["warning", "error"]), help="有该级别及以上问题时以状态 1 退出。"
)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rubric_option
@click.option(
    "-f",
    "--format",
    "form",
    type=click.Choice([*FORMATS, "xlsx"]),
    default="table",
    show_default=True,
    help="xlsx：按自评表格式填入重算的执行率与得分，另附问题清单（须用 -o）。",
)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="写入文件（默认输出到屏幕）。"
)
@layout_option
@fail_on_option
def evaluate(
    paths: Sequence[str],
    *,
    rubric: str,
    form: str,
    output: str | None,
    layout: str,
    fail_on: Severity | None,
) -> None:
    """计分：PATH 为案例 JSON、Excel 自评表（.xlsx）或文件夹（递归查找两者）。"""
    if form == "xlsx" and output is None:
        _fail("xlsx 格式须用 -o 指定输出文件")
    rules = _rubric(rubric)
    evaluations = []
    bad = 0
    for outcome in evaluate_paths(paths, rules):
        for note in outcome.notes:
            click.echo(f"提示：{outcome.path}: {note}", err=True)
        if outcome.evaluation is not None:
            evaluations.append(outcome.evaluation)
        else:
            bad += 1
            click.echo(str(outcome.error), err=True)
    if evaluations:
        _render(evaluations, form, output, layout, single=_single(paths, evaluations))
    if bad or not evaluations:
        sys.exit(BAD_INPUT)
    if fails(evaluations, fail_on):
        sys.exit(FAILED)


def _single(paths: Sequence[str], evaluations: Sequence[Evaluation]) -> bool:
    """One file named, giving one case: JSON output is that case's object, not a list."""
    return len(paths) == 1 and not Path(paths[0]).is_dir() and len(evaluations) == 1


def _render(
    evaluations: Sequence[Evaluation], form: str, output: str | None, layout: str, *, single: bool
) -> None:
    if form != "xlsx":
        _write(FORMATS[form](evaluations, single), output)
        return
    try:
        with atomic_output(output) as stream:
            write_filled(evaluations, stream, layout)
    except PerfscoreError as error:
        _fail(str(error))


def _fail(message: str) -> NoReturn:
    click.echo(message, err=True)
    sys.exit(BAD_INPUT)


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


@main.command(name="import")
@click.argument("forms", nargs=-1, required=True, type=click.Path())
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False),
    help="写入文件：一个项目表写成 JSON，多个写成 JSON Lines（须以 .jsonl 结尾）。",
)
@click.option(
    "-d", "--directory", type=click.Path(file_okay=False), help="每个项目表写成一个 JSON 文件。"
)
def import_command(forms: Sequence[str], output: str | None, directory: str | None) -> None:
    """把 Excel 自评表（.xlsx，或其文件夹）转换为案例 JSON：每个项目表一个案例。"""
    done = import_forms(forms)
    for table in done.tables:
        for note in table.notes:
            click.echo(f"提示：{table.file}: {note}", err=True)
    for error in done.errors:
        click.echo(str(error), err=True)
    if done.tables:
        try:
            write_cases(done.tables, output, directory)
        except PerfscoreError as error:
            _fail(str(error))
    if done.errors or not done.tables:
        if not done.tables and not done.errors:
            click.echo("没有找到 Excel 自评表（*.xlsx）", err=True)
        sys.exit(BAD_INPUT)


@main.command()
@layout_option
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), required=True, help="写入的 .xlsx 文件。"
)
@click.option(
    "--rows", type=click.IntRange(min=1, max=200), default=20, show_default=True,
    help="绩效指标的空行数。",
)  # fmt: skip
def template(layout: str, output: str, rows: int) -> None:
    """生成空白自评表（带下拉列表与填写提示），填好后可直接 evaluate 或 import。"""
    try:
        with atomic_output(output) as stream:
            write_template(layout, stream, rows)
    except PerfscoreError as error:
        _fail(str(error))


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
