"""Lead-duty ranking: who leads, who supports, per agency and per function.

Counts are of distinct tasks: an agency named twice in one clause counts once.
``lead_share`` is tasks led divided by the tasks of the plans in scope (the plan's
tasks when one plan is selected, or per plan with ``by_plan=True``; all tasks of the
filtered plans when pooled). ``lead_support_ratio`` is leads / supports, empty when
the agency supports nothing.

The counting happens in the store (``agency_duties`` / ``function_duties``, see
``queries.aggregates``): plan filters become plan ids first, the function filter is
applied to the counted rows, so a ranking costs what its answer costs. The whole-store
agency ranking (no plan filter, pooled) of a store keeping totals at write time is read a
page at a time (``limit`` / ``offset``) from ``agency_totals``, so it costs what the page costs.
Every answer carries ``df.attrs["total"]``, its row count before paging.
"""

from __future__ import annotations

import pandas as pd

from queries import aggregates as agg
from queries.frames import _frame, _function_names, check_functions, split_filters, successor_map

AGENCY_RANK_COLS = ["agency_id", "agency", "jurisdiction", "function", "function_en", "leads", "supports",
                    "total", "tasks", "lead_share", "lead_support_ratio"]
FUNCTION_RANK_COLS = ["function", "function_zh", "function_en", "agencies", "leads", "supports", "total",
                      "tasks", "lead_share", "lead_support_ratio"]


def _prepare(source, filters: dict, jurisdictions: bool = True):
    """(scope snapshot, plan ids or None, wanted function codes, successor map or {})."""
    filters = split_filters(filters)
    snap = agg.scope(source, filters, jurisdictions=jurisdictions)
    wanted = check_functions(snap, filters.get("function"))
    ids = agg.plan_ids(snap, filters)
    succ = successor_map(snap) if filters.get("harmonise") else {}
    return snap, ids, [succ.get(c, c) for c in wanted], succ


def _finish(out: pd.DataFrame, source, snap, ids, by_plan: bool, tasks: int | None = None) -> pd.DataFrame:
    """Add plan names (by plan), the task denominators, lead share and lead/support ratio
    (``tasks``: the pooled denominator when already known)."""
    for col in ("leads", "supports", "total"):
        out[col] = out[col].astype(int)
    if by_plan:
        plans = agg.plans_in_scope(source, snap, ids, named=out["plan_id"] if ids is None else None)
        counts = dict(zip(plans["id"], plans["task_count"].fillna(0).astype(int)))
        out["plan"] = out["plan_id"].map(dict(zip(plans["id"], plans["file"])))
        out["tasks"] = out["plan_id"].map(counts).fillna(0).astype(int)
    else:
        out["tasks"] = agg.task_total(source, snap, ids) if tasks is None else int(tasks)
    out["lead_share"] = (out["leads"] / out["tasks"].where(out["tasks"] > 0)).astype(float)
    out["lead_support_ratio"] = (out["leads"] / out["supports"].where(out["supports"] > 0)).astype(float)
    return out


def _agency_rows(out: pd.DataFrame, snap, succ: dict) -> pd.DataFrame:
    """Agency-duty rows (agency_id, agency, jurisdiction_id, function, leads, supports) with
    harmonised function, jurisdiction name, English function name and total."""
    out["function"] = out["function"].map(lambda c: succ.get(c, c) if c else c)
    if "jurisdiction" not in out:  # the totals' rows name it already
        out["jurisdiction"] = out["jurisdiction_id"].map(dict(zip(snap.jurisdictions["id"], snap.jurisdictions["name"])))
    out["function_en"] = out["function"].map(_function_names(snap)[1])
    out["total"] = out["leads"].astype(int) + out["supports"].astype(int)  # LEADS and SUPPORTS exclude each other
    return out


def _ranked_from_totals(source, snap, wanted, succ, limit, offset) -> pd.DataFrame:
    """The whole-store pooled ranking, one page of it, from ``agency_totals``."""
    functions = None
    if wanted:  # agencies whose (harmonised) function is asked for
        codes = set(snap.functions["code"]) | set(wanted)
        functions = sorted(c for c in codes if succ.get(c, c) in set(wanted))
    got = source.agency_totals(functions=functions, limit=limit, offset=offset)
    cols = ["agency_id", "name", "jurisdiction_id", "jurisdiction", "function", "leads", "supports"]
    out = _agency_rows(_frame(got["rows"], cols).rename(columns={"name": "agency"}), snap, succ)
    out = _finish(out, source, snap, None, False, tasks=got["tasks"])
    return agg.page(out[AGENCY_RANK_COLS].reset_index(drop=True), limit, offset, total=got["count"])


def rank_agencies(source, by_plan: bool = False, limit: int | None = None, offset: int = 0,
                  **filters) -> pd.DataFrame:
    """Agencies ranked by tasks led (then by tasks named, then name).

    Parameters
    ----------
    source : GraphStore or Snapshot
    by_plan : bool
        One row per (plan, agency) with the plan's own task count as denominator.
    limit, offset : int, optional
        Only rows ``offset`` .. ``offset + limit`` of the ranking (``attrs["total"]``: all rows).
    **filters
        plan, jurisdiction, level, function, year, harmonise (see ``queries.frames``).

    Returns
    -------
    DataFrame with ``AGENCY_RANK_COLS`` (plus ``plan_id``, ``plan`` first when ``by_plan``).

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> df = rank_agencies(TinyStore.example())   # one plan of six tasks
    >>> [(r.agency, r.leads, r.supports, round(r.lead_share, 3)) for r in df.itertuples()]
    [('A局', 2, 0, 0.333), ('B局', 1, 2, 0.167), ('C局', 0, 2, 0.0)]
    """
    from_totals = not by_plan and agg.keeps_totals(source) and not agg.has_plan_filter(filters)
    snap, ids, wanted, succ = _prepare(source, filters, jurisdictions=not from_totals)
    if from_totals:
        return _ranked_from_totals(source, snap, wanted, succ, limit, offset)
    out = _agency_rows(agg.agency_duties(source, snap, ids, by_plan).rename(columns={"name": "agency"}), snap, succ)
    if wanted:
        out = out[out["function"].isin(wanted)].copy()
    out = _finish(out, source, snap, ids, by_plan)
    order = (["plan_id"] if by_plan else []) + ["leads", "total", "agency", "agency_id"]
    asc = ([True] if by_plan else []) + [False, False, True, True]
    out = out.sort_values(order, ascending=asc, kind="stable").reset_index(drop=True)
    return agg.page(out[(["plan_id", "plan"] if by_plan else []) + AGENCY_RANK_COLS], limit, offset)


def rank_functions(source, by_plan: bool = False, limit: int | None = None, offset: int = 0,
                   **filters) -> pd.DataFrame:
    """Functions ranked by distinct tasks led by any agency of that function.

    ``agencies`` is the number of distinct agencies of the function named in scope;
    with ``harmonise=True`` pre-2018 functions are counted under today's successor.
    Agencies with no function are counted under ``unclassified``.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> df = rank_functions(TinyStore.example())
    >>> [(r.function, r.agencies, r.leads, r.supports, r.total) for r in df.itertuples()]
    [('fa', 1, 2, 0, 2), ('fb', 2, 1, 3, 4)]
    """
    snap, ids, wanted, succ = _prepare(source, filters)
    moved = {code: to for code, to in succ.items() if code != to}
    out = agg.function_duties(source, snap, ids, by_plan, moved)
    if wanted:
        out = out[out["function"].isin(wanted)].copy()
    zh, en = _function_names(snap)
    out["function_zh"] = out["function"].map(zh)
    out["function_en"] = out["function"].map(en)
    out["function"] = out["function"].fillna("unclassified")
    out["agencies"] = out["agencies"].astype(int)
    out = _finish(out, source, snap, ids, by_plan)
    order = (["plan_id"] if by_plan else []) + ["leads", "total", "function"]
    asc = ([True] if by_plan else []) + [False, False, True]
    out = out.sort_values(order, ascending=asc, kind="stable").reset_index(drop=True)
    return agg.page(out[(["plan_id", "plan"] if by_plan else []) + FUNCTION_RANK_COLS], limit, offset)
