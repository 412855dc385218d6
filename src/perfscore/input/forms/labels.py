"""The labels a form is read by: every Chinese column name of the case format, and the few
words forms print that the case format has no key for (totals, section titles, prompts).

All labels are compared after :func:`perfscore.forms.grid.label` (blanks, numbering and
bracketed notes removed), so ``"调整后预算数（万元）"`` is ``"调整后预算数"``.
"""

from __future__ import annotations

import re
from typing import Final

from perfscore.models.case import BudgetRow, Indicator, Project, aliases


def _chinese(table: dict[str, str], **extra: str) -> dict[str, str]:
    """The Chinese spellings of a model's keys (English keys are not printed on forms)."""
    found = {key: field for key, field in table.items() if not key.isascii()}
    return {**found, **extra}


PROJECT: Final = _chinese(aliases(Project))
PLANNED: Final = frozenset({"项目年度目标", "年度目标", "预期目标", "年度绩效目标"})
ACHIEVED: Final = frozenset(
    {"年度目标完成情况", "目标完成情况", "实际完成情况", "年度目标实际完成情况"}
)
SUMMARY: Final = frozenset({"项目实施内容及过程概述", "实施情况", "项目实施内容", "项目实施情况"})
YEAR: Final = frozenset({"年度", "评价年度", "预算年度"})

#: Column labels of the budget table; a row holding two of the money ones is its header.
BUDGET_MONEY: Final = _chinese(aliases(BudgetRow))
BUDGET_COLUMNS: Final = {**BUDGET_MONEY, "权重": "weight", "分值": "weight", "得分": "score"}
BUDGET_TOTALS: Final = frozenset(
    {"总额", "年度资金总额", "资金总额", "合计", "总计", "预算资金总额"}
)
BUDGET_REASONS: Final = frozenset(
    {"未达90%或调整的原因", "偏差原因", "原因", "预算执行偏差原因", "未达90%或调整原因", "调整原因"}
)
SOURCE_PREFIX: Final = re.compile(r"^其中[：:]?")

#: Column labels of the indicator table; a row with 一级指标 and 三级指标 is its header.
INDICATOR_COLUMNS: Final = _chinese(
    aliases(Indicator),
    自评得分="score",
    指标权重="weight",
    年度目标值="target",
    实际值="actual",
    未完成原因="reason",
    偏差原因分析="reason",
)
#: A row that closes the indicator table; its 得分 is the claimed total (unless its 权重 shows it
#: is the indicators' subtotal, not the whole table's).
TOTALS: Final = frozenset({"合计", "总分", "总计", "自评得分", "自评总分", "综合得分", "总得分"})
SUBTOTALS: Final = frozenset({"小计", "分项合计"})
WHOLE_TABLE: Final = 100

#: Section titles: labels, never values.
SECTIONS: Final = frozenset(
    {
        "项目基本情况",
        "项目年度目标完成情况",
        "年度总体目标",
        "预算执行情况",
        "项目资金",
        "年度预算数",
        "绩效指标",
        "绩效指标完成情况",
        "部门预算项目支出绩效自评表",
        "项目支出绩效自评表",
    }
)

KNOWN: Final = frozenset(
    {*PROJECT, *PLANNED, *ACHIEVED, *SUMMARY, *YEAR, *BUDGET_COLUMNS, *BUDGET_REASONS}
    | {*INDICATOR_COLUMNS, *TOTALS, *SUBTOTALS, *SECTIONS}
)

#: Text a blank form prints for the clerk to replace: "（对照年度目标，说明……）", "指标1：".
_PROMPT: Final = re.compile(
    r"^[（(【\[]?\s*(?:请(?:填写|输入|说明|简述|列明)|对照|填写|简要说明|简述|说明：)"
    r"|^指标\s*\d+\s*[:：]?$"
    r"|(?:……|…|\.\.\.)\s*[）)】\]]?$"
)
_TITLE_YEAR: Final = re.compile(r"((?:19|20|21)\d\d)\s*年")


def is_prompt(text: str) -> bool:
    """Whether ``text`` is a blank form's instruction rather than something a clerk wrote."""
    return _PROMPT.search(text.strip()) is not None


def title_year(text: str) -> int | None:
    """The year a title names: ``"（2022年度）"`` -> 2022."""
    match = _TITLE_YEAR.search(text)
    return int(match.group(1)) if match else None


__all__ = [
    "ACHIEVED",
    "BUDGET_COLUMNS",
    "BUDGET_MONEY",
    "BUDGET_REASONS",
    "BUDGET_TOTALS",
    "INDICATOR_COLUMNS",
    "KNOWN",
    "PLANNED",
    "PROJECT",
    "SECTIONS",
    "SOURCE_PREFIX",
    "SUBTOTALS",
    "SUMMARY",
    "TOTALS",
    "WHOLE_TABLE",
    "YEAR",
    "is_prompt",
    "title_year",
]
