"""What ``perfscore checks`` says: every registered code listed, one explained, or all as JSON.

Pure functions over the registry (the command only prints them), as ``ruff rule`` does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

from tabulate import tabulate

from perfscore.checks.registry import APPLIES_TO_LABELS, CHECKS, Check, did_you_mean
from perfscore.errors import PerfscoreError

#: The columns of the listing.
HEAD: Final = ("代码", "适用于", "默认级别", "标题")


class UnknownCode(PerfscoreError):
    """A code no check is registered under; its message says so in Chinese."""


def lookup(code: str) -> Check[Any]:
    """The check registered for ``code``; :class:`UnknownCode` (with did-you-mean) if none."""
    found = CHECKS.get(code)
    if found is None:
        hint = did_you_mean(code, list(CHECKS)) or "（perfscore checks 列出全部检查项）"
        raise UnknownCode(f"未知的检查项 '{code}'{hint}")
    return found


def listing() -> str:
    """Every code in registry order: code, the rubric kind it applies to, severity, title."""
    rows = [(c.code, c.applies_to, c.severity, c.title) for c in CHECKS.values()]
    return tabulate(rows, HEAD, tablefmt="simple", disable_numparse=True) + "\n"


def toml_value(value: Any) -> str:
    """An option's default as it is written in TOML: ``0.10``, ``"info"``, ``["每", "人均"]``."""
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False)


def explained(code: str) -> str:
    """One code explained: title, the rubric kind, default severity, options, meaning, example."""
    c = lookup(code)
    options = [f"  {name} = {toml_value(value)}" for name, value in c.options.items()]
    lines = [
        f"{c.code}：{c.title}",
        f"适用于：{c.applies_to}（在{APPLIES_TO_LABELS[c.applies_to]}中以 [checks.{c.code}] 配置）",
        f"默认级别：{c.severity}",
        "选项（默认值）：" + ("" if options else "无（可配置 severity 与 enabled）"),
        *options,
        "说明：",
        f"  {c.explanation}",
        "示例：",
        f"  {c.example}",
    ]
    return "\n".join(lines) + "\n"


def _json_option(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return list(value) if isinstance(value, tuple) else value


def as_json(code: str | None = None) -> str:
    """Every code (or the one named) as a JSON list of objects."""
    checks = list(CHECKS.values()) if code is None else [lookup(code)]
    return json.dumps([_entry(c) for c in checks], ensure_ascii=False, indent=2) + "\n"


def described(code: str | None, form: str) -> str:
    """What ``perfscore checks [CODE] --format FORM`` prints (``table`` or ``json``)."""
    if form == "json":
        return as_json(code)
    return listing() if code is None else explained(code)


def _entry(c: Check[Any]) -> dict[str, Any]:
    options: Mapping[str, Any] = {name: _json_option(v) for name, v in c.options.items()}
    return {
        "code": c.code,
        "applies_to": c.applies_to,
        "severity": c.severity,
        "title": c.title,
        "example": c.example,
        "explanation": c.explanation,
        "options": options,
    }


__all__ = [
    "HEAD",
    "UnknownCode",
    "as_json",
    "described",
    "explained",
    "listing",
    "lookup",
    "toml_value",
]
