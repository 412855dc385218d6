"""Cell texts shared by the renderers: how a target, an actual or a level reads on a form."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from perfscore.models.numbers import fmt, fmt_plain
from perfscore.models.results import STATUS_LABELS, Evaluation, IndicatorResult


def value_text(value: Decimal | str | None) -> str:
    """A target or actual as written: ``280810``, ``已全部完成``, blank."""
    if value is None:
        return ""
    return fmt_plain(value) if isinstance(value, Decimal) else value


def level_name(evaluation: Evaluation, row: IndicatorResult) -> str:
    """The first-level name the rubric knows the row by."""
    return evaluation.rubric.levels[row.level].name


#: Column heads of :func:`indicator_cells`, as the form prints them.
INDICATOR_HEAD: Final = (
    *("一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值"),
    *("权重", "得分", "状态"),
)


def operator_text(row: IndicatorResult) -> str:
    """The 指标性质 as written; one the rubric supplied is shown in brackets: ``(≥)``."""
    written = row.indicator.operator
    if written is not None or row.operator is None:
        return written or ""
    return f"({row.operator})"


def indicator_cells(evaluation: Evaluation, row: IndicatorResult) -> list[str]:
    """One indicator row as the form shows it, with the computed weight, score and status."""
    given = row.indicator
    return [
        level_name(evaluation, row),
        given.level2 or "",
        given.name,
        operator_text(row),
        value_text(given.target),
        given.unit or "",
        value_text(given.actual),
        fmt(row.weight),
        fmt(row.score),
        STATUS_LABELS[row.status],
    ]


def project_title(evaluation: Evaluation) -> str:
    """``51042122T000006523456 2022年度政府工作经费``."""
    project = evaluation.case.project
    return " ".join(part for part in (project.code, project.name) if part)


__all__ = [
    "INDICATOR_HEAD",
    "indicator_cells",
    "level_name",
    "operator_text",
    "project_title",
    "value_text",
]
