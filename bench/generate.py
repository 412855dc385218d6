"""Synthetic 预算绩效自评 project cases for benchmarks: one compact JSON object per line.

    python bench/generate.py 100000 -o bench/data/cases-100000.jsonl [--seed 1] [--bad-rate 0.05]

The mix follows the shipped cases (cases/miyi-2022-*.json, cases/hand-*.json): county
departments, "code-name" project names, 财政资金 rows with the form's empty 其他资金 row, 8-20
indicators over 产出/效益/满意度, operators ≥ ＝ ≤ ＜ ＞ 定性, actuals that mostly meet their target
and sometimes fall short or are text ("已全部完成", "较好"), claimed weights on about 60% of cases,
claimed scores mostly 95-100. Half the cases use the English keys, half the Chinese column names.

The output depends only on N, the seed and the bad rate; the good lines do not depend on the bad
rate (broken lines draw from their own random stream). ``--check`` loads and scores every line
with perfscore (both shipped rubrics) and fails if a good line errs or a bad line does not.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypeVar

import orjson

from perfscore.models.operators import VOCABULARY

Row = dict[str, Any]
T = TypeVar("T")


def _num(value: float) -> float | int:
    """A whole number as an int (100, not 100.0), as a person types it."""
    return int(value) if value == int(value) else value


def _one(rng: random.Random, items: Sequence[T]) -> T:
    """``rng.choice(items)``, several times faster (one float instead of rejection sampling)."""
    return items[int(rng.random() * len(items))]


def _between(rng: random.Random, low: int, high: int) -> int:
    """``rng.randint(low, high)``, faster."""
    return low + int(rng.random() * (high - low + 1))


# --- Key spellings --------------------------------------------------------------------------
# Each canonical key -> the Chinese column names the case format accepts for it (README, "The
# case format"). A Chinese-keyed case picks one spelling per key, the first one most often.

CASE_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "kind": ("类型",),
    "year": ("年度",),
    "project": ("项目", "项目基本情况"),
    "goal": ("绩效目标", "项目年度目标完成情况"),
    "summary": ("项目实施内容及过程概述", "实施情况"),
    "budget": ("预算执行情况",),
    "indicators": ("绩效指标", "绩效指标完成情况"),
    "claimed_score": ("自评得分",),
}
PROJECT_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "code": ("项目编码", "项目代码"),
    "name": ("项目名称",),
    "department": ("主管部门",),
    "implementer": ("实施单位",),
}
GOAL_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "planned": ("项目年度目标", "年度目标"),
    "achieved": ("年度目标完成情况", "目标完成情况"),
}
_ROW_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "initial": ("年初预算", "年初预算数"),
    "adjusted": ("调整后预算数", "调整后预算", "全年预算数"),
    "executed": ("预算执行数", "全年执行数", "执行数"),
    "rate": ("预算执行率", "执行率"),
}
BUDGET_KEYS: Final[dict[str, tuple[str, ...]]] = {
    **_ROW_KEYS,
    "weight": ("权重", "分值"),
    "score": ("得分",),
    "unit": ("金额单位",),
    "reason": ("未达90%或调整的原因", "偏差原因", "原因"),
    "sources": ("资金来源", "其中"),
}
SOURCE_KEYS: Final[dict[str, tuple[str, ...]]] = {"name": ("资金来源", "名称"), **_ROW_KEYS}
INDICATOR_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "level1": ("一级指标",),
    "level2": ("二级指标",),
    "name": ("三级指标", "指标名称"),
    "operator": ("指标性质", "比较符号"),
    "target": ("指标值", "年度指标值", "目标值"),
    "unit": ("度量单位", "计量单位"),
    "actual": ("完成值", "实际完成值", "全年实际值"),
    "weight": ("权重", "分值"),
    "score": ("得分",),
    "reason": ("偏差原因", "未完成原因分析", "偏差原因分析及改进措施"),
}


@dataclass(frozen=True, slots=True)
class Keys:
    """One case's spelling of every key (canonical name -> key written)."""

    case: dict[str, str]
    project: dict[str, str]
    goal: dict[str, str]
    budget: dict[str, str]
    source: dict[str, str]
    indicator: dict[str, str]
    chinese: bool


def _spelling(table: dict[str, tuple[str, ...]], rng: random.Random | None) -> dict[str, str]:
    if rng is None:
        return {key: key for key in table}
    return {
        key: names[0] if rng.random() < 0.7 else _one(rng, names) for key, names in table.items()
    }


def _keys(rng: random.Random | None) -> Keys:
    return Keys(
        case=_spelling(CASE_KEYS, rng),
        project=_spelling(PROJECT_KEYS, rng),
        goal=_spelling(GOAL_KEYS, rng),
        budget=_spelling(BUDGET_KEYS, rng),
        source=_spelling(SOURCE_KEYS, rng),
        indicator=_spelling(INDICATOR_KEYS, rng),
        chinese=rng is not None,
    )


ENGLISH: Final = _keys(None)
#: Chinese spellings, drawn once (fixed seed) so that a case only picks one: cheaper per case.
CHINESE: Final = tuple(_keys(random.Random(f"keys-{i}")) for i in range(64))


def _rename(row: Row, spelling: dict[str, str]) -> Row:
    return {spelling[key]: value for key, value in row.items()}


# --- Vocabulary -----------------------------------------------------------------------------

#: County -> its 6-digit administrative code (the first 6 characters of a project code).
COUNTIES: Final = (
    ("米易县", "510421"), ("盐边县", "510422"), ("德昌县", "513424"), ("会东县", "513426"),
    ("宁南县", "513427"), ("普格县", "513428"), ("布拖县", "513429"), ("金阳县", "513430"),
    ("昭觉县", "513431"), ("喜德县", "513432"), ("冕宁县", "513433"), ("越西县", "513434"),
    ("甘洛县", "513435"), ("美姑县", "513436"), ("雷波县", "513437"),
)  # fmt: skip

#: Department (the 县 is replaced by the county's name) -> typical project themes.
DEPARTMENTS: Final[tuple[tuple[str, tuple[str, ...]], ...]] = (
    ("县人民政府办公室", ("政府工作经费", "网络运行费", "视频会议系统设备更新经费",
                          "全响应中心分会场设备采购经费", "机关效能建设工作经费")),
    ("县教育局", ("学生营养改善计划", "义务教育薄弱环节改善与能力提升", "教师培训经费",
                  "学前教育保教费补助", "中小学校舍维修改造")),
    ("县农业农村局", ("耕地地力保护补贴", "高标准农田建设", "农村人居环境整治",
                      "动物疫病防控经费", "基层农技推广体系建设")),
    ("县财政局", ("财政信息化建设经费", "预算绩效管理工作经费", "惠民惠农财政补贴一卡通")),
    ("县卫生健康局", ("基本公共卫生服务补助", "计划生育家庭奖励扶助", "家庭医生签约服务",
                      "重大传染病防控经费")),
    ("县民政局", ("城乡最低生活保障资金", "特困人员救助供养", "临时救助资金",
                  "社区服务设备购置", "高龄老人生活补贴")),
    ("县人力资源和社会保障局", ("就业创业补助资金", "职业技能提升培训", "基层干部培训项目",
                                "公益性岗位补贴")),
    ("县交通运输局", ("农村公路养护补助", "农村客运补贴", "公路安全生命防护工程")),
    ("县水利局", ("农村饮水安全工程维修养护", "河长制工作经费", "小型水库除险加固",
                  "山洪灾害防治非工程措施运行维护")),
    ("县自然资源局", ("国土空间规划编制经费", "不动产登记工作经费", "地质灾害防治")),
    ("县住房和城乡建设局", ("城镇老旧小区改造", "农村危房改造补助", "城市生活垃圾处理")),
    ("县文化广播电视和旅游局", ("文化下乡服务项目", "公共文化服务体系建设", "乡村旅游宣传推广",
                                "农家书屋出版物补充更新")),
    ("县应急管理局", ("应急物资储备", "安全生产监管执法经费", "森林草原防灭火专项经费")),
    ("县林业和草原局", ("天然林资源保护", "森林生态效益补偿", "退耕还林补助")),
    ("县市场监督管理局", ("食品安全抽检监测", "特种设备安全监察", "计量检定经费")),
    ("县司法局", ("普法宣传项目", "人民调解员补贴", "社区矫正工作经费", "法律援助经费")),
    ("县公安局", ("道路交通安全管理经费", "天网工程运行维护", "禁毒工作经费")),
    ("县发展和改革局", ("重点项目前期工作经费", "价格监测经费", "地方储备粮管理")),
    ("县经济信息化和科学技术局", ("中小企业发展专项资金", "科技计划项目补助")),
    ("县商务局", ("电子商务进农村综合示范", "招商引资工作经费")),
    ("县统计局", ("第五次全国经济普查经费", "统计调查工作经费")),
    ("县审计局", ("审计业务经费", "政府投资项目审计经费")),
    ("县退役军人事务局", ("优抚对象抚恤补助", "退役士兵安置经费")),
    ("县医疗保障局", ("城乡居民医疗救助", "医疗保障基金监管经费")),
    ("县乡村振兴局", ("衔接推进乡村振兴补助资金", "驻村帮扶工作经费", "援藏援彝等其他项目")),
    ("县残疾人联合会", ("残疾人康复救助", "困难残疾人生活补贴和重度残疾人护理补贴")),
    ("县妇女联合会", ("农村妇女两癌筛查", "妇女儿童关爱服务经费")),
    ("县档案馆", ("档案数字化加工经费",)),
    ("县机关事务服务中心", ("公务用车运行维护费", "办公楼维修改造")),
    ("县融媒体中心", ("融媒体中心运行经费", "广播电视户户通运行维护")),
    ("县综合行政执法局", ("城市环境卫生保洁", "城市路灯维护经费")),
)  # fmt: skip

IMPLEMENTERS: Final = ("服务中心", "事务中心", "管理站", "工作站", "中心")
GOAL_PHRASES: Final = (
    "确保资金及时足额拨付到位", "提高公共服务水平和服务质量", "保障项目按期完成并通过验收",
    "有效提升群众满意度和获得感", "为全县经济社会高质量发展提供保障", "严格执行相关政策规定",
    "预算编制科学合理，减少结余资金", "建立健全长效管护机制", "保障单位正常运转",
    "切实提高资金使用效益", "按照合同约定完成全部建设内容", "确保安全生产零事故",
)  # fmt: skip
SUMMARY_PHRASES: Final = (
    "按政府采购程序确定供应商并签订合同", "分批次组织实施并开展督导检查",
    "项目完成后组织相关部门进行验收", "资金按照进度及时拨付", "建立项目台账，实行动态管理",
    "通过一卡通直接发放到户", "聘请第三方机构提供技术服务", "定期开展项目绩效运行监控",
)  # fmt: skip
SHORT_REASONS: Final = (
    "受疫情影响部分工作延期", "部分项目尚未完成验收，资金未支付", "政府采购流程较长",
    "实际受益对象少于预期", "第三期培训因场地改造延期至次年", "汛期停工", "部分乡镇合并实施",
    "上级资金下达较晚", "按实际需求据实结算",
)  # fmt: skip
BUDGET_REASONS: Final = (
    "年中追加预算", "按实际需求调减预算", "上级专项资金追加", "项目结余资金收回统筹",
    "部分资金结转下年使用", "年中追加单位自筹资金用于设备维修",
)  # fmt: skip
TEXT_ACTUALS: Final = (
    ("已全部完成", 40), ("达到预期", 10), ("完成", 8), ("已完成", 8), ("较好", 6),
    ("基本完成", 6), ("满意", 4), ("良好", 4), ("达成年度指标", 4), ("按时完成", 4),
    ("圆满完成", 2), ("部分完成", 2), ("见附件", 1), ("未完成", 1),
)  # fmt: skip
QUALITATIVE_TARGETS: Final = (
    ("优", 40), ("优良中低差", 20), ("良好", 8), ("良", 6), ("效果明显", 8), ("达到预期", 6),
    ("显著提升", 4), ("逐步改善", 4), ("优、良、中、差", 2), ("有效保障", 2),
)  # fmt: skip
QUALITATIVE_ACTUALS: Final = (
    ("已全部完成", 30), ("优", 25), ("达到预期", 10), ("良好", 8), ("较好", 6), ("效果明显", 6),
    ("良", 4), ("基本完成", 4), ("满意", 3), ("基本达成", 2), ("中", 1), ("有待提高", 1),
)  # fmt: skip


def _weighted(pairs: Sequence[tuple[str, int]]) -> tuple[str, ...]:
    """Each name repeated as often as its weight: a uniform pick from it is a weighted pick."""
    return tuple(name for name, weight in pairs for _ in range(weight))


_TEXT_ACTUALS: Final = _weighted(TEXT_ACTUALS)
_QUAL_TARGETS: Final = _weighted(QUALITATIVE_TARGETS)
_QUAL_ACTUALS: Final = _weighted(QUALITATIVE_ACTUALS)
_QUAL_SHORT: Final = frozenset(("中", "基本完成", "基本达成", "有待提高"))
_TEXT_SHORT: Final = frozenset(("基本完成", "部分完成", "未完成", "见附件"))


#: Kind of indicator -> the targets drawn for it (uniformly). ``year`` and ``budget`` are drawn
#: from the case (its year, its budget); a ``zero`` kind under ＜ has the target 1 (＜ 1 起).
TARGETS: Final[dict[str, tuple[Any, ...]]] = {
    "count": (10, 20, 30, 50, 60, 80, 100, 120, 150, 200, 300, 500, 800, 1000),
    "small": tuple(range(1, 21)),
    "large": (500, 1000, 2000, 3000, 5000, 10000),
    "days": (30, 60, 90, 128, 180, 240, 365),
    "percent": (80, 85, 90, 90, 95, 95, 98, 100),
    "satisfaction": (85, 90, 90, 95, 95, 98, 98, 100),
    "full": (100,),
    "zero": (0, 0, 1),
    "month": (6, 10, 11, 12, 12, 12),
    "years": (1, 3, 5, 5, 10),
    "income": (5, 10, 20, 50, 100),
    "per-unit": (200, 500, 800, 1000, 1200, 3000),
    "year": (None,),
    "budget": (None,),
}
Variant = tuple[str, str, Any]  # 三级指标, operator, target (None: drawn from the case)


@dataclass(frozen=True, slots=True)
class Spec:
    """One kind of indicator: its names, unit, and every (name, operator, target) it may take,
    repeated by their weights so that one uniform draw picks all three."""

    level2: str
    unit: str | None
    kind: str
    variants: tuple[Variant, ...]


def _targets(kind: str, operator: str) -> tuple[Any, ...]:
    if kind == "qual":
        return _QUAL_TARGETS
    return (1, 1, 1) if kind == "zero" and operator == "＜" else TARGETS[kind]


def _spec(level2: str, unit: str | None, kind: str, operators: str, names: str) -> Spec:
    """``_spec("数量指标", "人次", "count", "≥7 ＝3", "培训人次 服务对象人次")``: operators with
    their weights, names separated by spaces."""
    weighted = [
        (word.rstrip("0123456789"), int(word.lstrip("≥≤＝＜＞定性"))) for word in operators.split()
    ]
    variants = tuple(
        (name, operator, target)
        for name in names.split()
        for operator in _weighted(weighted)
        for target in _targets(kind, operator)
    )
    return Spec(level2, unit, kind, variants)


SPECS: Final[dict[str, tuple[Spec, ...]]] = {
    "产出指标": (
        _spec("数量指标", "人次", "count", "≥7 ＝3", "培训人次 服务对象人次 接待群众人次"),
        _spec("数量指标", "人", "count", "≥6 ＝4", "补助发放人数 受益人数 救助对象人数"),
        _spec("数量指标", "户", "count", "≥6 ＝4", "受益户数 补贴发放户数 改造户数"),
        _spec("数量指标", "台", "small", "＝6 ≥4", "采购设备数量 更新终端设备"),
        _spec("数量指标", "个", "small", "≥5 ＝5", "覆盖乡镇数 建设项目个数 建设站点数"),
        _spec("数量指标", "次", "count", "≥8 ＝2", "召开会议次数 开展宣传活动次数 督导检查次数"),
        _spec("数量指标", "公里", "small", "≥6 ＝4", "维修养护里程 新建改建道路"),
        _spec("数量指标", "份", "large", "≥8 ＝2", "印发宣传资料 发放宣传手册"),
        _spec("数量指标", "批次", "count", "≥9 ＝1", "抽检批次 开展培训班次"),
        _spec("数量指标", "天", "days", "＝6 ≥4", "服务天数 驻村天数"),
        _spec("质量指标", "%", "percent", "≥8 ＝2", "验收合格率 设备完好率 培训合格率 抽检合格率"),
        _spec("质量指标", "%", "full", "＝6 ≥4", "资金发放准确率 政策执行到位率 覆盖率"),
        _spec("质量指标", None, "qual", "定性1", "工作完成质量 使用效果 设备质量 服务质量"),
        _spec("质量指标", "起", "zero", "＜4 ≤3 ＝3", "安全事故 责任事故发生数"),
        _spec("时效指标", "年", "year", "＝8 ≤2", "完成时间"),
        _spec("时效指标", "月", "month", "≤6 ＝4", "完成时间 完成期限 资金拨付时限"),
        _spec("时效指标", "%", "percent", "≥6 ＝4", "资金拨付及时率 项目完成及时率"),
        _spec("时效指标", None, "qual", "定性1", "按时完成情况"),
        _spec("成本指标", "元", "budget", "＝6 ≤4", "资金投入 项目总成本 设备采购成本"),
        _spec("成本指标", "万元", "budget", "≤6 ＝3 ≥1", "项目资金 建设成本"),
        _spec("成本指标", "元/人", "per-unit", "≤5 ＝5", "人均补助标准 户均补助标准"),
        _spec("成本指标", None, "qual", "定性1", "成本控制"),
    ),
    "效益指标": (
        _spec("经济效益指标", "万元", "income", "≥9 ＞1", "带动群众增收 节约财政资金"),
        _spec("经济效益指标", None, "qual", "定性1", "促进经济发展 脱贫村村民经济收入成效"),
        _spec("社会效益指标", "%", "percent", "≥9 ＝1", "政策知晓率 群众知晓率 服务覆盖率"),
        _spec("社会效益指标", "人", "count", "≥7 ＞1 ＝2", "受益群众 带动就业人数"),
        _spec("社会效益指标", None, "qual", "定性1", "社会效益 提高公共服务水平 促进社会和谐稳定"),
        _spec("社会效益指标", "件", "zero", "≤5 ＜5", "群众投诉 重复信访"),
        _spec("可持续影响指标", "年", "years", "≥1", "项目持续发挥作用年限 设备使用年限"),
        _spec("可持续影响指标", None, "qual", "定性1", "长效管护机制 可持续发展能力"),
        _spec("可持续影响指标", "篇", "count", "≥1", "每年发布信息 宣传报道"),
    ),
    "满意度指标": (
        _spec(
            "服务对象满意度指标",
            "%",
            "satisfaction",
            "≥9 ＝1",
            "服务对象满意度 群众满意度 受益群众满意度 参训人员满意度 使用者满意度",
        ),
    ),
}

ASCII_OPERATORS: Final = {op.symbol: op.ascii for op in VOCABULARY if op.ascii is not None}
LEVEL_POINTS: Final = {"产出指标": 50, "效益指标": 30, "满意度指标": 10}


# --- Budget ---------------------------------------------------------------------------------


def _rate_text(executed: int, adjusted: int) -> str:
    """executed/adjusted in percent to 2 places, rounded half-up, from integer cents."""
    if adjusted == 0:
        return "0.00%"
    basis_points = (executed * 20000 + adjusted) // (2 * adjusted)
    return f"{basis_points // 100}.{basis_points % 100:02d}%"


def _money(cents: int, as_yuan: bool) -> float | int:
    """An amount as the form prints it: 万元 to 2 places, or 元."""
    if as_yuan:
        return cents * 100
    return cents / 100 if cents % 100 else cents // 100


@dataclass(slots=True)
class Money:
    """The budget of one case, in cents of 万元 (so 24.22 万元 is 2422)."""

    initial: int
    adjusted: int
    executed: int
    as_yuan: bool


def _draw_money(rng: random.Random) -> Money:
    adjusted = 0 if rng.random() < 0.01 else int(math.exp(rng.uniform(3.4, 12.6)))
    roll = rng.random()
    if adjusted == 0:
        executed = 0
    elif roll < 0.55:
        executed = adjusted
    elif roll < 0.90:
        executed = round(adjusted * rng.uniform(0.85, 0.9999))
    elif roll < 0.95:
        executed = round(adjusted * rng.uniform(0.4, 0.85))
    else:
        executed = round(adjusted * rng.uniform(1.0001, 1.1))
    roll = rng.random()
    if roll < 0.4:
        initial = 0
    elif roll < 0.8:
        initial = adjusted
    else:
        initial = round(adjusted * rng.uniform(0.7, 1.3))
    return Money(initial, adjusted, executed, rng.random() < 0.1)


def _source(name: str, amounts: tuple[int, int, int], money: Money) -> Row:
    """A funding row from its (initial, adjusted, executed) cents."""
    initial, adjusted, executed = amounts
    return {
        "name": name,
        "initial": _money(initial, money.as_yuan),
        "adjusted": _money(adjusted, money.as_yuan),
        "executed": _money(executed, money.as_yuan),
        "rate": _rate_text(executed, adjusted),
    }


def _sources(rng: random.Random, money: Money) -> list[Row]:
    roll = rng.random()
    if roll < 0.3:
        return []
    if roll < 0.55:
        share = rng.uniform(0.05, 0.4)
        total = (money.initial, money.adjusted, money.executed)
        part = (round(total[0] * share), round(total[1] * share), round(total[2] * share))
        main = (total[0] - part[0], total[1] - part[1], total[2] - part[2])
        second = _one(rng, ("单位资金", "其他资金", "上级补助资金"))
        return [_source("财政资金", main, money), _source(second, part, money)]
    rows = [_source("财政资金", (money.initial, money.adjusted, money.executed), money)]
    if roll < 0.8:
        return rows
    # The full form, as printed: empty 财政专户/单位资金 rows and a blank 其他资金 row.
    rows += [_source(name, (0, 0, 0), money) for name in ("财政专户管理资金", "单位资金")]
    blank = dict.fromkeys(("initial", "adjusted", "executed", "rate"))
    rows.append({"name": "其他资金", **blank})
    return rows


def _budget(rng: random.Random, money: Money, keys: Keys, weighted: bool) -> Row:
    as_yuan = money.as_yuan
    rate = _rate_text(money.executed, money.adjusted)
    budget: Row = {
        "initial": _money(money.initial, as_yuan),
        "adjusted": _money(money.adjusted, as_yuan),
        "executed": _money(money.executed, as_yuan),
        "rate": rate if rng.random() < 0.85 else float(rate[:-1]),
    }
    if rng.random() < 0.03:  # a rate worked out on the initial budget, or mistyped
        budget["rate"] = f"{rng.uniform(80, 100):.2f}%"
    if weighted:
        budget["weight"] = 10
        budget["score"] = _num(min(10.0, round(float(rate[:-1]) / 10, 2)))
        if rng.random() < 0.2:
            budget["score"] = 10
    if as_yuan:
        budget["unit"] = "元"
    elif rng.random() < 0.6:
        budget["unit"] = "万元"
    below = money.executed * 10 < money.adjusted * 9
    if (below or money.initial != money.adjusted) and rng.random() < 0.5:
        budget["reason"] = _one(rng, SHORT_REASONS if below else BUDGET_REASONS)
    sources = _sources(rng, money)
    if sources:
        if rng.random() < 0.03:  # a stated total that is not the sum of the rows
            budget["executed"] = _money(money.executed + _between(rng, 1, 500), as_yuan)
        budget["sources"] = [_rename(s, keys.source) for s in sources]
    return _rename(budget, keys.budget)


# --- Indicators -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """What every indicator of a case may refer to."""

    year: int
    money: Money
    text_rate: float  # the share of quantitative rows whose actual is text
    ascii: bool  # operators written >= <= = < >

    @property
    def short_below(self) -> float:
        """A draw below this (and above text_rate) gives an actual that falls short."""
        return self.text_rate + 0.06 * (1 - self.text_rate)


def _case_target(rng: random.Random, spec: Spec, context: Context) -> Any:
    """A target drawn from the case: its year, or its budget (sometimes the initial one)."""
    if spec.kind == "year":
        return context.year
    cents = context.money.adjusted if rng.random() < 0.85 else context.money.initial
    return cents * 100 if spec.unit == "元" else _money(cents, False)


def _number_actual(rng: random.Random, operator: str, target: Any, kind: str) -> Any:
    """A numeric actual that meets the target, as most do."""
    integral = isinstance(target, int)
    if operator in ("＝", "≤") or kind in ("year", "month", "full", "budget", "zero"):
        return target
    if operator == "＜":
        return 0 if integral else target * 0.5
    if kind in ("percent", "satisfaction"):
        return min(100, target + _one(rng, (0, 0, 1, 2, 3, 0.5, 1.5)))
    draw = rng.random()
    if draw < 0.3:
        factor = 1.0
    elif draw < 0.9:
        factor = 1 + (draw - 0.3) / 4  # 1.00-1.15
    else:
        factor = 1.2 + (draw - 0.9) * 8  # 1.2-2.0: the target was set too low
    value = target * factor + (1 if operator == "＞" else 0)
    return math.ceil(value) if integral else round(value, 2)


def _short_actual(rng: random.Random, operator: str, target: Any, kind: str) -> Any:
    """A numeric actual that falls short of the target."""
    if kind in ("zero", "month", "year"):  # events that happened, a deadline missed
        return target + (1 if kind == "year" else _between(rng, 1, 3))
    if operator in ("≤", "＜"):
        return round(target * rng.uniform(1.02, 1.2), 2)
    value = target * rng.uniform(0.6, 0.98)
    return int(value) if isinstance(target, int) and target > 20 else round(value, 2)


def _actual(
    rng: random.Random, spec: Spec, operator: str, target: Any, context: Context
) -> tuple[Any, bool]:
    """The actual and whether it falls short: text at the case's rate, else short 6 times in 100."""
    if operator == "定性":
        actual = _one(rng, _QUAL_ACTUALS)
        return actual, actual in _QUAL_SHORT
    draw = rng.random()
    if draw < context.text_rate:
        actual = _one(rng, _TEXT_ACTUALS)
        return actual, actual in _TEXT_SHORT
    if draw < context.short_below:
        return _short_actual(rng, operator, target, spec.kind), True
    actual = _number_actual(rng, operator, target, spec.kind)
    if spec.unit is not None and draw > 0.9:  # "98%": the unit in the cell
        return f"{actual}{spec.unit}", False
    return actual, False


def _indicator(
    rng: random.Random,
    spec: Spec,
    variant: Variant,
    *,
    level1: str,
    weight: int | None,
    scored: bool,
    context: Context,
    names: dict[str, str],
) -> tuple[Row, float]:
    """One row, with its 一级指标 cell and claimed weight, and whether to claim a score; returns
    the row and its claimed score (0 when none)."""
    name, operator, target = variant
    row: Row = {names["level1"]: level1, names["level2"]: spec.level2, names["name"]: name}
    if operator == "定性":
        row[names["operator"]] = "定性"
        row[names["target"]] = target
        if rng.random() < 0.5:
            row[names["unit"]] = None
    else:
        if target is None:
            target = _case_target(rng, spec, context)
        if rng.random() < 0.03 and spec.unit is not None:  # "≥50个": no operator column
            row[names["target"]] = f"{operator}{target}{spec.unit}"
        else:
            row[names["operator"]] = ASCII_OPERATORS[operator] if context.ascii else operator
            row[names["target"]] = target
            row[names["unit"]] = spec.unit
    actual, short = _actual(rng, spec, operator, target, context)
    row[names["actual"]] = actual
    claimed: float = 0
    if weight is not None:
        row[names["weight"]] = weight
        if scored:  # a row that fell short is often still claimed in full
            claimed = weight if not short or rng.random() < 0.5 else round(weight * 0.8, 2)
            row[names["score"]] = _num(claimed)
    if short and rng.random() < 0.6:
        row[names["reason"]] = _one(rng, SHORT_REASONS)
    return row, claimed


def _levels(rng: random.Random) -> list[str]:
    """The 一级指标 of each row, in form order: 8-20 rows, fewer more often (mean 12)."""
    count = 8 + int(13 * rng.random() ** 2)
    satisfaction = 0 if rng.random() < 0.05 else (1 if rng.random() < 0.7 else 2)
    outcome = 0 if rng.random() < 0.01 else max(1, round(count * rng.uniform(0.2, 0.4)))
    output = count - satisfaction - outcome
    return ["产出指标"] * output + ["效益指标"] * outcome + ["满意度指标"] * satisfaction


def _split(points: int, count: int) -> list[int]:
    base, extra = divmod(points, count)
    return [base + (1 if i < extra else 0) for i in range(count)]


def _weights(rng: random.Random, levels: list[str]) -> tuple[list[int], dict[str, str]]:
    """Claimed integer weights summing to 90 (usually), and the 一级指标 cells to write."""
    counts = {level: levels.count(level) for level in LEVEL_POINTS if level in levels}
    points = dict(LEVEL_POINTS)
    if rng.random() < 0.1:  # the 100-point habit: 产出 60
        points["产出指标"] = 60
    missing = sum(LEVEL_POINTS[level] for level in LEVEL_POINTS if level not in counts)
    first = next(iter(counts))
    points[first] += missing
    weights: list[int] = []
    for level, count in counts.items():
        weights += _split(points[level], count)
    if rng.random() < 0.08:
        weights[rng.randrange(len(weights))] += _one(rng, (-2, -1, 1, 2, 5))
    cells = {level: level for level in counts}
    if rng.random() < 0.25:
        cells = {level: f"{level}（{points[level]}分）" for level in counts}
    return [max(0, w) for w in weights], cells


def _draw(rng: random.Random, specs: tuple[Spec, ...], used: set[str]) -> tuple[Spec, Variant]:
    """A spec and variant whose 三级指标 the case has not used yet (a few tries)."""
    for _ in range(4):
        spec = specs[int(rng.random() * len(specs))]
        variants = spec.variants
        variant = variants[int(rng.random() * len(variants))]
        if variant[0] not in used:
            break
    used.add(variant[0])
    return spec, variant


@dataclass(frozen=True, slots=True)
class Indicators:
    rows: list[Row]
    weighted: bool
    claimed: float | None  # the sum of the claimed row scores, when every row has one


def _indicators(rng: random.Random, context: Context, keys: Keys) -> Indicators:
    levels = _levels(rng)
    weighted = rng.random() < 0.6
    weights, cells = _weights(rng, levels) if weighted else ([], {})
    scored = weighted and rng.random() < 0.7
    cost_as_level = rng.random() < 0.03
    rows: list[Row] = []
    claimed = 0.0
    used: set[str] = set()
    for index, level in enumerate(levels):
        spec, variant = _draw(rng, SPECS[level], used)
        level1 = "成本指标" if cost_as_level and spec.level2 == "成本指标" else level
        weight = weights[index] if weighted else None
        cell = cells.get(level1, level1)
        row, score = _indicator(
            rng,
            spec,
            variant,
            level1=cell,
            weight=weight,
            scored=scored,
            context=context,
            names=keys.indicator,
        )
        rows.append(row)
        claimed += score
    return Indicators(rows, weighted, claimed if scored else None)


# --- Case -----------------------------------------------------------------------------------


def _project(rng: random.Random, year: int, keys: Keys) -> tuple[Row, str]:
    county, region = _one(rng, COUNTIES)
    office, themes = _one(rng, DEPARTMENTS)
    department = county + office[1:]
    if rng.random() < 0.05:
        department += "部门"
    theme = _one(rng, themes)
    roll = rng.random()
    name = f"{year}年度{theme}" if roll < 0.2 else f"{county}{theme}" if roll < 0.3 else theme
    code = f"{region}{year % 100}{_one(rng, 'TTTYYRX')}{int(rng.random() * 10**7):012d}"
    project: Row = {}
    roll = rng.random()
    if roll < 0.25:
        project["name"] = f"{code}-{name}"
    else:
        if roll < 0.8:
            project["code"] = code
        project["name"] = name
    project["department"] = department
    if rng.random() < 0.3:
        project["implementer"] = county + office[1:].split("局")[0] + _one(rng, IMPLEMENTERS)
    return _rename(project, keys.project), theme


def _goal(rng: random.Random, theme: str, keys: Keys) -> Row:
    phrases = _run(rng, GOAL_PHRASES, _between(rng, 2, 5))
    planned = f"{theme}：" + "，".join(phrases) + "。"
    done = phrases[: _between(rng, 1, len(phrases))]
    achieved = f"全年完成{theme}各项工作任务，" + "，".join(done) + "。"
    return _rename({"planned": planned, "achieved": achieved}, keys.goal)


def _run(rng: random.Random, items: tuple[str, ...], count: int) -> tuple[str, ...]:
    """``count`` items in a row, from a random start (wrapping): cheaper than ``rng.sample``."""
    start = int(rng.random() * len(items))
    return (items + items)[start : start + count]


def _claimed(rng: random.Random, rows: float | None, budget: Row) -> float | int:
    """The 自评得分: the sum of the claimed scores when there are some, else mostly 95-100."""
    budget_score = budget.get("score", budget.get("得分"))
    if rows is not None and budget_score is not None and rng.random() < 0.7:
        return _num(round(rows + budget_score, 2))
    roll = rng.random()
    if roll < 0.5:
        return 100
    if roll < 0.85:
        return round(rng.uniform(95, 99.99), 2)
    if roll < 0.95:
        return round(rng.uniform(90, 95), 1)
    return _between(rng, 70, 90)


def make_case(rng: random.Random) -> Row:
    """One synthetic project case, as a JSON-ready dict."""
    keys = ENGLISH if rng.random() < 0.5 else CHINESE[int(rng.random() * len(CHINESE))]
    year = 2022 if rng.random() < 0.55 else 2023
    money = _draw_money(rng)
    all_text = rng.random() < 0.2
    context = Context(year, money, 0.95 if all_text else 0.06, rng.random() < 0.05)
    project, theme = _project(rng, year, keys)
    case: Row = {}
    if rng.random() < 0.5:
        case["kind"] = "project"
    case["year"] = year
    case["project"] = project
    if rng.random() < 0.9:
        case["goal"] = _goal(rng, theme, keys)
    if rng.random() < 0.85:
        case["summary"] = "，".join(_run(rng, SUMMARY_PHRASES, _between(rng, 2, 4))) + "。"
    indicators = _indicators(rng, context, keys)
    budget = _budget(rng, money, keys, indicators.weighted)
    case["budget"] = budget
    case["indicators"] = indicators.rows
    if rng.random() < 0.95:
        case["claimed_score"] = _claimed(rng, indicators.claimed, budget)
    return _rename(case, keys.case) if keys.chinese else case


# --- Broken lines ---------------------------------------------------------------------------


def _key_of(data: Row, *names: str) -> str:
    return next(key for key in data if key in names)


def _unknown_operator(rng: random.Random, data: Row) -> bytes:
    rows = data[_key_of(data, "indicators", *CASE_KEYS["indicators"])]
    row = _one(rng, rows)
    key = next((k for k in row if k in ("operator", *INDICATOR_KEYS["operator"])), "operator")
    row[key] = _one(rng, ("≈", "约等于", "~", "≠", "大于", "±"))
    return orjson.dumps(data)


def _missing_field(rng: random.Random, data: Row) -> bytes:
    roll = rng.random()
    if roll < 0.3:
        del data[_key_of(data, "budget", *CASE_KEYS["budget"])]
    elif roll < 0.5:
        del data[_key_of(data, "indicators", *CASE_KEYS["indicators"])]
    elif roll < 0.75:
        project = data[_key_of(data, "project", *CASE_KEYS["project"])]
        del project[_key_of(project, "name", *PROJECT_KEYS["name"])]
    else:
        row = _one(rng, data[_key_of(data, "indicators", *CASE_KEYS["indicators"])])
        field = _one(rng, ("level1", "name"))
        del row[_key_of(row, field, *INDICATOR_KEYS[field])]
    return orjson.dumps(data)


def _invalid_json(rng: random.Random, data: Row) -> bytes:
    line = orjson.dumps(data)
    roll = rng.random()
    if roll < 0.5:  # cut short, at a character (still UTF-8)
        text = line.decode()
        return text[: _between(rng, 1, len(text) - 1)].encode()
    if roll < 0.75:  # a trailing comma
        return line[:-1] + b",}"
    return line.replace(b'":', b'" ', 1)  # a missing colon


def _not_object(rng: random.Random, data: Row) -> bytes:
    roll = rng.random()
    if roll < 0.5:
        return orjson.dumps([data])
    return _one(rng, (b"null", b"42", b'"\xe7\xbd\x91\xe7\xbb\x9c\xe8\xbf\x90\xe8\xa1\x8c"', b"[]"))


BREAKERS: Final[tuple[Callable[[random.Random, Row], bytes], ...]] = (
    _invalid_json,
    _not_object,
    _unknown_operator,
    _missing_field,
)


# --- Output ---------------------------------------------------------------------------------


def lines(count: int, seed: int = 1, bad_rate: float = 0.0) -> Iterator[tuple[bytes, bool]]:
    """``count`` JSONL lines (without newline), each with whether it is a good case."""
    rng = random.Random(seed)
    bad = random.Random(f"bad-{seed}")
    dumps = orjson.dumps
    for _ in range(count):
        case = make_case(rng)
        if bad_rate and bad.random() < bad_rate:
            yield _one(bad, BREAKERS)(bad, case), False
        else:
            yield dumps(case), True


def write_cases(path: Path, count: int, seed: int = 1, bad_rate: float = 0.0) -> tuple[int, int]:
    """Write the cases to ``path``; returns (bytes written, bad lines)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    size = broken = 0
    temporary = path.with_name(f".{path.name}.tmp")
    with temporary.open("wb", buffering=1 << 20) as out:
        write = out.write
        for line, good in lines(count, seed, bad_rate):
            write(line)
            write(b"\n")
            size += len(line) + 1
            broken += not good
    temporary.replace(path)
    return size, broken


def check(path: Path, seed: int, bad_rate: float, limit: int | None) -> int:
    """Load and score the lines with perfscore; the number of lines that behaved wrongly."""
    from perfscore import PerfscoreError, evaluate, load_rubric  # noqa: PLC0415
    from perfscore.input.jsonfile import case_from_data, parse_json  # noqa: PLC0415

    rubrics = [load_rubric("mof-2020"), load_rubric("mof-2020-review")]
    wrong = 0
    with path.open("rb") as stream:
        expected = lines(limit or sys.maxsize, seed, bad_rate)
        for number, (text, (_, good)) in enumerate(zip(stream, expected, strict=False), 1):
            try:
                case = case_from_data(parse_json(text.decode(), f"line {number}"), f"line {number}")
                for rubric in rubrics:
                    evaluate(case, rubric, f"line {number}")
            except PerfscoreError as error:
                if good:
                    wrong += 1
                    print(f"line {number}: {error}", file=sys.stderr)
            else:
                if not good:
                    wrong += 1
                    print(f"line {number}: broken line was accepted", file=sys.stderr)
    return wrong


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, help="number of cases (lines)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSONL file to write")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bad-rate", type=float, default=0.0, help="fraction of broken lines")
    parser.add_argument(
        "--check",
        type=int,
        nargs="?",
        const=0,
        metavar="N",
        help="then load and score the first N lines (all if no N) with perfscore",
    )
    args = parser.parse_args(argv)
    if args.count < 1 or not 0 <= args.bad_rate <= 1:
        parser.error("count must be ≥ 1 and --bad-rate within [0, 1]")
    start = time.perf_counter()
    size, broken = write_cases(args.output, args.count, args.seed, args.bad_rate)
    elapsed = time.perf_counter() - start
    print(
        f"{args.output}: {args.count} cases ({broken} broken) in {elapsed:.2f} s, "
        f"{args.count / elapsed:,.0f} cases/s, mean line {size / args.count:,.0f} bytes",
        file=sys.stderr,
    )
    if args.check is None:
        return 0
    wrong = check(args.output, args.seed, args.bad_rate, args.check or None)
    print(f"check: {wrong} lines behaved wrongly", file=sys.stderr)
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
