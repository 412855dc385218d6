"""The report's paragraphs, in the wording of ``text.j2``: the same text for every format."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from jinja2 import Environment

from perfscore.rendering.report.context import Report


@dataclass(frozen=True, slots=True)
class Texts:
    """Every paragraph of the report, plain text (a format escapes it as it needs)."""

    title: str
    subtitle: str
    basic: str
    goal: str
    method: str
    funding: str
    spending: str
    implementation: str
    completion: str
    conclusion: str
    #: 存在的问题 and 相关建议, one item each; ``["无。"]`` when there is truly nothing.
    problems: tuple[str, ...]
    suggestions: tuple[str, ...]
    #: The section headings by key (``"overview"``: ``"一、项目概况"`` …), from ``text.j2``.
    headings: Mapping[str, str]


def texts_of(report: Report, environment: Environment) -> Texts:
    """Run ``text.j2``'s macros on ``report``."""
    words: Any = environment.get_template("text.j2").module
    paragraphs = {
        name: _line(getattr(words, name)(report))
        for name in (
            *("title", "subtitle", "basic", "goal", "method", "funding", "spending"),
            *("implementation", "completion", "conclusion"),
        )
    }
    return Texts(
        **paragraphs,
        problems=_problems(words, report),
        suggestions=_suggestions(words, report),
        headings=MappingProxyType({str(k): str(v) for k, v in words.headings.items()}),
    )


def _line(text: Any) -> str:
    """A macro's output as one line (templates may wrap their source lines)."""
    return "".join(part.strip() for part in str(text).splitlines())


def _problems(words: Any, report: Report) -> tuple[str, ...]:
    items = [words.execution_problem(report)] if report.execution_short else []
    items += [words.issue_problem(issue) for issue in report.issues]
    items += [words.shortfall_problem(line) for line in report.shortfalls]
    return tuple(_line(item) for item in items) or (_line(words.nothing()),)


def _suggestions(words: Any, report: Report) -> tuple[str, ...]:
    titles = {issue.code: issue.title for issue in report.issues}
    items = [words.suggestion(code, titles[code]) for code in report.codes]
    if report.execution_short:
        items.append(words.execution_suggestion(report))
    if report.shortfalls:
        items.append(words.shortfall_suggestion(report))
    unique = tuple(dict.fromkeys(_line(item) for item in items))
    return unique or (_line(words.nothing()),)


__all__ = ["Texts", "texts_of"]
