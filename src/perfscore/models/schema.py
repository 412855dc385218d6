"""The published JSON Schema of the case format, generated from the pydantic models.

pydantic names each property by its English key; the Chinese spellings are added here as
properties with the same schema, and a required key may be given in any of its spellings.
"""

from __future__ import annotations

import json
from typing import Any, Final

from perfscore.models.case import CHILDREN, Case, Children, Form, spellings
from perfscore.models.department import DEPARTMENT_CHILDREN, DepartmentCase

BASE: Final = "https://perfscore.example/schema/"
SCHEMA_ID: Final = f"{BASE}case.schema.json"
#: Each published schema: its file name, title, root model and the table of its nested parts.
SCHEMAS: Final[dict[str, tuple[str, type[Form], Children]]] = {
    "project": ("perfscore 项目支出绩效自评案例", Case, CHILDREN),
    "department": ("perfscore 部门整体支出绩效自评与决算案例", DepartmentCase, DEPARTMENT_CHILDREN),
}
FILES: Final = {"project": "case.schema.json", "department": "department.schema.json"}
#: A department's project case: a path to a case file (relative to it), or a case object.
_PROJECT_CASE: Final = [
    {"type": "string", "description": "项目案例文件的路径（相对于部门案例文件）"},
    {"$ref": SCHEMA_ID, "description": "项目案例"},
]


def _models(root: type[Form], children: Children) -> list[type[Form]]:
    seen: list[type[Form]] = [root]
    for model in seen:  # grows as it goes: every part reachable from the root
        seen += [m for m in children.get(model, {}).values() if m not in seen]
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


def case_schema(kind: str = "project") -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) every case file of ``kind`` validates against."""
    title, root, children = SCHEMAS[kind]
    schema = root.model_json_schema(mode="validation")
    definitions = schema.get("$defs", {})
    for model in _models(root, children):
        name = model.__name__
        node = schema if model is root else definitions[name]
        _add_aliases(node, model, "#" if model is root else f"#/$defs/{name}")
    schema["properties"].pop("schema_ref", None)
    if root is DepartmentCase:
        _project_items(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": BASE + FILES[kind],
        "title": title,
        **{k: v for k, v in schema.items() if k != "title"},
    }


def _project_items(schema: dict[str, Any]) -> None:
    """A ``projects`` item is a case (path or object) or an entry with its case and summary."""
    entry = schema["$defs"]["ProjectEntry"]
    entry["properties"]["case"] = {"anyOf": _PROJECT_CASE, "description": "项目案例"}
    items = {"anyOf": [*_PROJECT_CASE, {"$ref": "#/$defs/ProjectEntry"}]}
    schema["properties"]["projects"]["items"] = items


def schema_text(kind: str = "project") -> str:
    """The schema as committed in ``schema/case.schema.json`` (``department.schema.json``)."""
    return json.dumps(case_schema(kind), ensure_ascii=False, indent=2) + "\n"


__all__ = ["FILES", "SCHEMAS", "SCHEMA_ID", "case_schema", "schema_text"]
