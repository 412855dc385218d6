"""The ``perfscore`` command: thin click commands over the engine.

Exit status: 0 scored; 1 a finding reached ``--fail-on``; 2 bad input or usage; 130 stopped by
Ctrl-C (as a shell reports a command ended by SIGINT).
"""

from __future__ import annotations

from typing import IO, Any

import click

from perfscore import __version__
from perfscore.cli.cases import rubrics, schema, validate
from perfscore.cli.checks import checks_command
from perfscore.cli.common import INTERRUPTED, fail
from perfscore.cli.documents import import_command, report, template
from perfscore.cli.score import evaluate, review_command
from perfscore.errors import PerfscoreError
from perfscore.input import limits


class Interrupted(click.ClickException):
    """Ctrl-C: one line in Chinese and exit 130, not click's "Aborted!" and 1."""

    exit_code = INTERRUPTED

    def __init__(self) -> None:
        super().__init__("已中断（Ctrl-C）")

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"perfscore: {self.message}", err=True)


class Perfscore(click.Group):
    """The command group; a command stopped by Ctrl-C ends with :class:`Interrupted`."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted from None


@click.group(cls=Perfscore, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perfscore")
@click.option(
    "--limit",
    "settings",
    multiple=True,
    metavar="NAME=VALUE",
    help="调高输入限制（可多次）：file_bytes、line_bytes、depth、items、text；默认值见 README。",
)
def main(settings: tuple[str, ...]) -> None:
    """perfscore：预算绩效自评计分与复核。"""
    try:
        limits.configure(dict(limits.parse_setting(s) for s in settings))
    except PerfscoreError as error:
        fail(str(error))


COMMANDS = (
    evaluate,
    review_command,
    report,
    import_command,
    template,
    validate,
    schema,
    rubrics,
    checks_command,
)
for command in COMMANDS:
    main.add_command(command)

__all__ = ["main"]
