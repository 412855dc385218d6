"""Jinja2 text templates shipped with perfscore (package data)."""

__all__: list[str] = []
