"""The HTML 自评报告: well formed, self-contained, escaped, and saying what the Markdown says.

Every case is rendered and read back with the standard library's ``html.parser`` into a small
tree (``Element``), and the tests look at that tree, not at the text of the file.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from html.parser import HTMLParser
from itertools import pairwise
from pathlib import Path

import pytest
from markupsafe import Markup

from perfscore import evaluate, load_case, load_rubric
from perfscore.models.case import Case
from perfscore.rendering.report import render_report
from perfscore.rendering.report.chart import NO_RATE, chart_of, render_chart, scale
from perfscore.rendering.report.context import LevelLine, Report, report_of
from perfscore.rendering.report.html import render_html
from perfscore.rendering.report.templates import report_environment
from perfscore.rendering.report.texts import Texts, texts_of

from .conftest import CASES, ROOT

GOV = ROOT / "cases" / "miyi-2022-5-government-work.json"
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
#: Elements a self-contained, script-free report never has.
FORBIDDEN = frozenset(
    {"script", "link", "img", "iframe", "object", "embed", "base", "image", "use", "audio"}
    | {"video", "source", "foreignobject", "form", "frame", "frameset", "portal"}
)
#: Attributes that point somewhere (none is needed: everything is inline).
POINTING = frozenset({"href", "src", "srcset", "xlink:href", "action", "formaction", "poster"})
OUTSIDE = ("http:", "https:", "url(", "javascript:", "data:", "file:", "ftp:")

H2 = (
    "一、项目概况",
    "二、项目资金申报及使用情况",
    "三、项目实施及管理情况",
    "四、项目绩效情况",
    "五、评价结论及建议",
)
H3 = (
    "（一）项目基本情况",
    "（二）项目绩效目标",
    "（三）项目自评步骤及方法",
    "（一）项目资金申报及批复情况",
    "（二）资金计划、到位及使用情况",
    "（一）绩效指标完成情况",
    "（二）绩效自评综述",
    "（一）评价结论",
    "（二）存在的问题",
    "（三）相关建议",
)
FUNDING_HEAD = ["年初预算", "调整后预算数", "预算执行数", "预算执行率"]
INDICATOR_HEAD = ["一级指标", "二级指标", "三级指标", "指标性质", "指标值", "度量单位", "完成值"]
INDICATOR_HEAD += ["权重", "得分", "完成情况"]

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'


@dataclass
class Element:
    """One element read back from the HTML: its tag, attributes and children (text as str)."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        """This element and every element inside it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def all(self, tag: str, cls: str | None = None) -> list[Element]:
        """Every element ``tag`` inside (with the class ``cls``, if given)."""
        return [e for e in self.iter() if e.tag == tag and (cls is None or cls in e.classes)]

    def one(self, tag: str, cls: str | None = None) -> Element:
        found = self.all(tag, cls)
        assert len(found) == 1, (tag, cls, len(found))
        return found[0]

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """All the text inside, as the reader sees it (character references decoded)."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class Collector(HTMLParser):
    """Builds the tree; every end tag must close the element last opened (no implied ends)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]
        self.errors: list[str] = []
        self.doctype = ""

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {name: value or "" for name, value in attrs})
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Element(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or self.stack[-1].tag != tag:
            self.errors.append(f"</{tag}> while <{self.stack[-1].tag}> is open")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


@dataclass(frozen=True)
class Page:
    """A rendered report, its source and the tree read back from it."""

    report: Report
    texts: Texts
    html: str
    root: Element
    errors: tuple[str, ...]
    doctype: str


def read(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    if len(collector.stack) > 1:
        collector.errors.append(f"never closed: {[e.tag for e in collector.stack[1:]]}")
    return collector


def page_of(case: Case) -> Page:
    report = report_of(evaluate(case, load_rubric()))
    texts = texts_of(report, report_environment(None, False))
    html = render_html(report, texts, report_environment(None, True))
    collector = read(html)
    return Page(report, texts, html, collector.root, tuple(collector.errors), collector.doctype)


def page(path: Path) -> Page:
    return page_of(load_case(str(path)))


def cells(row: Element, tag: str = "td") -> list[str]:
    return [cell.text() for cell in row.all(tag)]


def body_rows(table: Element) -> list[Element]:
    return table.one("tbody").all("tr")


def hostile() -> Case:
    """The government case with markup for its project name and first indicator's name."""
    case = load_case(str(GOV))
    first, *rest = case.indicators
    return case.model_copy(
        update={
            "project": case.project.model_copy(update={"name": SCRIPT}),
            "indicators": (first.model_copy(update={"name": IMG}), *rest),
        }
    )


CASE_IDS = [path.stem for path in CASES]


def test_all_seed_and_hand_cases_are_here() -> None:
    assert sum(p.name.startswith("miyi-2022-") for p in CASES) == 7
    assert sum(p.name.startswith("hand-") for p in CASES) >= 6


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_document_is_well_formed(path: Path) -> None:
    got = page(path)
    assert got.errors == ()
    assert got.doctype.lower() == "doctype html"
    html = got.root.one("html")
    assert html.attrs["lang"] == "zh-CN"
    assert [e.tag for e in html.children if isinstance(e, Element)] == ["head", "body"]
    assert any(m.attrs.get("charset") == "utf-8" for m in html.one("head").all("meta"))
    title = html.one("head").one("title").text()
    assert title == got.texts.title + got.texts.subtitle
    assert got.root.one("h1").text() == got.texts.title


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_same_headings_as_the_markdown(path: Path) -> None:
    got = page(path)
    assert tuple(h.text() for h in got.root.all("h2")) == H2
    assert tuple(h.text() for h in got.root.all("h3")) == H3
    markdown = render_report(evaluate(load_case(str(path)), load_rubric()), "md").decode()
    headings = [
        (line.count("#", 0, 3), line.lstrip("# "))
        for line in markdown.splitlines()
        if line.startswith("#")
    ]
    html = [(int(e.tag[1]), e.text()) for e in got.root.iter() if e.tag in {"h1", "h2", "h3"}]
    assert html == headings
    # Each 一、… section is its own <section>, its heading first.
    sections = got.root.all("section")
    assert [s.all("h2")[0].text() for s in sections] == list(H2)


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_paragraphs_in_order(path: Path) -> None:
    got = page(path)
    t, r = got.texts, got.report
    expected = [t.subtitle, t.basic, t.goal, t.method, t.funding, t.spending, t.implementation]
    expected += [t.completion, r.narrative, t.conclusion]
    if not r.has_problems:
        expected += [t.problems[0], t.suggestions[0]]
    assert [p.text() for p in got.root.all("p")] == expected


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_funding_table(path: Path) -> None:
    case, got = load_case(str(path)), page(path)
    table = got.root.one("table", "funding")
    head = cells(table.one("thead").one("tr"), "th")
    assert head == [f"资金来源（{case.budget.unit}）", *FUNDING_HEAD]
    rows = body_rows(table)
    assert len(rows) == 1 + len(case.budget.sources)
    assert [cells(row)[0] for row in rows] == ["总额", *(s.name for s in case.budget.sources)]
    assert all(len(cells(row)) == 5 for row in rows)
    assert [cells(row)[1:] for row in rows] == [
        [line.initial, line.adjusted, line.executed, line.rate] for line in got.report.budget
    ]


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_indicator_table(path: Path) -> None:
    case, got = load_case(str(path)), page(path)
    table = got.root.one("table", "indicators")
    assert cells(table.one("thead").one("tr"), "th") == INDICATOR_HEAD
    rows = body_rows(table)
    assert len(rows) == len(case.indicators)
    assert [cells(row)[2] for row in rows] == [i.name for i in case.indicators]
    assert [cells(row)[7:] for row in rows] == [
        [line.weight, line.score, line.status] for line in got.report.indicators
    ]
    # Rows not fully met stand out; the others do not.
    assert ["unmet" in row.classes for row in rows] == [not i.met for i in got.report.indicators]


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_problems_and_suggestions(path: Path) -> None:
    got = page(path)
    lists = got.root.all("ol")
    if got.report.has_problems:
        assert [li.text() for li in got.root.one("ol", "problems").all("li")] == list(
            got.texts.problems
        )
        suggestions = got.root.one("ol", "suggestions").all("li")
        assert [li.text() for li in suggestions] == list(got.texts.suggestions)
        assert len(lists) == 2
    else:
        assert lists == []
        assert got.texts.problems == got.texts.suggestions == ("无。",)


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_chart_is_in_section_four_after_the_indicators(path: Path) -> None:
    got = page(path)
    order = [e for e in got.root.iter() if e.tag in {"h3", "table", "svg"}]
    table = got.root.one("table", "indicators")
    svg = got.root.one("svg")
    assert order[order.index(table) + 1] is svg
    assert order[order.index(svg) + 1].text() == "（二）绩效自评综述"
    figure = got.root.one("figure")
    assert svg in list(figure.iter())
    assert figure.one("figcaption").text().endswith("得分与分值")
    assert svg.attrs["role"] == "img"
    assert re.fullmatch(r"0 0 \d+(\.\d+)? \d+(\.\d+)?", svg.attrs["viewbox"])
    assert svg.attrs["aria-label"].startswith("得分与分值：预算执行得分")
    assert "SimSun" in svg.attrs["font-family"] and "Noto Serif CJK SC" in svg.attrs["font-family"]
    assert svg.children and next(e for e in svg.children if isinstance(e, Element)).tag == "title"
    groups = 1 + len(got.report.levels)
    assert len(svg.all("rect", "score")) == groups
    assert len(svg.all("rect", "weight")) == groups
    assert len(svg.all("rect", "rate")) == 1
    names = [" ".join(t.text() for t in g.all("text", "name")) for g in svg.all("g", "group")]
    assert [n.replace(" ", "") for n in names] == [
        n.replace(" ", "") for n in ["预算执行", *(lv.name for lv in got.report.levels)]
    ]


@pytest.mark.parametrize("path", CASES, ids=CASE_IDS)
def test_nothing_outside_the_file(path: Path) -> None:
    got = page(path)
    for element in got.root.iter():
        assert element.tag not in FORBIDDEN
        assert not POINTING & element.attrs.keys(), element
        for value in element.attrs.values():
            assert not any(mark in value.lower() for mark in OUTSIDE), (element.tag, value)
    styles = got.root.all("style")
    assert len(styles) == 1 and got.root.one("head").all("style") == styles
    css = styles[0].text().lower()
    for mark in (*OUTSIDE, "@import", "@font-face", "//"):
        assert mark not in css
    assert "@page" in css and "break-inside: avoid" in css and "simsun" in css
    assert "http" not in got.html and "//" not in got.html


def test_case_text_is_escaped() -> None:
    got = page_of(hostile())
    assert got.errors == ()
    assert not got.root.all("script") and not got.root.all("img")
    assert "<script" not in got.html and "<img" not in got.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in got.html
    assert got.root.one("p", "subtitle").text() == f"（{SCRIPT}项目）"
    assert got.root.one("head").one("title").text().endswith(f"（{SCRIPT}项目）")
    first = body_rows(got.root.one("table", "indicators"))[0]
    assert cells(first)[2] == IMG
    svg = got.root.one("svg")
    assert svg.all("title")[0].text() == f"得分与分值（{SCRIPT}）"
    assert any(IMG in li.text() for li in got.root.all("li"))


def test_chart_labels_are_escaped() -> None:
    report = report_of(evaluate(load_case(str(GOV)), load_rubric()))
    level = report.levels[0]
    bad = dataclasses.replace(level, name="<img src=x>")
    svg = render_chart(dataclasses.replace(report, levels=(bad,)), report_environment(None, True))
    assert isinstance(svg, Markup)
    assert "<img" not in svg and "&lt;img src=x&gt;" in svg
    collector = read(str(svg))
    assert collector.errors == []
    assert not collector.root.all("img")
    assert collector.root.all("text", "name")[1].text() == "<img src=x>"


def test_render_html_needs_the_escaping_environment() -> None:
    report = report_of(evaluate(load_case(str(GOV)), load_rubric()))
    texts = texts_of(report, report_environment(None, False))
    with pytest.raises(ValueError, match="html=True"):
        render_html(report, texts, report_environment(None, False))


def test_render_report_writes_the_same_html() -> None:
    got = page(GOV)
    assert render_report(evaluate(load_case(str(GOV)), load_rubric()), "html").decode() == got.html


def test_government_work_problems() -> None:
    got = page(GOV)
    items = [li.text() for li in got.root.one("ol", "problems").all("li")]
    assert items[0].startswith("预算执行率为96.96%，未全部执行")
    assert any("预算执行率为96.96%" in item for item in items)
    assert any(item.startswith("成本指标与预算不符") for item in items)
    suggestions = [li.text() for li in got.root.one("ol", "suggestions").all("li")]
    assert "成本指标的指标值应与项目预算相衔接，核实金额及计量单位。" in suggestions
    # Every indicator scored in full: no row stands out.
    assert not body_rows(got.root.one("table", "indicators"))[0].classes


def test_government_work_chart_geometry() -> None:
    """By hand: 200 px of plot for a scale of 0 to 50 in steps of 10 (the largest weight is 50).

    预算执行 9.70 of 10, 产出 50 of 50, 效益 30 of 30, 满意度 10 of 10; 96.96% of a 400 px gauge.
    """
    svg = page(GOV).root.one("svg")
    scores = svg.all("rect", "score")
    weights = svg.all("rect", "weight")
    assert [r.attrs["height"] for r in scores] == ["38.8", "200", "120", "40"]  # 9.70/50*200 …
    assert [r.attrs["height"] for r in weights] == ["40", "200", "120", "40"]
    baseline = 44 + 200
    assert [float(r.attrs["y"]) + float(r.attrs["height"]) for r in scores] == [baseline] * 4
    values = [t.text() for t in svg.all("text", "value")]
    assert values == ["10.00", "9.70", "50.00", "50.00", "30.00", "30.00", "10.00", "10.00"]
    ticks = [t.text() for t in svg.one("g", "scale").all("text")]
    assert ticks == ["0", "10", "20", "30", "40", "50"]
    assert svg.one("rect", "rate").attrs["width"] == "387.84"  # 400 × 96.96%
    assert svg.one("rect", "rate-track").attrs["width"] == "400"
    assert "96.96%" in [t.text() for t in svg.one("g", "gauge").all("text")]
    # Bars of a group side by side; groups left to right and inside the plot.
    edges = [
        (float(r.attrs["x"]), float(r.attrs["x"]) + float(r.attrs["width"]))
        for r in (bar for pair in zip(weights, scores, strict=True) for bar in pair)
    ]
    assert all(a[1] < b[0] for a, b in pairwise(edges))
    assert edges[0][0] >= 48 and edges[-1][1] <= 640 - 16


def _levels(*spec: tuple[str, str, str]) -> tuple[LevelLine, ...]:
    return tuple(
        LevelLine(name, weight, score, Decimal(weight), Decimal(score))
        for name, weight, score in spec
    )


def test_chart_with_many_levels_and_a_zero_weight() -> None:
    report = report_of(evaluate(load_case(str(GOV)), load_rubric()))
    levels = _levels(
        ("产出指标", "40", "38.25"),
        ("效益指标（社会效益与可持续影响）", "20", "20"),
        ("满意度指标", "0", "0"),
        ("成本指标", "20", "12.5"),
        ("Long ASCII level name", "100", "100"),
    )
    chart = chart_of(dataclasses.replace(report, levels=levels))
    assert len(chart.bars) == 6
    assert [b.score_height for b in chart.bars] == [19.4, 76.5, 40, 0, 25, 200]  # scale 0–100
    assert [b.weight_height for b in chart.bars] == [20, 80, 40, 0, 40, 200]
    assert [t.text for t in chart.ticks] == ["0", "20", "40", "60", "80", "100"]
    zero = chart.bars[3]
    assert zero.score_y == zero.weight_y == chart.baseline and zero.score == "0.00"
    # Side by side, left to right, within the plot; long names wrap and fit their group.
    edges = [(x, x + b.width) for b in chart.bars for x in (b.weight_x, b.score_x)]
    assert all(a[1] < b[0] for a, b in pairwise(edges))
    assert chart.left <= edges[0][0] and edges[-1][1] <= chart.right
    assert [len(b.lines) for b in chart.bars] == [1, 1, 2, 1, 1, 2]
    assert [line.text for line in chart.bars[5].lines] == ["Long ASCII", "level name"]
    assert 0 < chart.value_size <= 12
    collector = read(
        str(
            render_chart(dataclasses.replace(report, levels=levels), report_environment(None, True))
        )
    )
    assert collector.errors == []
    assert len(collector.root.all("rect", "score")) == 6


def test_chart_when_nothing_has_weight() -> None:
    report = report_of(evaluate(load_case(str(GOV)), load_rubric()))
    empty = dataclasses.replace(
        report,
        levels=_levels(("产出指标", "0", "0")),
        execution_weight_value=Decimal(0),
        execution_score_value=Decimal(0),
        rate="",
        rate_value=Decimal(0),
    )
    chart = chart_of(empty)
    assert [t.text for t in chart.ticks] == ["0", "1"]
    assert all(b.score_height == b.weight_height == 0 for b in chart.bars)
    assert chart.gauge.fill == 0 and chart.gauge.text == NO_RATE


def test_gauge_is_capped_but_says_the_real_rate() -> None:
    report = report_of(evaluate(load_case(str(GOV)), load_rubric()))
    over = chart_of(dataclasses.replace(report, rate="105.30%", rate_value=Decimal("105.3")))
    assert over.gauge.fill == over.gauge.width and over.gauge.text == "105.30%"


def test_gauge_without_a_rate() -> None:
    got = page(ROOT / "cases" / "hand-04-zero-budget-ascii.json")
    assert got.report.rate == ""
    gauge = got.root.one("g", "gauge")
    assert gauge.one("rect", "rate").attrs["width"] == "0"
    assert NO_RATE in [t.text() for t in gauge.all("text")]


@pytest.mark.parametrize(
    ("largest", "step", "steps"),
    [
        ("50", "10", 5),
        ("100", "20", 5),
        ("10", "2", 5),
        ("9.7", "2", 5),
        ("30", "10", 3),
        ("12.5", "2.5", 5),
        ("0.3", "0.1", 3),
        ("0", "1", 1),
    ],
)
def test_scale(largest: str, step: str, steps: int) -> None:
    assert scale(Decimal(largest)) == (Decimal(step), steps)
