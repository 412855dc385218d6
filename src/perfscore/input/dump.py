"""Writing a case back in the case format: English keys, exact numbers, nothing left unsaid.

``perfscore import`` gives this for a form; loading the text back gives the same case.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Final

from perfscore.models.case import Case

_FLOAT_DIGITS: Final = 15


def case_data(case: Case) -> dict[str, Any]:
    """The case as JSON-ready data; numbers stay numbers (exact: see :func:`_number`)."""
    data = case.model_dump(mode="python", exclude_none=True)
    data.pop("schema_ref", None)
    plain: dict[str, Any] = _plain(data)
    return plain


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, Decimal):
        return _number(value)
    return value


def _number(value: Decimal) -> int | float | str:
    """An integer as an int; a decimal as the float whose shortest text is the same digits,
    else as exact text (``"98.00"``: a stated rate's places matter), which loads the same."""
    exponent = value.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= 0:
        return int(value)
    as_float = float(value)
    if len(value.as_tuple().digits) <= _FLOAT_DIGITS and repr(as_float) == f"{value:f}":
        return as_float
    return f"{value:f}"  # "98.00" keeps the places it was stated to


def case_text(case: Case) -> str:
    """One case as an indented JSON document."""
    return json.dumps(case_data(case), ensure_ascii=False, indent=2) + "\n"


def case_line(case: Case) -> str:
    """One case as a JSON Lines line."""
    return json.dumps(case_data(case), ensure_ascii=False, separators=(",", ":")) + "\n"


__all__ = ["case_data", "case_line", "case_text"]
