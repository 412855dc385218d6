"""Exit statuses of every command (returned by the commands, made exits in ``perfscore.cli``)."""

from typing import Final

#: Scored, nothing reached ``--fail-on``.
OK: Final = 0
#: A finding reached ``--fail-on``.
FAILED: Final = 1
#: Bad input or usage: a file that cannot be scored, an option that cannot be met.
BAD_INPUT: Final = 2
#: Stopped by Ctrl-C, as a shell reports a command ended by SIGINT.
INTERRUPTED: Final = 130

__all__ = ["BAD_INPUT", "FAILED", "INTERRUPTED", "OK"]
