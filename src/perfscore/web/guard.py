"""Every response's security headers, and the access token when ``--token`` is given.

Pages need the token's cookie (set by ``/login``); API calls send it as ``Authorization: Bearer
…`` (or the cookie). ``/login`` and ``/static`` are open. The Content-Security-Policy allows only
the app's own script and stylesheet: nothing is fetched from elsewhere, nothing inline runs.
"""

from __future__ import annotations

from typing import Final

from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp

from perfscore.web.settings import ServeSettings

#: The cookie that carries the access token.
COOKIE: Final = "perfscore_token"
HEADERS: Final = {
    "Content-Security-Policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}
_OPEN: Final = ("/login", "/static/", "/favicon.ico")


class Guard(BaseHTTPMiddleware):
    """Adds the headers; turns away requests without the token when one is set."""

    def __init__(self, app: ASGIApp, settings: ServeSettings) -> None:
        super().__init__(app)
        self.settings = settings

    async def dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        """The request, if allowed; the headers on whatever is answered."""
        response = await self._answer(request, call_next)
        response.headers.update(HEADERS)
        return response

    async def _answer(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        path = request.url.path
        if path.startswith(_OPEN) or self.settings.allows(_token(request)):
            return await call_next(request)
        if path.startswith("/api/"):
            return JSONResponse(
                {"error": "需要访问口令（Authorization: Bearer …）"}, status_code=401
            )
        return RedirectResponse("/login", status_code=303)


def _token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.cookies.get(COOKIE)


__all__ = ["COOKIE", "HEADERS", "Guard"]
