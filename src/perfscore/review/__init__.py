"""``perfscore review``: a whole batch of submissions re-scored, with a summary for the bureau.

The names are imported when first used: ``perfscore.rendering.review`` reads this package's
rows and summary, and this package's job writes through it, so neither may import the
other's package eagerly.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from perfscore.rendering.review import Batch
    from perfscore.review.job import (
        FORMATS,
        Job,
        Reviewed,
        ReviewFormat,
        input_files,
        is_large,
        review,
    )
    from perfscore.review.rows import ErrorRow, Row
    from perfscore.review.summary import Summary

_HOMES: Final = {
    "Batch": "perfscore.rendering.review",
    **dict.fromkeys(
        ("FORMATS", "ReviewFormat", "Job", "Reviewed", "input_files", "is_large", "review"),
        "perfscore.review.job",
    ),
    "ErrorRow": "perfscore.review.rows",
    "Row": "perfscore.review.rows",
    "Summary": "perfscore.review.summary",
}


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_HOMES[name]), name)


__all__ = [
    "FORMATS",
    "Batch",
    "ErrorRow",
    "Job",
    "ReviewFormat",
    "Reviewed",
    "Row",
    "Summary",
    "input_files",
    "is_large",
    "review",
]
