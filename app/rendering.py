"""One view, two formats: a page function builds one dict; ``.json`` or ``?format=json``
returns it, otherwise a Jinja2 template (autoescape on) renders the same dict."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from agencynet.errors import BadFilter

TEMPLATES = Jinja2Templates(directory=Path(__file__).resolve().parent / "templates")
TEMPLATES.env.autoescape = True
PAGE_FORMATS = ("html", "json")


def split_ext(name: str, allowed: tuple[str, ...] = PAGE_FORMATS) -> tuple[str, str | None]:
    """``"p-1.json"`` -> ``("p-1", "json")``; no known extension -> ``(name, None)``."""
    stem, dot, ext = name.rpartition(".")
    if dot and ext in allowed:
        return stem, ext
    return name, None


def pick_format(request: Request, ext: str | None, fmt: str | None, allowed: tuple[str, ...] = PAGE_FORMATS) -> str:
    """The format asked for by extension, ``?format=`` or Accept (``html`` by default)."""
    chosen = ext or fmt
    if chosen and chosen not in allowed:
        raise BadFilter(f"unknown format '{chosen}': use one of {', '.join(allowed)}")
    if chosen:
        return chosen
    accept = request.headers.get("accept", "")
    if "application/json" in accept and "text/html" not in accept:
        return "json"
    return "html"


def respond(request: Request, template: str, page: dict, fmt: str) -> Response:
    """``page`` as JSON, or rendered with ``template`` (the dict is the template's ``page``)."""
    if fmt == "json":
        return JSONResponse(page)
    return TEMPLATES.TemplateResponse(request, template, {"page": page})
