"""Hypothesis strategies: random but valid cases in the case format (English keys)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from perfscore.case import CHILDREN, Case, Form, aliases

ASCII = {"≥": ">=", "≤": "<=", "＝": "=", "＜": "<", "＞": ">"}
LEVELS = {
    "产出指标": ["数量指标", "质量指标", "时效指标", "成本指标"],
    "效益指标": ["社会效益指标"],
    "满意度指标": ["服务对象满意度指标"],
}

money = st.decimals(min_value=0, max_value=10000, places=2, allow_nan=False, allow_infinity=False)
amount = st.decimals(min_value=0, max_value=1000, places=2, allow_nan=False, allow_infinity=False)
phrases = st.sampled_from(
    ["已全部完成", "基本完成", "未完成", "部分达成", "优", "良", "中", "见附件"]
)


@st.composite
def indicators(draw: st.DrawFn, level1: str) -> dict[str, Any]:
    operator = draw(st.sampled_from(["≥", "≤", "＝", "＜", "＞", "定性"]))
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
        row["reason"] = "原因说明"
    return row


@st.composite
def cases(draw: st.DrawFn) -> dict[str, Any]:
    """A valid case as JSON data: 产出 and 效益 always, 满意度 sometimes."""
    levels = ["产出指标", "效益指标"] + (["满意度指标"] if draw(st.booleans()) else [])
    rows = [draw(indicators(level)) for level in levels for _ in range(draw(st.integers(1, 4)))]
    adjusted = draw(money)
    data: dict[str, Any] = {
        "year": 2023,
        "project": {"name": "随机项目", "code": "51000023T000000000999"},
        "budget": {
            "initial": draw(money),
            "adjusted": adjusted,
            "executed": draw(money),
        },
        "indicators": draw(st.permutations(rows)),
    }
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


def decimal_text(value: Decimal) -> str:
    return f"{value:f}"
