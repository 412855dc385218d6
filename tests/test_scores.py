"""The scores the README states, asserted: the seed's seven tables and the hand-made cases."""

from __future__ import annotations

from decimal import Decimal

import pytest

from perfscore import evaluate, load_case, load_rubric
from perfscore.checks import CHECKS
from perfscore.checks.registry import SCORED

from .conftest import CASES, ROOT

# (case, mof-2020 score, grade, mof-2020-review score)
EXPECTED = [
    ("miyi-2022-1-network", "100.00", "优", "10.00"),
    ("miyi-2022-2-video-conference", "100.00", "优", "52.50"),
    ("miyi-2022-3-party-conference", "100.00", "优", "52.50"),
    ("miyi-2022-4-response-center", "100.00", "优", "52.50"),
    ("miyi-2022-5-government-work", "99.70", "优", "52.20"),
    ("miyi-2022-6-project-drill", "100.00", "优", "22.50"),
    ("miyi-2022-7-aid-programs", "100.00", "优", "52.50"),
    ("hand-01-quantitative", "69.09", "中", "69.09"),
    ("hand-02-given-weights", "96.89", "优", "96.89"),
    ("hand-03-missing-satisfaction", "47.13", "差", "47.13"),
    ("hand-04-zero-budget-ascii", "72.00", "中", "72.00"),
    ("hand-05-qualitative", "75.83", "中", "72.83"),
    ("hand-06-budget-arithmetic", "99.62", "优", "99.62"),
    # 9.50 + 20 + 10 + 10 + 10 + 15 + 10 + 5 + 10; the review gives the copied "≥90%" nothing.
    ("hand-08-real-spellings", "99.50", "优", "89.50"),
    # weights 100 scaled to 90: 9.20 + 18 + 18 + 9 × 48/60 + 18 + 18 + 9.
    ("hand-09-weights-out-of-100", "97.40", "优", "97.40"),
]


@pytest.mark.parametrize(
    ("name", "score", "grade", "review"), EXPECTED, ids=[e[0] for e in EXPECTED]
)
def test_score(name: str, score: str, grade: str, review: str) -> None:
    case = load_case(ROOT / "cases" / f"{name}.json")
    evaluation = evaluate(case, load_rubric("mof-2020"))
    assert (str(evaluation.score), evaluation.grade) == (score, grade)
    assert str(evaluate(case, load_rubric("mof-2020-review")).score) == review


def test_government_work_fund() -> None:
    """The issue's anchor: 96.96% executed scores 9.70, the claimed 100 is 0.30 too high."""
    evaluation = evaluate(
        load_case(ROOT / "cases" / "miyi-2022-5-government-work.json"), load_rubric()
    )
    assert evaluation.execution.rate == Decimal("96.96")
    assert evaluation.execution.score == Decimal("9.70")
    assert evaluation.difference == Decimal("0.30")
    codes = {f.code for f in evaluation.findings}
    assert {
        "claimed-score-mismatch",
        "cost-budget-mismatch",
        "text-actual",
        "scale-as-target",
    } <= codes


def _codes(name: str) -> set[tuple[str, str]]:
    evaluation = evaluate(load_case(ROOT / "cases" / f"{name}.json"), load_rubric())
    return {(f.code, f.where) for f in evaluation.findings}


FINDINGS = {
    "miyi-2022-1-network": {
        ("unit-mismatch", "$.indicators[7].unit"),
        ("cost-budget-mismatch", "$.indicators[3].target"),
        ("budget-adjusted", "$.budget.adjusted"),
    },
    "hand-01-quantitative": {
        ("claimed-score-mismatch", "$.claimed_score"),
        ("missing-reason", "$.budget.reason"),
        ("missing-reason", "$.indicators[2].reason"),
        ("row-score-mismatch", "$.indicators[0].score"),
    },
    "hand-02-given-weights": {
        ("over-executed", "$.budget.executed"),
        ("cost-direction", "$.indicators[1].operator"),
        ("unit-mismatch", "$.indicators[2].unit"),
        ("weights-mismatch", "$.indicators"),
        ("overshoot", "$.indicators[0].actual"),
    },
    "hand-03-missing-satisfaction": {
        ("missing-actual", "$.indicators[2].actual"),
        ("missing-target", "$.indicators[3].target"),
        ("unreadable-actual", "$.indicators[4].actual"),
        ("missing-level", "$.indicators"),
    },
    "hand-04-zero-budget-ascii": {
        ("zero-budget", "$.budget.adjusted"),
        ("missing-level", "$.indicators"),
    },
    "hand-05-qualitative": {
        ("text-actual", "$.indicators[5].actual"),
        ("scale-as-target", "$.indicators[3].target"),
        ("unreadable-actual", "$.indicators[4].actual"),
    },
    "hand-08-real-spellings": {
        ("not-applicable", "$.indicators[5]"),
        ("unweighted-row", "$.indicators[1].weight"),
        ("default-operator", "$.indicators[0].target"),
        ("missing-name", "$.indicators[11].name"),
        ("actual-as-target", "$.indicators[1].actual"),
        ("actual-as-target", "$.indicators[10].actual"),
        ("text-actual", "$.indicators[12].actual"),
    },
    "hand-09-weights-out-of-100": {
        ("weights-mismatch", "$.indicators"),
        ("claimed-score-mismatch", "$.claimed_score"),
        ("row-score-mismatch", "$.budget.score"),
        ("row-score-mismatch", "$.indicators[1].score"),
        ("row-score-mismatch", "$.indicators[2].score"),
        ("row-score-mismatch", "$.indicators[5].score"),
        ("default-operator", "$.indicators[3].target"),
    },
    "hand-06-budget-arithmetic": {
        ("budget-rows-mismatch", "$.budget.adjusted"),
        ("execution-rate-mismatch", "$.budget.rate"),
        ("execution-rate-mismatch", "$.budget.sources[0].rate"),
    },
}


@pytest.mark.parametrize("name", sorted(FINDINGS))
def test_findings(name: str) -> None:
    assert FINDINGS[name] <= _codes(name)


def test_every_finding_code_is_exercised() -> None:
    seen = set()
    for path in CASES:
        seen |= {code for code, _ in _codes(path.stem)}
    assert seen == {code for code, c in CHECKS.items() if c.reads is SCORED}
