"""Explanations are plain data compared by kind and value: two sentences that say different
things are never equal, even when their numbers are the same."""

from __future__ import annotations

from decimal import Decimal

from perfscore.models.explanation import Met, Missed, Prefixed, Said

A, T = Decimal("95"), Decimal("98")


def test_kinds_with_the_same_numbers_differ() -> None:
    assert Met(A, T, "≥") != Missed(A, T, "≥")
    assert not Met(A, T, "≥") == Missed(A, T, "≥")  # noqa: SIM201 - __eq__ itself
    assert hash(Met(A, T, "≥")) != hash(Missed(A, T, "≥"))


def test_the_same_kind_and_values_are_equal() -> None:
    assert Met(A, T, "≥") == Met(A, T, "≥")
    assert Prefixed("按 ≥ 计分；", Said("x")) == Prefixed("按 ≥ 计分；", Said("x"))
    assert len({Said("x"), Said("x"), Said("y")}) == 2


def test_an_explanation_is_not_a_plain_tuple() -> None:
    assert Said("x") != ("x",)
    assert Met(A, T, "≥") != (A, T, "≥")
