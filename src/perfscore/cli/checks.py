"""``perfscore checks [CODE]``: every finding code listed, or one explained (as ``ruff rule``)."""

from __future__ import annotations

import click

from perfscore.checks.explain import described
from perfscore.cli.common import format_option


@click.command("checks")
@click.argument("code", required=False)
@format_option(["table", "json"], "table", "table：表格或说明文字；json：JSON 列表。")
def checks_command(code: str | None, form: str) -> None:
    """列出全部检查项（问题代码）；给出 CODE 时说明该项。

    说明含义、适用的评分规则、默认级别、选项及其默认值与示例消息。
    """
    click.echo(described(code, form), nl=False)


__all__ = ["checks_command"]
