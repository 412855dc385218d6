"""The figures a printed sentence states: the score, budget, execution and rate a 绩效自评综述
paragraph gives for its project, read so that a check can hold each to the project's table.

The reading is exact and conservative: a figure is read only where a known label (全年预算数,
执行数, 完成预算的, 自评得分 …) is followed, across at most 为/是/达到/：, by a number and its
unit. A figure the words leave in doubt is left out, never guessed: an approximation (约, 左右),
a bound (以上, 不低于), a range, a share of a whole (其中…), another year's figure (上年…), a
label that qualifies another subject (指标得分, 申请预算资金, 制度执行率), money without a unit,
and a number followed straight by another (a table's cells, not a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Final

from perfscore.models.numbers import parse_decimal

#: The kinds of figure a sentence states, in the order a 综述 usually gives them.
FIGURE_KINDS: Final = ("score", "budget", "initial", "executed", "rate")
#: The Chinese label of each kind, for messages.
FIGURE_LABELS: Final[dict[str, str]] = {
    "score": "自评得分",
    "budget": "全年预算数",
    "initial": "年初预算数",
    "executed": "执行数",
    "rate": "预算执行率",
}


@dataclass(frozen=True, slots=True)
class Figure:
    """One figure a sentence states."""

    kind: str
    #: The number exactly as printed: ``Decimal("67.00")`` keeps its two places.
    value: Decimal
    #: ``分`` for a score, ``%`` for a rate, the money unit as printed (``万元``, ``元`` …).
    unit: str
    #: The words read, as printed (``全年预算数67.00万元``), for a finding's message.
    text: str
    #: Where ``text`` starts in the input.
    start: int


#: Each kind's labels, as regular expressions, with what each reads beside it.
_LABELS: Final = {
    # 绩效自评得分, 自评综合得分, 综合得分, 评价得分, 自评总分.
    "score": r"(?:绩效)?自评(?:综合|总)?得分|自评总分|(?:综合|评价|总)得分",
    # 得分 alone is a score too, unless its sentence is an indicator's (see _ROW_SCORE).
    "bare": r"得分",
    # 年初预算数, 年初批复预算, 年初预算安排, 年初安排资金.
    "initial": r"年初(?:批复)?预算(?:数|资金|金额|安排)?|年初安排(?:资金|预算)?",
    # 全年预算数, 调整后预算数, 调整预算后项目预算, 年度预算, 批复预算, 预算安排, 预算数 …
    "budget": (
        r"(?:全年|年度)预算(?:数|资金|金额|总额)?"
        r"|调整(?:预算)?后(?:的)?(?:项目)?预算(?:数|资金|金额)?"
        r"|批复预算(?:数|资金|金额)?|预算安排(?:资金)?|预算(?:数|金额|资金|总额)"
    ),
    # 执行数, 全年执行数, 预算执行数, 实际执行, 资金执行, 已执行, 实际支出, 已支付, 使用资金,
    # 完成预算资金 (the money spent, beside 完成预算的 N% which is the rate).
    "executed": (
        r"(?:全年|预算|实际|资金|已)?执行(?:数|金额|资金)?"
        r"|(?:实际|已)(?:支出|支付)(?:数|金额|资金)?"
        r"|(?:实际|已)?使用资金|完成预算资金"
    ),
    # 完成预算的, 完成全年预算的, 预算执行率, 资金执行率, 预算资金执行率, 执行率, 预算完成率.
    "rate": (
        r"完成(?:全年|年度|调整后)?预算(?:数)?的"
        r"|(?:预算资金|预算|资金)?执行率|预算完成率"
    ),
}
#: The kind a group of :data:`_LABELS` reads, where it is not the group's name.
_KIND: Final = {"bare": "score"}

_DIGIT: Final = "[0-9０-９]"
#: A number as printed: digits (ASCII or full-width), maybe grouped by thousands, maybe a point.
_NUMBER: Final = (
    rf"{_DIGIT}{{1,3}}(?:[,，]{_DIGIT}{{3}})++(?:[.．]{_DIGIT}++)?+(?!{_DIGIT})"
    rf"|{_DIGIT}++(?:[.．]{_DIGIT}++)?+"
)
#: What may stand between a label and its number: spaces, one linking word, a colon.
_LINK: Final = r"\s*+(?:为|是|达到|达|共计|合计)?\s*+[:：]?\s*+"
_UNIT: Final = r"万元|千元|亿元|元|%|％|分"


@cache
def _figure_pattern() -> re.Pattern[str]:
    """Every label, its link, its number and unit, in one expression: compiled when a summary
    is first read (every command imports the check registry; few read a summary)."""
    labels = "|".join(f"(?P<{group}>{pattern})" for group, pattern in _LABELS.items())
    return re.compile(rf"(?:{labels}){_LINK}(?P<number>{_NUMBER})\s*+(?P<unit>{_UNIT})")


#: The units each kind is stated in.
_UNITS: Final = {
    "score": ("分",),
    "budget": ("万元", "千元", "亿元", "元"),
    "initial": ("万元", "千元", "亿元", "元"),
    "executed": ("万元", "千元", "亿元", "元"),
    "rate": ("%", "％"),
}

# The patterns below are compiled on first use (by ``re``'s own cache): every command imports
# the check registry, few read a summary.

#: The code points of a word's characters (CJK ideographs: extension A, unified, compatibility):
#: a label right after one belongs to that word (申请预算资金, 严格执行率).
_WORD_RANGES: Final = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
#: Labels that say whose figure they are, whatever word comes before them.
_OWN: Final = r"(?:绩效)?自评|全年|年初|调整"
#: The words a bare label may follow and still be the project's own: 项目预算执行率,
#: 2022年预算执行率, 本项目共使用资金.
_QUALIFIER: Final = rf"(?:项目|财政|专项|本次|最终|共|全年|年度|本|当年|{_DIGIT}年)$"
#: What makes a figure no longer the figure itself, right after its unit: a bound or an
#: approximation (以上, 左右), a cost per head (元/人), a range (90%-95%).
_AFTER: Final = (
    r"\s*(?:左右|上下|以上|以下|以内|之上|之下|及以上|及以下|多|余|强|起|[（(]含[）)]"
    rf"|[/／每]|[-－—~～至到]\s*{_DIGIT})"
)
#: After 分, the word 分 belongs to: 分钟, 分之, 分值, 分制, 分别.
_AFTER_SCORE: Final = r"[钟之值制别数]"
#: Another number with a unit right after a figure: a row of table cells (``90% 100%``).
_CELLS: Final = rf"\s*(?:{_NUMBER})\s*(?:{_UNIT})"
#: Where a clause starts: what comes after it, before the label, says whose figure it is.
_CLAUSE: Final = r"[，,；;。！？!?\n]"
#: A clause about a part of the whole or another year: 其中…, 上年…, 同比….
_OTHER: Final = r"其中|上年|上一年|去年|同比"
#: Where a sentence starts.
_SENTENCE: Final = r"[；;。！？!?\n]"
#: A sentence that scores an indicator or weighs one: its bare 得分 is that row's, not the total.
_ROW_SCORE: Final = r"指标|分值|权重|满分"
#: How far back a label's qualifier or clause is looked for.
_LOOK_BACK: Final = 80


def figures(text: str) -> tuple[Figure, ...]:
    """Every figure ``text`` states, in order of appearance."""
    found = (_figure(text, match) for match in _figure_pattern().finditer(text))
    return tuple(figure for figure in found if figure is not None)


def _figure(text: str, match: re.Match[str]) -> Figure | None:
    """The figure ``match`` reads, or None when the words leave it in doubt."""
    group = next(group for group in _LABELS if match[group] is not None)
    kind = _KIND.get(group, group)
    unit = match["unit"]
    if unit not in _UNITS[kind] or not _stands_alone(text, match, kind):
        return None
    value = _value(match["number"])
    if value is None:
        return None
    return Figure(kind, value, "%" if unit == "％" else unit, match[0], match.start())


def _stands_alone(text: str, match: re.Match[str], kind: str) -> bool:
    """Whether the figure is the project's own, stated exactly: see the module's docstring."""
    before = text[max(0, match.start() - _LOOK_BACK) : match.start()]
    after = text[match.end() : match.end() + _LOOK_BACK]
    if not _qualified(match[0], before) or re.search(_OTHER, _since(_CLAUSE, before)):
        return False
    if re.match(_AFTER, after) or re.match(_CELLS, after):
        return False
    if kind == "score" and re.match(_AFTER_SCORE, after):
        return False
    return match["bare"] is None or not re.search(_ROW_SCORE, _since(_SENTENCE, before))


def _qualified(words: str, before: str) -> bool:
    """Whether the label ``words`` start with is the project's own after ``before``: a label
    that says whose figure it is (自评得分, 全年预算数) is; a bare one (执行率, 预算资金, 得分)
    must start a word or follow one that keeps it the project's (项目, 2022年), not end another
    word (申请预算资金, 制度严格执行率, 指标得分)."""
    if re.match(_OWN, words) or not before or not _is_word(before[-1]):
        return True
    return re.search(_QUALIFIER, before) is not None


def _is_word(character: str) -> bool:
    """Whether ``character`` is a CJK ideograph (a character of a word)."""
    point = ord(character)
    return any(low <= point <= high for low, high in _WORD_RANGES)


def _since(boundary: str, before: str) -> str:
    """The end of ``before`` after the last ``boundary``: the clause or sentence so far."""
    starts = [found.end() for found in re.finditer(boundary, before)]
    return before[starts[-1] :] if starts else before


def _value(number: str) -> Decimal | None:
    """The number as printed, or None when it is beyond any real figure."""
    try:
        return parse_decimal(number)
    except (ValueError, ArithmeticError):
        return None


__all__ = ["FIGURE_KINDS", "FIGURE_LABELS", "Figure", "figures"]
