"""Every registered output, fed a hostile name: each target escapes it in its own language.

The test walks the output registry, so a format registered later is tested without an edit here.
The name sits in the project, the department, an indicator, an actual (so in a finding's
message and in 存在的问题), an indicator's reason and the file the result came from.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import pickle
import re
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest
from docx import Document
from openpyxl import load_workbook

from perfscore import evaluate, load_rubric
from perfscore.input.department import department_from_data
from perfscore.input.jsonfile import case_from_data
from perfscore.models.department_results import DepartmentEvaluation
from perfscore.models.results import Evaluation
from perfscore.rendering.cells import is_formula_like
from perfscore.rendering.registry import (
    OUTPUTS,
    Output,
    evaluate_renderer,
    formats,
    report_renderer,
    review_renderer,
)
from perfscore.rendering.review import Batch
from perfscore.review.rows import ErrorRow, department_row, order, row_of
from perfscore.review.summary import Summary
from perfscore.rubrics.loading import load_department_rubric
from perfscore.scoring.department import evaluate_department

from .conftest import ROOT

NAME = "<script>alert(1)</script> *粗* |管道| =cmd()\n换行 [链接](x)"
#: A name a spreadsheet would run as a formula.
FORMULA = '=HYPERLINK("http://x","点我")<script>x</script>\n换行|'
ESCAPED_NAME = r"\<script\>alert(1)\</script\> \*粗\* \|管道\| =cmd() 换行 \[链接\](x)"


def _project_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        (ROOT / "cases" / "hand-01-quantitative.json").read_text(encoding="utf-8")
    )
    data["project"].update(name=NAME, department=FORMULA, implementer=NAME)
    data["summary"] = NAME
    first = data["indicators"][0]
    first.update(name=NAME, reason=NAME, actual=f"已全部完成{NAME}")
    data["indicators"][1].update(name=FORMULA)
    return data


@dataclass(frozen=True)
class Hostile:
    """The hostile results, scored once."""

    project: Evaluation
    strict: Evaluation
    department: DepartmentEvaluation
    strict_department: DepartmentEvaluation

    def results(self, output: Output) -> Sequence[Evaluation | DepartmentEvaluation]:
        if output.renders == "project":
            return [self.project]
        return [self.project, self.department]

    def batch(self) -> Batch:
        rows = [
            row_of(self.project, self.strict, NAME, 1),
            department_row(self.department, self.strict_department, FORMULA, 2),
        ]
        summary = Summary()
        mine, strict = self.project.rubric, self.strict.rubric
        for row in rows:
            summary.add(row, mine.full_marks, strict.review)
        problems = [ErrorRow(FORMULA, 3, f"{FORMULA}:3: {NAME}")]
        return Batch(order(rows), problems, summary, mine, strict)


@pytest.fixture(scope="module")
def hostile() -> Hostile:
    case = case_from_data(_project_data())
    mine, strict = load_rubric("mof-2020"), load_rubric("mof-2020-review")
    data = json.loads((ROOT / "cases" / "miyi-2022-department.json").read_text(encoding="utf-8"))
    data["department"]["name"] = FORMULA
    data["projects"] = [_project_data()]
    data["evaluation"]["problems"] = NAME
    loaded = department_from_data(data, NAME)
    rubric = load_department_rubric()
    return Hostile(
        evaluate(case, mine, NAME),
        evaluate(case, strict, NAME),
        evaluate_department(loaded, rubric, mine),
        evaluate_department(loaded, rubric, strict),
    )


def test_the_registry_covers_every_command() -> None:
    assert OUTPUTS
    assert {o.command for o in OUTPUTS} == {"evaluate", "report", "review", "part"}
    assert formats("evaluate") == ("table", "json", "markdown", "xlsx")
    assert formats("report") == ("md", "html", "docx")
    assert formats("review") == ("table", "json", "jsonl", "csv", "xlsx")
    assert len({(o.command, o.name) for o in OUTPUTS}) == len(OUTPUTS)
    for output in OUTPUTS:
        assert callable(output.load()), output.renderer


def _render(output: Output, hostile: Hostile) -> str | bytes:
    if output.command == "evaluate":
        results = hostile.results(output)
        return evaluate_renderer(output.name)(results, single=False, layout="sichuan-2023")
    if output.command == "report":
        return report_renderer(output.name)(hostile.project, None)
    if output.command == "review":
        return review_renderer(output.name)(hostile.batch())
    rendered = output.load()(hostile.project)  # type: ignore[operator]
    assert isinstance(rendered, str)
    return rendered


@pytest.mark.parametrize("output", OUTPUTS, ids=lambda o: f"{o.command}-{o.name}")
def test_a_hostile_name_is_escaped_in_every_output(output: Output, hostile: Hostile) -> None:
    rendered = _render(output, hostile)
    assert isinstance(rendered, bytes) == output.binary
    CHECKS[output.target](rendered)


def _text(rendered: str | bytes) -> str:
    return rendered.decode("utf-8") if isinstance(rendered, bytes) else rendered


def _strings(data: Any) -> Iterator[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)


def _json(rendered: str | bytes) -> None:
    strings = list(_strings(json.loads(_text(rendered))))
    assert NAME in strings
    assert FORMULA in strings


def _jsonl(rendered: str | bytes) -> None:
    strings = [s for line in _text(rendered).splitlines() for s in _strings(json.loads(line))]
    assert NAME in strings
    assert FORMULA in strings


#: A Markdown line that must not run on to the next: a heading, a list item, a table row.
_BLOCK = re.compile(r"#|\||[-*+] |\d+\. ")
_UNESCAPED_BAR = re.compile(r"(?<!\\)(?:\\\\)*\|")


def _markdown(rendered: str | bytes) -> None:
    text = _text(rendered)
    assert "<script>" not in text
    assert ESCAPED_NAME in text
    lines = text.splitlines()
    broken = [(a, b) for a, b in itertools.pairwise(lines) if b.startswith("换行")]
    assert not [(a, b) for a, b in broken if _BLOCK.match(a)]
    for table in _tables(lines):
        widths = {len(_UNESCAPED_BAR.findall(row)) for row in table}
        assert len(widths) == 1, table


def _tables(lines: list[str]) -> Iterator[list[str]]:
    table: list[str] = []
    for line in [*lines, ""]:
        if line.startswith("|"):
            table.append(line)
        elif table:
            yield table
            table = []


def _html(rendered: str | bytes) -> None:
    text = _text(rendered).lower()
    assert "<script" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def _terminal(rendered: str | bytes) -> None:
    lines = _text(rendered).splitlines()
    assert lines
    assert not [line for line in lines if line.lstrip(" |").startswith("换行")]
    assert any("<script>alert(1)</script>" in line for line in lines)


def _plain(rendered: str | bytes) -> None:
    assert "\n" not in _text(rendered)


def _csv(rendered: str | bytes) -> None:
    cells = [
        cell for row in csv.reader(io.StringIO(_text(rendered).lstrip("\ufeff"))) for cell in row
    ]
    assert not [cell for cell in cells if is_formula_like(cell)]
    assert f"'{FORMULA}" in cells
    assert NAME in cells


def _xlsx(rendered: str | bytes) -> None:
    assert isinstance(rendered, bytes)
    book = load_workbook(io.BytesIO(rendered))
    texts = [
        c for sheet in book for row in sheet.iter_rows() for c in row if isinstance(c.value, str)
    ]
    risky = [c for c in texts if is_formula_like(str(c.value))]
    assert risky
    assert all(c.data_type == "s" and c.quotePrefix for c in risky), [c.coordinate for c in risky]
    assert any(NAME in str(c.value) for c in texts)


def _docx(rendered: str | bytes) -> None:
    assert isinstance(rendered, bytes)
    document = Document(io.BytesIO(rendered))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert any("<script>alert(1)</script>" in text for text in [*paragraphs, *cells])


CHECKS = {
    "json": _json,
    "jsonl": _jsonl,
    "markdown": _markdown,
    "html": _html,
    "terminal": _terminal,
    "text": _plain,
    "csv": _csv,
    "xlsx": _xlsx,
    "docx": _docx,
}


def test_every_target_has_a_check() -> None:
    assert {o.target for o in OUTPUTS} <= set(CHECKS)


def test_results_carry_the_numbers_renderers_show() -> None:
    """hand-01: 财政资金 95 of 110, 单位资金 7 of 10, adjusted up from 100 to 120."""
    case = case_from_data(_project_data())
    result = evaluate(case, load_rubric("mof-2020"))
    execution = result.execution
    total = (execution.initial, execution.adjusted, execution.executed)
    assert total == (Decimal(100), Decimal(120), Decimal(102))
    assert execution.rates == (Decimal(85), Decimal(95) / 110 * 100, Decimal(70))
    assert (execution.change, execution.score, execution.lost) == (20, Decimal("8.50"), 1.5)
    rows = result.indicators
    assert result.count == len(rows)
    assert result.indicator_weight == sum(r.weight for r in rows) == 90
    assert result.indicator_score == result.score - execution.score


def _no_callables(value: object) -> bool:
    if isinstance(value, tuple):
        return all(_no_callables(item) for item in value)
    return not callable(value) or isinstance(value, type)


def test_results_are_plain_data() -> None:
    """No closures: every explanation is a named tuple of numbers and words, and pickles."""
    result = evaluate(case_from_data(_project_data()), load_rubric("mof-2020-review"))
    for row in result.indicators:
        assert _no_callables(tuple(row)), row.explanation
    assert _no_callables(tuple(getattr(result.execution, f) for f in result.execution.__slots__))
    assert pickle.loads(pickle.dumps(result.indicators)) == result.indicators


def test_the_registry_imports_no_renderer() -> None:
    """Registering the xlsx, Word and template outputs imports none of their libraries."""
    code = (
        "import sys, perfscore.rendering.registry\n"
        "print(sorted(m for m in ('openpyxl', 'jinja2', 'docx') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout == "[]\n"
