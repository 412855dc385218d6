"""The department case format (``kind: "department"``): a department's year as a whole.

A department (部门) scores itself once a year as a whole (部门整体支出绩效自评) and publishes its
final accounts (部门决算) with a page of prose. This case holds what both need:

- ``department``: name, code, 内设机构, 下属单位 and 编制/在岗人数, as the report lists them;
- ``projects``: its project cases, embedded or as paths relative to the department file, each
  with the paragraph the department's report prints about it (``summary``) where given;
- ``budget``: its whole budget by category (人员类、运转类、特定目标类), as 部门整体绩效分析
  states it;
- ``accounts``: the final-accounts figures in 万元, each with what the published text states
  (shares, year-on-year changes, completion rates), so that every stated number can be checked;
- ``evaluation``: the department-wide self-evaluation: the claimed scores by item and the facts
  the computable items need (how many projects have targets, how many were monitored).

English keys are canonical; each also has its Chinese spelling, as for project cases.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Annotated, Any, Final, Literal

from pydantic import Field, PlainValidator, WithJsonSchema, field_validator, model_validator

from perfscore.models.case import CHILDREN, Case, Form, keys, year_value
from perfscore.models.kinds import DEPARTMENT_KINDS
from perfscore.models.scalars import Amount, Name, Rate, Score, Text, to_decimal


def _signed(value: object) -> Decimal:
    return to_decimal(value, "金额")


def _count(value: object) -> int:
    number = to_decimal(value, "人数或个数")
    if number < 0 or number != number.to_integral_value():
        raise ValueError(f"应为不小于 0 的整数：{number}")
    return int(number)


#: An amount that may be negative: a stated change (增减额, ``-1.39``).
Change = Annotated[
    Decimal,
    PlainValidator(_signed),
    WithJsonSchema({"type": ["number", "string"], "description": "增减额（万元，可为负）"}),
]
#: A stated 结余 (万元): negative when more was spent than was available (超支).
Balance = Annotated[
    Decimal,
    PlainValidator(_signed),
    WithJsonSchema({"type": ["number", "string"], "description": "结余（万元，超支为负）"}),
]
#: A count of people or projects.
Count = Annotated[
    int,
    PlainValidator(_count),
    WithJsonSchema({"type": ["integer", "string"], "minimum": 0, "description": "个数"}),
]


class Headcount(Form):
    """One line of 编制 or 在岗人数: ``政府办行政编制 24``."""

    name: Name = Field(validation_alias=keys("name", "名称", "类别"))
    count: Count = Field(validation_alias=keys("count", "人数", "数量"))


class Staffing(Form):
    """编制数 and 在岗人数, with their parts as the report lists them."""

    authorized: Count | None = Field(None, validation_alias=keys("authorized", "编制数"))
    authorized_parts: tuple[Headcount, ...] = Field(
        (), validation_alias=keys("authorized_parts", "编制构成")
    )
    in_post: Count | None = Field(None, validation_alias=keys("in_post", "在岗人数"))
    in_post_parts: tuple[Headcount, ...] = Field(
        (), validation_alias=keys("in_post_parts", "在岗人员构成")
    )
    retired: Count | None = Field(None, validation_alias=keys("retired", "退休人员"))


class Department(Form):
    """The department itself."""

    name: Name = Field(validation_alias=keys("name", "部门名称", "单位名称"))
    code: Text = Field(None, validation_alias=keys("code", "部门编码", "单位编码"))
    units: tuple[str, ...] = Field((), validation_alias=keys("units", "内设机构"))
    affiliated: tuple[str, ...] = Field(
        (), validation_alias=keys("affiliated", "下属单位", "下属事业单位")
    )
    staffing: Staffing | None = Field(None, validation_alias=keys("staffing", "人员情况"))


class Compared(Form):
    """A figure this year and last, with the change and growth the text states."""

    current: Amount = Field(validation_alias=keys("current", "本年", "本年数"))
    previous: Amount | None = Field(None, validation_alias=keys("previous", "上年", "上年数"))
    change: Change | None = Field(None, validation_alias=keys("change", "增减额", "增加额"))
    growth: Rate | None = Field(None, validation_alias=keys("growth", "增长率", "增减率"))
    reason: Text = Field(None, validation_alias=keys("reason", "主要变动原因", "原因"))


class Part(Form):
    """One part of a total, with the share the text states: ``基本支出 868.65，占86.17%``."""

    name: Name = Field(validation_alias=keys("name", "名称", "项目"))
    amount: Amount = Field(validation_alias=keys("amount", "金额", "决算数"))
    share: Rate | None = Field(None, validation_alias=keys("share", "占比"))
    note: Text = Field(None, validation_alias=keys("note", "说明", "主要包括"))


class Breakdown(Form):
    """A total and its parts (本年收入合计 by source; 本年支出合计 by 基本/项目)."""

    total: Amount = Field(validation_alias=keys("total", "合计", "总计"))
    parts: tuple[Part, ...] = Field((), validation_alias=keys("parts", "构成", "其中"))


class Basic(Form):
    """基本支出 = 人员经费 + 公用经费."""

    total: Amount = Field(validation_alias=keys("total", "合计", "基本支出"))
    personnel: Part = Field(validation_alias=keys("personnel", "人员经费"))
    public: Part = Field(validation_alias=keys("public", "公用经费"))


class Function(Form):
    """A line of the 功能分类 table: 类 (``201``), 款 (``20103``) or 项 (``2010301``).

    ``amount`` may be left out on a 类 or 款 whose items are given: it is then their sum.
    """

    code: Name = Field(validation_alias=keys("code", "科目编码", "编码"))
    name: Name = Field(validation_alias=keys("name", "科目名称", "名称"))
    amount: Amount | None = Field(None, validation_alias=keys("amount", "决算数", "支出决算"))
    budget: Amount | None = Field(None, validation_alias=keys("budget", "预算数"))
    share: Rate | None = Field(None, validation_alias=keys("share", "占比"))
    completion: Rate | None = Field(None, validation_alias=keys("completion", "完成预算"))
    items: tuple[Function, ...] = Field((), validation_alias=keys("items", "明细", "下级"))

    @field_validator("code", mode="before")
    @classmethod
    def _code(cls, value: object) -> object:
        """``201 03 01`` as printed, or ``2010301``: digits only."""
        if isinstance(value, int) and not isinstance(value, bool):
            return str(value)
        return value.replace(" ", "") if isinstance(value, str) else value


class Budgeted(Compared):
    """A 财政拨款 total: the year's figure against last year's and, when given, its 预算数."""

    budget: Amount | None = Field(None, validation_alias=keys("budget", "预算数"))
    completion: Rate | None = Field(None, validation_alias=keys("completion", "完成预算"))


class GeneralBudget(Budgeted):
    """一般公共预算财政拨款支出: the year's figure against last year's and against its budget."""

    share_of_spending: Rate | None = Field(
        None, validation_alias=keys("share_of_spending", "占本年支出合计")
    )
    functions: tuple[Function, ...] = Field(
        (), validation_alias=keys("functions", "功能分类", "按功能分类")
    )


class ThreePublicPart(Form):
    """One of the 三公经费: 因公出国（境）费, 公务用车购置及运行维护费, 公务接待费."""

    name: Name = Field(validation_alias=keys("name", "名称"))
    budget: Amount | None = Field(None, validation_alias=keys("budget", "预算数"))
    actual: Amount = Field(validation_alias=keys("actual", "决算数", "支出"))
    previous: Amount | None = Field(None, validation_alias=keys("previous", "上年", "上年数"))
    share: Rate | None = Field(None, validation_alias=keys("share", "占比"))
    completion: Rate | None = Field(None, validation_alias=keys("completion", "完成预算"))
    change: Change | None = Field(None, validation_alias=keys("change", "增减额"))
    growth: Rate | None = Field(None, validation_alias=keys("growth", "增长率"))
    note: Text = Field(None, validation_alias=keys("note", "说明"))


class ThreePublic(Form):
    """“三公”经费财政拨款支出: the total and its three parts."""

    budget: Amount | None = Field(None, validation_alias=keys("budget", "预算数"))
    actual: Amount = Field(validation_alias=keys("actual", "决算数", "支出"))
    previous: Amount | None = Field(None, validation_alias=keys("previous", "上年", "上年数"))
    completion: Rate | None = Field(None, validation_alias=keys("completion", "完成预算"))
    change: Change | None = Field(None, validation_alias=keys("change", "增减额"))
    growth: Rate | None = Field(None, validation_alias=keys("growth", "增长率"))
    reason: Text = Field(None, validation_alias=keys("reason", "原因", "主要原因"))
    parts: tuple[ThreePublicPart, ...] = Field((), validation_alias=keys("parts", "构成"))


class Carryover(Form):
    """年初结转结余 and 年末结转结余."""

    opening: Amount = Field(Decimal(0), validation_alias=keys("opening", "年初结转结余"))
    closing: Amount = Field(Decimal(0), validation_alias=keys("closing", "年末结转结余"))


class Accounts(Form):
    """The final-accounts figures (部门决算), all in 万元, as 第二部分 of the report prints them."""

    #: 收、支总计: optional, as real reports quote 本年收入 and 本年支出 without it.
    totals: Compared | None = Field(None, validation_alias=keys("totals", "收支总计"))
    income: Breakdown = Field(validation_alias=keys("income", "本年收入", "收入"))
    spending: Breakdown = Field(validation_alias=keys("spending", "本年支出", "支出"))
    #: 年初/年末结转结余; None when the report does not state them (not 0: unknown).
    carryover: Carryover | None = Field(None, validation_alias=keys("carryover", "结转结余"))
    #: 财政拨款收、支总计, with the 财政拨款 budget (预算数) when the report gives it.
    fiscal: Budgeted | None = Field(None, validation_alias=keys("fiscal", "财政拨款收支总计"))
    general: GeneralBudget | None = Field(
        None, validation_alias=keys("general", "一般公共预算财政拨款支出")
    )
    basic: Basic | None = Field(None, validation_alias=keys("basic", "基本支出"))
    three_public: ThreePublic | None = Field(
        None, validation_alias=keys("three_public", "三公经费")
    )
    government_fund: Amount | None = Field(
        None, validation_alias=keys("government_fund", "政府性基金预算财政拨款支出")
    )
    state_capital: Amount | None = Field(
        None, validation_alias=keys("state_capital", "国有资本经营预算财政拨款支出")
    )
    operating: Compared | None = Field(None, validation_alias=keys("operating", "机关运行经费"))
    procurement: Amount | None = Field(None, validation_alias=keys("procurement", "政府采购支出"))


class Facts(Form):
    """What the department reports of its project management, for the computed items."""

    projects: Count | None = Field(None, validation_alias=keys("projects", "项目总数"))
    with_targets: Count | None = Field(
        None, validation_alias=keys("with_targets", "编制绩效目标的项目数")
    )
    assessed: Count | None = Field(
        None, validation_alias=keys("assessed", "开展事前绩效评估的项目数")
    )
    monitored: Count | None = Field(
        None, validation_alias=keys("monitored", "开展绩效监控的项目数")
    )
    #: Projects the department self-evaluated itself (评价开展).
    evaluated: Count | None = Field(
        None, validation_alias=keys("evaluated", "开展绩效自评的项目数", "开展绩效评价的项目数")
    )


class SelfEvaluation(Form):
    """The department-wide self-evaluation: claimed scores and the facts behind them."""

    claimed_score: Score | None = Field(None, validation_alias=keys("claimed_score", "自评得分"))
    #: Item name -> the score the department gives it (for a judgement item, the score used).
    scores: dict[str, Score] = Field({}, validation_alias=keys("scores", "各项得分"))
    facts: Facts = Field(Facts(), validation_alias=keys("facts", "项目管理情况"))
    problems: Text = Field(None, validation_alias=keys("problems", "存在问题"))
    #: The shipped department rubric the claims follow (``"dazhou-department"``), used when the
    #: command line names no department rubric.
    framework: Text = Field(None, validation_alias=keys("framework", "评价指标体系"))


class Category(Form):
    """One category of the department's whole budget, as 部门整体绩效分析 states it:
    ``人员类项目 预算安排777.22万元，预算执行777.22万元，预算执行率100%，无资金结余``.

    Every figure is optional. ``carried_over`` (上年结转) is available beside the year's budget:
    the funds are 预算数 + 上年结转, and 执行率 and 结余 are reckoned on them.
    """

    carried_over: Amount | None = Field(
        None, validation_alias=keys("carried_over", "上年结转", "上年结转数")
    )
    budget: Amount | None = Field(
        None, validation_alias=keys("budget", "预算数", "预算安排", "全年预算数")
    )
    executed: Amount | None = Field(
        None, validation_alias=keys("executed", "执行数", "预算执行", "预算执行数")
    )
    #: The 执行率 the text states.
    rate: Rate | None = Field(None, validation_alias=keys("rate", "执行率", "预算执行率"))
    #: The 结余 the text states (``无资金结余``: 0).
    balance: Balance | None = Field(None, validation_alias=keys("balance", "结余", "资金结余"))


class Categories(Form):
    """The department's whole budget by category (人员类, 运转类, 特定目标类项目), in 万元."""

    personnel: Category | None = Field(
        None, validation_alias=keys("personnel", "人员类", "人员类项目")
    )
    running: Category | None = Field(None, validation_alias=keys("running", "运转类", "运转类项目"))
    targeted: Category | None = Field(
        None, validation_alias=keys("targeted", "特定目标类", "特定目标类项目")
    )


#: The keys that make a ``projects`` entry an entry (with its case under ``case``), not a case.
_ENTRY_KEYS: Final = frozenset(("case", "案例", "项目案例"))


def is_entry(value: object) -> bool:
    """Whether a raw ``projects`` item is an entry object (its case under ``case``)."""
    return isinstance(value, dict) and bool(value.keys() & _ENTRY_KEYS)


class ProjectEntry(Form):
    """One of the department's projects: its case, and its 绩效自评综述 as the report prints it.

    A bare path or an embedded case object is an entry with no summary.
    """

    #: A path to a case file (relative to the department file) or a case object.
    case: str | dict[str, Any] = Field(validation_alias=keys("case", "案例", "项目案例"))
    #: The project's paragraph in the department's report, as printed: ``（5）2022年度政府工作
    #: 经费项目绩效自评得分为100分。绩效自评综述：项目全年预算数67.00万元，…``.
    summary: Text = Field(None, validation_alias=keys("summary", "绩效自评综述", "综述"))

    @model_validator(mode="before")
    @classmethod
    def _bare(cls, value: object) -> object:
        """A path or a case object alone is the entry's case."""
        if isinstance(value, str | dict) and not is_entry(value):
            return {"case": value}
        return value


class DepartmentCase(Form):
    """A department's year: who it is, its projects, its final accounts and its self-evaluation."""

    schema_ref: Text = Field(None, validation_alias="$schema", exclude=True)
    kind: Annotated[
        Literal["department"],
        WithJsonSchema({"type": "string", "enum": list(DEPARTMENT_KINDS)}),
    ] = Field(validation_alias=keys("kind", "类型"))
    year: int | None = Field(None, validation_alias=keys("year", "年度"), ge=1949, le=2200)
    department: Department = Field(validation_alias=keys("department", "部门"))

    @field_validator("year", mode="before")
    @classmethod
    def _year(cls, value: object) -> object:
        return year_value(value)

    #: Each a path to a case file (relative to this file), a case object, or an entry giving
    #: either as ``case`` with the project's ``summary``; the loader reads them.
    projects: tuple[ProjectEntry, ...] = Field((), validation_alias=keys("projects", "项目"))
    #: Whether ``projects`` lists every project of the department's 项目支出 (so that their
    #: 执行数 must add up to it).
    projects_complete: bool = Field(
        False, validation_alias=keys("projects_complete", "项目齐全", "项目清单完整"), strict=True
    )
    #: The department's whole budget by category (部门整体绩效分析).
    budget: Categories | None = Field(None, validation_alias=keys("budget", "部门预算", "预算执行"))
    accounts: Accounts | None = Field(None, validation_alias=keys("accounts", "决算"))
    evaluation: SelfEvaluation = Field(
        SelfEvaluation(), validation_alias=keys("evaluation", "整体评价")
    )

    @field_validator("kind", mode="before")
    @classmethod
    def _kind(cls, value: object) -> object:
        return "department" if value in DEPARTMENT_KINDS else value


#: How a case says it is a department case.

#: Nested parts by field name, for naming an unknown key (as ``case.CHILDREN`` for projects).
DEPARTMENT_CHILDREN: Final[dict[type[Form], dict[str, type[Form]]]] = {
    **CHILDREN,
    DepartmentCase: {
        "department": Department,
        "projects": ProjectEntry,
        "budget": Categories,
        "accounts": Accounts,
        "evaluation": SelfEvaluation,
    },
    Categories: dict.fromkeys(("personnel", "running", "targeted"), Category),
    Department: {"staffing": Staffing},
    Staffing: {"authorized_parts": Headcount, "in_post_parts": Headcount},
    Accounts: {
        **dict.fromkeys(("totals", "operating"), Compared),
        "fiscal": Budgeted,
        **dict.fromkeys(("income", "spending"), Breakdown),
        "carryover": Carryover,
        "general": GeneralBudget,
        "basic": Basic,
        "three_public": ThreePublic,
    },
    Breakdown: {"parts": Part},
    Basic: {"personnel": Part, "public": Part},
    GeneralBudget: {"functions": Function},
    Function: {"items": Function},
    ThreePublic: {"parts": ThreePublicPart},
    SelfEvaluation: {"facts": Facts},
}


@dataclass(frozen=True, slots=True)
class DepartmentProject:
    """One project of a department: where its case came from, the case, and its paragraph in
    the department's report (``summary``), if the case gives it."""

    source: str
    case: Case
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class LoadedDepartment:
    """A department case with the project cases it names or embeds, read."""

    case: DepartmentCase
    source: str | None
    projects: tuple[DepartmentProject, ...]


__all__ = [
    "DEPARTMENT_CHILDREN",
    "Accounts",
    "Balance",
    "Basic",
    "Breakdown",
    "Budgeted",
    "Carryover",
    "Categories",
    "Category",
    "Compared",
    "Department",
    "DepartmentCase",
    "DepartmentProject",
    "Facts",
    "Function",
    "GeneralBudget",
    "Headcount",
    "LoadedDepartment",
    "Part",
    "ProjectEntry",
    "SelfEvaluation",
    "Staffing",
    "ThreePublic",
    "ThreePublicPart",
    "is_entry",
]
