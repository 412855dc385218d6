"""Properties of the review's parts: how the batch is cut and summed must not change the result."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from perfscore import load_rubric
from perfscore.rendering.review import encode_line, summary_dict
from perfscore.review.inputs import InputText, Unit, read_unit, spans
from perfscore.review.runner import Reviewer
from perfscore.review.summary import Summary

from .strategies import cases

MINE, STRICT = load_rubric("mof-2020"), load_rubric("mof-2020-review")
REVIEWER = Reviewer(MINE, STRICT, encode_line)
LINES = st.lists(st.text(alphabet="ab{}\r中", max_size=12), max_size=30)


@given(lines=LINES, span=st.integers(min_value=1, max_value=40))
def test_spans_of_any_size_give_every_line_once_with_its_number(
    tmp_path_factory: Any, lines: list[str], span: int
) -> None:
    text = "\n".join(lines)
    path = tmp_path_factory.mktemp("spans") / "lines.jsonl"
    path.write_bytes(text.encode())
    pieces = text.split("\n")
    if pieces[-1] == "":  # a final newline ends the last line; it starts none
        pieces.pop()
    read = [item for unit in spans(path, span) for item in read_unit(unit)]
    texts = [(t.line, t.text) for t in read if isinstance(t, InputText)]
    assert texts == [(n, piece) for n, piece in enumerate(pieces, 1) if piece.strip()]
    assert sum(item is None for item in read) == sum(not piece.strip() for piece in pieces)


@given(batch=st.lists(cases(), min_size=1, max_size=6), cut=st.integers(min_value=1, max_value=6))
def test_summaries_merged_per_unit_equal_one_summary(
    tmp_path_factory: Any, batch: list[dict[str, Any]], cut: int
) -> None:
    folder = tmp_path_factory.mktemp("batch")
    path: Path = folder / "batch.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False, default=str) for c in batch) + "\n")
    whole = REVIEWER.unit(Unit(jsonl=str(path), end=path.stat().st_size))
    merged = Summary()
    lines: list[bytes] = []
    for unit in spans(path, span=cut * 200):
        done = REVIEWER.unit(unit)
        merged.merge(done.summary)
        lines.extend(done.lines)
    assert merged == whole.summary
    assert summary_dict(merged, MINE, STRICT) == summary_dict(whole.summary, MINE, STRICT)
    assert lines == whole.lines
    assert merged.inputs == len(batch)
