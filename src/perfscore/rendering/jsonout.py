"""JSON output: one object per evaluation, numbers as JSON numbers (exact to 2 places)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from perfscore.models.case import Indicator
from perfscore.models.results import Evaluation, ExecutionResult, IndicatorResult
from perfscore.rendering.explanation import explanation_text
from perfscore.rendering.narrative import summary


def json_number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: integral values as integers, others as the shortest float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def scalar(value: Decimal | str | None) -> int | float | str | None:
    return json_number(value) if isinstance(value, Decimal) else value


def _indicator(row: IndicatorResult) -> dict[str, Any]:
    given: Indicator = row.indicator
    return {
        "level1": given.level1,
        "level2": given.level2,
        "name": given.name,
        "operator": given.operator,
        "target": scalar(given.target),
        "unit": given.unit,
        "actual": scalar(given.actual),
        "reason": given.reason,
        "claimed_weight": json_number(given.weight),
        "claimed_score": json_number(given.score),
        "level": row.level,
        "weight": json_number(row.weight),
        "score": json_number(row.score),
        "status": row.status,
        "basis": explanation_text(row.explanation),
    }


def _execution(execution: ExecutionResult, evaluation: Evaluation) -> dict[str, Any]:
    budget = evaluation.case.budget
    return {
        "unit": budget.unit,
        "initial": json_number(execution.initial),
        "adjusted": json_number(execution.adjusted),
        "executed": json_number(execution.executed),
        "rate": json_number(execution.rate),
        "stated_rate": json_number(budget.rate),
        "weight": json_number(execution.weight),
        "score": json_number(execution.score),
        "claimed_score": json_number(budget.score),
        "basis": explanation_text(execution.explanation),
    }


def to_dict(evaluation: Evaluation) -> dict[str, Any]:
    """The evaluation as plain JSON-ready data."""
    project = evaluation.case.project
    return {
        "file": evaluation.source,
        "rubric": evaluation.rubric.name,
        "year": evaluation.case.year,
        "project": project.model_dump(),
        "score": json_number(evaluation.score),
        "grade": evaluation.grade,
        "claimed_score": json_number(evaluation.claimed_score),
        "difference": json_number(evaluation.difference),
        "execution": _execution(evaluation.execution, evaluation),
        "levels": [
            {
                "key": lv.key,
                "name": lv.name,
                "weight": json_number(lv.weight),
                "score": json_number(lv.score),
                "count": lv.count,
            }
            for lv in evaluation.levels
        ],
        "indicators": [_indicator(row) for row in evaluation.indicators],
        "findings": [
            {"code": f.code, "severity": f.severity, "message": f.message, "where": f.where}
            for f in evaluation.findings
        ],
        "summary": summary(evaluation),
    }


__all__ = ["json_number", "to_dict"]
