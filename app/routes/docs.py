"""``/docs``: the interactive API documentation (Swagger UI 5), its files served by the app itself
from the ``swagger-ui-py`` package under ``/vendor/swagger-ui`` so the page works with no internet."""

from __future__ import annotations

from pathlib import Path

import swagger_ui
from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse

SWAGGER_DIR = Path(swagger_ui.__file__).resolve().parent / "static"
SWAGGER_URL = "/vendor/swagger-ui"

router = APIRouter(include_in_schema=False)


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """Swagger UI for ``/openapi.json`` with local script, style and icon."""
    return get_swagger_ui_html(openapi_url=request.app.openapi_url, title=f"{request.app.title} · API",
                               swagger_js_url=f"{SWAGGER_URL}/swagger-ui-bundle.js",
                               swagger_css_url=f"{SWAGGER_URL}/swagger-ui.css", swagger_favicon_url="data:,")
