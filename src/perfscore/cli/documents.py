"""``perfscore report``, ``import`` and ``template``: reports and Excel forms."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from perfscore.cli.common import (
    BAD_INPUT,
    fail,
    format_option,
    layout_option,
    rubric_option,
    rubric_or_exit,
    rules_or_exit,
    scored,
)
from perfscore.errors import PerfscoreError
from perfscore.input.forms.convert import import_forms, write_cases
from perfscore.models.results import Evaluation
from perfscore.rendering.forms.template import write_template
from perfscore.rendering.output import atomic_output, confined
from perfscore.rendering.report import FORMATS as REPORT_FORMATS
from perfscore.rendering.report import (
    SUFFIXES,
    Format,
    file_stem,
    is_folder,
    make_folder,
    render_report,
    unique_names,
)

_NO_DEPARTMENT_REPORT = (
    "部门整体评价没有项目自评报告：请用 perfscore evaluate --format markdown，"
    "或对其项目案例逐个生成报告"
)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rubric_option
@format_option(
    REPORT_FORMATS, "md", "md：Markdown；html：单个网页文件（可打印）；docx：Word 文档（须用 -o）。"
)
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="写入文件；多个案例时为文件夹，每个案例一个报告（按项目编码和名称命名）。",
)
@click.option(
    "--template",
    "templates",
    type=click.Path(file_okay=False),
    help="报告模板文件夹：其中的 text.j2、report.md.j2 等替换内置模板，可改写措辞。",
)
def report(
    paths: Sequence[str], *, rubric: str, form: Format, output: str | None, templates: str | None
) -> None:
    """自评报告：PATH 为案例 JSON、Excel 自评表或文件夹，每个项目一份报告。"""
    results, bad = scored(paths, rules_or_exit(rubric))
    evaluations = [r for r in results if isinstance(r, Evaluation)]
    for department in (r for r in results if not isinstance(r, Evaluation)):
        click.echo(f"提示：{department.source}: {_NO_DEPARTMENT_REPORT}", err=True)
    try:
        if evaluations:
            _reports(evaluations, form, output, templates)
    except PerfscoreError as error:
        fail(str(error))
    if bad or not evaluations:
        sys.exit(BAD_INPUT)


def _reports(
    evaluations: Sequence[Evaluation], form: Format, output: str | None, templates: str | None
) -> None:
    several = len(evaluations) > 1
    if output is None and (several or form == "docx"):
        raise PerfscoreError("多个案例或 docx 格式须用 -o 指定输出（多个案例时为文件夹）")
    if output is None or not is_folder(output, several):
        with atomic_output(output) as stream:
            stream.write(render_report(evaluations[0], form, templates))
        return
    folder = make_folder(output)
    stems = [file_stem(e.case.project) for e in evaluations]
    for evaluation, name in zip(evaluations, unique_names(stems, SUFFIXES[form]), strict=True):
        with atomic_output(confined(folder, name)) as stream:
            stream.write(render_report(evaluation, form, templates))
        click.echo(str(folder / name))


@click.command(name="import")
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
            fail(str(error))
    if done.errors or not done.tables:
        if not done.tables and not done.errors:
            click.echo("没有找到 Excel 自评表（*.xlsx）", err=True)
        sys.exit(BAD_INPUT)


@click.command()
@layout_option
@rubric_option  # the 一级指标 drop-down lists its levels
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), required=True, help="写入的 .xlsx 文件。"
)
@click.option(
    "--rows", type=click.IntRange(min=1, max=200), default=20, show_default=True,
    help="绩效指标的空行数。",
)  # fmt: skip
def template(layout: str, rubric: str, output: str, rows: int) -> None:
    """生成空白自评表（带下拉列表与填写提示），填好后可直接 evaluate 或 import。"""
    rules = rubric_or_exit(rubric)
    try:
        with atomic_output(output) as stream:
            write_template(layout, stream, rules, rows)
    except PerfscoreError as error:
        fail(str(error))


__all__ = ["import_command", "report", "template"]
