"""The ``perfscore`` command: thin click commands over :mod:`perfscore.pipeline` and the renderers.

Each command parses its options, calls the engine and returns its exit status; this module alone
turns errors into statuses: 0 scored; 1 a finding reached ``--fail-on``; 2 bad input or usage
(a ``PerfscoreError``, said in one line on stderr); 130 stopped by Ctrl-C (as a shell reports a
command ended by SIGINT). A command's module is imported only when that command runs, so
``perfscore evaluate case.json`` never loads the Excel, Word or template libraries.
"""

from __future__ import annotations

import importlib
from typing import IO, Any, Final

import click

from perfscore import __version__
from perfscore.cli.status import BAD_INPUT, INTERRUPTED
from perfscore.errors import PerfscoreError
from perfscore.input.limits import configured, parse_setting

#: Command name -> (module, function): imported when the command is looked up.
COMMANDS: Final = {
    "evaluate": ("perfscore.cli.score", "evaluate_command"),
    "review": ("perfscore.cli.review", "review_command"),
    "report": ("perfscore.cli.report", "report"),
    "import": ("perfscore.cli.forms", "import_command"),
    "template": ("perfscore.cli.forms", "template"),
    "validate": ("perfscore.cli.cases", "validate"),
    "schema": ("perfscore.cli.cases", "schema"),
    "rubrics": ("perfscore.cli.cases", "rubrics"),
    "checks": ("perfscore.cli.checks", "checks_command"),
    "serve": ("perfscore.cli.serve", "serve_command"),
}


class Interrupted(click.ClickException):
    """Ctrl-C: one line, exit status 130, no traceback."""

    exit_code = INTERRUPTED

    def __init__(self) -> None:
        super().__init__("已中断（Ctrl-C）")

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"perfscore: {self.message}", err=True)


class Perfscore(click.Group):
    """The command group: commands loaded lazily, errors and returned statuses made exits."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), name)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            status = super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted from None
        except PerfscoreError as error:
            click.echo(str(error), err=True)
            ctx.exit(BAD_INPUT)
        if isinstance(status, int) and status:
            ctx.exit(status)
        return status


@click.group(cls=Perfscore, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perfscore")
@click.option(
    "--limit",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="调高输入限制（可多次）：file_bytes、line_bytes、depth、items、text；默认值见 README。",
)
@click.pass_context
def main(ctx: click.Context, settings: tuple[str, ...]) -> None:
    """perfscore：预算绩效自评计分与复核。"""
    ctx.obj = configured(dict(parse_setting(s) for s in settings))


__all__ = ["COMMANDS", "main"]
