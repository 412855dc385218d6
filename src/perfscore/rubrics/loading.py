"""Loading rubrics: shipped presets by name or files by path, ``extends``, validation.

Shipped rubrics are TOML files in the ``perfscore.rubrics.shipped`` package data. A rubric may say
``extends = "mof-2020"`` (or a path relative to itself) and override only what differs; the
merged result is validated against the registered methods and checks, and an error names the
TOML file and line. A department rubric says ``kind = "department"``; ``load_rubric`` and
``load_department_rubric`` each refuse the other kind.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeVar, cast

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from perfscore.checks import config_problems
from perfscore.errors import RubricError
from perfscore.input.jsonfile import json_path
from perfscore.input.messages import os_message, pydantic_message, toml_message
from perfscore.models.numbers import HUNDRED
from perfscore.models.operators import QUALITATIVE_SYMBOL
from perfscore.rubrics.model import OPERATOR_KEYS, SPECIAL_METHOD_KEYS, Rubric
from perfscore.rubrics.problems import Problem, toml_path
from perfscore.rubrics.tomlpos import locate
from perfscore.scoring.methods import QUALITATIVE, QUANTITATIVE

if TYPE_CHECKING:
    from perfscore.rubrics.department import DepartmentRubric

DEFAULT_RUBRIC: Final = "mof-2020"
#: The strict rubric ``perfscore review`` re-scores under, beside the self rubric.
REVIEW_RUBRIC: Final = "mof-2020-review"
#: The department rubric a department case is scored under by default.
DEFAULT_DEPARTMENT_RUBRIC: Final = "sichuan-department"

R = TypeVar("R", "Rubric", "DepartmentRubric")
#: Powers of ten a rubric number may span: weights, factors, tolerances, money units.
_MAGNITUDE: Final = 12
#: A rubric is a page of TOML; a device or a huge file named as one is refused unread.
_RUBRIC_BYTES: Final = 1 << 20
RubricKind = Literal["project", "department"]
KINDS: Final[tuple[RubricKind, ...]] = ("project", "department")


def _validate_rubric(rubric: Rubric) -> list[Problem]:
    """Cross-field rules; each problem with the key path it concerns."""
    problems: list[Problem] = []
    total = rubric.execution.weight + rubric.indicator_total
    if total != HUNDRED:
        problems.append((("levels",), f"预算执行与各一级指标权重合计应为 100，实际为 {total}"))
    for key, method in rubric.methods.items():
        known = QUALITATIVE if key == QUALITATIVE_SYMBOL else QUANTITATIVE
        if key not in (*OPERATOR_KEYS, *SPECIAL_METHOD_KEYS):
            problems.append((("methods", key), f"未知的运算符 '{key}'"))
        elif method not in known:
            problems.append(
                (("methods", key), f"未知的计分方法 '{method}'（可用：{'、'.join(known)}）")
            )
    problems += [
        (("methods",), f"缺少 '{key}' 的计分方法")
        for key in (*OPERATOR_KEYS, *SPECIAL_METHOD_KEYS)
        if key not in rubric.methods
    ]
    floors = list(rubric.grades.values())
    if not floors:
        problems.append((("grades",), "至少需要一个等级"))
    elif floors != sorted(floors, reverse=True):
        problems.append((("grades",), "等级分数线应从高到低排列"))
    return problems + _checks_problems(rubric)


def _checks_problems(rubric: Rubric | DepartmentRubric) -> list[Problem]:
    """What is wrong in the rubric's ``[checks]`` (the same shape in both kinds)."""
    return [(("checks", *keys), message) for keys, message in config_problems(rubric)]


def _department_problems(rubric: DepartmentRubric) -> list[Problem]:
    from perfscore.rubrics.department import rubric_problems  # noqa: PLC0415 - departments only

    return rubric_problems(rubric) + _checks_problems(rubric)


def shipped() -> dict[str, Path]:
    """Shipped rubric names -> their files."""
    folder = files("perfscore.rubrics.shipped")
    return {
        Path(entry.name).stem: Path(str(entry))
        for entry in sorted(folder.iterdir(), key=lambda e: Path(e.name).stem)
        if entry.name.endswith(".toml")
    }


def _resolve(name: str, relative_to: Path | None, kind: RubricKind | None = None) -> Path:
    """A rubric's file; an unknown name lists the shipped rubrics (of ``kind``, if given)."""
    if name.endswith(".toml") or "/" in name or "\\" in name:
        path = Path(name)
        return path if path.is_absolute() or relative_to is None else relative_to.parent / path
    available = shipped()
    if name in available:
        return available[name]
    names = [n for n, file in available.items() if kind in (None, _own_kind(file))]
    raise RubricError(f"没有名为 '{name}' 的评分规则（内置：{'、'.join(names)}）")


def _own_kind(path: Path) -> RubricKind | None:
    """The ``kind`` a rubric file itself states (``project`` if none; None if not a kind)."""
    kind = _read_toml(path)[0].get("kind", "project")
    return cast(RubricKind, kind) if kind in KINDS else None


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        if not path.is_file() or path.stat().st_size > _RUBRIC_BYTES:
            raise RubricError("评分规则应为普通文件，且不超过 1 MiB", file=str(path))
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise RubricError(f"无法读取评分规则：{os_message(error)}", file=str(path)) from None
    except UnicodeDecodeError as error:
        bad_line = error.object[: error.start].count(b"\n") + 1
        raise RubricError("不是 UTF-8 编码的文本", file=str(path), line=bad_line) from None
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        message, line, column = toml_message(str(error), text)
        raise RubricError(
            f"TOML 格式错误：{message}", file=str(path), line=line, column=column
        ) from None
    except RecursionError:
        raise RubricError("TOML 嵌套过深", file=str(path)) from None
    _check_numbers(data, (), path, text)
    return data, text


def _check_numbers(data: Any, where: tuple[str, ...], path: Path, text: str) -> None:
    """Every number in a rubric finite and of a sensible size (no 1e999999999, no nan)."""
    if isinstance(data, dict):
        for key, value in data.items():
            _check_numbers(value, (*where, str(key)), path, text)
    elif isinstance(data, list):
        for value in data:
            _check_numbers(value, where, path, text)
    elif isinstance(data, Decimal | int) and not isinstance(data, bool):
        number = Decimal(data)
        if (
            not number.is_finite()
            or number.adjusted() > _MAGNITUDE
            or (number and number.adjusted() < -_MAGNITUDE)
        ):
            bounds = f"1e-{_MAGNITUDE} 到 1e{_MAGNITUDE}"
            message = f"{'.'.join(where)}: 数值 {data} 不合理（应为 {bounds} 之间的有限数）"
            raise RubricError(message, file=str(path), line=locate(text, list(where)))


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def _load_chain(
    path: Path, seen: tuple[Path, ...]
) -> tuple[dict[str, Any], list[tuple[Path, str]]]:
    """The merged data of ``path`` and its ``extends`` ancestors, and their texts (child first)."""
    real = path.resolve()
    if real in seen:
        chain = " → ".join(p.name for p in (*seen, real))
        raise RubricError(f"extends 形成循环：{chain}", file=str(path))
    data, text = _read_toml(path)
    parent = data.get("extends")
    if parent is None:
        return data, [(path, text)]
    kind = data.get("kind", "project")
    resolved = _parent(parent, path, text, cast(RubricKind, kind) if kind in KINDS else None)
    if resolved.resolve() in (*seen, real):
        chain = " → ".join(p.name for p in (*seen, real, resolved.resolve()))
        line = locate(text, ["extends"])
        raise RubricError(f"extends: 形成循环：{chain}", file=str(path), line=line)
    base, texts = _load_chain(resolved, (*seen, real))
    return _merge(base, data), [(path, text), *texts]


def _parent(parent: object, path: Path, text: str, kind: RubricKind | None) -> Path:
    """The file ``extends`` names; an error names the extending file and the line."""
    line = locate(text, ["extends"])
    if not isinstance(parent, str):
        raise RubricError("extends 应为评分规则名称或文件路径", file=str(path), line=line)
    try:
        resolved = _resolve(parent, path, kind)
    except RubricError as error:
        raise RubricError(error.message, file=str(path), line=line) from None
    if not resolved.is_file():
        message = f"extends 指向的评分规则文件 '{parent}' 不存在"
        raise RubricError(message, file=str(path), line=line)
    return resolved


def rubric_kind(name_or_path: str | Path) -> RubricKind:
    """Whether a rubric scores projects or departments: its ``kind`` (through ``extends``)."""
    path = _resolve(str(name_or_path), None)
    data, texts = _load_chain(path, ())
    return _kind(data, texts)


def _kind(data: dict[str, Any], texts: list[tuple[Path, str]]) -> RubricKind:
    kind = data.get("kind", "project")
    if kind not in KINDS:
        message = f"kind 应为 project 或 department，实际为 {kind!r}"
        raise _rubric_error(("kind",), message, texts)
    return cast(RubricKind, kind)


def _wrong_kind(message: str, texts: list[tuple[Path, str]]) -> RubricError:
    """``message`` at the line that sets ``kind`` (or of the file, if none does)."""
    for file, text in texts:
        line = locate(text, ["kind"])
        if line is not None:
            return RubricError(message, file=str(file), line=line)
    return RubricError(message, file=str(texts[0][0]))


def load_rubric(name_or_path: str | Path = DEFAULT_RUBRIC) -> Rubric:
    """Load a shipped rubric by name, or a rubric file, resolving ``extends``."""
    path = _resolve(str(name_or_path), None, "project")
    data, texts = _load_chain(path, ())
    if _kind(data, texts) == "department":
        message = f"'{path.stem}' 是部门整体评价规则，不能用于项目评价"
        raise _wrong_kind(message, texts)
    data.pop("kind", None)
    return _validated(Rubric, data, (path, texts), _validate_rubric)


def load_department_rubric(
    name_or_path: str | Path = DEFAULT_DEPARTMENT_RUBRIC,
) -> DepartmentRubric:
    """Load a department rubric (``kind = "department"``) by name or path, resolving ``extends``."""
    path = _resolve(str(name_or_path), None, "department")
    data, texts = _load_chain(path, ())
    if _kind(data, texts) != "department":
        raise _wrong_kind(f"'{path.stem}' 是项目评价规则，不能用于部门整体评价", texts)
    from perfscore.rubrics.department import DepartmentRubric  # noqa: PLC0415 - departments only

    rubric = _validated(DepartmentRubric, data, (path, texts), _department_problems)
    return _with_project_rubric(rubric, path, texts)


def _validated(
    model: type[R],
    data: dict[str, Any],
    source: tuple[Path, list[tuple[Path, str]]],
    problems_of: Callable[[R], list[Problem]],
) -> R:
    """``data`` (the merged chain of the rubric file ``source[0]``) as a ``model``; the first
    schema error or cross-field problem raised at its TOML line in ``source[1]``'s texts."""
    path, texts = source
    data.setdefault("name", path.stem)
    data["source"] = str(path)
    try:
        rubric = model.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        where = toml_path(first["loc"], data)
        raise _rubric_error(where, _pydantic_message(first), texts) from None
    problems = problems_of(rubric)
    if problems:
        raise _rubric_error(*problems[0], texts)
    return rubric


def _with_project_rubric(
    rubric: DepartmentRubric, path: Path, texts: list[tuple[Path, str]]
) -> DepartmentRubric:
    """Check ``project_rubric`` names a project rubric; a file path becomes relative to ``path``."""
    name = rubric.project_rubric
    try:
        resolved = _resolve(name, path, "project")
        kind = rubric_kind(resolved)
    except RubricError as error:
        raise _rubric_error(("project_rubric",), error.message, texts) from None
    if kind != "project":
        message = f"'{resolved.stem}' 是部门整体评价规则，不能用于项目评价"
        raise _rubric_error(("project_rubric",), message, texts)
    if name in shipped():
        return rubric
    return rubric.model_copy(update={"project_rubric": str(resolved)})


#: Keys a rubric once accepted, and why they are gone (an old rubric is told what to do).
_REMOVED: Final[dict[tuple[str, ...], str]] = {
    ("weights", "split"): "已移除：一级指标分值总是在其指标间平均分配，请删去此键",
    ("execution", "name"): "已移除：从未被读取（预算执行率的名称是固定的），请删去此键",
}


def _pydantic_message(detail: ErrorDetails) -> str:
    if detail["type"] == "extra_forbidden":
        key = detail["loc"][-1]
        removed = _REMOVED.get(tuple(str(part) for part in detail["loc"][-2:]))
        return f"键 '{key}' {removed}" if removed else f"未知的键 '{key}'"
    return pydantic_message(detail)


def _rubric_error(
    path: tuple[str, ...], message: str, texts: list[tuple[Path, str]]
) -> RubricError:
    for file, text in texts:
        line = locate(text, path)
        if line is not None:
            return RubricError(
                f"{'.'.join(path)}: {message}" if path else message, file=str(file), line=line
            )
    file = texts[0][0]
    where = json_path(path).removeprefix("$.") if path else None
    return RubricError(f"{where}: {message}" if where else message, file=str(file))


__all__ = [
    "DEFAULT_DEPARTMENT_RUBRIC",
    "DEFAULT_RUBRIC",
    "KINDS",
    "REVIEW_RUBRIC",
    "RubricKind",
    "load_department_rubric",
    "load_rubric",
    "rubric_kind",
    "shipped",
]
