"""The two forms people fill, as data: their labels, columns, fixed rows and input hints.

The reader finds a table by these labels wherever they sit; the template and the filled form are
drawn from the same definitions, so what perfscore writes it can read back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from perfscore.models.operators import QUALITATIVE_SYMBOL, QUANTITATIVE_SYMBOLS, SYMBOLS

CellKind = Literal["text", "number", "operator", "level1", "level2"]


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a table: its printed label, the case field it holds, and how it is filled."""

    label: str
    field: str
    width: int
    kind: CellKind = "text"
    hint: str = ""


@dataclass(frozen=True, slots=True)
class Layout:
    """A form's printed shape."""

    name: str
    title: str
    description: str
    #: Header labels of 项目名称, 主管部门, 实施单位.
    project: tuple[str, str, str]
    #: The goal block: its section label and the labels of 年度目标 and 完成情况.
    goal: tuple[str, str, str]
    #: The label of 项目实施内容及过程概述, or "" when the form has none.
    summary: str
    budget_section: str
    budget_columns: tuple[Column, ...]
    #: Fixed budget rows: the total first, then the funding sources.
    budget_rows: tuple[str, ...]
    #: The label of the budget's reason row, or "" when the form has none.
    budget_reason: str
    indicator_section: str
    indicator_columns: tuple[Column, ...]
    total_label: str
    #: Text rows under the total (评价结论, 存在问题, 改进措施), each a label and a wide cell.
    closing: tuple[str, ...] = ()
    #: The signature line under them (项目负责人, 财务负责人, 填报日期), left for the pen.
    signatures: tuple[str, ...] = ()


LEVEL2_CHOICES: Final = (
    "数量指标",
    "质量指标",
    "时效指标",
    "成本指标",
    "经济效益指标",
    "社会效益指标",
    "生态效益指标",
    "可持续影响指标",
    "服务对象满意度指标",
)
OPERATOR_CHOICES: Final = SYMBOLS

_AMOUNT_HINT: Final = "金额，单位万元，填数字。"
_LEVEL1: Final = Column("一级指标", "level1", 12, "level1", "从下拉列表选择：评分规则的一级指标。")
_LEVEL2: Final = Column("二级指标", "level2", 14, "level2", "从下拉列表选择。")
_NAME: Final = Column("三级指标", "name", 28, "text", "指标名称，如“培训人次”。")

SICHUAN_2023: Final = Layout(
    name="sichuan-2023",
    title="部门预算项目支出绩效自评表",
    description=(
        "四川省 2023 年部门预算项目支出绩效自评表：预算执行 10 分，绩效指标 90 分，逐项填写权重。"
    ),
    project=("项目名称", "主管部门", "实施单位"),
    goal=("项目基本情况", "项目年度目标", "年度目标完成情况"),
    summary="项目实施内容及过程概述",
    budget_section="预算执行情况（10分）",
    budget_columns=(
        Column("年初预算", "initial", 12, "number", _AMOUNT_HINT),
        Column("调整后预算数", "adjusted", 12, "number", _AMOUNT_HINT),
        Column("预算执行数", "executed", 12, "number", _AMOUNT_HINT),
        Column("预算执行率", "rate", 10, "text", "执行数 ÷ 调整后预算数，如 96.96%。"),
        Column("权重", "weight", 8, "number", "预算执行的分值，一般为 10。"),
        Column("得分", "score", 8, "number", "自评得分。"),
    ),
    budget_rows=("总额", "其中：财政资金", "财政专户管理资金", "单位资金", "其他资金"),
    budget_reason="未达90%或调整的原因",
    indicator_section="绩效指标（90分）",
    indicator_columns=(
        _LEVEL1,
        _LEVEL2,
        _NAME,
        Column(
            "指标性质",
            "operator",
            8,
            "operator",
            f"从下拉列表选择：{' '.join(QUANTITATIVE_SYMBOLS)} 或 {QUALITATIVE_SYMBOL}。",
        ),
        Column("指标值", "target", 10, "text", "数字（定量）或等级、文字（定性）。"),
        Column("度量单位", "unit", 8, "text", "如 人次、%、万元、月。"),
        Column("完成值", "actual", 12, "text", "实际完成的数字，或定性指标的等级。"),
        Column("权重", "weight", 8, "number", "该指标的分值；各指标合计 90。"),
        Column("得分", "score", 8, "number", "自评得分。"),
        Column("未完成原因分析", "reason", 24, "text", "未完成或偏差的原因。"),
    ),
    total_label="自评得分",
    closing=("评价结论", "存在问题", "改进措施"),
    signatures=("项目负责人", "财务负责人", "填报日期"),
)

MOF_2020: Final = Layout(
    name="mof-2020",
    title="项目支出绩效自评表",
    description=(
        "财预〔2020〕10号 附件1：年度指标值写作一个字符串（如 ≥50个），分值与得分逐项填写。"
    ),
    project=("项目名称", "主管部门", "实施单位"),
    goal=("年度总体目标", "预期目标", "实际完成情况"),
    summary="",
    budget_section="项目资金（万元）",
    budget_columns=(
        Column("年初预算数", "initial", 12, "number", _AMOUNT_HINT),
        Column("全年预算数", "adjusted", 12, "number", _AMOUNT_HINT),
        Column("全年执行数", "executed", 12, "number", _AMOUNT_HINT),
        Column("分值", "weight", 8, "number", "预算执行的分值，一般为 10。"),
        Column("执行率", "rate", 10, "text", "全年执行数 ÷ 全年预算数，如 96.96%。"),
        Column("得分", "score", 8, "number", "自评得分。"),
    ),
    budget_rows=("年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"),
    budget_reason="",
    indicator_section="绩效指标",
    indicator_columns=(
        _LEVEL1,
        _LEVEL2,
        _NAME,
        Column(
            "年度指标值",
            "target",
            14,
            "text",
            "比较符号、数值和单位写在一起，如 ≥50个、≤90万元；定性指标写等级。",
        ),
        Column("实际完成值", "actual", 12, "text", "实际完成的数字，或定性指标的等级。"),
        Column("分值", "weight", 8, "number", "该指标的分值。"),
        Column("得分", "score", 8, "number", "自评得分。"),
        Column("偏差原因分析及改进措施", "reason", 28, "text", "未完成或偏差的原因及改进措施。"),
    ),
    total_label="总分",
)

LAYOUTS: Final[dict[str, Layout]] = {layout.name: layout for layout in (SICHUAN_2023, MOF_2020)}
DEFAULT_LAYOUT: Final = SICHUAN_2023.name

__all__ = [
    "DEFAULT_LAYOUT",
    "LAYOUTS",
    "LEVEL2_CHOICES",
    "MOF_2020",
    "OPERATOR_CHOICES",
    "SICHUAN_2023",
    "CellKind",
    "Column",
    "Layout",
]
