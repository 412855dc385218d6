"""The published JSON Schema of the case format, generated from the pydantic models.

pydantic names each property by its English key; the Chinese spellings are added here as
properties with the same schema, and a required key may be given in any of its spellings.
"""

from __future__ import annotations

import json
from typing import Any, Final

from .case import CHILDREN, Case, Form, spellings

SCHEMA_ID: Final = "https://perfscore.example/schema/case.schema.json"


def _models() -> list[type[Form]]:
    seen: list[type[Form]] = [Case]
    for children in CHILDREN.values():
        seen += [m for m in children.values() if m not in seen]
    return seen


def _add_aliases(node: dict[str, Any], model: type[Form], pointer: str) -> None:
    """Each Chinese spelling refers to the English property's schema."""
    properties: dict[str, Any] = node["properties"]
    renamed: dict[str, Any] = {}
    required: list[str] = node.pop("required", [])
    alternatives = []
    for name, keys in spellings(model).items():
        key = keys[0]
        sub = properties.get(key, properties.get(name))
        if sub is None:
            continue
        renamed[key] = sub
        for spelling in keys[1:]:
            renamed[spelling] = {"$ref": f"{pointer}/properties/{key}"}
        if name in required or key in required:
            alternatives.append({"anyOf": [{"required": [s]} for s in keys]})
    node["properties"] = renamed
    if alternatives:
        node["allOf"] = alternatives


def case_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every case file validates against."""
    schema = Case.model_json_schema(mode="validation")
    definitions = schema.get("$defs", {})
    for model in _models():
        name = model.__name__
        node = schema if model is Case else definitions[name]
        _add_aliases(node, model, "#" if model is Case else f"#/$defs/{name}")
    schema["properties"].pop("schema_ref", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "perfscore 项目支出绩效自评案例",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def schema_text() -> str:
    """The schema as committed in ``schema/case.schema.json``."""
    return json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n"


__all__ = ["SCHEMA_ID", "case_schema", "schema_text"]
