"""The operator vocabulary is the one definition: every other list of operators derives from it."""

from __future__ import annotations

from decimal import Decimal
from typing import get_args

import pytest

from perfscore.input.forms.layout import OPERATOR_CHOICES
from perfscore.models.operators import (
    LOWER_BOUNDS,
    QUANTITATIVE_SYMBOLS,
    SYMBOLS,
    VOCABULARY,
    OperatorRule,
    QuantitativeOperator,
    meets,
)
from perfscore.models.scalars import parse_operator, split_operator
from perfscore.rubrics.loading import load_rubric
from perfscore.rubrics.model import OPERATOR_KEYS


def test_the_typed_literal_names_the_vocabulary_operators() -> None:
    assert get_args(QuantitativeOperator) == QUANTITATIVE_SYMBOLS


def test_rubric_keys_and_form_choices_are_the_vocabulary() -> None:
    assert OPERATOR_KEYS == SYMBOLS == OPERATOR_CHOICES


@pytest.mark.parametrize("operator", VOCABULARY, ids=lambda op: op.symbol)
def test_every_spelling_reads_as_its_operator(operator: OperatorRule) -> None:
    for spelling in operator.spellings:
        assert parse_operator(spelling) == operator.symbol
    for word in operator.words_before:
        assert split_operator(f"{word}5次") == (operator.symbol, "5次")
    for word in operator.words_after:
        assert split_operator(f"5次{word}") == (operator.symbol, "5次")


def test_no_spelling_reads_as_two_operators() -> None:
    spellings = [s for op in VOCABULARY for s in (*op.spellings, *op.words_before)]
    assert len(spellings) == len(set(spellings))


def test_lower_bounds_are_met_by_more() -> None:
    assert LOWER_BOUNDS == ("≥", "＞")
    for symbol in LOWER_BOUNDS:
        assert meets(symbol, Decimal(3), Decimal(2)) and not meets(symbol, Decimal(1), Decimal(2))


def test_the_shipped_rubric_overshoots_the_lower_bounds() -> None:
    assert load_rubric("mof-2020").quantitative.overshoot_operators == LOWER_BOUNDS
