"""Reading a department case and the project cases it names or embeds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from perfscore.errors import CaseError
from perfscore.input.jsonfile import case_from_data, load_case, parse_json, read_text, translate
from perfscore.models.case import Case
from perfscore.models.department import DEPARTMENT_CHILDREN, DEPARTMENT_KINDS, DepartmentCase

_KIND_KEYS = ("kind", "类型")


@dataclass(frozen=True, slots=True)
class Project:
    """One project of a department: where it came from and its case."""

    source: str
    case: Case


@dataclass(frozen=True, slots=True)
class LoadedDepartment:
    """A department case with its projects read."""

    case: DepartmentCase
    source: str | None
    projects: tuple[Project, ...]


def is_department(data: Any) -> bool:
    """Whether parsed JSON says ``"kind": "department"`` (in any spelling)."""
    if not isinstance(data, dict):
        return False
    return any(data.get(key) in DEPARTMENT_KINDS for key in _KIND_KEYS)


def department_from_data(data: Any, file: str | None = None) -> LoadedDepartment:
    """Validate parsed JSON as a department case and read its projects."""
    try:
        case = DepartmentCase.model_validate(data)
    except ValidationError as error:
        raise translate(error, data, file, (DepartmentCase, DEPARTMENT_CHILDREN)) from None
    base = Path(file).parent if file is not None else Path()
    projects = tuple(_project(item, index, base, file) for index, item in enumerate(case.projects))
    return LoadedDepartment(case, file, projects)


def load_department(path: str | Path) -> LoadedDepartment:
    """Read a department case file and the project files it names."""
    path = Path(path)
    return department_from_data(parse_json(read_text(path), str(path)), str(path))


def _project(item: str | dict[str, Any], index: int, base: Path, file: str | None) -> Project:
    where = f"$.projects[{index}]"
    if isinstance(item, dict):
        try:
            return Project(f"{file or ''}{where.removeprefix('$')}", case_from_data(item, file))
        except CaseError as error:
            path = where + (error.path or "$").removeprefix("$")
            raise CaseError(error.message, file=file, path=path) from None
    target = base / item
    if Path(item).is_absolute() or not target.resolve().is_relative_to(base.resolve()):
        message = f"项目案例 '{item}' 须在部门案例所在的文件夹之内（相对路径，不经符号链接出界）"
        raise CaseError(message, file=file, path=where)
    try:
        return Project(str(target), load_case(target))
    except CaseError as error:
        if error.file == str(target) and error.message.startswith("无法读取"):
            message = f"项目案例 '{item}' {error.message}"
            raise CaseError(message, file=file, path=where) from None
        raise


__all__ = [
    "LoadedDepartment",
    "Project",
    "department_from_data",
    "is_department",
    "load_department",
]
