"""One scoring plan per rubric: built once, found again by the rubric, bounded."""

from __future__ import annotations

import functools

from pydantic import BaseModel

from perfscore import evaluate, load_case, load_rubric
from perfscore.rubrics.model import Rubric
from perfscore.scoring.plan import PLANS_KEPT, Plan

from .conftest import ROOT


def test_the_same_rubric_has_the_same_plan() -> None:
    rubric = load_rubric("mof-2020")
    assert Plan.of(rubric) is Plan.of(rubric)


def test_a_rubric_loaded_again_reuses_what_was_compiled() -> None:
    first, again = load_rubric("mof-2020"), load_rubric("mof-2020")
    assert first is not again
    plan, replanned = Plan.of(first), Plan.of(again)
    assert replanned.rubric is again
    assert replanned.reader is plan.reader


def test_a_different_rubric_has_its_own_plan() -> None:
    mine, strict = load_rubric("mof-2020"), load_rubric("mof-2020-review")
    assert Plan.of(mine).reader is not Plan.of(strict).reader


def test_the_cache_is_bounded() -> None:
    base = load_rubric("mof-2020")
    plans = [Plan.of(base.model_copy(update={"rounding": n})) for n in range(PLANS_KEPT + 2)]
    again = Plan.of(base.model_copy(update={"rounding": 0}))
    assert again is not plans[0]  # pushed out by the newer ones, built afresh


def test_rubric_models_hold_no_speed_machinery() -> None:
    sections = [type(v) for v in dict(load_rubric()).values() if isinstance(v, BaseModel)]
    for model in (Rubric, *sections):
        cached = [n for n, v in vars(model).items() if isinstance(v, functools.cached_property)]
        assert cached == [], model


def test_scores_do_not_depend_on_which_plan_was_built_first() -> None:
    case = load_case(ROOT / "cases" / "hand-08-real-spellings.json")
    rubric = load_rubric("mof-2020")
    before = evaluate(case, rubric).score
    for n in range(PLANS_KEPT + 1):
        Plan.of(rubric.model_copy(update={"rounding": n % 6}))
    assert evaluate(case, load_rubric("mof-2020")).score == before
