"""Rubrics: the scoring rules as typed data (``model``, ``department``), and loading them from
shipped presets or files, with ``extends`` (``loading``).

The shipped TOML files are package data in ``perfscore.rubrics.shipped`` (the top-level
``rubrics/`` folder of the repository). A new rule is a new option here and is read in scoring or
checks; nothing in the rubric layer scores."""

__all__: list[str] = []
