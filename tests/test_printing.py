"""Every workbook perfscore writes prints like the official form: the print set-up of each sheet,
and (with LibreOffice and poppler installed, as `.ci/run` does) the pages a PDF of it has."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from perfscore.cli import main

from .conftest import ROOT

GOV = str(ROOT / "cases" / "miyi-2022-5-government-work.json")
#: `.ci/run` sets this: there the PDF checks must run, never be skipped.
REQUIRED = os.environ.get("PERFSCORE_PRINT_TESTS") == "1"
TOOLS = all(shutil.which(tool) for tool in ("soffice", "pdfinfo", "pdftotext"))
needs_tools = pytest.mark.skipif(
    not TOOLS and not REQUIRED, reason="LibreOffice and poppler-utils are not installed"
)


def _run(*args: str) -> None:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output


def _sheet(path: Path, index: int) -> Worksheet:
    sheet = load_workbook(path).worksheets[index]
    assert isinstance(sheet, Worksheet)
    return sheet


def _setup(sheet: Worksheet) -> tuple[object, ...]:
    setup = sheet.page_setup
    return (setup.paperSize, setup.orientation, setup.fitToWidth, setup.fitToHeight)


def test_the_rescored_form_prints_on_one_a4_landscape_page(tmp_path: Path) -> None:
    path = tmp_path / "scored.xlsx"
    _run("evaluate", GOV, "--format", "xlsx", "-o", str(path))
    form = _sheet(path, 0)
    assert _setup(form) == (9, "landscape", 1, 1)
    assert form.sheet_properties.pageSetUpPr is not None
    assert form.sheet_properties.pageSetUpPr.fitToPage
    assert form.print_area == "'51042122T000006523456'!$A$1:$N$26"
    assert form.oddFooter.left.text == "51042122T000006523456-2022年度政府工作经费"
    assert form.oddFooter.right.text == "第 &P 页，共 &N 页"
    findings = _sheet(path, 1)
    assert _setup(findings) == (9, "landscape", 1, 0)
    assert findings.print_title_rows == "$1:$1"


def test_the_closing_lines_say_what_the_result_knows(tmp_path: Path) -> None:
    path = tmp_path / "scored.xlsx"
    _run("evaluate", GOV, "--format", "xlsx", "-o", str(path))
    form = _sheet(path, 0)
    labels = [form.cell(row, 1).value for row in range(23, 27)]
    assert labels[:3] == ["评价结论", "存在问题", "改进措施"]
    assert str(labels[3]).startswith("项目负责人：")
    assert "复核得分99.70分" in str(form["B23"].value)
    assert str(form["B24"].value).startswith("1. 自评得分 100.00 分，按评分规则复核为 99.70 分")
    assert form["B25"].value is None  # 改进措施: the department's to write


def test_a_long_form_repeats_its_indicator_header(tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    _run("template", "-o", str(path), "--rows", "40")
    form = _sheet(path, 0)
    assert _setup(form) == (9, "portrait", 1, 0)
    header = next(r for r in range(1, 40) if form.cell(r, 2).value == "一级指标")
    assert form.print_title_rows == f"${header}:${header}"


def test_the_review_workbook_prints_its_header_on_every_page(tmp_path: Path) -> None:
    path = tmp_path / "review.xlsx"
    _run("review", str(ROOT / "cases"), "--format", "xlsx", "-o", str(path))
    results = _sheet(path, 0)
    assert _setup(results) == (9, "landscape", 1, 0)
    assert results.print_title_rows == "$1:$1"
    count = len(list((ROOT / "cases").glob("*.json")))
    assert results.oddFooter.left.text == f"复核结果：{count} 份提交，复核口径 mof-2020-review"
    assert _setup(_sheet(path, 1)) == (9, "portrait", 1, 0)


# --- as printed: the PDF LibreOffice makes of each workbook ------------------------------------


def _pdf(workbook: Path) -> list[str]:
    """The text of each page of ``workbook`` printed to PDF by LibreOffice."""
    profile = workbook.parent / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(workbook.parent), str(workbook)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = workbook.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])
    return [
        subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", str(pdf), "-"],
            check=True, capture_output=True, text=True,
        ).stdout
        for page in range(1, pages + 1)
    ]  # fmt: skip


def _footer(page: str) -> str:
    """A printed page's last line: its footer."""
    return [line for line in page.splitlines() if line.strip()][-1]


@needs_tools
def test_the_seed_form_prints_on_one_page_then_its_findings(tmp_path: Path) -> None:
    path = tmp_path / "scored.xlsx"
    _run("evaluate", GOV, "--format", "xlsx", "-o", str(path))
    pages = _pdf(path)
    assert len(pages) == 2
    assert "部门预算项目支出绩效自评表" in pages[0]
    assert "项目负责人" in pages[0] and "第 1 页，共 2 页" in pages[0]
    assert "claimed-score-mismatch" in pages[1]


@needs_tools
@pytest.mark.parametrize("layout", ["sichuan-2023", "mof-2020"])
def test_a_blank_template_prints_on_one_page(layout: str, tmp_path: Path) -> None:
    path = tmp_path / "blank.xlsx"
    _run("template", "--layout", layout, "-o", str(path))
    pages = _pdf(path)
    assert len(pages) == 2  # the form, then its 填表说明
    assert "填表说明" not in pages[0] and "填表说明" in pages[1]


@needs_tools
def test_a_300_row_review_repeats_its_header_on_every_page(tmp_path: Path) -> None:
    case = json.loads(Path(GOV).read_text(encoding="utf-8"))
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        "".join(json.dumps(case, ensure_ascii=False) + "\n" for _ in range(300)),
        encoding="utf-8",
    )
    path = tmp_path / "review.xlsx"
    _run("review", str(batch), "--format", "xlsx", "-o", str(path))
    pages = _pdf(path)
    rows = [page for page in pages if "复核结果" in page]
    assert len(rows) >= 3
    assert all("重算得分" in page and "复核得分" in page for page in rows)


@needs_tools
def test_a_form_of_many_indicators_repeats_their_header_on_each_page(tmp_path: Path) -> None:
    case = json.loads(Path(GOV).read_text(encoding="utf-8"))
    case["indicators"] = case["indicators"] * 8  # 48 rows: more than one page holds
    source = tmp_path / "long.json"
    source.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "long.xlsx"
    _run("evaluate", str(source), "--format", "xlsx", "-o", str(path))
    pages = [page for page in _pdf(path) if "2022年度政府工作经费" in _footer(page)]
    assert len(pages) >= 2  # the form's pages; 问题清单's follow, their footer naming it
    assert all("一级指标" in page and "三级指标" in page for page in pages)
