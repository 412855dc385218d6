"""The 自评报告 in Word: the Markdown's structure, the official form's merged cells, CJK fonts."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from itertools import takewhile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table

from perfscore import evaluate, load_case, load_rubric
from perfscore.rendering.report.context import Report, report_of
from perfscore.rendering.report.markdown import render_report_markdown
from perfscore.rendering.report.templates import report_environment
from perfscore.rendering.report.texts import Texts, texts_of
from perfscore.rendering.report.word import BODY_FONT, HEADING_FONT, write_docx

from .conftest import CASES, ROOT

BUDGET_FIELDS = ("label", "initial", "adjusted", "executed", "rate")
INDICATOR_FIELDS = (
    *("level1", "level2", "name", "operator", "target"),
    *("unit", "actual", "weight", "score", "status"),
)


@cache
def report(name: str) -> tuple[Report, Texts]:
    r = report_of(evaluate(load_case(ROOT / "cases" / f"{name}.json"), load_rubric()))
    return r, texts_of(r, report_environment(None, False))


def docx_bytes(r: Report, t: Texts) -> bytes:
    stream = io.BytesIO()
    write_docx(r, t, stream)
    return stream.getvalue()


def document(r: Report, t: Texts) -> Document:
    return docx.Document(io.BytesIO(docx_bytes(r, t)))


def outline(doc: Document) -> list[tuple[str, str]]:
    """The body in order: (``#``/``##``/``###`` or "" for a paragraph, text); tables as ("|", "")."""
    items = []
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:tbl"):
            items.append(("|", ""))
        elif child.tag == qn("w:p"):
            style = child.style or "Normal"
            name = doc.styles.element.get_by_id(style).name_val
            kind = {"Title": "#", "heading 1": "##", "heading 2": "###"}.get(name, "")
            items.append((kind, "".join(t.text for t in child.iter(qn("w:t")))))
    return items


def markdown_outline(r: Report, t: Texts) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for line in render_report_markdown(r, t, report_environment(None, False)).splitlines():
        if line.startswith("|"):
            if items[-1][0] != "|":
                items.append(("|", ""))
        elif line.startswith("#"):
            marks, text = line.split(" ", 1)
            items.append((marks, text))
        elif line:
            items.append(("", line))
    return items


def under(doc: Document, heading: str) -> list[str]:
    """The paragraphs after ``heading`` up to the next heading."""
    paragraphs = doc.paragraphs
    start = [p.text for p in paragraphs].index(heading) + 1
    following = takewhile(lambda p: not p.style.name.startswith("Heading"), paragraphs[start:])
    return [p.text for p in following]


def v_merge(table: Table, row: int, column: int) -> str | None:
    """``w:vMerge/@w:val`` of the ``column``-th ``w:tc`` of ``row``: restart, continue, or None."""
    tc = table.rows[row]._tr.tc_lst[column]
    return tc.vMerge


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_same_outline_as_markdown(case: Path) -> None:
    r, t = report(case.stem)
    doc = document(r, t)
    expected = markdown_outline(r, t)
    assert outline(doc) == expected
    assert [kind for kind, _ in expected].count("|") == 2
    styles = [p.style.name for p in doc.paragraphs]
    assert styles[:2] == ["Title", "Subtitle"]
    assert set(styles[2:]) == {"Heading 1", "Heading 2", "Body Text"}


@pytest.mark.parametrize("case", CASES, ids=[p.stem for p in CASES])
def test_tables_hold_the_report(case: Path) -> None:
    r, t = report(case.stem)
    funding, indicators = document(r, t).tables
    assert (len(funding.rows), len(funding.columns)) == (2 + len(r.budget), 5)
    for row, line in zip(funding.rows[2:], r.budget, strict=True):
        assert [c.text for c in row.cells] == [getattr(line, f) for f in BUDGET_FIELDS]
    assert (len(indicators.rows), len(indicators.columns)) == (1 + len(r.indicators), 10)
    for row, ind in zip(indicators.rows[1:], r.indicators, strict=True):
        assert [c.text for c in row.cells] == [getattr(ind, f) for f in INDICATOR_FIELDS]


def test_funding_header_is_merged_like_the_form() -> None:
    funding = document(*report("miyi-2022-5-government-work")).tables[0]
    assert [c.text for c in funding.rows[0].cells] == ["资金来源"] + ["年度预算数（万元）"] * 4
    assert [c.text for c in funding.rows[1].cells] == [
        "资金来源",
        "年初预算",
        "调整后预算数",
        "预算执行数",
        "预算执行率",
    ]
    assert funding.cell(0, 0)._tc is funding.cell(1, 0)._tc
    assert (v_merge(funding, 0, 0), v_merge(funding, 1, 0)) == ("restart", "continue")
    assert funding.cell(0, 1)._tc is funding.cell(0, 4)._tc
    assert funding.rows[0]._tr.tc_lst[1].grid_span == 4
    assert len(funding.rows[1]._tr.tc_lst) == 5


def test_header_rows_repeat_and_are_shaded() -> None:
    funding, indicators = document(*report("miyi-2022-5-government-work")).tables

    def flags(table: Table) -> list[bool]:
        return [row._tr.trPr.find(qn("w:tblHeader")) is not None for row in table.rows]

    assert flags(funding) == [True, True] + [False] * 5
    assert flags(indicators) == [True] + [False] * 6
    fills = [c._tc.tcPr.find(qn("w:shd")) for c in indicators.rows[0].cells]
    assert {f.get(qn("w:fill")) for f in fills} == {"D9D9D9"}
    assert indicators.rows[1].cells[2]._tc.tcPr.find(qn("w:shd")) is None


def test_level1_cells_merge_down_their_run() -> None:
    table = document(*report("miyi-2022-1-network")).tables[1]
    # 产出指标 over lines 1-5, 效益指标 over 6-7, 满意度指标 alone on 8.
    assert [v_merge(table, row, 0) for row in range(1, 9)] == [
        "restart",
        "continue",
        "continue",
        "continue",
        "continue",
        "restart",
        "continue",
        None,
    ]
    assert table.cell(1, 0)._tc is table.cell(5, 0)._tc
    assert table.cell(5, 0)._tc is not table.cell(6, 0)._tc
    assert table.cell(1, 0).text == "产出指标"
    assert [v_merge(table, row, 1) for row in range(1, 9)] == [None] * 8


def test_a_later_run_of_the_same_level1_is_its_own_cell() -> None:
    r, t = report("miyi-2022-7-aid-programs")
    assert [line.level1 for line in r.indicators][-2:] == ["满意度指标", "产出指标"]
    table = document(r, t).tables[1]
    assert table.cell(6, 0)._tc is not table.cell(1, 0)._tc
    assert v_merge(table, 6, 0) is None
    assert table.cell(6, 0).text == "产出指标"


def test_level2_cells_merge_within_their_level1_only() -> None:
    r, t = report("hand-05-qualitative")
    assert [line.level2 for line in r.indicators][3:5] == ["社会效益指标"] * 2
    table = document(r, t).tables[1]
    assert table.cell(4, 1)._tc is table.cell(5, 1)._tc
    assert table.cell(4, 1).text == "社会效益指标"
    # The same 二级指标 under two 一级指标 stays two cells.
    first, second = r.indicators[0], r.indicators[3]
    lines = (first, replace(second, level2=first.level2))
    table = document(replace(r, indicators=lines), t).tables[1]
    assert table.cell(1, 1)._tc is not table.cell(2, 1)._tc
    assert [v_merge(table, row, 1) for row in (1, 2)] == [None, None]


def test_unmet_status_is_bold_and_numbers_right_aligned() -> None:
    r, t = report("hand-01-quantitative")
    table = document(r, t).tables[1]
    bold = [any(run.bold for run in row.cells[9].paragraphs[0].runs) for row in table.rows[1:]]
    assert bold == [not line.met for line in r.indicators]
    assert True in bold and False in bold
    row = table.rows[1].cells
    assert [row[i].paragraphs[0].alignment for i in (7, 8)] == [WD_PARAGRAPH_ALIGNMENT.RIGHT] * 2
    assert row[2].paragraphs[0].alignment == WD_PARAGRAPH_ALIGNMENT.LEFT


def test_fonts_are_named_for_east_asian_text() -> None:
    styles = document(*report("miyi-2022-5-government-work")).styles
    for name, font in (("Normal", BODY_FONT), ("Heading 1", HEADING_FONT), ("Title", HEADING_FONT)):
        fonts = styles[name].element.rPr.rFonts
        assert fonts.get(qn("w:eastAsia")) == font
        assert fonts.get(qn("w:ascii")) == font
        assert fonts.get(qn("w:asciiTheme")) is None
        assert fonts.get(qn("w:eastAsiaTheme")) is None
    for name in ("Heading 1", "Heading 2"):
        color = styles[name].element.rPr.color
        assert (str(color.val), color.themeColor) == ("000000", None)
    (defaults,) = styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")
    assert defaults.get(qn("w:eastAsia")) == BODY_FONT
    assert defaults.get(qn("w:eastAsiaTheme")) is None


def test_problems_are_numbered_items() -> None:
    doc = document(*report("miyi-2022-5-government-work"))
    problems = under(doc, "（二）存在的问题")
    assert problems[0].startswith("1. 预算执行率为96.96%")
    assert any(p.startswith("9. 成本指标与预算不符") for p in problems)
    assert [p.split(".")[0] for p in problems] == [str(i) for i in range(1, len(problems) + 1)]
    assert under(doc, "（三）相关建议")[0] == "1. 按评分规则重新核算自评得分，如实填报。"


def test_nothing_to_say_is_a_single_plain_line() -> None:
    # No shipped case is free of problems, so take one and clear them.
    r, _ = report("miyi-2022-1-network")
    clean = replace(r, issues=(), shortfalls=(), execution_short=False, codes=())
    assert not clean.has_problems
    doc = document(clean, texts_of(clean, report_environment(None, False)))
    assert under(doc, "（二）存在的问题") == ["无。"]
    assert under(doc, "（三）相关建议") == ["无。"]


def test_page_is_a4_with_official_margins() -> None:
    section = document(*report("miyi-2022-5-government-work")).sections[0]
    sizes = (section.page_width, section.page_height, section.top_margin, section.bottom_margin)
    sizes += (section.left_margin, section.right_margin)
    assert [size.twips for size in sizes] == [Cm(cm).twips for cm in (21, 29.7, 3.7, 3.5, 2.8, 2.6)]


def test_properties_are_fixed_so_reruns_agree() -> None:
    r, t = report("miyi-2022-5-government-work")
    properties = document(r, t).core_properties
    assert properties.title == "2022年项目支出绩效自评报告（2022年度政府工作经费项目）"
    assert (properties.author, properties.last_modified_by) == ("perfscore", "perfscore")
    assert properties.created == properties.modified == datetime(2022, 1, 1, tzinfo=UTC)
    # python-docx stamps each zip entry with the time of writing, so compare the parts.
    first, second = (zipfile.ZipFile(io.BytesIO(docx_bytes(r, t))) for _ in range(2))
    assert first.namelist() == second.namelist()
    assert "docProps/thumbnail.jpeg" not in first.namelist()
    assert all(first.read(name) == second.read(name) for name in first.namelist())
