"""``perfscore evaluate`` and ``perfscore review``: scoring cases, one or a whole batch."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from perfscore.cli.common import (
    BAD_INPUT,
    FAILED,
    fail,
    fail_on_option,
    format_option,
    layout_option,
    rubric_option,
    rubric_or_exit,
    rules_or_exit,
    scored,
    write_or_exit,
)
from perfscore.errors import PerfscoreError
from perfscore.rendering.mixed import Result
from perfscore.rendering.output import write_content
from perfscore.rendering.registry import evaluate_renderer, formats, registered
from perfscore.rendering.review import summary_text
from perfscore.review import Plan, Reviewed, input_files, is_large, review
from perfscore.review.batch import fails
from perfscore.rubrics.loading import REVIEW_RUBRIC
from perfscore.rubrics.model import Severity


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rubric_option
@format_option(
    formats("evaluate"),
    "table",
    "xlsx：按自评表格式填入重算的执行率与得分，另附问题清单（须用 -o）。",
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
    """计分：PATH 为案例 JSON（项目或部门整体）、Excel 自评表（.xlsx）或文件夹（递归查找）。

    --rubric 可为项目评分规则（部门整体案例按默认的部门规则评分）或部门整体评分规则（其项目按该规则
    指定的项目规则评分）。
    """
    if registered("evaluate", form).needs_output and output is None:
        fail(f"{form} 格式须用 -o 指定输出文件")
    results, bad = scored(paths, rules_or_exit(rubric))
    if results:
        _render(results, form, output, layout, single=_single(paths, results))
    if bad or not results:
        sys.exit(BAD_INPUT)
    if fails(results, fail_on):
        sys.exit(FAILED)


def _single(paths: Sequence[str], results: Sequence[Result]) -> bool:
    """One file named, giving one case: JSON output is that case's object, not a list."""
    return len(paths) == 1 and not Path(paths[0]).is_dir() and len(results) == 1


def _render(
    results: Sequence[Result], form: str, output: str | None, layout: str, *, single: bool
) -> None:
    try:
        content = evaluate_renderer(form)(results, single=single, layout=layout)
    except PerfscoreError as error:
        fail(str(error))
    if isinstance(content, str):
        write_or_exit(content, output)
        return
    try:
        write_content(content, output)
    except PerfscoreError as error:
        fail(str(error))


@click.command(name="review")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@rubric_option
@click.option(
    "--review-rubric",
    default=REVIEW_RUBRIC,
    show_default=True,
    help="复核口径的评分规则（严格口径），其 [review] 设置决定汇总方式。",
)
@format_option(
    formats("review"),
    "table",
    "jsonl 按输入顺序逐行写出（内存占用不随批量增长），其余格式按差额从大到小排序。",
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
        files, rubric_or_exit(rubric), rubric_or_exit(review_rubric), form, output,  # type: ignore[arg-type]
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


__all__ = ["evaluate", "review_command"]
