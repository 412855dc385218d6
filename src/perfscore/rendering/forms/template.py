"""The blank form as a workbook: the form to fill, and a sheet that says how to fill it.

Drop-down lists, number checks and an input hint on every column come from the layout, so the
clerk sees what a cell wants while typing, and the reader can take the filled copy back. The
instructions name the form's labels in quotes (“项目名称”), so the reader never takes that sheet
for a table.
"""

from __future__ import annotations

from typing import BinaryIO, Final

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfscore.input.forms.layout import Layout
from perfscore.rendering.forms.printing import WRAP, Printing, fit_rows, form_printing, set_up
from perfscore.rendering.forms.sheet import draw, layout_named, level_choices, write_cell
from perfscore.rubrics.model import Rubric

#: Excel's longest sheet name.
SHEET_NAME_LIMIT: Final = 31
INSTRUCTIONS: Final = "填表说明"
_COMMON_NOTES: Final = (
    ("年度", "填写四位数年份，如 2023。"),
    (
        "项目名称",
        "写作“项目编码-项目名称”，如 51042122T000006523456-2022年度政府工作经费；"
        "没有编码时只写名称。",
    ),
    ("金额", "预算金额单位为万元，只填数字，不写单位，如 67.00。"),
    ("执行率", "写作带百分号的数字，如 96.96%，即执行数 ÷ 调整后预算数。"),
    (
        "完成值",
        "定量指标填实际完成的数字（与指标值同一单位），不要写“已全部完成”“完成”；"
        "定性指标写等级（优、良、中、低、差）或“达成预期指标”等。",
    ),
    ("下拉列表", "一级指标、二级指标和指标性质可从下拉列表选择；选中单元格时会显示填写提示。"),
    ("指标行", "行数不够时，在指标区中间插入整行再填写；用不到的行留空。"),
    ("公式", "请直接填写数值，不要使用公式。"),
)
_SPLIT_TARGET: Final = (
    "指标值",
    "定量指标在“指标性质”选比较符号，“指标值”只填数字，单位填在“度量单位”，"
    "如 ≥、50、个；定性指标的指标性质选“定性”，指标值写等级或文字。",
)
_JOINED_TARGET: Final = (
    "年度指标值",
    "比较符号、数值和单位写在一个单元格里，如 ≥50个、≤90万元、≥95%；"
    "定性指标只写等级（优、良、中、低、差）或文字。",
)


def write_template(
    layout_name: str, stream: BinaryIO, rubric: Rubric, indicator_rows: int = 20
) -> None:
    """The blank form ``layout_name`` with ``indicator_rows`` indicator rows, to ``stream``; its
    一级指标 drop-down lists ``rubric``'s levels."""
    layout = layout_named(layout_name)
    workbook = Workbook()
    form = workbook.worksheets[0]
    form.title = layout.title[:SHEET_NAME_LIMIT]
    geometry = draw(form, layout, None, indicator_rows, level_choices(rubric))
    set_up(form, form_printing(geometry, geometry.width, "portrait", layout.title))
    _instructions(workbook.create_sheet(INSTRUCTIONS), layout)
    workbook.save(stream)


def notes(layout: Layout) -> list[tuple[str, str]]:
    """What the instructions sheet says: general notes, then every column and its hint."""
    split = any(column.field == "operator" for column in layout.indicator_columns)
    weight = next(c.label for c in layout.indicator_columns if c.field == "weight")
    scores = (
        f"{weight}与得分",
        f"预算执行和各指标的{weight}、得分只填数字；{layout.total_label}为各项得分之和。",
    )
    lines = [*_COMMON_NOTES, _SPLIT_TARGET if split else _JOINED_TARGET, scores]
    lines.append((layout.budget_section, ""))
    lines.extend((column.label, column.hint) for column in layout.budget_columns)
    lines.append((layout.indicator_section, ""))
    lines.extend((column.label, column.hint) for column in layout.indicator_columns)
    return lines


def _instructions(sheet: Worksheet, layout: Layout) -> None:
    sheet.column_dimensions["A"].width = 24
    sheet.column_dimensions["B"].width = 80
    write_cell(sheet, 1, 1, f"{layout.title}填表说明", bold=True)
    write_cell(sheet, 2, 1, layout.description).alignment = WRAP
    sheet.merge_cells("A2:B2")
    sheet.row_dimensions[2].height = 32
    write_cell(sheet, 4, 1, "栏目", bold=True)
    write_cell(sheet, 4, 2, "填写说明", bold=True)
    lines = notes(layout)
    for row, (topic, text) in enumerate(lines, 5):
        write_cell(sheet, row, 1, f"“{topic}”", bold=not text).alignment = WRAP
        write_cell(sheet, row, 2, text or None).alignment = WRAP
    fit_rows(sheet, 5, 4 + len(lines), 2)
    set_up(sheet, Printing("portrait", f"{layout.title}填表说明"))


__all__ = ["INSTRUCTIONS", "SHEET_NAME_LIMIT", "notes", "write_template"]
