"""Numbers written as text that a reviewer should know about: ``"1,200"``, ``"１２０"``.

They are read as the numbers they are (``numbers.parse_decimal``); a finding says so, because a
figure typed with full-width digits or thousands separators was typed by hand, not computed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from perfscore.models.case import CHILDREN, Case, Form, aliases
from perfscore.models.numbers import fmt_plain, parse_decimal
from perfscore.models.results import Finding

CODE: Final = "number-as-text"
TITLE: Final = "数字写作文字"
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


def number_findings(data: Any, source: str | None = None) -> tuple[Finding, ...]:
    """An info finding for each number written with full-width digits or thousands separators.

    ``source``, the JSON ``data`` was read from, lets a file with no such number be passed over.
    """
    if source is not None and not any(sign.search(source) for sign in _SIGNS):
        return ()
    return tuple(
        Finding(CODE, "info", f"数字写作 '{text}'，按 {fmt_plain(number)} 读取", path)
        for path, text in _strings(data, Case, "$")
        if not _PLAIN.fullmatch(text) and (number := parse_decimal(text)) is not None
    )


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


__all__ = ["CODE", "TITLE", "number_findings"]
