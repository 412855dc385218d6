"""What no real submission exceeds: every input limit in one place, each with its default.

A real project table is a few kilobytes: a dozen indicators, paragraphs of a few hundred
characters, nesting five levels deep. The defaults leave a wide margin above that; a reviewer
who meets a genuine exception raises one with ``perfscore --limit NAME=VALUE``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Final

from perfscore.errors import PerfscoreError


@dataclass(frozen=True, slots=True)
class Limits:
    """The input limits (see the README's threat model)."""

    #: Bytes of one case file, form or JSON Lines file's single line … checked before reading.
    file_bytes: int = 20 * 1024 * 1024
    #: Bytes of one line of a JSON Lines file.
    line_bytes: int = 4 * 1024 * 1024
    #: Nesting of objects and lists in one case (a department's 功能分类 tree is the deepest: 9).
    depth: int = 32
    #: Items of any one list: indicators, funding rows, projects, 功能分类 lines.
    items: int = 2000
    #: Characters of any one text or key.
    text: int = 20000


#: What each limit is, in the words of an error message.
DESCRIPTIONS: Final = {
    "file_bytes": "文件大小",
    "line_bytes": "JSON Lines 单行大小",
    "depth": "嵌套层数",
    "items": "列表项数",
    "text": "文本长度",
}

#: The limits when none are raised: what every reader uses unless it is given others.
DEFAULT: Final = Limits()


def configured(settings: dict[str, int]) -> Limits:
    """Limits set by name (``{"items": 5000}``); the others take their defaults."""
    known = {f.name for f in fields(Limits)}
    for name, value in settings.items():
        if name not in known:
            raise PerfscoreError(f"未知的限制 '{name}'（可用：{'、'.join(sorted(known))}）")
        if value < 1:
            raise PerfscoreError(f"限制 {name} 应为正整数，实际为 {value}")
    return replace(Limits(), **settings)


def parse_setting(text: str) -> tuple[str, int]:
    """``"items=5000"`` -> ``("items", 5000)``; a bad one raises with a Chinese message."""
    name, sep, value = text.partition("=")
    if not sep or not value.strip().isdigit():
        raise PerfscoreError(f"--limit 应写作 名称=正整数，如 items=5000，实际为 '{text}'")
    return name.strip(), int(value)


def exceeded(name: str, size: int, limit: int) -> str:
    """The message for an input over a limit, with how to raise it."""
    what = DESCRIPTIONS[name]
    return f"{what} {size} 超过上限 {limit}（确需处理时可用 perfscore --limit {name}=… 调高）"


__all__ = ["DEFAULT", "DESCRIPTIONS", "Limits", "configured", "exceeded", "parse_setting"]
