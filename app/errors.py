"""Exception handlers: every error leaves as ``{"error": {"code", "message", "detail"}}``.

- ``NotFound`` -> 404, ``BadFilter`` and request validation -> 422 (naming the parameter),
  ``ExtractionError`` -> 422 (the extractor's message), ``StoreUnavailable`` -> 503,
  other ``AgencynetError`` -> 400. HTML clients get the same message in a small page.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from agencynet.errors import AgencynetError, BadFilter, ExtractionError, NotFound, StoreUnavailable
from app.rendering import TEMPLATES

log = logging.getLogger("agencynet.app")


class AppConfigError(AgencynetError):
    """The web service's settings are unsafe or inconsistent (refused at start-up)."""


class WriteRefused(AgencynetError):
    """A write came without the token, or writes are disabled. ``status`` is 401 or 403."""

    def __init__(self, message: str, status: int = 401):
        self.status = status
        super().__init__(message)


class UploadRefused(AgencynetError):
    """An upload too large, empty or without a file (413/422)."""

    def __init__(self, message: str, status: int = 422):
        self.status = status
        super().__init__(message)


def error_response(request: Request, status: int, code: str, message: str, detail=None, headers=None):
    """Render the one error shape as JSON, or for browsers as a page of the site (autoescaped)."""
    body = {"error": {"code": code, "message": message, "detail": detail}}
    if _wants_html(request):
        page = {"page": "error", "title": f"{status}: {code}", "status": status, "code": code, "message": message}
        return TEMPLATES.TemplateResponse(request, "error.html", {"page": page}, status_code=status, headers=headers)
    return JSONResponse(body, status_code=status, headers=headers)


def _wants_html(request: Request) -> bool:
    path = request.url.path
    if path.endswith(".json") or request.query_params.get("format") in ("json", "csv"):
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept and not path.startswith(("/plans", "/tasks", "/agencies", "/analytics",
                                                          "/jurisdictions", "/functions", "/health"))


def _validation_message(exc: RequestValidationError) -> tuple[str, list]:
    problems = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header")]
        name = ".".join(loc) or "request"
        problems.append({"parameter": name, "problem": err.get("msg", "invalid"), "input": _plain(err.get("input"))})
    message = "; ".join(f"parameter '{p['parameter']}': {p['problem']}" for p in problems)
    return message or "invalid request", problems


def _plain(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def install_handlers(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound):
        return error_response(request, 404, "not_found", str(exc))

    @app.exception_handler(BadFilter)
    async def bad_filter(request: Request, exc: BadFilter):
        return error_response(request, 422, "bad_filter", str(exc))

    @app.exception_handler(ExtractionError)
    async def extraction(request: Request, exc: ExtractionError):
        return error_response(request, 422, "extraction_failed", str(exc),
                              {"source": exc.source, "reason": exc.reason})

    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, exc: StoreUnavailable):
        log.warning("store unavailable: %s", exc)
        return error_response(
            request, 503, "store_unavailable",
            f"{exc}. The service keeps running and retries on every request; "
            "start the store (e.g. `agencynet neo4j start`) and reload.",
            {"where": exc.where, "cause": exc.cause}, headers={"Retry-After": "5"})

    @app.exception_handler(WriteRefused)
    async def refused(request: Request, exc: WriteRefused):
        headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
        code = "unauthorized" if exc.status == 401 else "writes_disabled"
        return error_response(request, exc.status, code, str(exc), headers=headers)

    @app.exception_handler(UploadRefused)
    async def upload_refused(request: Request, exc: UploadRefused):
        code = "upload_too_large" if exc.status == 413 else "bad_upload"
        return error_response(request, exc.status, code, str(exc))

    @app.exception_handler(AgencynetError)
    async def other(request: Request, exc: AgencynetError):
        return error_response(request, 400, type(exc).__name__, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: RequestValidationError):
        message, problems = _validation_message(exc)
        return error_response(request, 422, "bad_parameter", message, problems)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        message = str(exc.detail) if exc.status_code != 404 else f"no page or resource at {request.url.path}"
        return error_response(request, exc.status_code, code, message)
