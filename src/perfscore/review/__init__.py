"""``perfscore review``: a whole batch of submissions re-scored, with a summary for the bureau."""

from perfscore.review.job import FORMATS, Format, Job, Reviewed, input_files, is_large, review
from perfscore.review.rows import Problem, Row
from perfscore.review.summary import Summary

__all__ = [
    "FORMATS",
    "Format",
    "Job",
    "Problem",
    "Reviewed",
    "Row",
    "Summary",
    "input_files",
    "is_large",
    "review",
]
