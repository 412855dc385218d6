"""The ``perfscore`` command: thin click commands over the engine.

Exit status: 0 scored; 1 a finding reached ``--fail-on``; 2 bad input or usage.
"""

from __future__ import annotations

import click

from .. import __version__
from .cases import rubrics, schema, validate
from .documents import import_command, report, template
from .score import evaluate, review_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="perfscore")
def main() -> None:
    """perfscore：预算绩效自评计分与复核。"""


COMMANDS = (evaluate, review_command, report, import_command, template, validate, schema, rubrics)
for command in COMMANDS:
    main.add_command(command)

__all__ = ["main"]
