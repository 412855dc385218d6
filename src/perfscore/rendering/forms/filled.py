"""Evaluations as filled forms: one sheet per project, the recomputed scores beside the claimed.

Each sheet is the form drawn from the case (so reading it back gives the case again), with
computed columns to the right of the form: 复核执行率 and 复核得分 on the budget table, 复核权重,
复核得分 and 计分说明 on the indicator table, the recomputed total and grade on the total row.
Where a claimed score differs from the recomputed one both cells are filled light yellow. A last
sheet, 问题清单, lists every finding of every evaluation.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import BinaryIO, Final

from openpyxl import Workbook
from openpyxl.styles import PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from perfscore.checks import title
from perfscore.errors import PerfscoreError
from perfscore.input.forms.formcase import Place, nearest_place
from perfscore.input.forms.layout import DEFAULT_LAYOUT, Layout
from perfscore.input.forms.reader import places_of
from perfscore.models.department_results import DepartmentEvaluation
from perfscore.models.results import SEVERITY_LABELS, Evaluation, Finding
from perfscore.rendering.explanation import explanation_text
from perfscore.rendering.forms.printing import (
    WRAP,
    Printing,
    fit_rows,
    form_printing,
    set_up,
    text_height,
)
from perfscore.rendering.forms.sheet import (
    BORDER,
    CLOSING_HEIGHT,
    Geometry,
    SheetValue,
    draw,
    form_rate,
    form_title,
    layout_named,
    level_choices,
    write_cell,
)
from perfscore.rendering.narrative import summary

FINDINGS_SHEET: Final = "问题清单"
FINDINGS_HEAD: Final = ("项目", "级别", "代码", "问题", "说明", "位置")
#: Labels of the computed columns; none is a label the reader maps to a case field.
BUDGET_HEAD: Final = ("复核执行率", "复核得分")
INDICATOR_HEAD: Final = ("复核权重", "复核得分", "计分说明")
SHEET_NAME_LIMIT: Final = 31
SCORE_FORMAT: Final = "0.00"
#: Light yellow: a claimed score and the recomputed one differ.
DIFFERS: Final = PatternFill(fill_type="solid", start_color="FFFFFF99", end_color="FFFFFF99")
#: Light blue: the header of a computed column.
COMPUTED: Final = PatternFill(fill_type="solid", start_color="FFDDEBF7", end_color="FFDDEBF7")
_COMPUTED_WIDTHS: Final = (12, 10, 48)
_FINDINGS_WIDTHS: Final = (40, 6, 28, 28, 60, 24)
_NOT_IN_NAME: Final = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def write_filled(
    evaluations: Sequence[Evaluation], stream: BinaryIO, layout_name: str = DEFAULT_LAYOUT
) -> None:
    """A sheet per evaluation in the form ``layout_name``, then 问题清单, to ``stream``."""
    layout = layout_named(layout_name)
    workbook = Workbook()
    workbook.remove(workbook.worksheets[0])
    taken = {FINDINGS_SHEET.casefold()}
    drawn: list[tuple[Evaluation, Drawn]] = []
    for evaluation in evaluations:
        sheet = workbook.create_sheet(unique_name(sheet_name(evaluation), taken))
        _fill(sheet, layout, evaluation)
        drawn.append((evaluation, Drawn(sheet.title, places_of(sheet))))
    _findings(workbook.create_sheet(FINDINGS_SHEET), drawn)
    workbook.save(stream)


_PROJECTS_ONLY: Final = "xlsx 格式只用于项目自评表；部门整体评价请用 table、json 或 markdown 格式"


def render_filled(
    results: Sequence[Evaluation | DepartmentEvaluation], *, single: bool, layout: str
) -> bytes:
    """``evaluate --format xlsx``: the workbook of :func:`write_filled`, for projects only."""
    projects = [r for r in results if isinstance(r, Evaluation)]
    if len(projects) < len(results):
        raise PerfscoreError(_PROJECTS_ONLY)
    stream = io.BytesIO()
    write_filled(projects, stream, layout)
    return stream.getvalue()


@dataclass(frozen=True, slots=True)
class Drawn:
    """A sheet written for one evaluation: its name and where each value of the case went."""

    title: str
    places: Mapping[str, Place]

    def locate(self, finding: Finding) -> tuple[str, str]:
        """What 问题清单 says of where ``finding`` is, and a link to that cell of the sheet.

        ``"H12（完成值）"``. A finding about what the form has no cell for (the 2020 form has
        no row for the budget's reason) keeps its JSON path and links to the sheet's top.
        """
        title = self.title.replace("'", "''")
        path = finding.path or finding.where
        place = nearest_place(self.places, path)
        if place is None:
            return path, f"'{title}'!A1"
        ref = place.cell.rpartition("!")[2]
        return f"{ref}（{place.label}）" if place.label else ref, f"'{title}'!{ref}"


def sheet_name(evaluation: Evaluation) -> str:
    """The project code (or name) as a sheet name: no ``[]:*?/\\``, at most 31 characters."""
    project = evaluation.case.project
    name = _NOT_IN_NAME.sub("", project.code or project.name).strip().strip("'").strip()
    return name[:SHEET_NAME_LIMIT] or "项目"


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name(2)``, ``name(3)`` … (cut to fit) if taken; recorded as taken."""
    candidate, count = name, 1
    while candidate.casefold() in taken:
        count += 1
        suffix = f"({count})"
        candidate = name[: SHEET_NAME_LIMIT - len(suffix)] + suffix
    taken.add(candidate.casefold())
    return candidate


def _fill(sheet: Worksheet, layout: Layout, evaluation: Evaluation) -> None:
    geometry = draw(sheet, layout, evaluation.case, 0, level_choices(evaluation.rubric))
    for offset, width in enumerate(_COMPUTED_WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(geometry.width + offset)].width = width
    _budget(sheet, geometry, evaluation)
    _indicators(sheet, geometry, evaluation)
    _total(sheet, geometry, evaluation)
    _conclusions(sheet, geometry, evaluation)
    last = geometry.width + len(_COMPUTED_WIDTHS)
    fit_rows(sheet, geometry.indicator_first, geometry.indicator_last, last)
    set_up(sheet, form_printing(geometry, last, "landscape", form_title(evaluation.case)))


def _budget(sheet: Worksheet, geometry: Geometry, evaluation: Evaluation) -> None:
    """复核执行率 and 复核得分 beside the budget's total row."""
    execution, row = evaluation.execution, geometry.budget_total
    _head(sheet, geometry.budget_header, geometry.width + 1, BUDGET_HEAD)
    _computed(sheet, (row, geometry.width + 1), form_rate(execution.rate))
    columns = (geometry.width + 2, geometry.budget_columns["score"])
    _score(sheet, row, columns, execution.score, evaluation.case.budget.score)


def _indicators(sheet: Worksheet, geometry: Geometry, evaluation: Evaluation) -> None:
    """复核权重, 复核得分 and 计分说明 beside each indicator row."""
    first = geometry.width + 1
    _head(sheet, geometry.indicator_header, first, INDICATOR_HEAD)
    for result in evaluation.indicators:
        row = geometry.indicator_first + result.position
        _computed(sheet, (row, first), result.weight)
        columns = (first + 1, geometry.indicator_columns["score"])
        _score(sheet, row, columns, result.score, result.indicator.score)
        _computed(sheet, (row, first + 2), explanation_text(result.explanation))


def _total(sheet: Worksheet, geometry: Geometry, evaluation: Evaluation) -> None:
    """The recomputed total under 复核得分 and the grade beside it."""
    row, first = geometry.total_row, geometry.width + 1
    columns = (first + 1, geometry.indicator_columns["score"])
    _score(sheet, row, columns, evaluation.score, evaluation.claimed_score)
    _computed(sheet, (row, first + 2), evaluation.grade)


def _conclusions(sheet: Worksheet, geometry: Geometry, evaluation: Evaluation) -> None:
    """评价结论 and 存在问题 from the result (改进措施 is the department's to write)."""
    texts = {"评价结论": summary(evaluation), "存在问题": _problems(evaluation)}
    letters = (get_column_letter(c) for c in range(2, geometry.width + 1))
    width = sum(sheet.column_dimensions[letter].width for letter in letters)
    for label, text in texts.items():
        row = geometry.closing.get(label)
        if row is not None:
            write_cell(sheet, row, 2, text).alignment = WRAP
            sheet.row_dimensions[row].height = max(CLOSING_HEIGHT, text_height(text, width))


def _problems(evaluation: Evaluation) -> str:
    """存在问题 as the review found them (errors and warnings), numbered; "无" only when none."""
    found = [f.message for f in evaluation.findings if f.severity != "info"]
    if not found:
        return "无"
    return "\n".join(f"{number}. {message}" for number, message in enumerate(found, 1))


def _head(sheet: Worksheet, row: int, first: int, labels: tuple[str, ...]) -> None:
    for column, label in enumerate(labels, first):
        cell = write_cell(sheet, row, column, label, bold=True)
        cell.fill = COMPUTED
        cell.border = BORDER


def _computed(sheet: Worksheet, place: tuple[int, int], value: SheetValue) -> None:
    """A computed cell: scores shown with two places."""
    cell = write_cell(sheet, *place, value)
    cell.border = BORDER
    if isinstance(value, Decimal):
        cell.number_format = SCORE_FORMAT


def _score(
    sheet: Worksheet,
    row: int,
    columns: tuple[int, int],
    score: Decimal,
    claimed: Decimal | None,
) -> None:
    """A recomputed score in ``columns[0]``; yellow with the claimed one when they differ."""
    _computed(sheet, (row, columns[0]), score)
    if claimed is not None and claimed != score:
        for column in columns:
            sheet.cell(row, column).fill = DIFFERS


def _findings(sheet: Worksheet, drawn: Sequence[tuple[Evaluation, Drawn]]) -> None:
    """问题清单: every finding of every evaluation, one a row, linked to the cell it is about."""
    for column, (label, width) in enumerate(zip(FINDINGS_HEAD, _FINDINGS_WIDTHS, strict=True), 1):
        write_cell(sheet, 1, column, label, bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "A2"
    row = 1
    for evaluation, written in drawn:
        project = form_title(evaluation.case)
        for finding in evaluation.findings:
            row += 1
            where, link = written.locate(finding)
            cells = (project, SEVERITY_LABELS[finding.severity], finding.code)
            texts = (*cells, title(finding.code), finding.message, where)
            for column, text in enumerate(texts, 1):
                write_cell(sheet, row, column, text)
            cell = sheet.cell(row, len(texts))
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=link)
            cell.style = "Hyperlink"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(FINDINGS_HEAD))}{row}"
    fit_rows(sheet, 2, row, len(FINDINGS_HEAD))
    set_up(sheet, Printing("landscape", FINDINGS_SHEET, repeat="1:1"))


__all__ = [
    "BUDGET_HEAD",
    "COMPUTED",
    "DIFFERS",
    "FINDINGS_HEAD",
    "FINDINGS_SHEET",
    "INDICATOR_HEAD",
    "SCORE_FORMAT",
    "render_filled",
    "sheet_name",
    "unique_name",
    "write_filled",
]
