"""The 自评报告 in Word (.docx), written with python-docx.

The same sections, headings, tables and paragraphs as ``report.md.j2``, in the same order: every
sentence comes from :class:`~.texts.Texts` (``text.j2``), every number from
:class:`~.context.Report`; the headings and the tables' column names are the form's own and live
here as constants. What this module adds is the page: A4 with the GB/T 9704 margins, the built-in
Title, Subtitle, Heading 1 and Heading 2 styles (so Word's navigation pane lists the sections)
restyled black without theme colours or theme fonts, paragraphs indented by two characters, and
the two tables laid out like the official form, with merged header cells and merged 一级/二级指标
cells.

Fonts. A .docx has no fallback list: each run names one font per script, and Word or WPS
substitutes what it likes when that font is missing. So the document names only fonts that every
Chinese Windows and WPS has: 宋体 (SimSun) for the body and the tables, 黑体 (SimHei) for the
title and the headings. The norm's 仿宋_GB2312 and 方正小标宋 are not on a default Windows 10
or later (only 仿宋 is), so naming them would fall back unpredictably. Each style names its font
for all four scripts (ASCII, hAnsi, East Asian, complex): SimSun's digits are half-width and of
one width, so numbers line up in the right-aligned columns, and punctuation such as “” that Word
may draw with the Latin font stays Chinese. The template's theme fonts are removed, since a theme
font overrides a named one. LibreOffice, which has none of these fonts on Linux, substitutes its
own CJK fonts.

Sizes: body 小四 (12 pt, line spacing 1.5), tables 五号 (10.5 pt), title 二号 (22 pt, bold),
subtitle and 一、 headings 三号 (16 pt), （一） headings 四号 (14 pt). Pages are numbered in
the footer (a ``PAGE`` field).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import BinaryIO, Final

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_PARAGRAPH_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import Section
from docx.shared import Cm, Length, Pt, RGBColor
from docx.styles.style import BaseStyle, ParagraphStyle
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from perfscore.rendering.report.context import IndicatorLine, Report
from perfscore.rendering.report.texts import Texts

#: The body and table font (宋体, SimSun), named for every script.
BODY_FONT: Final = "宋体"
#: The title and heading font (黑体, SimHei).
HEADING_FONT: Final = "黑体"

_BODY_SIZE: Final = Pt(12)
_TABLE_SIZE: Final = Pt(10.5)
#: Built-in style → (font, size, bold, centered).
_LOOKS: Final[dict[str, tuple[str, Length, bool, bool]]] = {
    "Title": (HEADING_FONT, Pt(22), True, True),
    "Subtitle": (BODY_FONT, Pt(16), False, True),
    "Heading 1": (HEADING_FONT, Pt(16), False, False),
    "Heading 2": (HEADING_FONT, Pt(14), False, False),
}
_BODY: Final = "Body Text"
_TABLE_TEXT: Final = "Table Text"
_HEADER_FILL: Final = "D9D9D9"
#: Cell padding: top, left, bottom, right (Word's default is 0, 0.19 cm, 0, 0.19 cm; ten columns
#: need the room, and a little above and below reads better).
_PADDING: Final = {"w:top": Cm(0.05), "w:left": Cm(0.1), "w:bottom": Cm(0.05), "w:right": Cm(0.1)}
#: Space between a table and the paragraph after it.
_GAP: Final = Pt(6)
_BLACK: Final = RGBColor(0, 0, 0)
#: GB/T 9704: A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (text 156 mm wide).
_PAGE: Final = (Cm(21), Cm(29.7))
_MARGINS: Final = (Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6))
#: The date in the document's properties when the report has no year (kept fixed, not "now").
_UNDATED: Final = datetime(2000, 1, 1, tzinfo=UTC)

_LEFT: Final = WD_PARAGRAPH_ALIGNMENT.LEFT
_CENTER: Final = WD_PARAGRAPH_ALIGNMENT.CENTER
_RIGHT: Final = WD_PARAGRAPH_ALIGNMENT.RIGHT

_BUDGET_SOURCE: Final = "资金来源"
_BUDGET_YEAR: Final = "年度预算数（{unit}）"
_BUDGET_COLUMNS: Final = ("年初预算", "调整后预算数", "预算执行数", "预算执行率")
_BUDGET_WIDTHS: Final = (3.6, 3.0, 3.0, 3.0, 3.0)
_INDICATOR_COLUMNS: Final = (
    *("一级指标", "二级指标", "三级指标", "指标性质", "指标值"),
    *("度量单位", "完成值", "权重", "得分", "完成情况"),
)
_INDICATOR_WIDTHS: Final = (1.7, 1.7, 2.3, 1.0, 1.7, 1.2, 1.7, 1.3, 1.3, 1.7)
#: 三级指标 to 得分 (一级/二级指标 and 完成情况 are centred).
_ALIGN: Final = (_LEFT, *(_CENTER,) * 4, _RIGHT, _RIGHT)

#: Elements that must follow ``w:shd`` in ``w:tcPr``, ``w:lang`` in ``w:rPr``,
#: ``w:tblCellMar`` in ``w:tblPr`` and ``w:tblHeader`` in ``w:trPr``.
_AFTER_SHD: Final = ("w:noWrap", "w:tcMar", "w:textDirection", "w:tcFitText", "w:vAlign")
_AFTER_LANG: Final = ("w:eastAsianLayout", "w:specVanish", "w:oMath")
_AFTER_MARGINS: Final = ("w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_HEADER: Final = ("w:tblCellSpacing", "w:jc", "w:hidden", "w:ins", "w:del")


def write_docx(report: Report, texts: Texts, stream: BinaryIO) -> None:
    """Write one report as a Word document to ``stream``."""
    document = Document()
    _page(document.sections[0])
    _styles(document)
    _properties(document, report, texts)
    document.add_paragraph(texts.title, style="Title")
    document.add_paragraph(texts.subtitle, style="Subtitle")
    _overview(document, texts)
    _funding(document, report, texts)
    _heading(document, texts.headings["implementation"], 1)
    _body(document, texts.implementation)
    _performance(document, report, texts)
    _conclusion(document, report, texts)
    document.save(stream)


# -- the sections, in the order of report.md.j2 --


def _overview(document: DocxDocument, texts: Texts) -> None:
    _heading(document, texts.headings["overview"], 1)
    _heading(document, texts.headings["basic"], 2)
    _body(document, texts.basic)
    _heading(document, texts.headings["goal"], 2)
    _body(document, texts.goal)
    _heading(document, texts.headings["method"], 2)
    _body(document, texts.method)


def _funding(document: DocxDocument, report: Report, texts: Texts) -> None:
    _heading(document, texts.headings["money"], 1)
    _heading(document, texts.headings["funding"], 2)
    _body(document, texts.funding)
    _heading(document, texts.headings["spending"], 2)
    _budget_table(document, report)
    _body(document, texts.spending).paragraph_format.space_before = _GAP


def _performance(document: DocxDocument, report: Report, texts: Texts) -> None:
    _heading(document, texts.headings["performance"], 1)
    _heading(document, texts.headings["completion"], 2)
    _indicator_table(document, report.indicators)
    _body(document, texts.completion).paragraph_format.space_before = _GAP
    _heading(document, texts.headings["narrative"], 2)
    _body(document, report.narrative)


def _conclusion(document: DocxDocument, report: Report, texts: Texts) -> None:
    _heading(document, texts.headings["verdict"], 1)
    _heading(document, texts.headings["conclusion"], 2)
    _body(document, texts.conclusion)
    _heading(document, texts.headings["problems"], 2)
    _items(document, texts.problems, report.has_problems)
    _heading(document, texts.headings["suggestions"], 2)
    _items(document, texts.suggestions, report.has_problems)


def _heading(document: DocxDocument, text: str, level: int) -> None:
    document.add_paragraph(text, style=f"Heading {level}")


def _body(document: DocxDocument, text: str) -> Paragraph:
    return document.add_paragraph(text, style=_BODY)


def _items(document: DocxDocument, items: Sequence[str], numbered: bool) -> None:
    """存在的问题 / 相关建议: "1. …" paragraphs, or the single "无。" as it is."""
    for number, item in enumerate(items, start=1):
        _body(document, f"{number}. {item}" if numbered else item)


# -- the page, the styles and the properties --


def _page(section: Section) -> None:
    section.page_width, section.page_height = _PAGE
    section.top_margin, section.bottom_margin, section.left_margin, section.right_margin = _MARGINS
    section.header_distance, section.footer_distance = Cm(1.5), Cm(2.0)
    footer = section.footer.paragraphs[0]
    footer.alignment = _CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    footer._p.append(field)


def _styles(document: DocxDocument) -> None:
    styles = document.styles
    _defaults(styles.element)
    normal = styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    _typeface(normal.element.get_or_add_rPr(), BODY_FONT)
    normal.font.size = _BODY_SIZE
    _spacing(normal, 1.5, Pt(0), Pt(0))
    body = styles[_BODY]
    assert isinstance(body, ParagraphStyle)
    _spacing(body, 1.5, Pt(0), Pt(0))
    _indent(body, _BODY_SIZE)
    for name, look in _LOOKS.items():
        _look(styles[name], *look)
    table = styles.add_style(_TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(table, ParagraphStyle)
    table.base_style = normal
    table.font.size = _TABLE_SIZE
    _spacing(table, 1.0, Pt(0), Pt(0))


def _defaults(styles: BaseOxmlElement) -> None:
    """Name the body font in ``w:docDefaults`` (instead of theme fonts) and the language zh-CN."""
    (rpr,) = styles.xpath("w:docDefaults/w:rPrDefault/w:rPr")
    _typeface(rpr, BODY_FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.insert_element_before(OxmlElement("w:lang"), *_AFTER_LANG)
    lang.set(qn("w:eastAsia"), "zh-CN")


def _typeface(rpr: CT_RPr, font: str) -> None:
    """``w:rFonts`` naming ``font`` for every script, and no theme font that would override it."""
    fonts = rpr.get_or_add_rFonts()
    fonts.attrib.clear()
    for script in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(script), font)


def _look(style: BaseStyle, font: str, size: Length, bold: bool, centered: bool) -> None:
    """A built-in style made plain: black, ``font``, no border, italics or list numbering."""
    assert isinstance(style, ParagraphStyle)
    style.element.get_or_add_pPr().remove_all("w:pBdr", "w:numPr")
    rpr = style.element.get_or_add_rPr()
    rpr.remove_all("w:i", "w:iCs", "w:bCs", "w:szCs", "w:spacing")
    _typeface(rpr, font)
    style.font.size, style.font.bold, style.font.color.rgb = size, bold, _BLACK
    style.paragraph_format.alignment = _CENTER if centered else _LEFT
    if centered:
        _spacing(style, 1.25, Pt(0), Pt(12))
    else:
        _spacing(style, 1.5, Pt(6), Pt(6))
        _indent(style, size)


def _spacing(style: ParagraphStyle, line: float, before: Length, after: Length) -> None:
    form = style.paragraph_format
    form.line_spacing, form.space_before, form.space_after = line, before, after


def _indent(style: ParagraphStyle, size: Length) -> None:
    """First line indented two characters (``w:firstLineChars``, and in points for LibreOffice)."""
    style.paragraph_format.first_line_indent = Pt(2 * size.pt)
    style.element.get_or_add_pPr().get_or_add_ind().set(qn("w:firstLineChars"), "200")


def _properties(document: DocxDocument, report: Report, texts: Texts) -> None:
    """Title and author; the dates are 1 January of the report's year, so reruns agree.

    No thumbnail: python-docx's template carries a picture of its own page, which a file browser
    would show instead of the report.
    """
    properties = document.core_properties
    properties.title = texts.title + texts.subtitle
    properties.author = properties.last_modified_by = "perfscore"
    properties.comments = ""
    properties.revision = 1
    stamp = datetime(int(report.year), 1, 1, tzinfo=UTC) if report.year.isdigit() else _UNDATED
    properties.created = properties.modified = stamp
    rels = document.part.package.rels
    for key in [key for key, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
        del rels[key]


# -- the tables --


def _budget_table(document: DocxDocument, report: Report) -> None:
    """资金来源 over two header rows, 年度预算数（unit） over the four columns, then the lines."""
    table = _table(document, 2 + len(report.budget), _BUDGET_WIDTHS, headers=2)
    _write(table.cell(0, 0).merge(table.cell(1, 0)), _BUDGET_SOURCE, _CENTER)
    top = table.cell(0, 1).merge(table.cell(0, len(_BUDGET_WIDTHS) - 1))
    _write(top, _BUDGET_YEAR.format(unit=report.unit), _CENTER)
    for cell, label in zip(table.rows[1].cells[1:], _BUDGET_COLUMNS, strict=True):
        _write(cell, label, _CENTER)
    for row, line in zip(table.rows[2:], report.budget, strict=True):
        values = (line.initial, line.adjusted, line.executed, line.rate)
        _write(row.cells[0], line.label, _LEFT)
        for cell, value in zip(row.cells[1:], values, strict=True):
            _write(cell, value, _RIGHT)


def _indicator_table(document: DocxDocument, lines: Sequence[IndicatorLine]) -> None:
    """One header row, then the lines; 一级指标 merged down its run, 二级指标 within it."""
    table = _table(document, 1 + len(lines), _INDICATOR_WIDTHS, headers=1)
    grid = _grid(table)  # python-docx rebuilds every cell on each table.cell(): do it once
    for cell, label in zip(grid[0], _INDICATOR_COLUMNS, strict=True):
        _write(cell, label, _CENTER)
    for row, line in zip(grid[1:], lines, strict=True):
        values = (line.name, line.operator, line.target, line.unit, line.actual, line.weight)
        for cell, value, align in zip(row[2:-1], (*values, line.score), _ALIGN, strict=True):
            _write(cell, value, align)
        _write(row[-1], line.status, _CENTER, bold=not line.met)
    for first, end in _runs([line.level1 for line in lines], 0, len(lines)):
        _span(grid, 0, first, end, lines[first].level1)
        for second, stop in _runs([line.level2 for line in lines], first, end):
            _span(grid, 1, second, stop, lines[second].level2)


def _grid(table: Table) -> list[list[_Cell]]:
    """Every cell of a table not yet merged, by row, in one pass."""
    columns = len(table.columns)
    cells = list(table._cells)
    return [cells[start : start + columns] for start in range(0, len(cells), columns)]


def _runs(values: Sequence[str], start: int, stop: int) -> Iterator[tuple[int, int]]:
    """``(first, end)`` of each run of equal consecutive values in ``values[start:stop]``."""
    first = start
    for index in range(start + 1, stop + 1):
        if index == stop or values[index] != values[first]:
            yield first, index
            first = index


def _span(grid: list[list[_Cell]], column: int, first: int, end: int, text: str) -> None:
    """Lines ``first`` to ``end - 1`` share ``text`` in ``column``: one merged cell unless blank."""
    cell = grid[first + 1][column]
    if end - first > 1 and text:
        cell = cell.merge(grid[end][column])
    _write(cell, text, _CENTER)


def _table(document: DocxDocument, rows: int, widths: Sequence[float], headers: int) -> Table:
    """A centred 'Table Grid' of fixed column widths, every cell in table text, centred vertically;
    the first ``headers`` rows shaded and repeated on each page."""
    table: Table = document.add_table(rows=rows, cols=len(widths))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _pad(table)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)
    for index, row in enumerate(table.rows):
        _row(row, widths, header=index < headers)
    return table


def _pad(table: Table) -> None:
    """Cell padding (``w:tblCellMar``) narrower than the 'Table Grid' style's."""
    margins = OxmlElement("w:tblCellMar")
    for side, width in _PADDING.items():
        margins.append(OxmlElement(side, {qn("w:w"): str(width.twips), qn("w:type"): "dxa"}))
    table._tbl.tblPr.insert_element_before(margins, *_AFTER_MARGINS)


def _row(row: _Row, widths: Sequence[float], header: bool) -> None:
    _flag(row, "w:cantSplit", ("w:trHeight", "w:tblHeader", *_AFTER_HEADER))
    if header:
        _flag(row, "w:tblHeader", _AFTER_HEADER)
    for cell, width in zip(row.cells, widths, strict=True):
        cell.width = Cm(width)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
        cell.paragraphs[0].style = _TABLE_TEXT
        if header:
            _shade(cell, _HEADER_FILL)


def _flag(row: _Row, tag: str, successors: Sequence[str]) -> None:
    """An on/off row property (``w:cantSplit``, ``w:tblHeader``), in its schema place."""
    row._tr.get_or_add_trPr().insert_element_before(OxmlElement(tag), *successors)


def _shade(cell: _Cell, fill: str) -> None:
    values = {"w:val": "clear", "w:color": "auto", "w:fill": fill}
    shading = OxmlElement("w:shd", {qn(name): value for name, value in values.items()})
    cell._tc.get_or_add_tcPr().insert_element_before(shading, *_AFTER_SHD)


def _write(cell: _Cell, text: str, align: WD_PARAGRAPH_ALIGNMENT, bold: bool = False) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    if text:
        run = paragraph.add_run(text)
        if bold:
            run.bold = True


__all__ = ["BODY_FONT", "HEADING_FONT", "write_docx"]
