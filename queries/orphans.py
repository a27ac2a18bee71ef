"""Orphaned tasks, for coordinators: tasks nobody specific is answerable for.

Categories (the task's ``orphan`` field, set at extraction; see ``loaders.records.TaskRecord``):

- ``unassigned``: no responsibility clause at all;
- ``collective_only``: the clause names only vague entries (各有关单位, 各县(市、区)政府 ...);
- ``leaderless``: several specific units, none leads (joint: 按职责分工负责);
- ``lead_is_collective``: the lead position is taken by a collective entry.

``open_list`` (the list ends in 等, so more units are implied) is a softer flag, reported
beside the categories: an open-list task with a lead has category ``open_list``.

Over the whole store (no plan or function filter) a store keeping totals at write time
answers a page at a time (``limit`` / ``offset``): the rows from ``flagged_page``, the
counts from ``plan_flags``. Every answer carries ``df.attrs["total"]``, its row count
before paging.
"""

from __future__ import annotations

import pandas as pd

from agencynet.errors import BadFilter
from loaders.records import ORPHAN_CATEGORIES
from queries import aggregates as agg
from queries.frames import check_functions, split_filters, successor_map

CATEGORIES = (*ORPHAN_CATEGORIES, "open_list")
ORPHAN_COLS = ["plan_id", "plan", "jurisdiction", "task_id", "seq", "path", "heading", "category", "open_list",
               "lead_basis", "clause", "text", "units"]
SUMMARY_COLS = ["plan_id", "plan", "jurisdiction", "tasks", *ORPHAN_CATEGORIES, "orphans", "orphan_rate",
                "open_list", "open_list_rate"]


def _scope(source, filters: dict):
    """(scope snapshot, plan ids or None, function codes an agency must have, or None).

    With ``harmonise`` the function filter matches every code whose successor is the
    successor of a code asked for (quality_supervision finds market_regulation too)."""
    filters = split_filters(dict(filters))
    snap = agg.scope(source, filters, jurisdictions=False)  # plan facts come with the plans
    wanted = check_functions(snap, filters.get("function"))
    functions = None
    if wanted:
        functions = set(wanted)
        if filters.get("harmonise"):
            succ = successor_map(snap)
            target = {succ.get(c, c) for c in wanted}
            functions |= {c for c in succ if succ[c] in target}
        functions = sorted(functions)
    return snap, agg.plan_ids(snap, filters), functions


def _plan_facts(source, snap, ids, frame: pd.DataFrame) -> pd.DataFrame:
    plans = agg.plans_in_scope(source, snap, ids, named=frame["plan_id"]).set_index("id")
    return frame.assign(plan=frame["plan_id"].map(plans["file"]), jurisdiction=frame["plan_id"].map(plans["jurisdiction"]))


def _wanted_categories(category, include_open_list: bool) -> list[str]:
    wanted = [category] if isinstance(category, str) else list(category or [])
    for c in wanted:
        if c not in CATEGORIES:
            raise BadFilter(f"category: unknown orphan category {c!r} (one of {', '.join(CATEGORIES)})")
    return [c for c in (wanted or CATEGORIES) if c != "open_list" or include_open_list]


def _flagged_frame(rows, named: bool = False) -> pd.DataFrame:
    tasks = agg.flagged_tasks_frame(rows, named).rename(columns={"id": "task_id"})
    tasks = tasks.assign(category=tasks["orphan"], open_list=tasks["open_list"].fillna(False).astype(bool))
    tasks.loc[tasks["category"].isna() & tasks["open_list"], "category"] = "open_list"
    return tasks


def orphans(source, category=None, include_open_list: bool = True, limit: int | None = None, offset: int = 0,
            **filters) -> pd.DataFrame:
    """The orphaned tasks, in plan and document order, with text, clause and units named.

    Parameters
    ----------
    source : GraphStore or Snapshot
    category : str or list of str, optional
        Keep only these categories (see ``CATEGORIES``).
    include_open_list : bool
        Also list tasks that have a lead but an open list (category ``open_list``).
    limit, offset : int, optional
        Only rows ``offset`` .. ``offset + limit`` (``attrs["total"]``: all rows).
    **filters : plan, jurisdiction, level, year; ``function`` keeps tasks naming that function.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> df = orphans(TinyStore.example())
    >>> [(r.seq, r.category, r.open_list) for r in df.itertuples()]
    [(4, 'unassigned', False), (5, 'leaderless', True), (6, 'collective_only', False)]
    """
    cats = _wanted_categories(category, include_open_list)
    snap, ids, functions = _scope(source, filters)
    if ids is None and functions is None and agg.keeps_totals(source):
        totals = source.plan_flags(limit=0)["totals"]
        count = sum(totals["open_only" if c == "open_list" else c] for c in cats)
        out = _flagged_frame(source.flagged_page(cats, limit=limit, offset=offset), named=True)
        return agg.page(out[ORPHAN_COLS].reset_index(drop=True), limit, offset, total=count)
    tasks = _flagged_frame(agg.flagged_tasks(source, snap, ids, functions).to_dict("records"))
    out = tasks[tasks["category"].isin(cats)]
    out = _plan_facts(source, snap, ids, out)
    return agg.page(out[ORPHAN_COLS].reset_index(drop=True), limit, offset)


def orphan_summary(source, limit: int | None = None, offset: int = 0, **filters) -> pd.DataFrame:
    """Per plan: task count, count of each orphan category, orphans, orphan rate, open lists.

    ``orphan_rate`` = orphaned tasks / tasks (open lists not counted);
    ``open_list_rate`` = tasks with an open list / tasks.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> r = orphan_summary(TinyStore.example()).iloc[0]
    >>> int(r.tasks), int(r.unassigned), int(r.leaderless), int(r.orphans), float(r.orphan_rate)
    (6, 1, 1, 3, 0.5)
    """
    snap, ids, functions = _scope(source, filters)
    if ids is None and functions is None and agg.keeps_totals(source):
        return _summary_from_totals(source, snap, limit, offset)
    counts = agg.task_flag_counts(source, snap, ids, functions)
    if counts.empty:
        return agg.page(pd.DataFrame(columns=SUMMARY_COLS), limit, offset)
    n = counts["tasks"].astype(int)
    flags = pd.DataFrame({c: n.where(counts["orphan"] == c, 0) for c in ORPHAN_CATEGORIES})
    flags["orphans"] = n.where(counts["orphan"].notna(), 0)
    flags["open_list"] = n.where(counts["open_list"].fillna(False).astype(bool), 0)
    flags["tasks"] = n
    out = flags.groupby(counts["plan_id"], sort=True).sum().astype(int)
    out = _plan_facts(source, snap, ids, out.rename_axis("plan_id").reset_index())
    return agg.page(_rates(out), limit, offset)


def _rates(out: pd.DataFrame) -> pd.DataFrame:
    out["orphan_rate"] = out["orphans"] / out["tasks"]
    out["open_list_rate"] = out["open_list"] / out["tasks"]
    return out[SUMMARY_COLS].reset_index(drop=True)


def _summary_from_totals(source, snap, limit, offset) -> pd.DataFrame:
    """One page of the whole-store summary from the per-plan counts kept at write time."""
    got = source.plan_flags(limit=limit, offset=offset)
    out = pd.DataFrame(got["rows"], columns=["plan_id", "plan", "jurisdiction", "tasks", *ORPHAN_CATEGORIES,
                                             "open_list", "open_only"])
    for c in ("tasks", *ORPHAN_CATEGORIES, "open_list"):
        out[c] = out[c].astype(int)
    out["orphans"] = out[list(ORPHAN_CATEGORIES)].sum(axis=1).astype(int)
    return agg.page(_rates(out), limit, offset, total=got["count"])
