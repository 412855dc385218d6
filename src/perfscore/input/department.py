"""Reading a department case and the project cases it names or embeds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from perfscore.errors import CaseError
from perfscore.input.jsonfile import case_from_data, load_case, parse_json, read_text, translate
from perfscore.input.limits import DEFAULT, Limits
from perfscore.models.department import (
    DEPARTMENT_CHILDREN,
    DepartmentCase,
    DepartmentProject,
    LoadedDepartment,
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
    projects = tuple(
        _project(item, index, base, file, limits) for index, item in enumerate(case.projects)
    )
    return LoadedDepartment(case, file, projects)


def load_department(path: str | Path, limits: Limits = DEFAULT) -> LoadedDepartment:
    """Read a department case file and the project files it names."""
    path = Path(path)
    data = parse_json(read_text(path, limits), str(path), limits)
    return department_from_data(data, str(path), limits)


def _project(
    item: str | dict[str, Any], index: int, base: Path, file: str | None, limits: Limits
) -> DepartmentProject:
    where = f"$.projects[{index}]"
    if isinstance(item, dict):
        try:
            return DepartmentProject(
                f"{file or ''}{where.removeprefix('$')}", case_from_data(item, file)
            )
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
