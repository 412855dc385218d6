"""Reading a department case and the project cases it names or embeds."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from perfscore.errors import CaseError
from perfscore.input.jsonfile import case_from_data, load_case, parse_json, read_text, translate
from perfscore.input.limits import DEFAULT, Limits
from perfscore.models.case import spellings
from perfscore.models.department import (
    DEPARTMENT_CHILDREN,
    DepartmentCase,
    DepartmentProject,
    LoadedDepartment,
    ProjectEntry,
    is_entry,
)


def department_from_data(
    data: Any, file: str | None = None, limits: Limits = DEFAULT
) -> LoadedDepartment:
    """Validate parsed JSON as a department case and read its projects (the files it names
    under the same ``limits``)."""
    try:
        case = DepartmentCase.model_validate(data)
    except ValidationError as error:
        raise translate(error, data, file, (DepartmentCase, DEPARTMENT_CHILDREN)) from None
    base = Path(file).parent if file is not None else Path()
    places = _case_places(data)
    projects = tuple(
        replace(
            _project(entry.case, index, place, base=base, file=file, limits=limits),
            summary=entry.summary,
        )
        for index, (entry, place) in enumerate(zip(case.projects, places, strict=True))
    )
    return LoadedDepartment(case, file, projects)


def _case_places(data: dict[str, Any]) -> list[str]:
    """The JSON path of each project's case: ``$.projects[0]``, or ``$.projects[1].case`` when
    the item is an entry (the key as the case spells it)."""
    key = next((k for k in spellings(DepartmentCase)["projects"] if k in data), None)
    items: list[Any] = data[key] if key is not None else []
    return [_case_place(item, f"$.{key}[{index}]") for index, item in enumerate(items)]


def _case_place(item: Any, where: str) -> str:
    if not is_entry(item):
        return where
    spelled = next(k for k in spellings(ProjectEntry)["case"] if k in item)
    return f"{where}.{spelled}"


def load_department(path: str | Path, limits: Limits = DEFAULT) -> LoadedDepartment:
    """Read a department case file and the project files it names."""
    path = Path(path)
    data = parse_json(read_text(path, limits), str(path), limits)
    return department_from_data(data, str(path), limits)


def _project(
    item: str | dict[str, Any],
    index: int,
    where: str,
    *,
    base: Path,
    file: str | None,
    limits: Limits,
) -> DepartmentProject:
    """The project case ``item`` gives (embedded, or a file beside the department's), read;
    ``where`` is its JSON path as the file spells it, for errors."""
    if isinstance(item, dict):
        try:
            return DepartmentProject(f"{file or ''}.projects[{index}]", case_from_data(item, file))
        except CaseError as error:
            path = where + (error.path or "$").removeprefix("$")
            raise CaseError(error.message, file=file, path=path) from None
    target = base / item
    if Path(item).is_absolute() or not target.resolve().is_relative_to(base.resolve()):
        message = f"项目案例 '{item}' 须在部门案例所在的文件夹之内（相对路径，不经符号链接出界）"
        raise CaseError(message, file=file, path=where)
    try:
        return DepartmentProject(str(target), load_case(target, limits))
    except CaseError as error:
        if error.file == str(target) and error.message.startswith("无法读取"):
            message = f"项目案例 '{item}' {error.message}"
            raise CaseError(message, file=file, path=where) from None
        raise


__all__ = [
    "department_from_data",
    "load_department",
]
