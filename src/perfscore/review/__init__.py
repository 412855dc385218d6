"""``perfscore review``: a whole batch of submissions re-scored, with a summary for the bureau."""

from .formats import Batch
from .pipeline import FORMATS, Format, Plan, Reviewed, input_files, is_large, review
from .rows import Problem, Row
from .summary import Summary

__all__ = [
    "FORMATS",
    "Batch",
    "Format",
    "Plan",
    "Problem",
    "Reviewed",
    "Row",
    "Summary",
    "input_files",
    "is_large",
    "review",
]
