"""``sum-mismatch``: a stated total against the sum of its parts.

The totals are: each 功能分类 line with items (类 against its 款, 款 against its 项), the 类
against 一般公共预算财政拨款支出, 基本支出 against 人员经费 + 公用经费, 本年收入合计 and
本年支出合计 against their parts, and the “三公”经费 against its three parts (决算数, and 预算数
and 上年数 when every part gives one).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from perfscore.checks.accounts.common import UNIT, amount_of, function_label, items_total, walk
from perfscore.checks.accounts.context import ACCOUNTS, AccountsContext
from perfscore.checks.registry import Options, Raised, check
from perfscore.models.numbers import ZERO, fmt, fmt_signed

if TYPE_CHECKING:  # department models: imported when a department is scored
    from perfscore.models.department import Breakdown, GeneralBudget, ThreePublic

#: 三公 column -> its name in a message.
_THREE_PUBLIC_COLUMNS: Final = {"actual": "决算数", "budget": "预算数", "previous": "上年数"}


def _text(label: str, stated: Decimal, parts: str, computed: Decimal) -> str:
    return (
        f"{label} {fmt(stated)} {UNIT}，{parts} {fmt(computed)} {UNIT}，"
        f"相差 {fmt_signed(stated - computed)} {UNIT}"
    )


def _total(values: Sequence[Decimal | None]) -> Decimal | None:
    """The sum of ``values``, or None when there are none or one is missing."""
    if not values or any(value is None for value in values):
        return None
    return sum((value for value in values if value is not None), ZERO)


def _functions(context: AccountsContext, general: GeneralBudget) -> Iterator[Raised]:
    where = "$.accounts.general.functions"
    for function, path in walk(general.functions, where):
        stated, computed = function.amount, items_total(function)
        if stated is not None and computed is not None and context.differs(stated, computed):
            label = f"{function_label(function)}决算数"
            yield _text(label, stated, "下级科目合计", computed), f"{path}.amount"
    computed = _total([amount_of(function) for function in general.functions])
    if computed is not None and context.differs(general.current, computed):
        text = _text("一般公共预算财政拨款支出", general.current, "各类功能科目合计", computed)
        yield text, "$.accounts.general.current"


def _breakdown(
    context: AccountsContext, breakdown: Breakdown, key: str, noun: str
) -> Iterator[Raised]:
    """本年{noun}合计 against the sum of its parts (``noun``: 收入 or 支出)."""
    if not breakdown.parts:
        return
    computed = sum((part.amount for part in breakdown.parts), ZERO)
    if context.differs(breakdown.total, computed):
        text = _text(f"本年{noun}合计", breakdown.total, f"各项{noun}之和", computed)
        yield text, f"$.accounts.{key}.total"


def _three_public(context: AccountsContext, three: ThreePublic) -> Iterator[Raised]:
    if not three.parts:
        return
    for column, name in _THREE_PUBLIC_COLUMNS.items():
        stated: Decimal | None = getattr(three, column)
        computed = _total([getattr(part, column) for part in three.parts])
        if stated is not None and computed is not None and context.differs(stated, computed):
            text = _text(f"“三公”经费{name}", stated, f"各项{name}之和", computed)
            yield text, f"$.accounts.three_public.{column}"


@check(
    "sum-mismatch",
    ACCOUNTS,
    "error",
    "合计与分项之和不符",
    explanation=(
        "决算说明中的合计数与其分项之和不符（超过允许的误差 tolerance，单位万元）：本年收入、本年支"
        "出、功能分类的类款项、基本支出、“三公”经费等。合计对不上说明公开的决算数字有误。"
    ),
    example="卫生健康支出（210）决算数 68.70 万元，下级科目合计 68.80 万元，相差 -0.10 万元",
    tolerance=ZERO,
)
def sum_mismatch(context: AccountsContext, options: Options) -> Iterator[Raised]:
    """Every stated total against the sum of its parts, beyond the tolerance."""
    accounts = context.accounts
    yield from _breakdown(context, accounts.income, "income", "收入")
    yield from _breakdown(context, accounts.spending, "spending", "支出")
    if accounts.general is not None:
        yield from _functions(context, accounts.general)
    basic = accounts.basic
    if basic is not None:
        computed = basic.personnel.amount + basic.public.amount
        if context.differs(basic.total, computed):
            parts = (
                f"{basic.personnel.name} {fmt(basic.personnel.amount)} {UNIT} + "
                f"{basic.public.name} {fmt(basic.public.amount)} {UNIT} ="
            )
            yield _text("基本支出", basic.total, parts, computed), "$.accounts.basic.total"
    if accounts.three_public is not None:
        yield from _three_public(context, accounts.three_public)


__all__ = ["sum_mismatch"]
