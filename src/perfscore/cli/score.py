"""``perfscore evaluate``: cases scored, one file or many, in any registered format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from perfscore.cli.common import (
    fail_on_option,
    fails,
    format_option,
    layout_option,
    rubric_option,
    rules,
    scored,
    write,
)
from perfscore.cli.status import BAD_INPUT, FAILED, OK
from perfscore.errors import PerfscoreError
from perfscore.pipeline import Result
from perfscore.rendering.output import write_content
from perfscore.rendering.registry import evaluate_renderer, formats, registered
from perfscore.rubrics.model import Severity


@click.command(name="evaluate")
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
def evaluate_command(
    paths: Sequence[str],
    *,
    rubric: str,
    form: str,
    output: str | None,
    layout: str,
    fail_on: Severity | None,
) -> int:
    """计分：PATH 为案例 JSON（项目或部门整体）、Excel 自评表（.xlsx）或文件夹（递归查找）。

    --rubric 可为项目评分规则（部门整体案例按默认的部门规则评分）或部门整体评分规则（其项目按该规则
    指定的项目规则评分）。
    """
    if registered("evaluate", form).needs_output and output is None:
        raise PerfscoreError(f"{form} 格式须用 -o 指定输出文件")
    results, bad = scored(paths, rules(rubric))
    if results:
        _render(results, form, output, layout, single=_single(paths, results))
    if bad or not results:
        return BAD_INPUT
    return FAILED if fails(results, fail_on) else OK


def _single(paths: Sequence[str], results: Sequence[Result]) -> bool:
    """One file named, giving one case: JSON output is that case's object, not a list."""
    return len(paths) == 1 and not Path(paths[0]).is_dir() and len(results) == 1


def _render(
    results: Sequence[Result], form: str, output: str | None, layout: str, *, single: bool
) -> None:
    content = evaluate_renderer(form)(results, single=single, layout=layout)
    if isinstance(content, str):
        write(content, output)
    else:
        write_content(content, output)


__all__ = ["evaluate_command"]
