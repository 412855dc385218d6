"""``perfscore serve`` through Starlette's test client: every route, good and bad uploads, the
limits, the access token, escaping, and nothing left behind.

The pages and the API are views over the pipeline, so a case scores here exactly as on the
command line: the API's JSON equals ``perfscore evaluate --format json``.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

pytest.importorskip("starlette")
pytest.importorskip("multipart")
from starlette.testclient import TestClient

from perfscore.cli import main
from perfscore.input.limits import configured
from perfscore.web.app import create_app
from perfscore.web.settings import ServeSettings
from perfscore.web.uploads import MAX_FILES

from .conftest import CASES, ROOT

SEED = ROOT / "cases" / "miyi-2022-5-government-work.json"
DEPARTMENT = ROOT / "cases" / "hand-07-dazhou-department.json"
Files = list[tuple[str, tuple[str, bytes, str]]]


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def _files(*named: tuple[str, bytes]) -> Files:
    return [("files", (name, data, "application/octet-stream")) for name, data in named]


def _seed() -> tuple[str, bytes]:
    return ("政府工作经费.json", SEED.read_bytes())


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The seed as a filled, re-scored Sichuan form."""
    out = tmp_path_factory.mktemp("form") / "form.xlsx"
    result = CliRunner().invoke(main, ["evaluate", str(SEED), "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def _cli_json(*args: str) -> Any:
    result = CliRunner().invoke(main, ["evaluate", *args, "--format", "json"])
    return json.loads(result.stdout)


# ---- pages ------------------------------------------------------------------------------------


def test_home_offers_the_upload_the_rubrics_and_the_templates(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'id="files"' in page.text and 'name="rubric"' in page.text
    assert "mof-2020-review" in page.text and "sichuan-department" in page.text
    assert "/template/sichuan-2023.xlsx" in page.text and "/template/mof-2020.xlsx" in page.text
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert page.headers["x-frame-options"] == "DENY"


def test_one_case_gets_its_page(client: TestClient) -> None:
    page = client.post("/evaluate", files=_files(_seed()), data={"rubric": "mof-2020"})
    assert page.status_code == 200
    text = page.text
    assert 'id="c1-score">99.70<' in text
    assert 'id="c1-row-0"' in text and 'class="status-' in text
    assert 'class="finding" href="#c1-row-' in text  # a finding links its row
    assert "<svg" in text  # the report's chart
    assert "绩效自评综述" in text and "政府工作经费.json" in text
    assert 'name="format" value="docx"' in text


def test_a_filled_form_scores_as_on_the_command_line(client: TestClient, form: bytes) -> None:
    page = client.post("/evaluate", files=_files(("表.xlsx", form)))
    assert page.status_code == 200 and 'id="c1-score">99.70<' in page.text
    api = client.post("/api/evaluate", files=_files(("表.xlsx", form)))
    assert api.status_code == 200 and api.json()["score"] == 99.7


def test_a_batch_gets_the_review_and_every_case(client: TestClient) -> None:
    chosen = [path for path in CASES if path.stem.startswith("miyi-2022-")][:3]
    files = _files(*((p.name, p.read_bytes()) for p in chosen), ("坏.json", b"{bad"))
    page = client.post("/evaluate", files=files)
    assert page.status_code == 200
    text = page.text
    assert 'id="review"' in text and 'data-sort="number"' in text
    assert text.count("data-severity=") == 4  # three rows and the bad file
    assert "坏.json" in text and "无法计分" in text
    assert 'href="data:application/vnd.openxmlformats' in text and 'href="data:text/csv' in text
    assert all(f'id="c{n}"' in text for n in (1, 2, 3))
    assert 'href="#c1"' in text  # a row opens its case
    both = client.post("/evaluate", files=_files(_seed(), ("dept.json", DEPARTMENT.read_bytes())))
    assert 'href="#c1"' in both.text and 'href="#c2"' in both.text  # a department's row too


def test_a_department_case_gets_its_page(client: TestClient) -> None:
    page = client.post("/evaluate", files=_files(("dept.json", DEPARTMENT.read_bytes())))
    assert page.status_code == 200
    assert "（部门整体）" in page.text and "评价开展" in page.text


# ---- bad input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "status", "message"),
    [
        ("坏.json", b"{bad", 400, "坏.json:1:2: JSON 格式错误：键名应写在双引号中"),
        ("a.txt", b"x", 400, "a.txt: 不支持的文件类型（可用：.json、.jsonl、.xlsx、.xlsm）"),
        ("x.xlsx", b"not a workbook", 400, "x.xlsx: "),
    ],
)
def test_bad_files_are_told_beside_the_form(
    client: TestClient, name: str, data: bytes, status: int, message: str
) -> None:
    page = client.post("/evaluate", files=_files((name, data)))
    assert page.status_code == status
    assert 'id="error"' in page.text and message in page.text
    assert 'id="files"' in page.text  # the form is there to try again
    assert "Traceback" not in page.text


def test_no_file(client: TestClient) -> None:
    page = client.post("/evaluate", data={"rubric": "mof-2020-review"})
    assert page.status_code == 400 and "未选择文件" in page.text
    assert '<option value="mof-2020-review" selected>' in page.text  # the choice is kept


def test_unknown_rubric(client: TestClient) -> None:
    page = client.post("/evaluate", files=_files(_seed()), data={"rubric": "no-such"})
    assert page.status_code == 400 and "未知的评分规则 &#39;no-such&#39;" in page.text


def test_uploaded_rubric(client: TestClient) -> None:
    toml = b'extends = "mof-2020"\n[execution]\nweight = 20\n'
    files = [*_files(_seed()), ("rubric_file", ("我的规则.toml", toml, "text/plain"))]
    page = client.post("/evaluate", files=files)
    assert page.status_code == 400
    assert (
        "mof-2020（内置评分规则）:26: levels: 预算执行与各一级指标权重合计应为 100，实际为 110"
        in page.text
    )
    assert str(ROOT) not in page.text  # no path of the server's
    bad = [
        *_files(_seed()),
        ("rubric_file", ("r.toml", b'extends = "/etc/passwd"\n', "text/plain")),
    ]
    page = client.post("/evaluate", files=bad)
    assert page.status_code == 400 and "只能 extends 内置评分规则" in page.text


def test_limits_answer_413() -> None:
    small = ServeSettings(limits=configured({"file_bytes": 100}))
    with TestClient(create_app(small)) as limited:
        page = limited.post("/evaluate", files=_files(_seed()))
        assert page.status_code == 413
        assert "文件大小" in page.text and "超过上限 100" in page.text
        api = limited.post("/api/evaluate", files=_files(_seed()))
        assert api.status_code == 413 and "超过上限 100" in api.json()["error"]


@pytest.mark.parametrize("count", [MAX_FILES + 1, MAX_FILES + 5])
def test_too_many_files_answer_413(client: TestClient, count: int) -> None:
    files = _files(*((f"{n}.json", b"{}") for n in range(count)))
    got = client.post("/api/evaluate", files=files)
    assert got.status_code == 413
    assert got.json()["error"].startswith(f"一次最多上传 {MAX_FILES} 个文件")


def test_nothing_uploaded_is_kept(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every temporary folder (uploads, a rubric) is gone when the request is done."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    toml = ("r.toml", b'extends = "mof-2020"\n', "text/plain")
    client.post(
        "/evaluate", files=[*_files(_seed(), ("b.json", SEED.read_bytes())), ("rubric_file", toml)]
    )
    client.post("/evaluate", files=_files(("坏.json", b"{bad")))
    client.post("/api/review", files=_files(_seed()))
    assert list(tmp_path.iterdir()) == []


def test_a_fault_is_said_without_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("perfscore.web.app.score_uploads", broken)
    with TestClient(create_app(), raise_server_exceptions=False) as faulty:
        page = faulty.post("/evaluate", files=_files(_seed()))
        assert page.status_code == 500
        assert "服务器内部错误" in page.text and "boom" not in page.text
        assert faulty.get("/").status_code == 200  # and it keeps serving


# ---- escaping ------------------------------------------------------------------------------------


def test_a_hostile_name_is_text_everywhere(client: TestClient) -> None:
    data = json.loads(SEED.read_text(encoding="utf-8"))
    data["project"]["name"] = "<script>alert(1)</script>"
    upload = ("<img src=x onerror=alert(1)>.json", json.dumps(data, ensure_ascii=False).encode())
    page = client.post("/evaluate", files=_files(upload))
    assert page.status_code == 200
    assert "<script>alert(1)</script>" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<img src=x" not in page.text
    case = _case_field(page.text)
    report = client.post(
        "/download", data={"case": case, "rubric": "mof-2020", "format": "html", "name": "x.json"}
    )
    assert report.status_code == 200 and "<script>alert(1)" not in report.text


# ---- downloads ---------------------------------------------------------------------------------


def _case_field(html: str) -> str:
    """The case JSON a page posts back for its downloads (unescaped as a browser would)."""
    import html as markup  # noqa: PLC0415

    start = html.index('name="case" value="') + len('name="case" value="')
    return markup.unescape(html[start : html.index('"', start)])


@pytest.mark.parametrize(
    ("chosen", "media"),
    [
        ("json", "application/json"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("html", "text/html; charset=utf-8"),
        ("md", "text/markdown; charset=utf-8"),
    ],
)
def test_downloads_score_the_case_again(client: TestClient, chosen: str, media: str) -> None:
    page = client.post("/evaluate", files=_files(_seed()))
    fields = {
        "case": _case_field(page.text),
        "rubric": "mof-2020",
        "format": chosen,
        "name": "政府工作经费.json",
    }
    got = client.post("/download", data=fields)
    assert got.status_code == 200, got.text
    assert got.headers["content-type"] == media
    assert "attachment; filename*=UTF-8''" in got.headers["content-disposition"]
    if chosen == "json":
        assert got.json()["score"] == 99.7
    elif chosen == "xlsx":
        assert load_workbook(BytesIO(got.content)).sheetnames
    elif chosen in ("html", "md"):
        assert "99.70" in got.text


def test_a_template_downloads(client: TestClient) -> None:
    got = client.get("/template/mof-2020.xlsx")
    assert got.status_code == 200 and load_workbook(BytesIO(got.content)).sheetnames
    assert client.get("/template/no-such.xlsx").status_code == 404


# ---- the API ------------------------------------------------------------------------------------


def test_api_evaluate_is_the_command_lines_json(client: TestClient) -> None:
    got = client.post(
        "/api/evaluate", files=_files(("miyi-2022-5-government-work.json", SEED.read_bytes()))
    )
    expected = _cli_json(str(SEED))
    assert got.status_code == 200
    assert {k: v for k, v in got.json().items() if k != "file"} == {
        k: v for k, v in expected.items() if k != "file"
    }
    assert got.json()["file"] == "miyi-2022-5-government-work.json"


def test_api_evaluate_many_gives_a_list_and_errors_give_400(client: TestClient) -> None:
    two = client.post("/api/evaluate", files=_files(_seed(), ("b.json", SEED.read_bytes())))
    assert two.status_code == 200 and [r["score"] for r in two.json()] == [99.7, 99.7]
    bad = client.post(
        "/api/evaluate",
        files=_files(_seed(), ("坏.json", b"{bad")),
        data={"rubric": "mof-2020-review"},
    )
    assert bad.status_code == 400
    body = bad.json()
    assert body["errors"] == ["坏.json:1:2: JSON 格式错误：键名应写在双引号中"]
    assert [r["rubric"] for r in body["results"]] == ["mof-2020-review"]


def test_api_review_lists_bad_files_as_rows(client: TestClient) -> None:
    got = client.post("/api/review", files=_files(_seed(), ("坏.json", b"{bad")))
    assert got.status_code == 200
    body = got.json()
    assert [row["file"] for row in body["rows"]] == ["政府工作经费.json"]
    assert body["errors"][0]["file"] == "坏.json"
    assert body["summary"]["inputs"] == 2


def test_api_rubrics_and_checks(client: TestClient) -> None:
    rubrics = client.get("/api/rubrics").json()
    assert {r["name"] for r in rubrics} >= {"mof-2020", "mof-2020-review", "sichuan-department"}
    assert [r["name"] for r in rubrics if r["default"]] == ["mof-2020"]
    checks = client.get("/api/checks").json()
    assert "summary-score-mismatch" in {c["code"] for c in checks}


# ---- the access token ------------------------------------------------------------------------------


def test_the_token_guards_pages_api_and_forms() -> None:
    settings = ServeSettings(token="口令123".encode().hex())
    with TestClient(create_app(settings), follow_redirects=False) as guarded:
        assert guarded.get("/").status_code == 303
        assert guarded.get("/").headers["location"] == "/login"
        assert guarded.get("/api/rubrics").status_code == 401
        assert guarded.get("/static/app.css").status_code == 200
        bearer = {"Authorization": f"Bearer {settings.token}"}
        assert guarded.get("/api/rubrics", headers=bearer).status_code == 200
        assert guarded.post("/login", data={"token": "wrong"}).status_code == 401
        logged = guarded.post("/login", data={"token": settings.token})
        assert logged.status_code == 303
        home = guarded.get("/")
        assert home.status_code == 200 and f'value="{settings.csrf()}"' in home.text
        refused = guarded.post("/evaluate", files=_files(_seed()))
        assert refused.status_code == 403 and "表单已过期" in refused.text
        accepted = guarded.post("/evaluate", files=_files(_seed()), data={"csrf": settings.csrf()})
        assert accepted.status_code == 200


# ---- the command -----------------------------------------------------------------------------------


def test_serve_prints_the_address_and_warns_off_this_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    started: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: started.append(kwargs))
    local = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert local.exit_code == 0, local.output
    assert "请在浏览器中打开 http://127.0.0.1:8123/" in local.stderr and "警告" not in local.stderr
    wide = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0"])
    assert (
        "警告：监听 0.0.0.0，同一网络中的其他人也能访问；建议用 --token 设置访问口令" in wide.stderr
    )
    assert [s["port"] for s in started] == [8123, 8000]


def test_serve_refuses_an_unknown_rubric() -> None:
    result = CliRunner().invoke(main, ["serve", "--rubric", "nope"])
    assert result.exit_code == 2
    assert "未知的评分规则 'nope'" in result.stderr


def test_a_folders_other_files_are_listed_not_read(client: TestClient) -> None:
    """A folder chosen whole brings its Word files along: listed as not read, the rest scored."""
    files = _files(_seed(), ("b.json", SEED.read_bytes()), ("说明.docx", b"PK\x03\x04"))
    page = client.post("/evaluate", files=files)
    assert page.status_code == 200
    assert "说明.docx: 不支持的文件类型（可用：.json、.jsonl、.xlsx、.xlsm）" in page.text
    assert page.text.count('class="bad"') == 1 and 'id="c2-score">99.70<' in page.text
    api = client.post("/api/evaluate", files=files)
    assert api.status_code == 400 and len(api.json()["results"]) == 2
    assert client.post("/api/review", files=files).status_code == 400
