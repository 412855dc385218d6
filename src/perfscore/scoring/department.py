"""``evaluate_department``: every item of a department rubric scored, the projects re-scored.

Leaves are scored by their methods; a computable leaf whose data is missing takes the score the
case enters for it (said so in its basis) or 0. A group's score is the sum of its items'; the
total is the sum of the top-level items'. The findings are the final-accounts checks' and the
department checks' (:mod:`perfscore.checks.department`), as the rubric configures them.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from perfscore.checks.department import run_department_checks
from perfscore.models.department import LoadedDepartment
from perfscore.models.department_results import DepartmentEvaluation, ItemResult
from perfscore.models.numbers import ZERO, fmt
from perfscore.rubrics.department import DepartmentRubric, Item
from perfscore.rubrics.model import Rubric
from perfscore.scoring.department_methods import METHODS, Computed, Context, Leaf, Missing
from perfscore.scoring.execution import budget_execution
from perfscore.scoring.project import evaluate


def evaluate_department(
    loaded: LoadedDepartment, rubric: DepartmentRubric, project_rubric: Rubric
) -> DepartmentEvaluation:
    """Score a department case under ``rubric``, its projects under ``project_rubric``."""
    projects = tuple(evaluate(p.case, project_rubric, p.source) for p in loaded.projects)
    execution = budget_execution(loaded.case.budget, rubric.rounding)
    context = Context(loaded.case, projects, project_rubric, rubric.rounding, execution)
    items = tuple(score_item(item, context) for item in rubric.items)
    total = sum((item.score for item in items), ZERO)
    claimed = loaded.case.evaluation.claimed_score
    evaluation = DepartmentEvaluation(
        source=loaded.source,
        case=loaded.case,
        rubric=rubric,
        project_rubric=project_rubric,
        items=items,
        score=total,
        grade=rubric.grade_of(total),
        claimed_score=claimed,
        difference=None if claimed is None else claimed - total,
        projects=projects,
        findings=(),
        execution=execution,
        summaries=tuple(project.summary for project in loaded.projects),
    )
    return replace(evaluation, findings=run_department_checks(evaluation))


def score_item(item: Item, context: Context) -> ItemResult:
    """One item: a leaf by its method, a group as the sum of its items."""
    claimed = context.claimed(item.name)
    if not item.items:
        return _leaf(item, context, claimed)
    children = tuple(score_item(child, context) for child in item.items)
    score = sum((child.score for child in children), ZERO)
    parts = " + ".join(f"{child.name} {fmt(child.score)}" for child in children)
    return ItemResult(
        name=item.name,
        weight=item.weight,
        score=score,
        computed=all(child.computed for child in children),
        basis=f"下级各项得分之和：{parts} = {fmt(score)}",
        method=None,
        claimed=claimed,
        items=children,
    )


def _leaf(item: Item, context: Context, claimed: Decimal | None) -> ItemResult:
    spec = METHODS[item.method]
    outcome = spec.run(Leaf(item.name, item.weight, item.options), context)
    if isinstance(outcome, Computed):
        rounded = Computed(context.rounded(outcome.score), outcome.basis)
        return _result(item, claimed, rounded, computed=spec.computes)
    if claimed is None or not spec.computes:
        basis = f"{outcome.reason}，得 0 分"
        nothing = Computed(context.rounded(ZERO), basis)
        return _result(item, claimed, nothing, computed=False, missing=outcome)
    score = context.rounded(min(claimed, item.weight))
    basis = f"{outcome.reason}，无法计算；采用填报得分 {fmt(score)}，未经计算"
    return _result(item, claimed, Computed(score, basis), computed=False, missing=outcome)


def _result(
    item: Item,
    claimed: Decimal | None,
    outcome: Computed,
    *,
    computed: bool,
    missing: Missing | None = None,
) -> ItemResult:
    return ItemResult(
        name=item.name,
        weight=item.weight,
        score=outcome.score,
        computed=computed,
        basis=outcome.basis,
        method=item.method,
        claimed=claimed,
        missing=missing,
    )


__all__ = ["evaluate_department", "score_item"]
