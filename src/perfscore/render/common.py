"""Cell texts shared by the renderers: how a target, an actual or a level reads on a form."""

from __future__ import annotations

from decimal import Decimal

from ..numbers import fmt_plain
from ..results import Evaluation, IndicatorResult


def value_text(value: Decimal | str | None) -> str:
    """A target or actual as written: ``280810``, ``已全部完成``, blank."""
    if value is None:
        return ""
    return fmt_plain(value) if isinstance(value, Decimal) else value


def level_name(evaluation: Evaluation, row: IndicatorResult) -> str:
    """The first-level name the rubric knows the row by."""
    return evaluation.rubric.levels[row.level].name


def title(evaluation: Evaluation) -> str:
    """``51042122T000006523456 2022年度政府工作经费``."""
    project = evaluation.case.project
    return " ".join(part for part in (project.code, project.name) if part)


__all__ = ["level_name", "title", "value_text"]
