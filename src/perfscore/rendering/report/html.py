"""The report in HTML: ``report.html.j2`` over the report, its paragraphs and its chart.

One self-contained page (inline CSS and SVG, nothing fetched). The environment escapes every
value; the chart is the one piece of markup passed in, and it is drawn by ``chart.svg.j2`` in
the same escaping environment.
"""

from __future__ import annotations

from jinja2 import Environment

from perfscore.rendering.report.chart import render_chart
from perfscore.rendering.report.context import Report
from perfscore.rendering.report.texts import Texts


def render_html(report: Report, texts: Texts, environment: Environment) -> str:
    """One report as an HTML document; ``environment`` must be the escaping (HTML) one."""
    if not environment.autoescape:
        raise ValueError("render_html needs the escaping environment (html=True)")
    template = environment.get_template("report.html.j2")
    text: str = template.render(r=report, t=texts, chart=render_chart(report, environment))
    return text


__all__ = ["render_html"]
