"""Each project's 绩效自评综述, as the department's report prints it, against the project's table.

A department's report prints a paragraph per project (``项目全年预算数67.00万元，执行数为64.96
万元，完成预算的96.96%`` … ``绩效自评得分为100分``). Every figure read from it
(:func:`perfscore.checks.prose.figures`) is compared with the project's table: the score with
the recomputed score (``summary-score-mismatch``), the amounts with the table's 年初预算数,
全年预算数 and 执行数 and the rate with 执行数 / 全年预算数 (``summary-figure-mismatch``), each at
the precision the sentence states it to. A paragraph with no figure to compare is said
(``summary-unread``), so that "checked" never means "not read".
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

from perfscore.checks.accounts.common import percent_of, places, plain, signed
from perfscore.checks.department import DEPARTMENT
from perfscore.checks.prose import FIGURE_LABELS, Figure, figures
from perfscore.checks.registry import Options, Raised, check
from perfscore.models.numbers import fmt, fmt_signed, half_up
from perfscore.models.results import Evaluation
from perfscore.scoring.project import budget_column
from perfscore.scoring.values import convert

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department_results import DepartmentEvaluation

#: The budget column each money figure is compared with.
_COLUMNS = {"budget": "adjusted", "initial": "initial", "executed": "executed"}


def _summaries(
    evaluation: DepartmentEvaluation,
) -> Iterator[tuple[tuple[Figure, ...], str, Evaluation]]:
    """(the figures read from the summary, its JSON path, the project scored) for each project
    that has a summary."""
    paired = zip(evaluation.summaries, evaluation.projects, strict=False)
    for index, (summary, project) in enumerate(paired):
        if summary:
            yield figures(summary), f"$.projects[{index}].summary", project


def _name(project: Evaluation) -> str:
    return f"项目“{project.case.project.name}”"


@check(
    "summary-score-mismatch",
    DEPARTMENT,
    "warning",
    "项目综述的得分与复核不符",
    explanation=(
        "部门报告为每个项目印出的绩效自评综述写了得分（“绩效自评得分为100分”），而按评分规则复核该"
        "项目自评表得到的分数不同。报告的文字与表格应出自同一次自评。"
    ),
    example=(
        "项目“2022年度政府工作经费”的绩效自评综述称得分 100 分，项目自评表复核得分 99.70 分，相差 "
        "+0.30 分（自评表填报 100.00 分）"
    ),
)
def summary_score_mismatch(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """Each score a project's summary states against the project's recomputed score."""
    for read, where, project in _summaries(evaluation):
        for figure in read:
            if figure.kind == "score" and figure.value != project.score:
                claimed = (
                    ""
                    if project.claimed_score is None
                    else (f"（自评表填报 {fmt(project.claimed_score)} 分）")
                )
                difference = fmt_signed(figure.value - project.score)
                yield (
                    f"{_name(project)}的绩效自评综述称得分 {plain(figure.value)} 分，项目自评表复核"
                    f"得分 {fmt(project.score)} 分，相差 {difference} 分{claimed}",
                    where,
                )


def _table_amount(project: Evaluation, column: str) -> Decimal | None:
    """The table's amount in its own unit: the total row as stated, else its funding rows."""
    stated: Decimal | None = getattr(project.case.budget, column)
    return stated if stated is not None else budget_column(project.case.budget, column)


def _amount_problem(figure: Figure, project: Evaluation) -> str | None:
    amount = _table_amount(project, _COLUMNS[figure.kind])
    rules = project.rubric.quantitative
    converted = (
        None if amount is None else convert(amount, project.case.budget.unit, figure.unit, rules)
    )
    if converted is None:
        return None
    table = half_up(converted, places(figure.value))
    if table == figure.value:
        return None
    label = FIGURE_LABELS[figure.kind]
    return (
        f"{_name(project)}的绩效自评综述写“{figure.text}”，项目自评表{label}为 {plain(table)} "
        f"{figure.unit}，相差 {signed(figure.value - table)} {figure.unit}"
    )


def _rate_problem(figure: Figure, project: Evaluation) -> str | None:
    adjusted = _table_amount(project, "adjusted")
    executed = _table_amount(project, "executed")
    if not adjusted or executed is None:
        return None
    computed = percent_of(executed, adjusted, figure.value)
    if computed == figure.value:
        return None
    difference = signed(figure.value - computed)
    unit = project.case.budget.unit
    formula = f"执行数 {fmt(executed)} {unit} / 全年预算数 {fmt(adjusted)} {unit}"
    return (
        f"{_name(project)}的绩效自评综述写“{figure.text}”，按项目自评表{formula} 计算为 "
        f"{plain(computed)}%，相差 {difference} 个百分点"
    )


@check(
    "summary-figure-mismatch",
    DEPARTMENT,
    "warning",
    "项目综述的金额或执行率与自评表不符",
    explanation=(
        "部门报告为项目印出的绩效自评综述中的预算数、执行数或执行率，与该项目自评表的数字不符（按综"
        "述写到的小数位四舍五入后比较，金额按其单位换算）。"
    ),
    example=(
        "项目“网络运行费”的绩效自评综述写“执行数为24.20万元”，项目自评表执行数为 24.22 万元，相差 "
        "-0.02 万元"
    ),
)
def summary_figure_mismatch(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """Each amount and rate a project's summary states against the project's table."""
    for read, where, project in _summaries(evaluation):
        for figure in read:
            if figure.kind == "rate":
                problem = _rate_problem(figure, project)
            elif figure.kind in _COLUMNS:
                problem = _amount_problem(figure, project)
            else:
                continue
            if problem is not None:
                yield problem, where


@check(
    "summary-unread",
    DEPARTMENT,
    "info",
    "项目综述中没有可核对的数字",
    explanation=(
        "案例给出了项目的绩效自评综述，但其中没有读到得分、预算数、执行数或执行率，无从核对。数字若"
        "写成“约”“以上”或汉字，不予读取。"
    ),
    example="项目“党政专用会议系统设备采购”的绩效自评综述中没有读到可核对的得分、预算数、执行数或执行率",
)
def summary_unread(evaluation: DepartmentEvaluation, options: Options) -> Iterator[Raised]:
    """A summary with no figure that can be compared."""
    for read, where, project in _summaries(evaluation):
        if not read:
            yield (
                f"{_name(project)}的绩效自评综述中没有读到可核对的得分、预算数、执行数或执行率",
                where,
            )


__all__ = ["summary_figure_mismatch", "summary_score_mismatch", "summary_unread"]
