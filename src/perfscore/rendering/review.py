"""Review output: JSON Lines (streamed), JSON, CSV and the terminal table.

Each row is one submission; a bad input is a row of its own with its file, line and message.
The summary closes every format (CSV, a plain table, has it on stderr instead).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

from tabulate import tabulate

from perfscore.models.numbers import fmt, fmt_signed
from perfscore.rendering.cells import neutralise
from perfscore.rendering.escape import terminal
from perfscore.rendering.jsonout import json_number
from perfscore.review.rows import ErrorRow, Row
from perfscore.review.summary import Summary, code_rows, department_rows
from perfscore.rubrics.model import Rubric


@dataclass(frozen=True, slots=True)
class Batch:
    """A finished review: the rows (ordered), the bad inputs, the summary, the rubrics."""

    rows: Sequence[Row]
    problems: Sequence[ErrorRow]
    summary: Summary
    mine: Rubric
    strict: Rubric


def row_dict(row: Row) -> dict[str, Any]:
    return {
        "type": "row",
        "file": row.file,
        "line": row.line,
        "code": row.code,
        "name": row.name,
        "department": row.department,
        "claimed_score": json_number(row.claimed_score),
        "score": json_number(row.score),
        "review_score": json_number(row.review_score),
        "gap": json_number(row.gap),
        "grade": row.grade,
        "errors": row.errors,
        "warnings": row.warnings,
        "infos": row.infos,
        "top": row.top,
        "codes": list(row.codes),
    }


def problem_dict(problem: ErrorRow) -> dict[str, Any]:
    return {"type": "error", "file": problem.file, "line": problem.line, "message": problem.message}


def summary_dict(summary: Summary, mine: Rubric, strict: Rubric) -> dict[str, Any]:
    departments = [
        {key: json_number(value) if key.endswith("_mean") else value for key, value in item.items()}
        for item in department_rows(summary)
    ]
    return {
        "type": "summary",
        "rubric": mine.name,
        "review_rubric": strict.name,
        "inputs": summary.inputs,
        "scored": summary.scored,
        "errors": summary.errors,
        "blank_lines": summary.blank_lines,
        "full_marks": summary.full_marks,
        "over_claims": summary.over_claims,
        "over_claim_points": json_number(strict.review.over_claim),
        "unclaimed": summary.unclaimed,
        "with_errors": summary.with_errors,
        "with_warnings": summary.with_warnings,
        "departments": departments,
        "codes": code_rows(summary, strict.review),
    }


#: One compact JSON Lines encoder, made once (``json.dumps`` with options makes one per call).
_LINE: Final = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def encode_line(result: Row | ErrorRow) -> bytes:
    """One JSON Lines record (picklable: workers encode their own rows)."""
    data = row_dict(result) if isinstance(result, Row) else problem_dict(result)
    return _LINE.encode(data).encode() + b"\n"


def summary_line(summary: Summary, mine: Rubric, strict: Rubric) -> bytes:
    return _LINE.encode(summary_dict(summary, mine, strict)).encode() + b"\n"


def render_jsonl(batch: Batch) -> bytes:
    """A whole batch as JSON Lines: its rows, its bad inputs, then the summary line (a review
    streams the same lines as it reads, in input order)."""
    lines = [encode_line(row) for row in batch.rows]
    lines += [encode_line(problem) for problem in batch.problems]
    return b"".join(lines) + summary_line(batch.summary, batch.mine, batch.strict)


def render_review_json(batch: Batch) -> str:
    data = {
        "summary": summary_dict(batch.summary, batch.mine, batch.strict),
        "rows": [row_dict(row) for row in batch.rows],
        "errors": [problem_dict(problem) for problem in batch.problems],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_HEAD: Final = (
    "文件", "行", "项目编码", "项目名称", "主管部门", "自评得分", "重算得分", "复核得分",
    "差额", "等级", "错误", "警告", "提示", "主要问题", "问题代码", "无法评分的原因",
)  # fmt: skip


CsvCell = str | int | Decimal | None


def row_cells(row: Row) -> list[CsvCell]:
    """A row as spreadsheet cells, typed (text not yet neutralised)."""
    return [
        row.file, row.line, row.code, row.name, row.department, row.claimed_score, row.score,
        row.review_score, row.gap, row.grade, row.errors, row.warnings, row.infos, row.top,
        " ".join(row.codes), None,
    ]  # fmt: skip


def problem_cells(problem: ErrorRow) -> list[CsvCell]:
    return [problem.file, problem.line, *[None] * 13, problem.message]


def _csv_cell(cell: CsvCell) -> str | int | None:
    if isinstance(cell, Decimal):
        return fmt(cell)
    return neutralise(cell) if isinstance(cell, str) else cell


def render_csv(batch: Batch) -> str:
    """Rows, then bad inputs; UTF-8 with BOM so that Excel reads the Chinese; text neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_HEAD)
    cells = [row_cells(row) for row in batch.rows] + [problem_cells(p) for p in batch.problems]
    for line in cells:
        writer.writerow([_csv_cell(cell) for cell in line])
    return "\ufeff" + buffer.getvalue()


_TABLE_HEAD: Final = (
    "文件", "项目", "主管部门", "自评", "重算", "复核", "差额", "等级", "错/警/提", "主要问题",
)  # fmt: skip
_TABLE_ALIGN: Final = ("left", "left", "left", *["right"] * 4, "left", "right", "left")


def render_review_table(batch: Batch) -> str:
    """The rows, the bad inputs and the summary, for the terminal."""
    parts = [f"复核：{batch.mine.name}（自评口径）与 {batch.strict.name}（复核口径）"]
    if batch.rows:
        rows = [[terminal(cell) for cell in _table_row(row)] for row in batch.rows]
        parts.append(tabulate(rows, _TABLE_HEAD, disable_numparse=True, colalign=_TABLE_ALIGN))
    if batch.problems:
        lines = "\n".join(f"  {terminal(problem.message)}" for problem in batch.problems)
        parts.append(f"无法评分的提交（{len(batch.problems)}）：\n{lines}")
    parts.append(summary_text(batch.summary, batch.mine, batch.strict))
    return "\n\n".join(parts) + "\n"


def _table_row(row: Row) -> list[str]:
    project = f"{row.code} {row.name}" if row.code else row.name
    where = row.file if row.line is None else f"{row.file}:{row.line}"
    return [
        where, project, row.department or "", fmt(row.claimed_score), fmt(row.score),
        fmt(row.review_score), fmt_signed(row.gap), row.grade,
        f"{row.errors}/{row.warnings}/{row.infos}", row.top,
    ]  # fmt: skip


def summary_text(summary: Summary, mine: Rubric, strict: Rubric) -> str:
    """The summary in Chinese: counts, then per 主管部门, then the most frequent findings."""
    over = fmt(strict.review.over_claim).rstrip("0").rstrip(".")
    lines = [
        "汇总",
        f"  提交数：{summary.inputs}（已评分 {summary.scored}，无法评分 {summary.errors}）",
        f"  自评满分：{summary.full_marks}",
        f"  自评分高于重算分 {over} 分以上：{summary.over_claims}",
        f"  未填自评分：{summary.unclaimed}",
        f"  复核发现错误的提交：{summary.with_errors}",
    ]
    if summary.blank_lines:
        lines.append(f"  空行（不计入提交）：{summary.blank_lines}")
    text = "\n".join(lines)
    departments = department_rows(summary)
    if departments:
        table = [
            [terminal(d["department"]), str(d["count"]), fmt(d["claimed_mean"]),
             fmt(d["score_mean"]), fmt(d["review_mean"]), str(d["over_claims"])]
            for d in departments
        ]  # fmt: skip
        head = ("主管部门", "提交数", "平均自评分", "平均重算分", "平均复核分", "自评偏高")
        align = ("left", *["right"] * 5)
        text += "\n\n按主管部门\n" + tabulate(table, head, disable_numparse=True, colalign=align)
    codes = code_rows(summary, strict.review)
    if codes:
        table = [[c["code"], c["title"], str(c["submissions"])] for c in codes]
        text += "\n\n最常见的问题\n" + tabulate(
            table,
            ("代码", "问题", "提交数"),
            disable_numparse=True,
            colalign=("left", "left", "right"),
        )
    return text


__all__ = [
    "CSV_HEAD",
    "Batch",
    "CsvCell",
    "encode_line",
    "problem_cells",
    "problem_dict",
    "render_csv",
    "render_jsonl",
    "render_review_json",
    "render_review_table",
    "row_cells",
    "row_dict",
    "summary_dict",
    "summary_line",
    "summary_text",
]
