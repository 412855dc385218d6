"""Reading targets and actuals as a reviewer does: numbers with units, grades, phrases."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal, NamedTuple

from perfscore.models.numbers import ONE, ZERO, split_leading_number
from perfscore.models.operators import REACHED_WORDS
from perfscore.models.scalars import split_written_operator
from perfscore.rubrics.model import Qualitative, Quantitative, compact
from perfscore.scoring.memo import recall

if TYPE_CHECKING:  # placement imports weights, which imports the results that import Reading
    from perfscore.scoring.placement import Placeholders

TargetKind = Literal["number", "grade", "scale", "text", "missing"]
#: "nothing": an actual of nothing ("无"), the number 0 with the factor 0.
ActualKind = Literal["number", "grade", "phrase", "nothing", "text", "missing"]

_SEPARATORS: Final = re.compile(r"[\s、,，/|；;]+")
_GRADE_SUFFIX: Final = ("等级", "等", "级")


class Reading(NamedTuple):
    """What a target or actual cell says: a number (with its unit) or a grade/phrase factor.

    A named tuple: immutable, and made for every row under every rubric, so cheap to build.
    """

    kind: TargetKind | ActualKind
    number: Decimal | None = None
    unit: str | None = None
    factor: Decimal | None = None
    text: str = ""
    #: The operator an actual was written with ("≥266米" repeats its target): not a measurement.
    operator: str | None = None
    #: A text's words, blanks removed ("显 著提升" -> "显著提升"), to compare what two cells say.
    words: str = ""


class Reader:
    """The rubric's ``[qualitative]`` and placeholders compiled once for a scoring plan, with
    the texts it has already read (a rubric's reading rules belong to it alone)."""

    __slots__ = ("memo", "phrases", "placeholders", "rules")

    def __init__(self, rules: Qualitative, placeholders: Placeholders) -> None:
        self.rules = rules
        self.placeholders = placeholders
        #: The phrases, longest first: each is found only where no longer one was.
        self.phrases = tuple(sorted(rules.phrases.items(), key=lambda item: -len(item[0])))
        #: Texts already read, by side ("target", "actual"): bounded by ``recall``.
        self.memo: dict[tuple[str, str], Reading] = {}


def grade_factor(text: str, rules: Qualitative) -> Decimal | None:
    """``"优"``, ``"良好"``, ``"优等"`` -> the grade's factor; None when not a grade."""
    word = text.strip()
    for suffix in _GRADE_SUFFIX:
        if len(word) > len(suffix) and word.endswith(suffix):
            word = word[: -len(suffix)]
            break
    word = rules.grade_aliases.get(word, word)
    return rules.grades.get(word)


def phrase_factor(text: str, reader: Reader) -> Decimal | None:
    """The factor the known phrases in the text give ("已全部完成" -> 1.0), None if it has none.

    Phrases are found longest first, each where no longer one was found; the text scores the
    least factor among them ("基本完成，满意度较高" -> 0.7): it is never read above what it says.
    A phrase right after a negation ("不明显", "无明显提升") caps the factor at the rubric's
    ``negated_factor``: the text says the thing did not happen. A phrase right after a qualifier
    ("较及时", "基本达标") is capped at the qualifier's factor.
    """
    found: Decimal | None = None
    taken: list[tuple[int, int]] = []
    rules = reader.rules
    for phrase, factor in reader.phrases:
        for start in _occurrences(text, phrase):
            end = start + len(phrase)
            if any(s < end and start < e for s, e in taken):
                continue
            taken.append((start, end))
            capped = min(factor, _cap(text[:start], rules))
            found = capped if found is None else min(found, capped)
    return found


def _cap(before: str, rules: Qualitative) -> Decimal:
    """What the words right before a phrase allow it: a negation or a qualifier caps it."""
    caps = [f for word, f in rules.qualifiers.items() if before.endswith(word)]
    if before.endswith(rules.negations):
        caps.append(rules.negated_factor)
    return min(caps, default=ONE)


def _occurrences(text: str, part: str) -> list[int]:
    starts: list[int] = []
    start = text.find(part)
    while start >= 0:
        starts.append(start)
        start = text.find(part, start + 1)
    return starts


def is_scale(text: str, rules: Qualitative) -> bool:
    """Whether a target is the whole grade scale ("优良中低差") rather than one grade."""
    compact = _SEPARATORS.sub("", text)
    grades = [g for g in rules.grades if len(g) == 1]
    named = sum(1 for g in grades if g in compact)
    leftover = "".join(ch for ch in compact if ch not in grades)
    return named >= rules.scale_min_grades and not leftover


_MISSING: Final = Reading("missing")


def read_target(value: Decimal | str | None, reader: Reader) -> Reading:
    """A target cell as a reviewer reads it; a placeholder ("/", "——") is not filled."""
    return _read("target", value, reader, _target_text)


def _target_text(value: str, reader: Reader) -> Reading:
    rules = reader.rules
    if is_scale(value, rules):
        return Reading("scale", text=value)
    factor = grade_factor(value, rules)
    if factor is not None:
        return Reading("grade", factor=factor, text=value)
    return Reading("text", text=value, words=compact(value))


def read_actual(value: Decimal | str | None, reader: Reader) -> Reading:
    """An actual cell: a number (``"98%"``, ``"≥50个"``), a grade, a known phrase, nothing
    (``"无"``), or other text; a placeholder ("/", "——") is not filled."""
    return _read("actual", value, reader, _actual_text)


def _read(
    side: str, value: Decimal | str | None, reader: Reader, text: Callable[[str, Reader], Reading]
) -> Reading:
    """A cell: missing, a number, or a text read once per plan and remembered."""
    if value is None:
        return _MISSING
    if isinstance(value, Decimal):
        return Reading("number", number=value)
    found: Reading | None = reader.memo.get((side, value))  # the usual case, without a call
    if found is not None:
        return found
    return recall(reader.memo, (side, value), _unless_placeholder, value, reader, text)


def _unless_placeholder(
    value: str, reader: Reader, text: Callable[[str, Reader], Reading]
) -> Reading:
    return _MISSING if reader.placeholders.cell(value) else text(value, reader)


def _actual_text(value: str, reader: Reader) -> Reading:
    qualitative = reader.rules
    split = split_written_operator(value)
    leading = split_leading_number(split[1] if split else value)
    if leading is not None:
        written = split is not None and split[2] not in REACHED_WORDS
        operator = split[0] if split is not None and written else None
        unit = leading[1] or None
        return Reading("number", number=leading[0], unit=unit, text=value, operator=operator)
    words = compact(value)
    if words in qualitative.nothing:
        return Reading("nothing", number=ZERO, factor=ZERO, text=value, words=words)
    if words in qualitative.words:
        return Reading("phrase", factor=qualitative.words[words], text=value, words=words)
    factor = grade_factor(value, qualitative)
    if factor is not None:
        return Reading("grade", factor=factor, text=value, words=words)
    factor = phrase_factor(value, reader)
    if factor is not None:
        return Reading("phrase", factor=factor, text=value, words=words)
    return Reading("text", text=value, words=words)


def money_factor(unit: str | None, rules: Quantitative) -> tuple[Decimal, bool] | None:
    """``"万元"`` -> (10000, False); ``"元/户"`` -> (1, True), a per-unit cost; else None."""
    if unit is None:
        return None
    head, slash, _ = unit.partition("/")
    factor = rules.money_units.get(head.strip())
    return None if factor is None else (factor, bool(slash))


def convert(
    number: Decimal, unit: str | None, to_unit: str | None, rules: Quantitative
) -> Decimal | None:
    """``number`` in ``unit`` expressed in ``to_unit``; None when the units cannot be converted."""
    if unit is None or to_unit is None or unit == to_unit:
        return number
    if unit in rules.percent_units and to_unit in rules.percent_units:
        return number
    source, target = money_factor(unit, rules), money_factor(to_unit, rules)
    if source is None or target is None or source[1] != target[1]:
        return None
    return number * source[0] / target[0]


__all__ = [
    "ActualKind",
    "Reader",
    "Reading",
    "TargetKind",
    "convert",
    "grade_factor",
    "is_scale",
    "money_factor",
    "phrase_factor",
    "read_actual",
    "read_target",
]
