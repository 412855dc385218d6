"""The ``[accounts]`` section of a department rubric: tolerance, severities, codes switched off."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from perfscore.checks.accounts.registry import ACCOUNT_CHECKS
from perfscore.rubrics.model import Severity

_Codes = TypeVar("_Codes", bound=Iterable[str])


class AccountRules(BaseModel):
    """How the final-accounts checks run under one rubric."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    #: 万元 allowed between a stated amount and what it computes to before it is a finding.
    tolerance: Decimal = Field(Decimal(0), ge=0)
    #: Code -> severity, overriding the check's default.
    severity: dict[str, Severity] = {}
    #: Codes whose findings are not reported.
    disabled: tuple[str, ...] = ()

    @field_validator("severity", "disabled")
    @classmethod
    def _known(cls, codes: _Codes) -> _Codes:
        for code in codes:
            if code not in ACCOUNT_CHECKS:
                known = "、".join(ACCOUNT_CHECKS)
                raise ValueError(f"未知的决算检查项 '{code}'（可用：{known}）")
        return codes


__all__ = ["AccountRules"]
