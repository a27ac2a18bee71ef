"""Lead-duty ranking: who leads, who supports, per agency and per function.

Counts are of distinct tasks: an agency named twice in one clause counts once.
``lead_share`` is tasks led divided by the tasks of the plans in scope (the plan's
tasks when one plan is selected, or per plan with ``by_plan=True``; all tasks of the
filtered plans when pooled). ``lead_support_ratio`` is leads / supports, empty when
the agency supports nothing.
"""

from __future__ import annotations

import pandas as pd

from queries.frames import assignments_frame, snapshot, split_filters, tasks_frame

AGENCY_RANK_COLS = ["agency_id", "agency", "jurisdiction", "function", "function_en", "leads", "supports",
                    "total", "tasks", "lead_share", "lead_support_ratio"]
FUNCTION_RANK_COLS = ["function", "function_zh", "function_en", "agencies", "leads", "supports", "total",
                      "tasks", "lead_share", "lead_support_ratio"]


def _task_totals(snap, filters: dict, by_plan: bool):
    plan_filters = {k: v for k, v in filters.items() if k in ("plan", "jurisdiction", "level", "year")}
    t = tasks_frame(snap, **plan_filters)
    if by_plan:
        return t.groupby("plan_id")["task_id"].nunique()
    return len(t)


def _count(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Distinct tasks led / supported / named per group."""
    g = df.groupby(keys, dropna=False)
    out = pd.DataFrame({
        "leads": df[df["type"] == "LEADS"].groupby(keys, dropna=False)["task_id"].nunique(),
        "supports": df[df["type"] == "SUPPORTS"].groupby(keys, dropna=False)["task_id"].nunique(),
        "total": g["task_id"].nunique(),
    }).fillna(0).astype(int)
    return out.reset_index()


def _finish(out: pd.DataFrame, totals, by_plan: bool) -> pd.DataFrame:
    if by_plan:
        out["tasks"] = out["plan_id"].map(totals).fillna(0).astype(int)
    else:
        out["tasks"] = int(totals)
    out["lead_share"] = (out["leads"] / out["tasks"].where(out["tasks"] > 0)).astype(float)
    out["lead_support_ratio"] = (out["leads"] / out["supports"].where(out["supports"] > 0)).astype(float)
    return out


def rank_agencies(source, by_plan: bool = False, **filters) -> pd.DataFrame:
    """Agencies ranked by tasks led (then by tasks named, then name).

    Parameters
    ----------
    source : GraphStore or Snapshot
    by_plan : bool
        One row per (plan, agency) with the plan's own task count as denominator.
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
    filters = split_filters(filters)
    snap = snapshot(source)
    df = assignments_frame(snap, collectives=False, **filters)
    keys = (["plan_id", "plan"] if by_plan else []) + ["source_id", "agency", "jurisdiction", "function",
                                                      "function_en"]
    out = _count(df, keys) if len(df) else pd.DataFrame(columns=keys + ["leads", "supports", "total"])
    out = _finish(out, _task_totals(snap, filters, by_plan), by_plan).rename(columns={"source_id": "agency_id"})
    order = (["plan_id"] if by_plan else []) + ["leads", "total", "agency", "agency_id"]
    asc = ([True] if by_plan else []) + [False, False, True, True]
    out = out.sort_values(order, ascending=asc, kind="stable").reset_index(drop=True)
    return out[(["plan_id", "plan"] if by_plan else []) + AGENCY_RANK_COLS]


def rank_functions(source, by_plan: bool = False, **filters) -> pd.DataFrame:
    """Functions ranked by distinct tasks led by any agency of that function.

    ``agencies`` is the number of distinct agencies of the function named in scope;
    with ``harmonise=True`` pre-2018 functions are counted under today's successor.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> df = rank_functions(TinyStore.example())
    >>> [(r.function, r.agencies, r.leads, r.supports, r.total) for r in df.itertuples()]
    [('fa', 1, 2, 0, 2), ('fb', 2, 1, 3, 4)]
    """
    filters = split_filters(filters)
    snap = snapshot(source)
    df = assignments_frame(snap, collectives=False, **filters)
    df = df.assign(function=df["function"].fillna("unclassified"))
    keys = (["plan_id", "plan"] if by_plan else []) + ["function", "function_zh", "function_en"]
    if len(df):
        out = _count(df, keys)
        n = df.groupby(keys, dropna=False)["source_id"].nunique().rename("agencies").reset_index()
        out = out.merge(n, on=keys, how="left")
    else:
        out = pd.DataFrame(columns=keys + ["leads", "supports", "total", "agencies"])
    out = _finish(out, _task_totals(snap, filters, by_plan), by_plan)
    order = (["plan_id"] if by_plan else []) + ["leads", "total", "function"]
    asc = ([True] if by_plan else []) + [False, False, True]
    out = out.sort_values(order, ascending=asc, kind="stable").reset_index(drop=True)
    return out[(["plan_id", "plan"] if by_plan else []) + FUNCTION_RANK_COLS]
