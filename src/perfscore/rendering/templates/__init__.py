"""Jinja2 text templates shipped with perfscore (package data)."""
