"""``perfscore review``: a whole batch of submissions re-scored, with a summary for the bureau."""

from perfscore.rendering.review import Batch
from perfscore.review.pipeline import FORMATS, Format, Plan, Reviewed, input_files, is_large, review
from perfscore.review.rows import Problem, Row
from perfscore.review.summary import Summary

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
