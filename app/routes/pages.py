"""HTML pages; each page's dict is also its JSON twin (``/path.json`` or ``?format=json``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request

from app import comparedata, pagedata
from app.deps import StoreDep
from app.rendering import pick_format, respond, split_ext
from app.schemas import PageDataPublic
from app.tables import LimitQ, OffsetQ

router = APIRouter(tags=["pages"])
FormatP = Annotated[str | None, Query(description="json for the page's data, html by default")]
HTML = {200: {"content": {"text/html": {}}}}


@router.get("/", response_model=PageDataPublic, responses=HTML)
@router.get("/index.{ext}", response_model=PageDataPublic, include_in_schema=False)
def home(request: Request, store: StoreDep, ext: str | None = None, limit: LimitQ = 50, offset: OffsetQ = 0,
         format: FormatP = None):
    """Home: plans (paged with ``limit``/``offset``), jurisdictions, top leading bureaus, orphan summary."""
    fmt = pick_format(request, ext, format)
    return respond(request, "home.html", pagedata.home(store, limit=limit, offset=offset), fmt)


@router.get("/plan/{name}", response_model=PageDataPublic, responses=HTML)
def plan_page(name: str, request: Request, store: StoreDep, limit: LimitQ = 200, offset: OffsetQ = 0,
              format: FormatP = None):
    """A plan: its facts and task table (lead, support, orphan flags, source links)."""
    plan_id, ext = split_ext(name)
    fmt = pick_format(request, ext, format)
    return respond(request, "plan.html", pagedata.plan(store, plan_id, limit, offset), fmt)


@router.get("/source/{name}", response_model=PageDataPublic, responses=HTML)
def source_page(name: str, request: Request, store: StoreDep, task: str | None = None, format: FormatP = None):
    """A plan's source text with one task's span highlighted (``?task=<task id>``)."""
    plan_id, ext = split_ext(name)
    fmt = pick_format(request, ext, format)
    return respond(request, "source.html", pagedata.source(store, plan_id, task), fmt)


@router.get("/agency/{name}", response_model=PageDataPublic, responses=HTML)
def agency_page(name: str, request: Request, store: StoreDep, limit: LimitQ = 100, led_offset: OffsetQ = 0,
                supported_offset: OffsetQ = 0, format: FormatP = None):
    """An agency: names as written, duties led and supported (each paged), link to its ego network."""
    agency_id, ext = split_ext(name)
    fmt = pick_format(request, ext, format)
    return respond(request, "agency.html", pagedata.agency(store, agency_id, limit, led_offset, supported_offset),
                   fmt)


@router.get("/orphans", response_model=PageDataPublic, responses=HTML)
@router.get("/orphans.{ext}", response_model=PageDataPublic, include_in_schema=False)
def orphans_page(request: Request, store: StoreDep, ext: str | None = None, category: str | None = None,
                 plan: str | None = None, limit: LimitQ = 100, offset: OffsetQ = 0,
                 plans_limit: LimitQ = 50, plans_offset: OffsetQ = 0, format: FormatP = None):
    """Orphaned tasks for coordinators: per-plan counts by category (paged with ``plans_limit``/
    ``plans_offset``) and the task list (filter by ``category``, ``plan``; paged with ``limit``/``offset``)."""
    fmt = pick_format(request, ext, format)
    return respond(request, "orphans.html", pagedata.orphans(store, category or None, plan or None, limit, offset,
                                                             plans_limit, plans_offset), fmt)


@router.get("/compare", response_model=PageDataPublic, responses=HTML)
@router.get("/compare.{ext}", response_model=PageDataPublic, include_in_schema=False)
def compare_page(request: Request, store: StoreDep, ext: str | None = None,
                 j: Annotated[list[str] | None, Query(description="jurisdiction ids or names (repeat)")] = None,
                 harmonise: Annotated[bool, Query(description="map functions to their reform successors")] = False,
                 format: FormatP = None):
    """Function x jurisdiction heat-table, plan metrics side by side, similarity and differences for the
    chosen jurisdictions (the tables of ``/analytics/compare``)."""
    fmt = pick_format(request, ext, format)
    return respond(request, "compare.html", comparedata.compare(store, [x for x in j or [] if x], harmonise), fmt)
