"""Department scoring methods, registered by name; a department rubric chooses them per item.

A method scores one leaf item from the department case: the counts in ``evaluation.facts``, the
final accounts, or the projects' recomputed scores. It returns the score with how it was reached,
or says which data it lacks. ``entered`` takes the score the case gives (a judgement item). Every
rate is rounded to the rubric's places of percent before it is multiplied, as the project
execution rate is.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from perfscore.models.execution import BudgetExecution, CategoryExecution
from perfscore.models.numbers import HUNDRED, ONE, ZERO, fmt, fmt_plain, percent
from perfscore.models.results import Evaluation
from perfscore.scoring.department_registry import (
    ENTERED,
    METHODS,
    Computed,
    Context,
    Leaf,
    Missing,
    Option,
    method,
    option_problems,
    option_value,
)
from perfscore.scoring.execution import funds_text
from perfscore.scoring.project import budget_column

#: 元 in a 万元, the unit of the final accounts.
WAN: Final = Decimal(10000)


@method(ENTERED, computes=False)
def entered(leaf: Leaf, context: Context) -> Computed | Missing:
    """A judgement item: the score the case enters, never above the weight."""
    claimed = context.claimed(leaf.name)
    if claimed is None:
        return Missing("未填报得分", "$.evaluation.scores")
    if claimed > leaf.weight:
        basis = f"填报得分 {fmt(claimed)} 超过分值 {fmt_plain(leaf.weight)}，按分值计，未经计算"
        return Computed(leaf.weight, basis)
    return Computed(claimed, f"填报得分 {fmt(claimed)}，未经计算")


def _share(leaf: Leaf, context: Context, key: str, label: str) -> tuple[Decimal, str] | Missing:
    """The rate ``facts.key / facts.projects`` in percent and the text of its division."""
    facts = context.case.evaluation.facts
    total: int | None = facts.projects
    count: int | None = getattr(facts, key)
    if not total:
        reason = "未填项目总数" if total is None else "项目总数为 0"
        return Missing(reason, "$.evaluation.facts.projects")
    if count is None:
        return Missing(f"未填{label}的项目数", f"$.evaluation.facts.{key}")
    rate = context.rounded(Decimal(count) / total * HUNDRED)
    return rate, f"{label}的项目 {count} 个 / 项目总数 {total} 个 = {percent(rate)}"


def _coverage(leaf: Leaf, context: Context, key: str, label: str) -> Computed | Missing:
    share = _share(leaf, context, key, label)
    if isinstance(share, Missing):
        return share
    rate, text = share
    score = context.rounded(leaf.weight * min(rate, HUNDRED) / HUNDRED)
    capped = "（超过 100%，按 100% 计）" if rate > HUNDRED else ""
    return Computed(score, f"{text}{capped}，得 {fmt(score)} 分")


@method("target-coverage")
def target_coverage(leaf: Leaf, context: Context) -> Computed | Missing:
    """编制绩效目标的项目数 / 项目总数 × weight."""
    return _coverage(leaf, context, "with_targets", "编制绩效目标")


@method("assessment-coverage")
def assessment_coverage(leaf: Leaf, context: Context) -> Computed | Missing:
    """开展事前绩效评估的项目数 / 项目总数 × weight."""
    return _coverage(leaf, context, "assessed", "开展事前绩效评估")


@method("monitoring-coverage", expected=Option(None, ZERO, ONE))
def monitoring_coverage(leaf: Leaf, context: Context) -> Computed | Missing:
    """开展绩效监控的项目数 / 项目总数 against ``expected``: weight × min(1, rate / expected)."""
    share = _share(leaf, context, "monitored", "开展绩效监控")
    if isinstance(share, Missing):
        return share
    rate, text = share
    expected = option_value(leaf, "monitoring-coverage", "expected") * HUNDRED
    if rate >= expected:
        score = leaf.weight
        return Computed(score, f"{text}，不低于应有比例 {percent(expected)}，得 {fmt(score)} 分")
    score = context.rounded(leaf.weight * rate / expected)
    formula = f"{fmt_plain(leaf.weight)} × {percent(rate)} / {percent(expected)}"
    below = f"低于应有比例 {percent(expected)}"
    return Computed(score, f"{text}，{below}，得 {formula} = {fmt(score)} 分")


def _wan(amount: Decimal | None, evaluation: Evaluation) -> Decimal:
    """A project amount in 万元 (None as 0); its unit was checked when it was scored."""
    units = evaluation.rubric.quantitative.money_units
    return (amount or ZERO) * units[evaluation.case.budget.unit] / WAN


def _budget(evaluation: Evaluation, column: str) -> Decimal:
    return max(_wan(budget_column(evaluation.case.budget, column), evaluation), ZERO)


@method("project-scores")
def project_scores(leaf: Leaf, context: Context) -> Computed | Missing:
    """The projects' recomputed scores, averaged by 调整后预算 (plainly if none has a budget)."""
    projects = context.projects
    if not projects:
        return Missing("案例未列出项目自评", "$.projects")
    weights = [_budget(p, "adjusted") for p in projects]
    total = sum(weights, ZERO)
    if total > 0:
        mean = sum((w * p.score for w, p in zip(weights, projects, strict=True)), ZERO) / total
        how = f"按调整后预算（合计 {fmt(total)} 万元）加权平均"
    else:
        mean = sum((p.score for p in projects), ZERO) / len(projects)
        how = "均无调整后预算，按简单平均"
    mean = context.rounded(mean)
    score = context.rounded(leaf.weight * mean / HUNDRED)
    formula = f"{fmt_plain(leaf.weight)} × {fmt(mean)} / 100"
    text = f"{len(projects)} 个项目的复核得分{how} = {fmt(mean)}，得 {formula} = {fmt(score)} 分"
    stated = context.case.evaluation.facts.projects
    if stated is not None and stated != len(projects):
        text += f"；项目总数 {stated} 个，有自评表的 {len(projects)} 个"
    return Computed(score, text)


def _rate_score(leaf: Leaf, context: Context, rate: Decimal) -> tuple[Decimal, str]:
    score = context.rounded(leaf.weight * min(rate, HUNDRED) / HUNDRED)
    return score, f"得 {fmt_plain(leaf.weight)} × {percent(min(rate, HUNDRED))} = {fmt(score)} 分"


@method("execution-rate")
def execution_rate(leaf: Leaf, context: Context) -> Computed | Missing:
    """The year's 执行数 / 预算数 × weight, from the most complete figures the case gives: the
    whole budget by category (人员类、运转类、特定目标类), else 一般公共预算财政拨款支出 / 预算数,
    else the projects' 执行数 / 调整后预算 summed.

    财政拨款收、支总计 is not a source: its 支出总计 includes what is carried into next year.
    """
    execution = context.execution
    if execution is not None and execution.rate is not None:
        return _categories_execution(leaf, context, execution)
    accounts = context.case.accounts
    general = accounts.general if accounts is not None else None
    if general is not None and general.budget:
        rate = context.rounded(general.current / general.budget * HUNDRED)
        score, scoring = _rate_score(leaf, context, rate)
        text = (
            f"一般公共预算财政拨款支出 {fmt(general.current)} 万元 / "
            f"预算数 {fmt(general.budget)} 万元 = {percent(rate)}"
        )
        return Computed(score, f"{text}，{scoring}")
    return _projects_execution(leaf, context)


def _categories_execution(leaf: Leaf, context: Context, execution: BudgetExecution) -> Computed:
    complete = execution.complete()
    assert execution.rate is not None, "a whole rate is computed from complete categories"
    score, scoring = _rate_score(leaf, context, execution.rate)
    names = "、".join(category.label for category in complete)
    each = "，".join(_category_text(category) for category in complete)
    funds = "预算数及上年结转合计" if execution.carried_over else "预算数合计"
    text = (
        f"按部门预算（{names}）执行数合计 {fmt(execution.executed)} 万元 / {funds} "
        f"{fmt(execution.available)} 万元 = {percent(execution.rate)}（{each}），{scoring}"
    )
    left = [c.label for c in execution.categories if not c.complete]
    if left:
        text += f"；{'、'.join(left)}未填预算数或执行数，未计入"
    return Computed(score, text)


def _category_text(category: CategoryExecution) -> str:
    rate = "—" if category.rate is None else percent(category.rate)
    return f"{category.label} {fmt(category.executed)} / {funds_text(category)} = {rate}"


def _no_budget(context: Context) -> str:
    """What the projects fallback says the case lacks."""
    if context.execution is None:
        categories = "案例未列部门预算分类"
    else:
        categories = "部门预算分类未填可用的预算数和执行数（或预算数合计为 0）"
    return f"{categories}，决算未列一般公共预算财政拨款预算数"


def _projects_execution(leaf: Leaf, context: Context) -> Computed | Missing:
    budgeted = [p for p in context.projects if _budget(p, "adjusted") > 0]
    if not budgeted:
        return Missing(f"{_no_budget(context)}，项目也无调整后预算", "$.budget")
    adjusted = sum((_budget(p, "adjusted") for p in budgeted), ZERO)
    executed = sum((_budget(p, "executed") for p in budgeted), ZERO)
    rate = context.rounded(executed / adjusted * HUNDRED)
    score, scoring = _rate_score(leaf, context, rate)
    text = (
        f"{_no_budget(context)}，按 {len(budgeted)} 个项目执行数合计 "
        f"{fmt(executed)} 万元 / 调整后预算合计 {fmt(adjusted)} 万元 = {percent(rate)}，{scoring}"
    )
    return Computed(score, text + _stated_completion(context))


def _stated_completion(context: Context) -> str:
    accounts = context.case.accounts
    general = accounts.general if accounts is not None else None
    if general is None or general.completion is None:
        return ""
    return f"（决算说明填报完成预算 {fmt_plain(general.completion)}%，无预算数可核）"


@method("evaluation-coverage")
def evaluation_coverage(leaf: Leaf, context: Context) -> Computed | Missing:
    """开展绩效自评的项目数 / 项目总数 × weight (评价开展)."""
    return _coverage(leaf, context, "evaluated", "开展绩效自评")


__all__ = [
    "ENTERED",
    "METHODS",
    "WAN",
    "Computed",
    "Context",
    "Leaf",
    "Missing",
    "Option",
    "assessment_coverage",
    "entered",
    "evaluation_coverage",
    "execution_rate",
    "method",
    "monitoring_coverage",
    "option_problems",
    "project_scores",
    "target_coverage",
]
