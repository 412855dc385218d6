"""The published JSON Schema: generated from the models, committed, and true of every case."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource

from perfscore.input.jsonfile import parse_json
from perfscore.models.schema import SCHEMA_ID, case_schema, schema_text

from .conftest import CASES, DEPARTMENTS, ROOT
from .strategies import chinese_keys

COMMITTED = ROOT / "schema" / "case.schema.json"


def test_committed_schema_is_the_generated_one() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "run: perfscore schema -o schema/case.schema.json"
    )


def test_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(case_schema())


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_every_case_validates(case) -> None:  # type: ignore[no-untyped-def]
    data = parse_json(case.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(case_schema()).validate(data)


def test_committed_department_schema_is_the_generated_one() -> None:
    committed = ROOT / "schema" / "department.schema.json"
    assert committed.read_text(encoding="utf-8") == schema_text("department"), (
        "run: perfscore schema --kind department -o schema/department.schema.json"
    )


def department_validator() -> jsonschema.Draft202012Validator:
    """The department schema, with the project schema it refers to for embedded projects."""
    registry: Registry[Any] = Registry().with_resource(
        SCHEMA_ID, Resource.from_contents(case_schema())
    )
    return jsonschema.Draft202012Validator(case_schema("department"), registry=registry)


def test_department_schema_is_valid_draft_2020_12() -> None:
    jsonschema.Draft202012Validator.check_schema(case_schema("department"))


@pytest.mark.parametrize("case", DEPARTMENTS, ids=[p.stem for p in DEPARTMENTS])
def test_every_department_validates(case) -> None:  # type: ignore[no-untyped-def]
    department_validator().validate(parse_json(case.read_text(encoding="utf-8")))


def test_department_schema_rejects_what_the_loader_rejects() -> None:
    data = json.loads((ROOT / "cases" / "miyi-2022-department.json").read_text(encoding="utf-8"))
    data["accounts"]["totals"]["current"] = -1
    data["projects"].append({"project": {"name": "嵌入项目"}})
    errors = list(department_validator().iter_errors(data))
    paths = sorted(list(e.absolute_path) for e in errors)
    assert ["accounts"] in paths  # accounts may be null: anyOf reports at the key
    assert ["projects", 7] in paths


def test_chinese_keys_validate() -> None:
    data = parse_json(
        (ROOT / "cases" / "miyi-2022-5-government-work.json").read_text(encoding="utf-8")
    )
    chinese = chinese_keys(data)
    assert "预算执行情况" in chinese and "绩效指标" in chinese
    jsonschema.Draft202012Validator(case_schema()).validate(chinese)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"indicators": []}, ["indicators"]),
        ({"unknown": 1}, []),
        ({"budget": {"adjusted": -1}}, ["budget", "adjusted"]),
        ({"project": {}}, ["project"]),
    ],
)
def test_schema_rejects_what_the_loader_rejects(change, where) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(
        (ROOT / "cases" / "hand-04-zero-budget-ascii.json").read_text(encoding="utf-8")
    )
    data.update(change)
    errors = list(jsonschema.Draft202012Validator(case_schema()).iter_errors(data))
    assert errors
    assert any(list(e.absolute_path)[: len(where)] == where for e in errors)
