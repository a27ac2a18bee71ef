"""Aggregated reads for ranking and orphans: counted in the store when it can, else from frames.

A real store (``store.base.GraphStore``) counts leads, supports and orphan flags itself
(``agency_duties``, ``function_duties``, ``flagged_tasks``, ``task_flag_counts``), so a
ranking costs what its answer costs, not a read of every edge. A :class:`Snapshot`, or an
in-memory source without those reads (``queries.testing.TinyStore``), gets the same rows
computed here from its frames: the reference the store reads are tested against.

Plan filters are resolved first from the small reads (``plans_matching``, ``functions()``,
``jurisdictions()``) by :func:`scope`; with no plan filter no plan is read there, and the
answers read only the plans they name (:func:`plans_in_scope`).

Whole-store answers (no plan filter) of a store that keeps totals at write time
(``agency_totals``, ``flagged_page``, ``plan_flags``: :func:`keeps_totals`) are read a page
at a time from those totals, so they cost what the page costs.
"""

from __future__ import annotations

import pandas as pd

from loaders.records import LEVELS
from queries.frames import (FUNCTION_COLS, JURISDICTION_COLS, PLAN_COLS, Snapshot, _frame, resolve_plans,
                            snapshot)

PLAN_FILTERS = ("plan", "jurisdiction", "level", "year")
DUTY_READS = ("agency_duties", "function_duties", "flagged_tasks", "task_flag_counts", "agency_pairs",
              "plans_matching")
PLAN_SCOPE_COLS = ["id", "file", "jurisdiction_id", "jurisdiction", "level", "year", "task_count"]
TOTAL_READS = ("agency_totals", "flagged_page", "plan_flags")


def pushes_down(source) -> bool:
    """True when ``source`` counts in the store (has every aggregated read)."""
    return not isinstance(source, Snapshot) and all(hasattr(source, r) for r in DUTY_READS)


def keeps_totals(source) -> bool:
    """True when ``source`` counts in the store and keeps whole-store totals at write time."""
    return pushes_down(source) and all(hasattr(source, r) for r in TOTAL_READS)


def has_plan_filter(filters: dict) -> bool:
    """True when a plan-level filter (plan, jurisdiction, level, year) is given."""
    return any(_listed(filters.get(k)) is not None for k in PLAN_FILTERS)


def scope(source, filters: dict | None = None, jurisdictions: bool = True):
    """The small frames filters are resolved against: the full :class:`Snapshot` for a
    snapshot or an in-memory source, else a Snapshot holding only plans, functions and
    jurisdictions (the other frames empty). With no plan filter no plan is read (the plans
    frame is empty: see :func:`plans_in_scope`). With plan filters only the matching plans
    are read (``plans_matching``); when a plan or jurisdiction asked for matches nothing,
    every plan is read so that ``resolve_plans`` can say what is known. ``jurisdictions``
    False: the jurisdictions frame is left empty (not read)."""
    if not pushes_down(source):
        return snapshot(source)
    empty = pd.DataFrame()
    filters = filters or {}
    if not has_plan_filter(filters):
        plans = pd.DataFrame(columns=PLAN_SCOPE_COLS)
    else:
        plans = _matching(source, filters)
        if plans is None:
            plans = pd.DataFrame.from_records(source.plans(), columns=PLAN_COLS)  # no object/None conversion: ~10x faster
    return Snapshot(plans=plans, tasks=empty, agencies=empty, collectives=empty,
                    jurisdictions=_text_frame(source.jurisdictions() if jurisdictions else [], JURISDICTION_COLS),
                    functions=_text_frame(source.functions(), FUNCTION_COLS), edges=empty)


def _text_frame(rows: list[dict], cols: list[str]) -> pd.DataFrame:
    """Rows whose values are all text or None as a frame of objects (None kept): what
    ``frames._frame`` gives for such rows, ~6x faster (this runs on every scoped call)."""
    return pd.DataFrame(list(rows), columns=cols, dtype=object)


def _listed(value) -> list | None:
    if value is None or (not isinstance(value, (str, int)) and not list(value)):
        return None
    return [value] if isinstance(value, (str, int)) else list(value)


def _matching(source, filters: dict) -> pd.DataFrame | None:
    """The plans the plan filters keep, read from the store, or None (read every plan)."""
    wanted = {k: _listed(filters.get(k)) for k in PLAN_FILTERS}
    if all(v is None for v in wanted.values()) or (wanted["level"] and set(wanted["level"]) - set(LEVELS)):
        return None
    try:
        years = None if wanted["year"] is None else [int(y) for y in wanted["year"]]
    except (TypeError, ValueError):
        return None
    rows = source.plans_matching(plans=wanted["plan"], jurisdictions=wanted["jurisdiction"],
                                 levels=wanted["level"], years=years)
    plans = pd.DataFrame.from_records(rows, columns=PLAN_SCOPE_COLS)
    named = set(plans["id"]) | set(plans["file"])
    if any(p not in named for p in wanted["plan"] or []):
        return None
    for j in wanted["jurisdiction"] or []:
        if not ((plans["jurisdiction"] == j) | (plans["jurisdiction_id"] == j)).any():
            return None
    return plans


def plans_in_scope(source, snap: Snapshot, ids: list[str] | None, named=None) -> pd.DataFrame:
    """Plan facts (at least ``PLAN_SCOPE_COLS``) of the plans in scope: ``ids`` (a plan filter's,
    already in the scope), or with ``ids`` None every plan, or only the plans ``named`` (e.g.
    the plans of a page of rows) read by id."""
    if ids is not None or not pushes_down(source):
        plans = snap.plans if ids is None else snap.plans[snap.plans["id"].isin(ids)]
        return plans if named is None else plans[plans["id"].isin(set(named))]
    if named is None:
        return pd.DataFrame.from_records(source.plans(), columns=PLAN_COLS)
    named = sorted({p for p in named if p is not None})
    plans = pd.DataFrame.from_records(source.plans_matching(plans=named) if named else [], columns=PLAN_SCOPE_COLS)
    return plans[plans["id"].isin(named)]


def task_total(source, snap: Snapshot, ids: list[str] | None) -> int:
    """Tasks of the plans in scope (every plan with ``ids`` None): the pooled denominator."""
    if ids is None and keeps_totals(source):
        return int(source.plan_flags(limit=0)["totals"]["tasks"])
    plans = plans_in_scope(source, snap, ids)
    return int(plans["task_count"].fillna(0).astype(int).sum())


def page(df: pd.DataFrame, limit: int | None, offset: int, total: int | None = None) -> pd.DataFrame:
    """Rows ``offset`` .. ``offset + limit`` of a whole answer (``limit`` None: to the end), with
    ``df.attrs["total"]`` the whole answer's row count (``total`` when the rows are a page already)."""
    n = len(df) if total is None else total
    if total is None and (offset or limit is not None):
        df = df.iloc[offset:None if limit is None else offset + limit].reset_index(drop=True)
    df.attrs["total"] = int(n)
    return df


def plan_ids(snap: Snapshot, filters: dict) -> list[str] | None:
    """Ids of the plans the plan filters keep, or None when no plan filter is given (every plan)."""
    plan_filters = {k: v for k, v in filters.items() if k in PLAN_FILTERS}
    if not any(v not in (None, [], ()) for v in plan_filters.values()):
        return None
    return resolve_plans(snap, **plan_filters)


def agency_duties(source, snap: Snapshot, ids: list[str] | None, by_plan: bool) -> pd.DataFrame:
    """Rows of ``agency_duties``: plan_id, agency_id, name, jurisdiction_id, function, leads, supports."""
    cols = ["plan_id", "agency_id", "name", "jurisdiction_id", "function", "leads", "supports"]
    if pushes_down(source):
        return _frame(source.agency_duties(ids, by_plan=by_plan), cols)
    e = _duty_edges(snap, ids).merge(
        snap.agencies[["id", "name", "jurisdiction_id", "function"]].rename(columns={"id": "source_id"}),
        on="source_id")
    if e.empty:
        return pd.DataFrame(columns=cols)
    e["plan_id"] = e["plan_id"] if by_plan else None
    e["leads"], e["supports"] = e["type"] == "LEADS", e["type"] == "SUPPORTS"
    keys = ["plan_id", "source_id", "name", "jurisdiction_id", "function"]
    out = e.groupby(keys, dropna=False)[["leads", "supports"]].sum().astype(int).reset_index()
    return out.rename(columns={"source_id": "agency_id"})[cols]


def function_duties(source, snap: Snapshot, ids: list[str] | None, by_plan: bool,
                    successors: dict[str, str]) -> pd.DataFrame:
    """Rows of ``function_duties``: plan_id, function, agencies, leads, supports, total (distinct)."""
    cols = ["plan_id", "function", "agencies", "leads", "supports", "total"]
    if pushes_down(source):
        return _frame(source.function_duties(ids, by_plan=by_plan, successors=successors), cols)
    fn = dict(zip(snap.agencies["id"], snap.agencies["function"]))
    e = _duty_edges(snap, ids)
    e = e[e["source_id"].isin(fn)]
    if e.empty:
        return pd.DataFrame(columns=cols)
    e = e.assign(function=e["source_id"].map(fn).map(lambda c: successors.get(c, c) if c else None),
                 plan_id=e["plan_id"] if by_plan else None)
    e["led"] = e["task_id"].where(e["type"] == "LEADS")
    e["supported"] = e["task_id"].where(e["type"] == "SUPPORTS")
    g = e.groupby(["plan_id", "function"], dropna=False)
    out = pd.DataFrame({"agencies": g["source_id"].nunique(), "leads": g["led"].nunique(),
                        "supports": g["supported"].nunique(), "total": g["task_id"].nunique()})
    return out.reset_index()[cols]


def flagged_tasks_frame(rows, named: bool = False) -> pd.DataFrame:
    """Rows of ``flagged_tasks`` (or, ``named``, ``flagged_page``: with plan and jurisdiction) as a
    frame with the task columns and ``units``."""
    from queries.frames import TASK_COLS

    return _frame(rows, [*TASK_COLS, "units", *(["plan", "jurisdiction"] if named else [])])


def flagged_tasks(source, snap: Snapshot, ids: list[str] | None, functions: list[str] | None) -> pd.DataFrame:
    """Rows of ``flagged_tasks``: orphaned or open-list tasks with their ``units`` in clause order."""
    from queries.frames import TASK_COLS

    cols = [*TASK_COLS, "units"]
    if pushes_down(source):
        return _frame(source.flagged_tasks(ids, functions=functions), cols)
    t = _tasks(snap, ids, functions)
    t = t[t["orphan"].notna() | t["open_list"].fillna(False).astype(bool)]
    named = snap.edges[snap.edges["task_id"].isin(t["id"])].sort_values(["task_id", "position", "type", "source_id"])
    units = named.groupby("task_id")["mention"].agg(list)
    t = t.assign(units=t["id"].map(units))
    t["units"] = t["units"].map(lambda v: v if isinstance(v, list) else [])
    return t[cols].reset_index(drop=True)


def task_flag_counts(source, snap: Snapshot, ids: list[str] | None, functions: list[str] | None) -> pd.DataFrame:
    """Rows of ``task_flag_counts``: plan_id, orphan, open_list, tasks."""
    cols = ["plan_id", "orphan", "open_list", "tasks"]
    if pushes_down(source):
        return _frame(source.task_flag_counts(ids, functions=functions), cols)
    t = _tasks(snap, ids, functions)
    if t.empty:
        return pd.DataFrame(columns=cols)
    out = t.groupby(["plan_id", "orphan", "open_list"], dropna=False).size().rename("tasks").reset_index()
    return out[cols]


def _duty_edges(snap: Snapshot, ids) -> pd.DataFrame:
    e = snap.edges[snap.edges["type"].isin(["LEADS", "SUPPORTS"])] if len(snap.edges) else snap.edges
    return e if ids is None or e.empty else e[e["plan_id"].isin(ids)]


def _tasks(snap: Snapshot, ids, functions) -> pd.DataFrame:
    t = snap.tasks if ids is None else snap.tasks[snap.tasks["plan_id"].isin(ids)]
    if functions is not None:
        a = snap.agencies
        agencies = set(a.loc[a["function"].isin(functions), "id"])
        e = _duty_edges(snap, ids)
        t = t[t["id"].isin(set(e.loc[e["source_id"].isin(agencies), "task_id"]))]
    return t
