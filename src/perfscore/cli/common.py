"""What the commands share: their options, the rules and limits a run uses, and writing output."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import click

from perfscore.input.forms.layout import DEFAULT_LAYOUT, LAYOUTS
from perfscore.input.limits import DEFAULT, Limits
from perfscore.models.results import SEVERITY_RANK, Finding
from perfscore.pipeline import Result, Rules, evaluate_paths, rules_named
from perfscore.rendering.output import write_text
from perfscore.rubrics.loading import DEFAULT_RUBRIC
from perfscore.rubrics.model import Severity

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def limits() -> Limits:
    """The input limits ``perfscore --limit`` set (the defaults when run without the group)."""
    context = click.get_current_context(silent=True)
    found = context.find_root().obj if context is not None else None
    return found if isinstance(found, Limits) else DEFAULT


def rules(name: str) -> Rules:
    """``--rubric`` of either kind (see :func:`perfscore.pipeline.rules_named`), with the limits."""
    return rules_named(name, limits())


def write(text: str, output: str | None) -> None:
    """``text`` to ``-o`` (atomically) or stdout."""
    if output is None:
        click.echo(text, nl=False)
        return
    write_text(text, output)


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


def scored(paths: Sequence[str], rules: Rules) -> tuple[list[Result], int]:
    """Every case scored, in input order; each bad one said on stderr and counted."""
    results: list[Result] = []
    bad = 0
    for outcome in evaluate_paths(paths, rules):
        for note in outcome.notes:
            click.echo(f"提示：{outcome.path}: {note}", err=True)
        if outcome.result is not None:
            results.append(outcome.result)
        else:
            bad += 1
            click.echo(str(outcome.error), err=True)
    return results, bad


def fails(results: Sequence[Result], level: Severity | None) -> bool:
    """Whether any finding reaches ``level`` (``--fail-on``)."""
    if level is None:
        return False
    floor = SEVERITY_RANK[level]
    findings: list[Finding] = [f for result in results for f in result.findings]
    return any(SEVERITY_RANK[f.severity] >= floor for f in findings)


__all__ = [
    "fail_on_option",
    "fails",
    "format_option",
    "layout_option",
    "limits",
    "rubric_option",
    "rules",
    "scored",
    "write",
]
