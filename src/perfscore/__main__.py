"""``python -m perfscore``: the ``perfscore`` command."""

from perfscore.cli import main

main()
