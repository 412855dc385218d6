"""``perfscore import`` and ``template``: the Excel forms people fill, read and drawn."""

from __future__ import annotations

from collections.abc import Sequence

import click

from perfscore.cli.common import layout_option, limits, rubric_option
from perfscore.cli.status import BAD_INPUT, OK
from perfscore.input.forms.convert import import_forms
from perfscore.rendering.casefile import write_cases
from perfscore.rendering.forms.template import write_template
from perfscore.rendering.output import atomic_output
from perfscore.rubrics.loading import load_rubric


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
def import_command(forms: Sequence[str], output: str | None, directory: str | None) -> int:
    """把 Excel 自评表（.xlsx，或其文件夹）转换为案例 JSON：每个项目表一个案例。"""
    done = import_forms(forms, limits())
    for table in done.tables:
        for note in table.notes:
            click.echo(f"提示：{table.file}: {note}", err=True)
    for error in done.errors:
        click.echo(str(error), err=True)
    if done.tables:
        write_cases(done.tables, output, directory)
    if not done.tables and not done.errors:
        click.echo("没有找到 Excel 自评表（*.xlsx）", err=True)
    return BAD_INPUT if done.errors or not done.tables else OK


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
    chosen = load_rubric(rubric)
    with atomic_output(output) as stream:
        write_template(layout, stream, chosen, rows)


__all__ = ["import_command", "template"]
