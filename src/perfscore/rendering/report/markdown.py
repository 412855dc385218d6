"""The report in Markdown: ``report.md.j2`` over the report and its paragraphs.

Text from a case is escaped (``escape.py``, the ``md`` and ``cell`` filters) so that Markdown
shows it as typed: ``*``, ``_``, ``<``, a leading ``1.`` or ``#`` never turn into emphasis, HTML,
a list or a heading.
"""

from __future__ import annotations

from jinja2 import Environment

from perfscore.rendering.report.context import Report
from perfscore.rendering.report.texts import Texts


def render_report_markdown(report: Report, texts: Texts, environment: Environment) -> str:
    """One report as a Markdown document."""
    rendered: str = environment.get_template("report.md.j2").render(r=report, t=texts)
    return rendered


__all__ = ["render_report_markdown"]
