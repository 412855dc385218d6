"""``perfscore import``, reading: every project table of the forms given, or why it could not be
read (``perfscore.rendering.casefile`` writes them as case files)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from perfscore.errors import CaseError, PerfscoreError
from perfscore.input.forms.formcase import FormCase
from perfscore.input.forms.reader import read_tables
from perfscore.input.limits import DEFAULT, Limits
from perfscore.input.paths import XLSX_SUFFIXES, case_paths


@dataclass(slots=True)
class Imported:
    """The tables read from the forms given, and the errors of those that could not be."""

    tables: list[FormCase] = field(default_factory=list)
    errors: list[PerfscoreError] = field(default_factory=list)


def import_forms(paths: Sequence[str | Path], limits: Limits = DEFAULT) -> Imported:
    """Every table of every workbook named, or found in the folders named, in order."""
    done = Imported()
    for path in case_paths(paths, XLSX_SUFFIXES):
        try:
            items = read_tables(path, limits)
        except CaseError as error:
            done.errors.append(error)
            continue
        for item in items:
            if isinstance(item, FormCase):
                done.tables.append(item)
            else:
                done.errors.append(item)
    return done


__all__ = ["Imported", "import_forms"]
