"""Department-wide evaluation (部门整体支出绩效自评) and the final-accounts checks (决算说明).

A department case (``kind: "department"``) holds the department, its project cases, its final
accounts and its self-evaluation; a department rubric scores it, its projects are re-scored under
a project rubric, and every stated number of its accounts is checked.
"""

from .. import textnumbers
from ..checks import title as project_title
from .accounts import ACCOUNT_CHECKS, AccountRules, account_findings
from .case import DepartmentCase
from .engine import evaluate_department
from .findings import DEPARTMENT_FINDINGS
from .loader import LoadedDepartment, department_from_data, is_department, load_department
from .results import DepartmentEvaluation, ItemResult
from .rubric import DepartmentRubric


def title(code: str) -> str:
    """What any finding code means, in a few words: department, accounts or project codes."""
    if code in DEPARTMENT_FINDINGS:
        return DEPARTMENT_FINDINGS[code][1]
    if code in ACCOUNT_CHECKS:
        return ACCOUNT_CHECKS[code].title
    if code == textnumbers.CODE:
        return textnumbers.TITLE
    return project_title(code)


__all__ = [
    "AccountRules",
    "DepartmentCase",
    "DepartmentEvaluation",
    "DepartmentRubric",
    "ItemResult",
    "LoadedDepartment",
    "account_findings",
    "department_from_data",
    "evaluate_department",
    "is_department",
    "load_department",
    "title",
]
