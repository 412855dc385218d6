"""The 自评报告: one project's self-evaluation report, in Markdown, HTML or Word.

Numbers come from the evaluation (``context.py``), wording from Jinja2 templates shipped as
package data (``templates/report/``) that a folder given with ``--template`` overrides.
"""

from __future__ import annotations

import io
from typing import Literal

from jinja2 import TemplateError

from perfscore.models.results import Evaluation
from perfscore.rendering.report.context import Report, report_of
from perfscore.rendering.report.files import file_stem, is_folder, make_folder, unique_names
from perfscore.rendering.report.html import render_html
from perfscore.rendering.report.markdown import render_report_markdown
from perfscore.rendering.report.templates import report_environment, template_error
from perfscore.rendering.report.texts import texts_of
from perfscore.rendering.report.word import write_docx

ReportFormat = Literal["md", "html", "docx"]


def render_report(evaluation: Evaluation, form: ReportFormat, folder: str | None = None) -> bytes:
    """One report as the bytes of its file; ``folder`` holds templates that replace the shipped."""
    report = report_of(evaluation)
    try:
        texts = texts_of(report, report_environment(folder, html=False))
        if form == "md":
            return render_report_markdown(
                report, texts, report_environment(folder, html=False)
            ).encode()
        if form == "html":
            return render_html(report, texts, report_environment(folder, html=True)).encode()
    except TemplateError as error:
        raise template_error(error, folder) from None
    stream = io.BytesIO()
    write_docx(report, texts, stream)
    return stream.getvalue()


def render_md(evaluation: Evaluation, templates: str | None) -> bytes:
    """``report --format md``."""
    return render_report(evaluation, "md", templates)


def render_html_report(evaluation: Evaluation, templates: str | None) -> bytes:
    """``report --format html``."""
    return render_report(evaluation, "html", templates)


def render_docx(evaluation: Evaluation, templates: str | None) -> bytes:
    """``report --format docx``."""
    return render_report(evaluation, "docx", templates)


__all__ = [
    "Report",
    "ReportFormat",
    "file_stem",
    "is_folder",
    "make_folder",
    "render_docx",
    "render_html_report",
    "render_md",
    "render_report",
    "report_of",
    "unique_names",
]
