"""The ``perfscore`` command: thin click commands over the engine.

Exit status: 0 scored; 1 a finding reached ``--fail-on``; 2 bad input or usage.
"""

from __future__ import annotations

import click

from .. import __version__, limits
from ..errors import PerfscoreError
from .cases import rubrics, schema, validate
from .common import fail
from .documents import import_command, report, template
from .score import evaluate, review_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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


COMMANDS = (evaluate, review_command, report, import_command, template, validate, schema, rubrics)
for command in COMMANDS:
    main.add_command(command)

__all__ = ["main"]
