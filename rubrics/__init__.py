"""Rubrics shipped with perfscore: TOML files read as package data, never imported."""
