"""``/views``: pyvis network views (HTML), their data (``.json``) and exports
(``.csv`` edge list, ``.graphml``, ``.gexf``) of the full, uncapped graph."""

from __future__ import annotations

from collections import Counter
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from app import data
from app.deps import SettingsDep, StoreDep
from app.rendering import pick_format, respond, split_ext
from app.schemas import NetworkViewPublic
from app.views import export, graphs, network

router = APIRouter(prefix="/views", tags=["network views"])
VIEW_FORMATS = ("html", "json", "csv", "graphml", "gexf")
HTML_RESPONSES = {200: {"content": {"text/html": {}, "text/csv": {}, "application/graphml+xml": {}}}}
MAX_SCOPES = 12  # jurisdiction links above the co-responsibility view (those with most plans)
CO_VIEW_TOP = 150  # the pooled co-responsibility view is dense: fewer nodes by default keep it legible and fast
TopQ = Annotated[int | None, Query(ge=1, le=5000, description="draw at most this many nodes (the most connected); "
                                   "default AGENCYNET_VIEW_MAX_NODES (150 for the co-responsibility view)")]


def _top(top: int | None, default: int) -> int:
    return top or default


def _places(store) -> list[dict]:
    """Jurisdictions with their plan counts (the scope links; no agency is read)."""
    count = Counter(p["jurisdiction_id"] for p in store.plans())
    return [{**j, "plans": count[j["id"]]} for j in store.jurisdictions()]


def _view(request: Request, g, fmt: str, base: str, title: str, view: str, max_nodes: int,
          keep: str | None = None, context: dict | None = None) -> Response:
    """An export of the full graph, or the capped drawing (HTML, or its data as JSON)."""
    slug = base.rstrip("/").rsplit("/", 1)[-1] or view
    if fmt in export.FORMATS:
        return Response(export.export(g, fmt), media_type=export.FORMATS[fmt],
                        headers={"Content-Disposition": f'attachment; filename="{view}-{slug}.{fmt}"'})
    query = f"?{request.url.query}" if request.url.query else ""
    page = {"page": "view", "view": view, "title": title, **network.render(g, max_nodes, keep=keep),
            "exports": {f: f"{base}.{f}{query}" for f in ("csv", "graphml", "gexf", "json")},
            **(context or {})}
    if page["cap"]["capped"]:
        more = sorted({n for n in (max_nodes * 2, page["cap"]["total"]) if max_nodes < n <= 5000})
        page["cap"]["more"] = [{"top": n, "url": f"{base}?{request.url.include_query_params(top=n).query}"}
                               for n in more]
    return respond(request, "view.html", page, fmt)


@router.get("/plan/{name}", response_model=NetworkViewPublic, responses=HTML_RESPONSES)
def plan_view(name: str, request: Request, store: StoreDep, settings: SettingsDep, top: TopQ = None,
              format: str | None = None):
    """Agency–task network of one plan (``/views/plan/<id>[.json|.csv|.graphml|.gexf]``)."""
    plan_id, ext = split_ext(name, VIEW_FORMATS)
    fmt = pick_format(request, ext, format, VIEW_FORMATS)
    plan = data.plan(store, plan_id)
    g = graphs.agency_task_graph(store, plan_id)
    title = f"{plan.get('title') or plan['file']}: agency–task network"
    return _view(request, g, fmt, f"/views/plan/{plan_id}", title, "plan",
                 _top(top, settings.agencynet_view_max_nodes),
                 context={"plan": {"id": plan_id, "title": plan.get("title"), "jurisdiction": plan.get("jurisdiction")}})


@router.get("/agency/{name}", response_model=NetworkViewPublic, responses=HTML_RESPONSES)
def ego_view(name: str, request: Request, store: StoreDep, settings: SettingsDep, top: TopQ = None,
             format: str | None = None):
    """Ego network of an agency: its tasks and everybody named with it."""
    agency_id, ext = split_ext(name, VIEW_FORMATS)
    fmt = pick_format(request, ext, format, VIEW_FORMATS)
    g = graphs.ego_graph(store, agency_id)
    label = g.nodes[agency_id]["label"]
    return _view(request, g, fmt, f"/views/agency/{agency_id}", f"{label}: ego network", "ego",
                 _top(top, settings.agencynet_view_max_nodes), keep=agency_id,
                 context={"agency": {"id": agency_id, "name": label}})


@router.get("/co-responsibility", response_model=NetworkViewPublic, responses=HTML_RESPONSES)
@router.get("/co-responsibility.{ext}", response_model=NetworkViewPublic, include_in_schema=False)
def co_view(request: Request, store: StoreDep, settings: SettingsDep, ext: str | None = None, plan: str | None = None,
            jurisdiction: str | None = None, top: TopQ = None, format: str | None = None):
    """Agencies linked by shared tasks (edge width = shared tasks); ``plan`` or ``jurisdiction`` narrows it."""
    fmt = pick_format(request, ext, format, VIEW_FORMATS)
    g = graphs.co_responsibility_graph(store, plan, jurisdiction)
    scope = plan or jurisdiction or "all plans"
    places = sorted((j for j in _places(store) if j["plans"]), key=lambda j: (-j["plans"], j["id"]))
    shown = places[:MAX_SCOPES] + [j for j in places[MAX_SCOPES:] if jurisdiction in (j["id"], j["name"])]
    scopes = [{"name": "all plans", "url": "/views/co-responsibility", "on": not (plan or jurisdiction)}] + [
        {"name": j["name"], "url": f"/views/co-responsibility?jurisdiction={j['id']}",
         "on": jurisdiction in (j["id"], j["name"])} for j in shown]
    context = {"scope": scope, "scopes": scopes, "more_scopes": len(places) - len(shown)}
    return _view(request, g, fmt, "/views/co-responsibility", f"Agency co-responsibility network ({scope})", "co",
                 _top(top, min(CO_VIEW_TOP, settings.agencynet_view_max_nodes)), context=context)


@router.get("/functions", response_model=NetworkViewPublic, responses=HTML_RESPONSES)
@router.get("/functions.{ext}", response_model=NetworkViewPublic, include_in_schema=False)
def function_view(request: Request, store: StoreDep, settings: SettingsDep, ext: str | None = None,
                  top: TopQ = None, format: str | None = None):
    """Cross-jurisdiction function network: jurisdictions linked to the functions that lead there."""
    fmt = pick_format(request, ext, format, VIEW_FORMATS)
    g = graphs.function_jurisdiction_graph(store)
    return _view(request, g, fmt, "/views/functions", "Cross-jurisdiction function network", "functions",
                 _top(top, settings.agencynet_view_max_nodes))

