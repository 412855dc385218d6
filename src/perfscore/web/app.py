"""The ASGI app of ``perfscore serve``: pages and an HTTP API over the one pipeline.

Every upload goes through :mod:`perfscore.web.uploads` (the pipeline, or the review layer for a
batch); every download is a renderer of the output registry; pages are Jinja templates shipped
as package data, escaped. Scoring runs in a worker thread, off the event loop. Nothing uploaded
is kept: a download posts the case back (its JSON is in the page) and it is scored again.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Sequence
from functools import cache
from io import BytesIO
from typing import Any, Final
from urllib.parse import quote

from jinja2 import Environment, PackageLoader
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from perfscore.errors import PerfscoreError
from perfscore.input.jsonfile import parse_json
from perfscore.input.limits import exceeded
from perfscore.models.results import Evaluation
from perfscore.pipeline import Rules, evaluate_data
from perfscore.rendering.jinja import configured_environment
from perfscore.rendering.output import safe_stem
from perfscore.rendering.registry import (
    encoded,
    evaluate_renderer,
    report_renderer,
    review_renderer,
)
from perfscore.rendering.review import Batch
from perfscore.rubrics.loading import load_rubric
from perfscore.web.guard import COOKIE, Guard
from perfscore.web.rules import request_rules, rubric_choices
from perfscore.web.settings import ServeSettings
from perfscore.web.uploads import (
    MAX_FILES,
    Upload,
    UploadedCase,
    UploadRefused,
    readable,
    reviewed,
    score_uploads,
    within_limits,
)
from perfscore.web.views import ErrorView, View, views

#: Bytes of one request: beyond it the upload is refused before it is read.
REQUEST_BYTES: Final = 200 * 1024 * 1024
#: The downloads of one case: the format -> (renderer kind, media type, suffix).
DOWNLOADS: Final = {
    "json": ("evaluate", "application/json", ".json"),
    "xlsx": (
        "evaluate",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ".xlsx",
    ),
    "docx": (
        "report",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ".docx",
    ),
    "html": ("report", "text/html; charset=utf-8", ".html"),
    "md": ("report", "text/markdown; charset=utf-8", ".md"),
}
LAYOUT_TITLES: Final = {"sichuan-2023": "四川 2023 年格式", "mof-2020": "财预〔2020〕10号附件格式"}


@cache
def _pages() -> Environment:
    return configured_environment(PackageLoader("perfscore.web", "templates"), "html")


def _settings(request: Request) -> ServeSettings:
    settings: ServeSettings = request.app.state.settings
    return settings


def _page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    context.setdefault("csrf", _settings(request).csrf())
    html = _pages().get_template(name).render(**context)
    return HTMLResponse(html, status_code=status)


def _home(request: Request, error: str | None = None, status: int = 200) -> HTMLResponse:
    return _page(
        request,
        "home.html.j2",
        status,
        error=error,
        rubrics=rubric_choices(),
        # After a refusal, the rubric the user had chosen stays chosen.
        chosen=getattr(request.state, "rubric", None) or _settings(request).rubric,
        layouts=list(LAYOUT_TITLES.items()),
    )


async def home(request: Request) -> Response:
    """首页: the upload form and the blank templates."""
    return _home(request)


async def _form(request: Request) -> FormData:
    length = int(request.headers.get("content-length") or 0)
    if length > REQUEST_BYTES:
        raise UploadRefused(f"上传内容 {length} 字节，超过上限 {REQUEST_BYTES} 字节", 413)
    try:
        return await request.form(max_files=MAX_FILES + 1, max_fields=100)
    except HTTPException as error:  # the multipart parser's refusals, in English
        if "Too many files" in str(error.detail):
            raise UploadRefused(f"一次最多上传 {MAX_FILES} 个文件", 413) from None
        if "Too many fields" in str(error.detail):
            raise UploadRefused("表单字段过多", 413) from None
        raise UploadRefused(f"上传内容无法读取（{error.detail}）", 400) from None


def _csrf(request: Request, form: FormData) -> None:
    expected = _settings(request).csrf()
    if expected and form.get("csrf") != expected:
        raise HTTPException(403, "表单已过期，请刷新页面后重试")


async def _uploads(request: Request, form: FormData) -> list[Upload]:
    limits = _settings(request).limits
    files = [item for item in form.getlist("files") if isinstance(item, UploadFile)]
    if len(files) > MAX_FILES:
        raise UploadRefused(f"一次最多上传 {MAX_FILES} 个文件，实际为 {len(files)} 个", 413)
    uploads = []
    for item in files:
        name = item.filename or ""
        if item.size is not None and item.size > limits.file_bytes:
            raise UploadRefused(exceeded("file_bytes", item.size, limits.file_bytes), 413, name)
        uploads.append(Upload(name, await item.read()))
    return within_limits([u for u in uploads if u.name or u.data], limits)


async def _rules(request: Request, form: FormData) -> tuple[Rules, str]:
    """The request's rules and the uploaded rubric's TOML text ("" for a shipped one)."""
    settings = _settings(request)
    chosen = str(form.get("rubric") or settings.rubric)
    toml_file = form.get("rubric_file")
    toml = b""
    toml_name = ""
    if isinstance(toml_file, UploadFile) and toml_file.filename:
        toml, toml_name = await toml_file.read(), toml_file.filename
    else:
        toml = str(form.get("rubric_toml") or "").encode()
    rules = await run_in_threadpool(request_rules, chosen, toml, toml_name, settings.limits)
    return rules, toml.decode("utf-8", errors="replace")


async def evaluate_page(request: Request) -> Response:
    """Uploads scored: one case's page, or a batch's review with every case's page below it."""
    form = await _form(request)
    request.state.rubric = str(form.get("rubric") or "")
    _csrf(request, form)
    uploads, skipped = readable(await _uploads(request, form))
    rules, toml = await _rules(request, form)
    scored = await run_in_threadpool(score_uploads, uploads, rules) + skipped
    single = (len(scored) == 1 and not skipped) or not uploads
    if single and scored[0].error is not None:
        return _home(request, scored[0].error, 400)
    shown = views(scored)
    sections = _sections(scored, shown)
    batch = None if single else await _batch(request, uploads, rules, sections, skipped)
    status = 400 if all(item.result is None for item in scored) else 200
    return _page(request, "results.html.j2", status, views=shown, batch=batch, rubric_toml=toml)


async def _batch(
    request: Request,
    uploads: Sequence[Upload],
    rules: Rules,
    sections: dict[str, str],
    skipped: Sequence[UploadedCase],
) -> dict[str, Any]:
    settings = _settings(request)
    strict = load_rubric(settings.review_rubric)
    batch = await run_in_threadpool(reviewed, uploads, rules.project, strict, settings.limits)
    data, xlsx, csv = await run_in_threadpool(_review_outputs, batch)
    rows = [_row(row, sections) for row in data["rows"]]
    return {
        "summary": data["summary"],
        "rows": rows,
        "bad": data["errors"] + [{"file": s.upload, "message": s.error} for s in skipped],
        "departments": sorted({row["department"] for row in rows if row["department"]}),
        "xlsx": _data_url(xlsx, DOWNLOADS["xlsx"][1]),
        "csv": _data_url(csv, "text/csv; charset=utf-8"),
    }


def _review_outputs(batch: Batch) -> tuple[dict[str, Any], bytes, bytes]:
    """The batch page's review, rendered by ``review``'s renderers: the JSON (as data), the
    workbook and the CSV (in a worker thread: a large batch's rendering is not short)."""
    data: dict[str, Any] = json.loads(review_renderer("json")(batch))
    return data, encoded(review_renderer("xlsx")(batch)), encoded(review_renderer("csv")(batch))


def _sections(scored: Sequence[UploadedCase], shown: Sequence[View]) -> dict[str, str]:
    """Where each case was read (``a.json``, ``b.jsonl:3``, ``c.xlsx:CODE!A3``, as a review row
    says it) -> the element id of its section on the page."""
    found: dict[str, str] = {}
    for item, view in zip(scored, shown, strict=True):
        if item.result is not None and not isinstance(view, ErrorView):
            found.setdefault(item.result.source or item.upload, view.ident)
    return found


def _row(row: dict[str, Any], sections: dict[str, str]) -> dict[str, Any]:
    def shown(key: str) -> str:
        value = row.get(key)
        return "" if value is None else f"{value:.2f}"

    where = row["file"] if row.get("line") is None else f"{row['file']}:{row['line']}"

    return {
        **row,
        "claimed": shown("claimed_score"),
        "score": shown("score"),
        "review_score": shown("review_score"),
        "gap": shown("gap"),
        "section": sections.get(where, ""),
    }


def _json(text: str | bytes, status: int = 200) -> Response:
    """JSON a renderer wrote, answered as it is (never parsed and written again)."""
    return Response(text, status_code=status, media_type="application/json")


def _data_url(content: bytes, media: str) -> str:
    return f"data:{media.split(';', maxsplit=1)[0]};base64,{base64.b64encode(content).decode()}"


async def download(request: Request) -> Response:
    """A case's download: the case posted back from its page, scored again, rendered."""
    form = await _form(request)
    _csrf(request, form)
    chosen = str(form.get("format") or "")
    if chosen not in DOWNLOADS:
        raise PerfscoreError(f"没有下载格式 '{chosen}'（可用：{'、'.join(DOWNLOADS)}）")
    rules, _ = await _rules(request, form)
    name = str(form.get("name") or "case")
    content = await run_in_threadpool(_render, str(form.get("case") or ""), rules, chosen, name)
    kind, media, suffix = DOWNLOADS[chosen]
    stem = safe_stem(name.rsplit(".", 1)[0], "case")
    filename = f"{stem}.{'report' if kind == 'report' else 'scored'}{suffix}"
    disposition = f"attachment; filename*=UTF-8''{quote(filename)}"
    return Response(content, media_type=media, headers={"Content-Disposition": disposition})


def _render(text: str, rules: Rules, chosen: str, name: str) -> bytes:
    data = parse_json(text, name, rules.limits)
    result = evaluate_data(data, rules, name, text)
    if DOWNLOADS[chosen][0] == "evaluate":
        return encoded(evaluate_renderer(chosen)([result], single=True, layout="sichuan-2023"))
    if not isinstance(result, Evaluation):
        raise PerfscoreError("部门整体案例没有项目自评报告：请下载 json")
    return report_renderer(chosen)(result, None)


async def template(request: Request) -> Response:
    """A blank form (``perfscore template``) of a layout."""
    from perfscore.rendering.forms.template import write_template  # noqa: PLC0415 - openpyxl

    layout = request.path_params["layout"]
    if layout not in LAYOUT_TITLES:
        raise HTTPException(404, f"没有表格格式 '{layout}'")
    stream = BytesIO()
    rubric = load_rubric(_settings(request).rubric)
    await run_in_threadpool(write_template, layout, stream, rubric)
    disposition = f"attachment; filename={layout}.xlsx"
    return Response(
        stream.getvalue(),
        media_type=DOWNLOADS["xlsx"][1],
        headers={"Content-Disposition": disposition},
    )


async def favicon(request: Request) -> Response:
    """No icon: an empty answer, so that browsers do not log a missing file."""
    return Response(status_code=204)


async def login(request: Request) -> Response:
    """The access token asked for, and kept in a cookie for this browser."""
    if request.method == "GET":
        return _page(request, "login.html.j2", error=None)
    form = await request.form(max_files=0, max_fields=5)
    given = str(form.get("token") or "")
    if not _settings(request).allows(given):
        return _page(request, "login.html.j2", 401, error="访问口令不对")
    response = RedirectResponse("/", status_code=303)
    response.set_cookie(COOKIE, given, httponly=True, samesite="strict")
    return response


async def api_evaluate(request: Request) -> Response:
    """``POST /api/evaluate``: ``perfscore evaluate --format json`` of the uploaded files."""
    form = await _form(request)
    uploads, skipped = readable(await _uploads(request, form))
    rules, _ = await _rules(request, form)
    scored = await run_in_threadpool(score_uploads, uploads, rules) + skipped
    results = [item.result for item in scored if item.result is not None]
    errors = [item.error for item in scored if item.error is not None]
    if not results:
        return JSONResponse({"error": errors[0], "errors": errors, "results": None}, 400)
    render = evaluate_renderer("json")
    text = await run_in_threadpool(render, results, single=len(scored) == 1, layout="")
    if errors:
        body = {"error": errors[0], "errors": errors, "results": json.loads(text)}
        return JSONResponse(body, 400)
    return _json(text)


async def api_review(request: Request) -> Response:
    """``POST /api/review``: ``perfscore review --format json`` of the uploaded files."""
    form = await _form(request)
    uploads, skipped = readable(await _uploads(request, form))
    if skipped:
        raise UploadRefused(skipped[0].error or "", 400)
    rules, _ = await _rules(request, form)
    settings = _settings(request)
    strict = load_rubric(settings.review_rubric)
    batch = await run_in_threadpool(reviewed, uploads, rules.project, strict, settings.limits)
    text = await run_in_threadpool(review_renderer("json"), batch)
    return _json(text, 200 if batch.summary.scored else 400)


async def api_rubrics(request: Request) -> Response:
    """``GET /api/rubrics``: the shipped rubrics."""
    default = _settings(request).rubric
    listed = [
        {"name": name, "title": title, "default": name == default}
        for name, title in rubric_choices()
    ]
    return JSONResponse(listed)


async def api_checks(request: Request) -> Response:
    """``GET /api/checks``: every finding code, as ``perfscore checks --format json``."""
    from perfscore.checks.explain import as_json  # noqa: PLC0415

    return _json(as_json())


async def refused(request: Request, error: Exception) -> Response:
    """Bad input: the CLI's one line, with 4xx: beside the upload form, or as JSON."""
    status = error.status if isinstance(error, UploadRefused) else 400
    if isinstance(error, HTTPException):
        status = error.status_code
    message = str(error.detail) if isinstance(error, HTTPException) else str(error)
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status)
    return _home(request, message, status)


async def failed(request: Request, error: Exception) -> Response:
    """A fault in perfscore itself: said in Chinese, never a traceback; the server goes on."""
    message = "服务器内部错误：请把上传的文件和这句提示发给维护者"
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, 500)
    return HTMLResponse(f"<!doctype html><meta charset=utf-8><p>{message}</p>", 500)


def create_app(settings: ServeSettings | None = None) -> Starlette:
    """The app, for uvicorn or a test client."""
    routes = [
        Route("/", home),
        Route("/evaluate", evaluate_page, methods=["POST"]),
        Route("/download", download, methods=["POST"]),
        Route("/template/{layout}.xlsx", template),
        Route("/login", login, methods=["GET", "POST"]),
        Route("/favicon.ico", favicon),
        Route("/api/evaluate", api_evaluate, methods=["POST"]),
        Route("/api/review", api_review, methods=["POST"]),
        Route("/api/rubrics", api_rubrics),
        Route("/api/checks", api_checks),
        Mount("/static", StaticFiles(packages=[("perfscore.web", "static")]), name="static"),
    ]
    chosen = settings or ServeSettings()
    app = Starlette(
        routes=routes,
        middleware=[Middleware(Guard, settings=chosen)],
        exception_handlers={PerfscoreError: refused, HTTPException: refused, 500: failed},
    )
    app.state.settings = chosen
    return app


__all__ = ["DOWNLOADS", "LAYOUT_TITLES", "REQUEST_BYTES", "create_app"]
