"""Rendering: results in, text or bytes out. Every format of every command; none recomputes a score.

The terminal table, JSON and Markdown of an evaluation, the 自评报告 (Markdown, HTML, Word), the
filled Excel forms, the review outputs, and the Jinja2 templates they use (package data)."""

__all__: list[str] = []
