"""Numbers written as text that a reviewer should know about: ``"1,200"``, ``"１２０"``.

They are read as the numbers they are (``numbers.parse_decimal``); a finding says so, because a
figure typed with full-width digits or thousands separators was typed by hand, not computed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Final

from .case import CHILDREN, Case, Form, aliases
from .numbers import fmt_plain, parse_decimal
from .results import Finding

CODE: Final = "number-as-text"
TITLE: Final = "数字写作文字"
#: A number as a program writes it: nothing to say.
_PLAIN: Final = re.compile(r"\s*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\s*")


def number_findings(data: Any) -> tuple[Finding, ...]:
    """An info finding for each number written with full-width digits or thousands separators."""
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
