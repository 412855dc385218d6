"""``perfscore review``: a whole batch re-scored for the finance bureau, with its summary."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

import click

from perfscore.cli.common import fail_on_option, format_option, limits, rubric_option
from perfscore.cli.status import BAD_INPUT, FAILED, OK
from perfscore.rendering.registry import formats
from perfscore.review.job import Job, Reviewed, input_files, is_large, review
from perfscore.rubrics.loading import REVIEW_RUBRIC, load_rubric
from perfscore.rubrics.model import Severity


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
) -> int:
    """复核一批提交：PATH 为案例文件、文件夹（递归查找 *.json、*.jsonl）或 JSON Lines 文件。"""
    files = input_files(paths)
    job = Job(
        files, load_rubric(rubric), load_rubric(review_rubric), form, output,  # type: ignore[arg-type]
        jobs or os.cpu_count() or 1, limits(),
    )  # fmt: skip
    large, size = is_large(files)
    show = sys.stderr.isatty() and large if progress is None else progress
    if show:
        with click.progressbar(length=size, label="复核", file=sys.stderr) as bar:
            done = review(job, bar.update)
    else:
        done = review(job)
    return _review_status(done, job, fail_on)


def _review_status(done: Reviewed, job: Job, fail_on: Severity | None) -> int:
    summary = done.summary
    if job.form == "csv":
        from perfscore.rendering.review import summary_text  # noqa: PLC0415

        click.echo(summary_text(summary, job.mine, job.strict), err=True)
    if summary.inputs == 0:
        click.echo("没有找到可复核的提交（*.json、*.jsonl）", err=True)
        return BAD_INPUT
    if summary.errors:
        click.echo(f"{summary.errors} 份提交无法评分，见输出中的错误行", err=True)
        return BAD_INPUT
    return FAILED if done.fails(fail_on) else OK


__all__ = ["review_command"]
