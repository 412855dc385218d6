"""What every command shares: exit statuses, options, and failing with one line."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any, Final, NoReturn

import click

from perfscore.errors import PerfscoreError
from perfscore.input.forms import DEFAULT_LAYOUT, LAYOUTS
from perfscore.rendering.mixed import Result
from perfscore.rendering.output import write_text
from perfscore.review.batch import Rules, evaluate_paths, rules_named
from perfscore.rubrics.loading import DEFAULT_RUBRIC, load_rubric
from perfscore.rubrics.model import Rubric

BAD_INPUT: Final = 2
FAILED: Final = 1
INTERRUPTED: Final = 130  # Ctrl-C, as a shell reports a command ended by SIGINT
Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def rubric_or_exit(name: str) -> Rubric:
    """The rubric ``--rubric`` names; one line and exit 2 if it cannot be loaded."""
    try:
        return load_rubric(name)
    except PerfscoreError as error:
        fail(str(error))


def write_or_exit(text: str, output: str | None) -> None:
    """``text`` to ``-o`` (atomically) or stdout; one line and exit 2 if it cannot be written."""
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        write_text(text, output)
    except PerfscoreError as error:
        fail(str(error))


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


def format_option(choices: Sequence[str], default: str, help_text: str) -> Decorator:
    """``-f/--format``, one of ``choices``."""
    return click.option(
        "-f",
        "--format",
        "form",
        type=click.Choice(list(choices)),
        default=default,
        show_default=True,
        help=help_text,
    )


fail_on_option = click.option(
    "--fail-on", type=click.Choice(["warning", "error"]), help="有该级别及以上问题时以状态 1 退出。"
)


def fail(message: str) -> NoReturn:
    """Bad input or usage: ``message`` on stderr, exit status 2."""
    click.echo(message, err=True)
    sys.exit(BAD_INPUT)


def rules_or_exit(name: str) -> Rules:
    """``--rubric`` of either kind (see :func:`perfscore.batch.rules_named`); exit 2 if bad."""
    try:
        return rules_named(name)
    except PerfscoreError as error:
        fail(str(error))


def scored(paths: Sequence[str], rules: Rules) -> tuple[list[Result], int]:
    """Every case scored, in input order; each bad one said on stderr and counted."""
    results: list[Result] = []
    bad = 0
    for outcome in evaluate_paths(paths, rules):
        for note in outcome.notes:
            click.echo(f"提示：{outcome.path}: {note}", err=True)
        result = outcome.evaluation or outcome.department
        if result is not None:
            results.append(result)
        else:
            bad += 1
            click.echo(str(outcome.error), err=True)
    return results, bad


__all__ = [
    "BAD_INPUT",
    "FAILED",
    "INTERRUPTED",
    "fail",
    "fail_on_option",
    "format_option",
    "layout_option",
    "rubric_option",
    "rubric_or_exit",
    "rules_or_exit",
    "scored",
    "write_or_exit",
]
