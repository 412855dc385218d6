"""Which kind of case parsed JSON is: a project's table, or a department's year as a whole.

Told from the data before any model is built, so a project case never loads the department models.
"""

from typing import Any, Final

#: The spellings of a project case's kind.
PROJECT_KINDS: Final = ("project", "项目")
#: The spellings of a department case's kind.
DEPARTMENT_KINDS: Final = ("department", "部门", "部门整体")
#: The keys a case's kind is written under.
_KIND_KEYS: Final = ("kind", "类型")


def is_department(data: Any) -> bool:
    """Whether parsed JSON says ``"kind": "department"`` (in any spelling)."""
    if not isinstance(data, dict):
        return False
    return any(data.get(key) in DEPARTMENT_KINDS for key in _KIND_KEYS)


__all__ = ["DEPARTMENT_KINDS", "PROJECT_KINDS", "is_department"]
