"""The case models and the result models: what a project or department submission says, and what
scoring produces.

Pydantic models for the input (``case``, ``department``), their typed scalars and Decimal
arithmetic (``scalars``, ``numbers``), the published JSON Schema, and the plain result objects
every renderer reads. Models hold data and validate it; they do not read files or score."""

__all__: list[str] = []
