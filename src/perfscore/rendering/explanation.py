"""The Chinese sentence of an explanation (``models/explanation.py``): how a score was reached."""

from __future__ import annotations

from typing import Final

from perfscore.models.explanation import (
    ExecutionBasis,
    Explanation,
    Grade,
    GradeMet,
    Met,
    Missed,
    Overshoot,
    Phrase,
    Prefixed,
    QualitativeBasis,
    Ratio,
    Said,
)
from perfscore.models.numbers import HUNDRED, fmt, fmt_plain, percent

_RATIOS: Final = {
    "up": "完成值 {a} 未达指标值 {t}，按 完成值/指标值 = {p} 计分",
    "down": "完成值 {a} 超过指标值 {t}，按 指标值/完成值 = {p} 计分",
    "nearer": "完成值 {a} 与指标值 {t} 不等，按两者较小比值 {p} 计分",
}


def explanation_text(explanation: Explanation) -> str:
    """How the score was reached, in Chinese."""
    match explanation:
        case QualitativeBasis(shown, factor, inner):
            return f"定性指标：完成值 '{shown}' 系数 {fmt(factor)}；{explanation_text(inner)}"
        case Overshoot(inner, ratio, factor):
            return (
                f"{explanation_text(inner)}；超过指标值 {fmt_plain(ratio)} 倍，"
                f"按 指标值/完成值 = {percent(factor * HUNDRED)} 扣减"
            )
        case Prefixed(prefix, inner):
            return prefix + explanation_text(inner)
        case _:
            return _sentence(explanation)


def _sentence(explanation: Explanation) -> str:  # noqa: PLR0911 (one sentence per kind)
    match explanation:
        case Said(text):
            return text
        case Met(actual, target, operator):
            return f"完成值 {fmt_plain(actual)} {operator} 指标值 {fmt_plain(target)}，达成"
        case Ratio(direction, actual, target, factor):
            a, t = fmt_plain(actual), fmt_plain(target)
            return _RATIOS[direction].format(a=a, t=t, p=percent(factor * 100))
        case Missed(actual, target, operator):
            return f"完成值 {fmt_plain(actual)} 未满足 {operator} {fmt_plain(target)}，不得分"
        case Grade(actual, target):
            return f"完成等级系数 {fmt_plain(actual)} / 指标等级系数 {fmt_plain(target)}"
        case Phrase(shown, factor):
            return f"定量指标的完成值为文字 '{shown}'，无法核实，按短语系数 {fmt(factor)} 计分"
        case ExecutionBasis(executed, adjusted, rate, weight, used, score):
            return (
                f"执行率 = {fmt(executed)} / {fmt(adjusted)} = {percent(rate)}；"
                f"得分 = {fmt_plain(weight)} × {percent(used)} = {fmt(score)}"
            )
        case GradeMet():
            return "完成等级达到指标要求"
    raise TypeError(f"unknown explanation {explanation!r}")  # a kind added without its sentence


__all__ = ["explanation_text"]
