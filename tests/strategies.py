"""Hypothesis strategies: random but valid cases in the case format (English keys).

``cases()`` draws project cases using the optional parts of the format too (goal, summary,
implementer, funding rows with stated rates, reasons, claimed weights and scores, level points);
``departments()`` draws department cases whose final accounts are arithmetically right (every
part adds up, every share, change, growth and completion rate is what it computes to, rounded
half-up at the stated places). ``respelled`` and ``shuffled`` rewrite any case's keys.
"""

from __future__ import annotations

import math
import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from perfscore.models.case import CHILDREN, Case, Form, aliases, spellings
from perfscore.models.department import DEPARTMENT_CHILDREN, DepartmentCase
from perfscore.models.operators import SYMBOLS

ASCII = {"≥": ">=", "≤": "<=", "＝": "=", "＜": "<", "＞": ">"}
LEVELS = {
    "产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
    "效益指标": ["社会效益指标"],
    "满意度指标": ["服务对象满意度指标"],
}
#: First-level points as printed (``产出指标（50分）``): the shipped split, and one that is off.
LEVEL_POINTS = (
    {"产出指标": 50, "效益指标": 30, "满意度指标": 10},
    {"产出指标": 60, "效益指标": 20},
)
Children = dict[type[Form], dict[str, type[Form]]]

money = st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False, allow_infinity=False)
amount = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
points = st.decimals(min_value=0, max_value=60, places=2, allow_nan=False, allow_infinity=False)
phrases = st.sampled_from(
    ["已全部完成", "基本完成", "未完成", "部分达成", "优", "良", "中", "见附件"]
)
texts = st.text(alphabet="项目资金按计划使用完成年度目标。，", min_size=1, max_size=30)
#: A stated rate: a number or a text with ``%``, at 0 to 2 places (``96``, ``96.5``, ``"96.50%"``).
places = st.integers(min_value=0, max_value=2)


def percent(part: Decimal, whole: Decimal, at: int = 2) -> Decimal:
    """``part / whole × 100`` computed exactly, rounded half-up (away from zero) to ``at``
    places, as a clerk's 四舍五入 does (``whole`` ≠ 0)."""
    scaled = Fraction(part) / Fraction(whole) * 100 * 10**at
    units = math.floor(abs(scaled) + Fraction(1, 2))
    return Decimal(units if scaled >= 0 else -units).scaleb(-at)


@st.composite
def rates(draw: st.DrawFn, executed: Decimal | None, adjusted: Decimal | None) -> Any:
    """A stated execution rate: usually the right one, at 0 to 2 places, sometimes any."""
    right = bool(adjusted) and draw(st.booleans())
    if right and executed is not None and adjusted:
        value = percent(executed, adjusted, draw(places))
    else:
        value = draw(st.decimals(min_value=0, max_value=150, places=draw(places)))
    return f"{value}%" if draw(st.booleans()) else value


@st.composite
def indicators(draw: st.DrawFn, level1: str) -> dict[str, Any]:
    operator = draw(st.sampled_from(SYMBOLS))
    row: dict[str, Any] = {
        "level1": level1,
        "level2": draw(st.sampled_from(LEVELS[level1])),
        "name": draw(st.text(alphabet="指标数量质效益满意度", min_size=1, max_size=8)),
        "operator": operator,
    }
    if operator == "定性":
        row["target"] = draw(st.sampled_from(["优", "良", "中", "优良中低差", "效果明显"]))
        row["actual"] = draw(phrases)
    else:
        row["target"] = draw(amount)
        row["unit"] = draw(st.sampled_from(["个", "%", "万元", "元", "月", "天"]))
        row["actual"] = draw(st.one_of(amount, phrases, st.none()))
    if draw(st.booleans()):
        row["reason"] = draw(st.sampled_from(["原因说明", "受疫情影响，部分工作延期"]))
    if draw(st.booleans()):
        row["score"] = draw(points)
    return row


@st.composite
def sources(draw: st.DrawFn) -> dict[str, Any]:
    """A funding row: its name and any of its four columns."""
    row: dict[str, Any] = {"name": draw(st.sampled_from(["财政资金", "单位资金", "其他资金"]))}
    for column in ("initial", "adjusted", "executed"):
        if draw(st.booleans()):
            row[column] = draw(money)
    if draw(st.booleans()):
        row["rate"] = draw(rates(row.get("executed"), row.get("adjusted")))
    return row


@st.composite
def budgets(draw: st.DrawFn) -> dict[str, Any]:
    """预算执行情况: totals, sometimes the unit, a reason, claims and funding rows."""
    budget: dict[str, Any] = {"initial": draw(money), "adjusted": draw(money)}
    budget["executed"] = draw(money)
    if draw(st.booleans()):
        budget["rate"] = draw(rates(budget["executed"], budget["adjusted"]))
    if draw(st.booleans()):
        budget["unit"] = draw(st.sampled_from(["万元", "元", "千元"]))
    if draw(st.booleans()):
        budget["reason"] = draw(texts)
    if draw(st.booleans()):
        budget["weight"] = 10
        budget["score"] = draw(st.decimals(min_value=0, max_value=10, places=2))
    rows = draw(st.lists(sources(), max_size=3))
    if rows:
        budget["sources"] = rows
    return budget


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case as JSON data: 产出 and 效益 always, 满意度 sometimes."""
    levels = ["产出指标", "效益指标"] + (["满意度指标"] if draw(st.booleans()) else [])
    counts = [draw(st.integers(1, 4)) for _ in levels]
    rows = [
        draw(indicators(level))
        for level, count in zip(levels, counts, strict=True)
        for _ in range(count)
    ]
    if draw(st.booleans()):  # every row claims a weight: the rubric scales them to its total
        for row in rows:
            row["weight"] = draw(points)
    stated = draw(st.sampled_from([None, *LEVEL_POINTS]))
    if stated is not None:
        for row in rows:
            if row["level1"] in stated:
                row["level1"] = f"{row['level1']}（{stated[row['level1']]}分）"
    project: dict[str, Any] = {"name": "随机项目", "code": "51000023T000000000999"}
    if draw(st.booleans()):
        project["department"] = "某县某局"
        project["implementer"] = draw(st.sampled_from(["某县某中心", "某县某局"]))
    data: dict[str, Any] = {
        "year": 2023,
        "project": project,
        "budget": draw(budgets()),
        "indicators": draw(st.permutations(rows)),
    }
    if draw(st.booleans()):
        data["goal"] = {"planned": draw(texts), "achieved": draw(texts)}
    if draw(st.booleans()):
        data["summary"] = draw(texts)
    if draw(st.booleans()):
        data["claimed_score"] = draw(st.decimals(min_value=0, max_value=100, places=2))
    return data


def ascii_operators(data: dict[str, Any]) -> dict[str, Any]:
    """The same case with ASCII operator spellings."""
    rows = [
        {**row, "operator": ASCII.get(row["operator"], row["operator"])}
        for row in data["indicators"]
    ]
    return {**data, "indicators": rows}


def chinese_keys(data: Any, model: type[Form] = Case) -> Any:
    """The same case with every key in its first Chinese spelling."""
    if isinstance(data, list):
        return [chinese_keys(item, model) for item in data]
    if not isinstance(data, dict):
        return data
    spelling = {field: key for key, field in reversed(aliases(model).items()) if not key.isascii()}
    out = {}
    for key, value in data.items():
        child = CHILDREN.get(model, {}).get(key)
        out[spelling.get(key, key)] = chinese_keys(value, child) if child else value
    return out


def respelled(
    data: Any, pick: random.Random, model: type[Form] = Case, children: Children = CHILDREN
) -> Any:
    """The same case (English keys) with each key in a spelling ``pick`` chooses among all it
    accepts (``perfscore.case.spellings``), in every nested object, funding rows included."""
    if isinstance(data, list):
        return [respelled(item, pick, model, children) for item in data]
    if not isinstance(data, dict):
        return data
    table = spellings(model)
    out = {}
    for key, value in data.items():
        child = children.get(model, {}).get(key)
        inner = respelled(value, pick, child, children) if child else value
        out[pick.choice(table.get(key, [key]))] = inner
    return out


def respelled_department(data: dict[str, Any], pick: random.Random) -> dict[str, Any]:
    """A department case with every key respelled, embedded projects as project cases."""
    out: dict[str, Any] = respelled(data, pick, DepartmentCase, DEPARTMENT_CHILDREN)
    key = next(k for k in out if k in spellings(DepartmentCase)["projects"])
    out[key] = [respelled(p, pick) if isinstance(p, dict) else p for p in data["projects"]]
    return out


def shuffled(data: Any, pick: random.Random, keep: tuple[str, ...] = ()) -> Any:
    """The same JSON data with the keys of every object in an order ``pick`` chooses; an object
    under a key in ``keep`` keeps its own order (its keys are names the case chooses)."""
    if isinstance(data, list):
        return [shuffled(item, pick, keep) for item in data]
    if not isinstance(data, dict):
        return data
    items = list(data.items())
    pick.shuffle(items)
    return {key: value if key in keep else shuffled(value, pick, keep) for key, value in items}


def decimal_text(value: Decimal) -> str:
    return f"{value:f}"


# Department cases: final accounts that add up ----------------------------------------------

wan = st.decimals(min_value=0, max_value=5000, places=2, allow_nan=False, allow_infinity=False)
_PARTS = {
    "income": ["一般公共预算财政拨款收入", "事业收入", "其他收入"],
    "spending": ["基本支出", "项目支出", "上缴上级支出"],
    "three": ["因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"],
}


def _rate(value: Decimal, draw: st.DrawFn) -> Any:
    """A stated rate as a number or as text with ``%``."""
    return f"{value}%" if draw(st.booleans()) else value


@st.composite
def compared(draw: st.DrawFn, current: Decimal) -> dict[str, Any]:
    """A figure with, sometimes, last year's and the right 增减额 and 增长率."""
    figure: dict[str, Any] = {"current": current}
    if draw(st.booleans()):
        previous = draw(wan)
        figure["previous"] = previous
        if draw(st.booleans()):
            figure["change"] = current - previous
        if previous and draw(st.booleans()):
            figure["growth"] = _rate(percent(current - previous, previous, draw(places)), draw)
        elif not previous and not current and draw(st.booleans()):
            figure["growth"] = 0
    if draw(st.booleans()):
        figure["reason"] = "人员调入"
    return figure


@st.composite
def breakdowns(draw: st.DrawFn, names: list[str]) -> dict[str, Any]:
    """A total and parts adding up to it, each part with its right share (or none)."""
    amounts = draw(st.lists(wan, min_size=0, max_size=len(names)))
    total = sum(amounts, Decimal(0)) if amounts else draw(wan)
    parts = []
    for name, value in zip(names[: len(amounts)], amounts, strict=True):
        part: dict[str, Any] = {"name": name, "amount": value}
        if draw(st.booleans()):
            share = percent(value, total, draw(places)) if total else Decimal("0.00")
            part["share"] = _rate(share, draw)
        parts.append(part)
    return {"total": total, "parts": parts}


@st.composite
def functions(draw: st.DrawFn, code: str, depth: int) -> dict[str, Any]:
    """A 功能分类 line: a 类 or 款 may have items, its amount then their sum or left out."""
    line: dict[str, Any] = {"code": code, "name": f"科目{code}"}
    if depth < 3 and draw(st.booleans()):
        count = draw(st.integers(min_value=1, max_value=2))
        line["items"] = [draw(functions(f"{code}{n:02d}", depth + 1)) for n in range(1, count + 1)]
    total = _amount_of(line) if "items" in line else None
    if total is None:
        total = line["amount"] = draw(wan)
    elif draw(st.booleans()):
        line["amount"] = total
    if draw(st.booleans()):
        budget = draw(wan)
        line["budget"] = budget
        if budget:
            line["completion"] = _rate(percent(total, budget, draw(places)), draw)
    return line


def _amount_of(line: dict[str, Any]) -> Decimal | None:
    """A line's amount as stated, else its items' sum when every one is known."""
    if "amount" in line:
        stated: Decimal = line["amount"]
        return stated
    amounts = [_amount_of(item) for item in line.get("items", [])]
    if not amounts or any(a is None for a in amounts):
        return None
    return sum((a for a in amounts if a is not None), Decimal(0))


@st.composite
def general_budgets(draw: st.DrawFn, spending: Decimal) -> dict[str, Any]:
    """一般公共预算财政拨款支出: the sum of its 功能分类, with shares, completion and change."""
    count = draw(st.integers(min_value=0, max_value=3))
    lines = [draw(functions(str(201 + n), 1)) for n in range(count)]
    amounts = [_amount_of(line) for line in lines]
    known = [a for a in amounts if a is not None]
    current = sum(known, Decimal(0)) if lines and len(known) == len(lines) else draw(wan)
    general: dict[str, Any] = draw(compared(current))
    for line, value in zip(lines, amounts, strict=True):
        if value is not None and draw(st.booleans()):
            line["share"] = _rate(
                percent(value, current, draw(places)) if current else Decimal(0), draw
            )
    if lines:
        general["functions"] = lines
    if draw(st.booleans()):
        budget = draw(wan)
        general["budget"] = budget
        if budget and draw(st.booleans()):
            general["completion"] = _rate(percent(current, budget, draw(places)), draw)
    if draw(st.booleans()):
        share = percent(current, spending, draw(places)) if spending else Decimal(0)
        general["share_of_spending"] = _rate(share, draw)
    return general


@st.composite
def three_publics(draw: st.DrawFn) -> dict[str, Any]:
    """The “三公”经费: three parts, the totals their sums, every stated rate right."""
    parts = []
    for name in draw(st.sampled_from([[], _PARTS["three"]])):
        part: dict[str, Any] = {"name": name, "actual": draw(wan)}
        for column in ("budget", "previous"):
            if draw(st.booleans()):
                part[column] = draw(wan)
        parts.append(part)
    actual = sum((p["actual"] for p in parts), Decimal(0)) if parts else draw(wan)
    three: dict[str, Any] = {"actual": actual}
    for column in ("budget", "previous"):
        if parts and all(column in p for p in parts):
            three[column] = sum((p[column] for p in parts), Decimal(0))
        elif not parts and draw(st.booleans()):
            three[column] = draw(wan)
    for row in (three, *parts):
        _three_rates(row, draw)
        if row is not three and draw(st.booleans()):
            row["share"] = _rate(
                percent(row["actual"], actual, draw(places)) if actual else Decimal(0), draw
            )
    if parts:
        three["parts"] = parts
    return three


def _three_rates(row: dict[str, Any], draw: st.DrawFn) -> None:
    """The right completion, change and growth of one “三公” row, each sometimes."""
    value: Decimal = row["actual"]
    if row.get("budget") and draw(st.booleans()):
        row["completion"] = _rate(percent(value, row["budget"], draw(places)), draw)
    previous = row.get("previous")
    if previous is not None and draw(st.booleans()):
        row["change"] = value - previous
    if previous and draw(st.booleans()):
        row["growth"] = _rate(percent(value - previous, previous, draw(places)), draw)


@st.composite
def accounts(draw: st.DrawFn) -> dict[str, Any]:
    """Final accounts that add up: 收入总计 = 支出总计 = 收、支总计, every part to its total."""
    income = draw(breakdowns(_PARTS["income"]))
    opening = draw(wan)
    whole = income["total"] + opening
    spending = draw(breakdowns(_PARTS["spending"]))
    if spending["total"] > whole:  # what is spent came in: the year opened with the rest
        opening = spending["total"] - income["total"]
        whole = income["total"] + opening
    closing = whole - spending["total"]
    data: dict[str, Any] = {
        "totals": draw(compared(whole)),
        "income": income,
        "spending": spending,
        "carryover": {"opening": opening, "closing": closing},
    }
    if draw(st.booleans()):
        data["fiscal"] = draw(compared(draw(wan)))
    if draw(st.booleans()):
        data["operating"] = draw(compared(draw(wan)))
    if draw(st.booleans()):
        data["general"] = draw(general_budgets(spending["total"]))
    if draw(st.booleans()):
        personnel, public = draw(wan), draw(wan)
        data["basic"] = {
            "total": personnel + public,
            "personnel": {"name": "人员经费", "amount": personnel},
            "public": {"name": "公用经费", "amount": public},
        }
    if draw(st.booleans()):
        data["three_public"] = draw(three_publics())
    for key in ("government_fund", "state_capital", "procurement"):
        if draw(st.booleans()):
            data[key] = draw(wan)
    return data


#: Item names of the shipped department rubrics a case may enter scores for.
ITEMS = ("绩效结果应用", "自评质量", "绩效目标管理", "预算执行", "不在规则中的项")


@st.composite
def departments(draw: st.DrawFn) -> dict[str, Any]:
    """A valid department case (English keys) with embedded projects from ``cases()``."""
    count = draw(st.integers(min_value=0, max_value=30))
    facts: dict[str, Any] = {}
    if draw(st.booleans()):
        facts["projects"] = count
        for key in ("with_targets", "assessed", "monitored"):
            if draw(st.booleans()):
                facts[key] = draw(st.integers(min_value=0, max_value=count))
    scores = {
        name: draw(st.decimals(min_value=0, max_value=30, places=2))
        for name in draw(st.lists(st.sampled_from(ITEMS), unique=True))
    }
    evaluation: dict[str, Any] = {"facts": facts, "scores": scores}
    if draw(st.booleans()):
        evaluation["claimed_score"] = draw(st.decimals(min_value=0, max_value=100, places=2))
    if draw(st.booleans()):
        evaluation["problems"] = draw(st.sampled_from(["无", "部分项目绩效目标不够细化"]))
    data: dict[str, Any] = {
        "kind": "department",
        "year": 2022,
        "department": {"name": "某县人民政府办公室", "units": ["行政股"]},
        "projects": draw(st.lists(cases(), max_size=3)),
        "evaluation": evaluation,
    }
    if draw(st.booleans()):
        data["accounts"] = draw(accounts())
    return data
