"""``perfscore report``: the 自评报告 of each case, in any registered report format."""

from __future__ import annotations

from collections.abc import Sequence

import click

from perfscore.cli.common import format_option, rubric_option, rules, scored
from perfscore.cli.status import BAD_INPUT, OK
from perfscore.errors import PerfscoreError
from perfscore.models.results import Evaluation
from perfscore.rendering.output import atomic_output, confined
from perfscore.rendering.registry import formats, registered, report_renderer
from perfscore.rendering.report.files import file_stem, is_folder, make_folder, unique_names

_NO_DEPARTMENT_REPORT = (
    "部门整体评价没有项目自评报告：请用 perfscore evaluate --format markdown，"
    "或对其项目案例逐个生成报告"
)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rubric_option
@format_option(
    formats("report"),
    "md",
    "md：Markdown；html：单个网页文件（可打印）；docx：Word 文档（须用 -o）。",
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
    paths: Sequence[str], *, rubric: str, form: str, output: str | None, templates: str | None
) -> int:
    """自评报告：PATH 为案例 JSON、Excel 自评表或文件夹，每个项目一份报告。"""
    results, bad = scored(paths, rules(rubric))
    evaluations = [r for r in results if isinstance(r, Evaluation)]
    for department in (r for r in results if not isinstance(r, Evaluation)):
        click.echo(f"提示：{department.source}: {_NO_DEPARTMENT_REPORT}", err=True)
    if evaluations:
        _reports(evaluations, form, output, templates)
    return BAD_INPUT if bad or not evaluations else OK


def _reports(
    evaluations: Sequence[Evaluation], form: str, output: str | None, templates: str | None
) -> None:
    several = len(evaluations) > 1
    chosen, render = registered("report", form), report_renderer(form)
    if output is None and (several or chosen.needs_output):
        raise PerfscoreError("多个案例或 docx 格式须用 -o 指定输出（多个案例时为文件夹）")
    if output is None or not is_folder(output, several):
        with atomic_output(output) as stream:
            stream.write(render(evaluations[0], templates))
        return
    folder = make_folder(output)
    stems = [file_stem(e.case.project) for e in evaluations]
    for evaluation, name in zip(evaluations, unique_names(stems, chosen.suffix), strict=True):
        with atomic_output(confined(folder, name)) as stream:
            stream.write(render(evaluation, templates))
        click.echo(str(folder / name))


__all__ = ["report"]
