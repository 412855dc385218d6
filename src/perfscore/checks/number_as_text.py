"""Numbers written as text that a reviewer should know about: ``"1,200"``, ``"１２０"``.

They are read as the numbers they are (``numbers.parse_decimal``); a finding says so, because a
figure typed with full-width digits or thousands separators was typed by hand, not computed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Final

from perfscore.checks.registry import Enabled, Options, Raised, Subject, check, raised_by
from perfscore.models.case import CHILDREN, Case, Form, aliases
from perfscore.models.numbers import fmt_plain, parse_decimal
from perfscore.models.results import Finding


@dataclass(frozen=True, slots=True)
class JsonText:
    """A project case as read from JSON: the parsed ``data`` and, when there is one, the
    ``source`` text it was parsed from (a text with no such number is passed over unwalked)."""

    data: Any
    source: str | None = None


#: Checks on the JSON of a project case read it as written; project rubrics configure them.
JSON_TEXT: Final[Subject[JsonText]] = Subject("project case JSON", "project")
#: A number as a program writes it: nothing to say.
_PLAIN: Final = re.compile(r"\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*")
#: What the JSON text of such a number must show (digits are 0-9 or full-width, see
#: ``numbers``): a full-width digit, sign or point, or a separator before a digit; or a \u
#: escape that could spell one. A text with none has nothing to find and is not walked. Each
#: is looked for on its own: one pattern with alternatives scans a line several times slower.
_SIGNS: Final = (
    re.compile("[\uff0b\uff0d-\uff19]"),
    re.compile(",[0-9]"),
    re.compile("，[0-9]"),
    re.compile(r"\\u"),
)


def number_findings(
    enabled: Sequence[Enabled], data: Any, source: str | None = None
) -> tuple[Finding, ...]:
    """The findings of the checks of ``enabled`` (a rubric's :func:`enabled_checks`) that read
    the JSON ``data`` of a project case (``number-as-text``); ``source`` is the text ``data``
    was parsed from, when there is one."""
    return tuple(raised_by(enabled, JSON_TEXT, JsonText(data, source)))


@check(
    "number-as-text",
    JSON_TEXT,
    "info",
    "数字写作文字",
    explanation=(
        "案例文件中的数字写成了文字：全角数字、千分位逗号等（如“1,200”“１２０”）。照常按数字读取并"
        "计分；提示说明这些数是手工录入的，值得核对。"
    ),
    example="数字写作 '1,200.00'，按 1200 读取",
)
def number_as_text(case: JsonText, options: Options) -> Iterator[Raised]:
    """Each number written with full-width digits or thousands separators."""
    if case.source is not None and not any(sign.search(case.source) for sign in _SIGNS):
        return
    for path, text in _strings(case.data, Case, "$"):
        if not _PLAIN.fullmatch(text) and (number := parse_decimal(text)) is not None:
            yield f"数字写作 '{text}'，按 {fmt_plain(number)} 读取", path


def _strings(data: Any, model: type[Form], path: str) -> Iterator[tuple[str, str]]:
    """Every text value with its canonical (English-key) JSON path."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, list):
        for index, item in enumerate(data):
            yield from _strings(item, model, f"{path}[{index}]")
    elif isinstance(data, dict):
        names = aliases(model)
        for key, value in data.items():
            field = names.get(str(key), str(key))
            child = CHILDREN.get(model, {}).get(field, model)
            yield from _strings(value, child, f"{path}.{field}")


__all__ = ["JSON_TEXT", "JsonText", "number_as_text", "number_findings"]
