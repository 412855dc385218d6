"""`perfscore serve` in a real browser: headless Chromium, driven by Selenium, against the server
started as a user starts it. A clerk's path through the pages: a filled form uploaded and scored,
a finding that lights up its row, the report and the re-scored form downloaded and read back, a
batch's review table sorted, a bad file refused in one line; and never an error in the console
(a Content-Security-Policy violation is one).

Without Chromium or its driver the tests are skipped, saying why; `.ci/run` installs both and
sets PERFSCORE_BROWSER_TESTS=1, and then a missing browser fails them instead."""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from docx import Document
from openpyxl import load_workbook
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.chrome.webdriver import WebDriver
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.wait import WebDriverWait

from .conftest import ROOT

#: `.ci/run` sets this: there the browser tests must run, never be skipped.
REQUIRED = os.environ.get("PERFSCORE_BROWSER_TESTS") == "1"
ARGUMENTS = ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000")
SEED = ROOT / "cases" / "miyi-2022-5-government-work.json"
PROJECT = "2022年度政府工作经费"
#: Three projects, a department (hand-10) and, with them, the filled form: their strict scores
#: (严格复核) all differ.
BATCH = [
    ROOT / "cases" / name
    for name in (
        "miyi-2022-1-network.json",
        "miyi-2022-6-project-drill.json",
        "miyi-2022-7-aid-programs.json",
        "hand-10-department-budget.json",
    )
]
#: How long a page, the server or a download may take.
PATIENCE = 60


def _unavailable(reason: str) -> NoReturn:
    if REQUIRED:
        pytest.fail(f"PERFSCORE_BROWSER_TESTS=1 but {reason}", pytrace=False)
    print(f"browser tests skipped: {reason}", file=sys.stderr)
    pytest.skip(reason)


def _program(name: str) -> str | None:
    debian = Path("/usr/bin") / name
    return str(debian) if debian.exists() else shutil.which(name)


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads: Path) -> Iterator[WebDriver]:
    """One headless Chromium for the module, downloading into ``downloads``."""
    chromium, chromedriver = _program("chromium"), _program("chromedriver")
    if chromium is None or chromedriver is None:
        missing = " and ".join(
            n for n, p in (("chromium", chromium), ("chromedriver", chromedriver)) if p is None
        )
        _unavailable(f"{missing} not found (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ARGUMENTS:
        options.add_argument(argument)
    prefs = {"download.default_directory": str(downloads), "download.prompt_for_download": False}
    options.add_experimental_option("prefs", prefs)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(chromedriver), options=options)
    except WebDriverException as error:
        _unavailable(f"Chromium did not start: {(error.msg or str(error)).splitlines()[0]}")
    try:
        yield driver
    finally:
        driver.quit()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(address: str) -> bool:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy for ourselves
    try:
        with opener.open(f"{address}/api/rubrics", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`perfscore serve` on a free port, as a user starts it; stopped at the end."""
    folder = tmp_path_factory.mktemp("serve")
    port = _free_port()
    command = [sys.executable, "-m", "perfscore", "serve", "--port", str(port)]
    with (folder / "serve.log").open("wb") as log:
        process = subprocess.Popen(command, cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    address = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + PATIENCE
        while not _answers(address):
            log_text = (folder / "serve.log").read_text(encoding="utf-8", errors="replace")
            if process.poll() is not None:
                pytest.fail(f"perfscore serve stopped ({process.returncode}):\n{log_text}")
            if time.monotonic() > deadline:
                pytest.fail(f"perfscore serve did not answer in {PATIENCE} s:\n{log_text}")
            time.sleep(0.1)
        assert process.poll() is None, "another server answers on the port"
        yield address
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed's form, filled and re-scored, as `perfscore evaluate --format xlsx` writes it."""
    path = tmp_path_factory.mktemp("form") / "form.xlsx"
    command = ["evaluate", str(SEED), "--format", "xlsx", "-o", str(path)]
    subprocess.run([sys.executable, "-m", "perfscore", *command], check=True)
    return path


@pytest.fixture
def page(browser: WebDriver, server: str) -> Callable[[list[Path]], WebDriver]:
    """``page(files)``: the home page, the files uploaded, the answer loaded; the console is
    read from here on."""
    browser.get_log("browser")  # what earlier tests left

    def upload(files: list[Path]) -> WebDriver:
        browser.get(f"{server}/")
        _submit(browser, files)
        return browser

    return upload


def _submit(browser: WebDriver, files: list[Path]) -> None:
    """The files chosen on the page shown and sent; returns when the answer is loaded."""
    before = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.ID, "files").send_keys("\n".join(str(f) for f in files))
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, PATIENCE).until(staleness_of(before))
    WebDriverWait(browser, PATIENCE).until(
        lambda b: b.execute_script("return document.readyState") == "complete"
    )


def _console_errors(browser: WebDriver, *expected: str) -> list[str]:
    """The SEVERE lines of the console (script errors, CSP violations, failed loads) but the
    ``expected`` ones."""
    return [
        entry["message"]
        for entry in browser.get_log("browser")
        if entry["level"] == "SEVERE" and not any(e in entry["message"] for e in expected)
    ]


def _downloaded(folder: Path, name: str) -> Path:
    path = folder / name
    deadline = time.monotonic() + PATIENCE
    while not path.exists() or any(folder.glob("*.crdownload")):
        assert time.monotonic() < deadline, f"no {name} in {sorted(folder.iterdir())}"
        time.sleep(0.1)
    return path


def test_a_filled_form_is_scored(page: Callable[[list[Path]], WebDriver], form: Path) -> None:
    browser = page([form])
    assert browser.find_element(By.ID, "c1-score").text == "99.70"
    assert PROJECT in browser.find_element(By.CSS_SELECTOR, "#c1 h2").text
    assert _console_errors(browser) == []


def _has_class(element: WebElement, name: str) -> Callable[[WebDriver], bool]:
    return lambda _: name in str(element.get_attribute("class")).split()


def _in_view(browser: WebDriver, element: WebElement) -> bool:
    script = (
        "const box = arguments[0].getBoundingClientRect();"
        "return box.top >= -1 && box.bottom <= window.innerHeight + 1;"
    )
    return bool(browser.execute_script(script, element))


def test_a_finding_lights_up_its_row(page: Callable[[list[Path]], WebDriver], form: Path) -> None:
    browser = page([form])
    links: dict[str, WebElement] = {}  # a row id -> the first finding linked to it
    for link in browser.find_elements(By.CSS_SELECTOR, "a.finding"):
        target = link.get_attribute("data-target") or ""
        if re.fullmatch(r"c1-row-\d+", target):
            links.setdefault(target, link)
    assert len(links) >= 2, "the seed's form has findings on two rows at least"
    for target, link in list(links.items())[:2]:  # the second takes the light from the first
        link.click()
        row = browser.find_element(By.ID, target)
        WebDriverWait(browser, 5).until(_has_class(row, "highlight"))
        assert row.is_displayed() and _in_view(browser, row)
        lit = browser.find_elements(By.CSS_SELECTOR, ".highlight")
        assert [element.get_attribute("id") for element in lit] == [target]
    assert _console_errors(browser) == []


def test_the_report_and_the_rescored_form_download_and_read_back(
    page: Callable[[list[Path]], WebDriver], form: Path, downloads: Path
) -> None:
    browser = page([form])
    browser.find_element(By.CSS_SELECTOR, "button[name=format][value=docx]").click()
    report = _downloaded(downloads, "form.report.docx")
    document = Document(str(report))
    cells = (cell.text for table in document.tables for row in table.rows for cell in row.cells)
    text = "\n".join([*(p.text for p in document.paragraphs), *cells])
    assert PROJECT in text
    assert "99.70" in text

    browser.find_element(By.CSS_SELECTOR, "button[name=format][value=xlsx]").click()
    workbook = _downloaded(downloads, "form.scored.xlsx")
    command = [sys.executable, "-m", "perfscore", "evaluate", str(workbook), "--format", "json"]
    result = subprocess.run(command, capture_output=True, check=True, text=True, encoding="utf-8")
    scored = json.loads(result.stdout)
    assert (scored["project"]["name"], scored["score"]) == (PROJECT, 99.7)
    assert _console_errors(browser) == []


def _column(browser: WebDriver, index: int) -> list[float]:
    script = (
        "return Array.from(document.querySelectorAll('#review tbody tr'))"
        ".map(row => row.cells[arguments[0]].textContent.trim());"
    )
    return [float(text) for text in browser.execute_script(script, index)]


def test_a_batch_is_reviewed_and_its_table_sorts(
    page: Callable[[list[Path]], WebDriver], form: Path, downloads: Path
) -> None:
    files = [*BATCH, form]
    browser = page(files)
    rows = browser.find_elements(By.CSS_SELECTOR, "#review tbody tr")
    assert len(rows) == len(files)  # one table in the form: one row a file
    shown = sorted(row.find_element(By.TAG_NAME, "td").text for row in rows)
    # The form's row names its table after the file as uploaded, never the server's copy.
    table = f"{form.name}:51042122T000006523456!A3"
    assert shown == sorted([*(path.name for path in BATCH), table])
    for row in rows:  # each row opens its case's section, the department's and the form's too
        link = row.find_element(By.TAG_NAME, "a")
        section = (link.get_attribute("href") or "").rsplit("#", 1)[-1]
        assert browser.find_elements(By.CSS_SELECTOR, f"section.case#{section}"), link.text
    nowhere = "return Array.from(document.querySelectorAll('a.finding')).map(a => a.dataset.target)"
    nowhere += ".filter(id => !document.getElementById(id));"
    assert browser.execute_script(nowhere) == []  # every finding's link has its row

    headers = browser.find_elements(By.CSS_SELECTOR, "#review th")
    names = [str(h.get_attribute("textContent")).strip() for h in headers]
    strict = _column(browser, names.index("严格复核"))
    assert len(set(strict)) == len(strict), "the strict scores differ: each order is one order"
    assert strict not in (sorted(strict), sorted(strict, reverse=True))
    for name in ("严格复核", "复核"):
        header, before = headers[names.index(name)], _column(browser, names.index(name))
        assert header.get_attribute("data-sort") == "number"
        header.click()
        assert header.get_attribute("data-order") == "asc"
        assert _column(browser, names.index(name)) == sorted(before)
        header.click()
        assert header.get_attribute("data-order") == "desc"
        assert _column(browser, names.index(name)) == sorted(before, reverse=True)

    # The summary's download (a data: address, which the CSP lets through) is the review's xlsx.
    browser.find_element(By.CSS_SELECTOR, "a[download='review.xlsx']").click()
    sheet = load_workbook(_downloaded(downloads, "review.xlsx")).worksheets[0]
    cells = {str(cell) for row in sheet.iter_rows(values_only=True) for cell in row}
    assert {*(path.name for path in BATCH), table} <= cells
    assert _console_errors(browser) == []


def test_a_bad_file_is_refused_in_one_line(
    page: Callable[[list[Path]], WebDriver], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{bad", encoding="utf-8")
    browser = page([bad])
    message = browser.find_element(By.ID, "error").text
    assert "\n" not in message
    assert message.startswith("bad.json:1:")
    assert "JSON 格式错误" in message
    assert "Traceback" not in browser.page_source
    # The page still works: the next upload, from the same page, is scored.
    _submit(browser, [SEED])
    assert browser.find_element(By.ID, "c1-score").text == "99.70"
    refused = "/evaluate - Failed to load resource: the server responded with a status of 400"
    assert _console_errors(browser, refused) == []
