"""``/analytics``: the ``queries`` measures over HTTP. JSON by default; CSV with
``?format=csv`` or ``Accept: text/csv``. Filters as in ``queries``: plan, jurisdiction,
level, function (repeatable), year, harmonise."""

from __future__ import annotations

from typing import Annotated

import pandas as pd
from fastapi import APIRouter, Depends, Query, Request

import queries
from app.deps import StoreDep
from app.schemas import AnalyticsPublic
from app.tables import FormatQ, csv_response, wants_csv
from queries.batches import without_plan_filters

router = APIRouter(prefix="/analytics", tags=["analytics"])
AnyLimit = Annotated[int, Query(ge=1, le=100000, description="rows to return")]
Offset = Annotated[int, Query(ge=0, description="rows to skip")]


def filters(plan: Annotated[list[str] | None, Query(description="plan id or source file name (repeat)")] = None,
            jurisdiction: Annotated[list[str] | None, Query(description="jurisdiction id or name (repeat)")] = None,
            level: Annotated[str | None, Query(description="jurisdiction level, e.g. city")] = None,
            function: Annotated[list[str] | None, Query(description="function code (repeat)")] = None,
            year: Annotated[int | None, Query(ge=1949, le=2100)] = None,
            harmonise: Annotated[bool, Query(description="map functions to their reform successors")] = False) -> dict:
    out = {"plan": plan, "jurisdiction": jurisdiction, "level": level, "function": function, "year": year}
    out = {k: (v[0] if isinstance(v, list) and len(v) == 1 else v) for k, v in out.items() if v}
    if harmonise:
        out["harmonise"] = True
    return out


FiltersDep = Annotated[dict, Depends(filters)]


def _answer(request: Request, fmt: str | None, measure: str, df: pd.DataFrame, used: dict, limit: int,
            offset: int, notes: dict | None = None, paged: bool = False):
    """The JSON (or CSV) answer. ``paged``: ``df`` is already the page asked for and
    ``df.attrs["total"]`` the whole answer's row count (see ``_page``)."""
    rows = queries.rows(df)
    columns = [str(c) for c in df.columns]
    if wants_csv(request, fmt):
        return csv_response(rows, f"{measure}.csv", columns)
    total = int(df.attrs.get("total", len(rows))) if paged else len(rows)
    return {"measure": measure, "filters": used, "columns": columns,
            "rows": rows if paged else rows[offset:offset + limit], "total": total, "notes": notes or {}}


def _page(request: Request, fmt: str | None, limit: int, offset: int) -> dict:
    """limit/offset for a measure that reads only its page (every row for CSV, which exports the whole answer)."""
    return {} if wants_csv(request, fmt) else {"limit": limit, "offset": offset}


@router.get("/ranking", response_model=AnalyticsPublic)
def ranking(store: StoreDep, request: Request, f: FiltersDep,
            by: Annotated[str, Query(pattern="^(agency|function)$")] = "agency", by_plan: bool = False,
            limit: AnyLimit = 100, offset: Offset = 0, format: FormatQ = None):
    """Lead-duty ranking per agency (or per function): tasks led, supported, lead share."""
    fn = queries.rank_agencies if by == "agency" else queries.rank_functions
    df = fn(store, by_plan=by_plan, **_page(request, format, limit, offset), **f)
    return _answer(request, format, f"ranking-{by}", df, {**f, "by": by}, limit, offset, paged=True)


@router.get("/centrality", response_model=AnalyticsPublic)
def centrality(store: StoreDep, request: Request, f: FiltersDep,
               graph: Annotated[str, Query(pattern="^(two_mode|co_responsibility|directed)$")] = "two_mode",
               per_plan: bool = False, k: Annotated[int | None, Query(ge=1, description="betweenness sample")] = None,
               limit: AnyLimit = 100, offset: Offset = 0, format: FormatQ = None):
    """Degree, weighted degree, betweenness, eigenvector, PageRank, closeness per agency."""
    df = queries.centrality(store, graph=graph, per_plan=per_plan, k=k, **f)
    notes = {"lead_weight": queries.LEAD_WEIGHT, "support_weight": queries.SUPPORT_WEIGHT}
    return _answer(request, format, f"centrality-{graph}", df, {**f, "graph": graph}, limit, offset, notes)


@router.get("/overload", response_model=AnalyticsPublic)
def overload(store: StoreDep, request: Request, f: FiltersDep, only_flagged: bool = False,
             min_leads: Annotated[int, Query(ge=1)] = 3, share: Annotated[float, Query(ge=0)] = 0.25,
             ratio: Annotated[float, Query(ge=0)] = 3.0, z: float = 2.0,
             require: Annotated[int, Query(ge=1, le=3)] = 2, limit: AnyLimit = 100, offset: Offset = 0,
             format: FormatQ = None):
    """Each leading agency against its peers, flagged by the rule (thresholds are parameters).
    ``notes.concentration`` holds the lead concentration of the plans on this page of rows."""
    rule = queries.OverloadRule(min_leads=min_leads, share=share, ratio=ratio, z=z, require=require)
    df = queries.overload(store, rule=rule, only_flagged=only_flagged, **_page(request, format, limit, offset), **f)
    on_page = sorted(set(df["plan_id"]))
    conc = queries.rows(queries.concentration(store, **without_plan_filters(f), plan=on_page)) if on_page else []
    notes = {"rule": vars(rule), "concentration": conc}
    return _answer(request, format, "overload", df, f, limit, offset, notes, paged=True)


@router.get("/orphans", response_model=AnalyticsPublic)
def orphans(store: StoreDep, request: Request, f: FiltersDep,
            category: Annotated[list[str] | None, Query(description="orphan category (repeat)")] = None,
            include_open_list: bool = True, summary: bool = False, limit: AnyLimit = 100, offset: Offset = 0,
            format: FormatQ = None):
    """Orphaned tasks with text and clause (``summary=true``: per-plan counts and rates)."""
    page = _page(request, format, limit, offset)
    if summary:
        df = queries.orphan_summary(store, **page, **f)
        return _answer(request, format, "orphan-summary", df, f, limit, offset, paged=True)
    df = queries.orphans(store, category=category, include_open_list=include_open_list, **page, **f)
    return _answer(request, format, "orphans", df, {**f, "category": category}, limit, offset, paged=True)


@router.get("/compare", response_model=AnalyticsPublic)
def compare(store: StoreDep, request: Request, f: FiltersDep,
            by: Annotated[str, Query(pattern="^(jurisdiction|plan)$")] = "jurisdiction",
            part: Annotated[str, Query(pattern="^(metrics|matrix|similarity|differences)$")] = "metrics",
            top: Annotated[int, Query(ge=1, le=1000)] = 10, limit: AnyLimit = 1000, offset: Offset = 0,
            format: FormatQ = None):
    """Plan metrics side by side (``part=metrics``), the function x jurisdiction matrix, similarity,
    and (two columns compared) the functions whose role differs most. ``rows`` holds ``part``;
    ``notes.tables`` holds the first ``limit`` rows of every part and ``notes.totals`` their
    row counts (comparing every jurisdiction of a national store gives millions of pairs)."""
    jur = f.pop("jurisdiction", None)
    jur = [jur] if isinstance(jur, str) else jur
    parts = queries.compare(store, jurisdictions=jur, by=by, top=top, **f)
    used = {**f, "jurisdiction": jur, "by": by, "part": part}
    notes = {"tables": {name: queries.rows(df.head(limit)) for name, df in parts.items()},
             "totals": {name: len(df) for name, df in parts.items()}}
    return _answer(request, format, f"compare-{part}", parts[part], used, limit, offset, notes)
