"""What any finding code means, in a few words: project, department or final-accounts codes."""

from perfscore.checks import number_as_text
from perfscore.checks.accounts import ACCOUNT_CHECKS
from perfscore.checks.department import DEPARTMENT_FINDINGS
from perfscore.checks.registry import title as project_title


def title(code: str) -> str:
    """What any finding code means, in a few words: department, accounts or project codes."""
    if code in DEPARTMENT_FINDINGS:
        return DEPARTMENT_FINDINGS[code][1]
    if code in ACCOUNT_CHECKS:
        return ACCOUNT_CHECKS[code].title
    if code == number_as_text.CODE:
        return number_as_text.TITLE
    return project_title(code)


__all__ = ["title"]
