"""Orphaned tasks, for coordinators: tasks nobody specific is answerable for.

Categories (the task's ``orphan`` field, set at extraction; see ``loaders.records.TaskRecord``):

- ``unassigned``: no responsibility clause at all;
- ``collective_only``: the clause names only vague entries (各有关单位, 各县(市、区)政府 ...);
- ``leaderless``: several specific units, none leads (joint: 按职责分工负责);
- ``lead_is_collective``: the lead position is taken by a collective entry.

``open_list`` (the list ends in 等, so more units are implied) is a softer flag, reported
beside the categories: an open-list task with a lead has category ``open_list``.
"""

from __future__ import annotations

import pandas as pd

from agencynet.errors import BadFilter
from loaders.records import ORPHAN_CATEGORIES
from queries.frames import assignments_frame, snapshot, split_filters, tasks_frame

CATEGORIES = (*ORPHAN_CATEGORIES, "open_list")
ORPHAN_COLS = ["plan_id", "plan", "jurisdiction", "task_id", "seq", "path", "heading", "category", "open_list",
               "lead_basis", "clause", "text", "units"]
SUMMARY_COLS = ["plan_id", "plan", "jurisdiction", "tasks", *ORPHAN_CATEGORIES, "orphans", "orphan_rate",
                "open_list", "open_list_rate"]


def _scoped_tasks(source, filters: dict) -> pd.DataFrame:
    filters = split_filters(dict(filters))
    snap = snapshot(source)
    plan_filters = {k: v for k, v in filters.items() if k in ("plan", "jurisdiction", "level", "year")}
    tasks = tasks_frame(snap, **plan_filters)
    if filters.get("function"):
        named = assignments_frame(snap, **filters)
        tasks = tasks[tasks["task_id"].isin(named["task_id"])]
    return tasks


def orphans(source, category=None, include_open_list: bool = True, **filters) -> pd.DataFrame:
    """The orphaned tasks, in plan and document order, with text, clause and units named.

    Parameters
    ----------
    source : GraphStore or Snapshot
    category : str or list of str, optional
        Keep only these categories (see ``CATEGORIES``).
    include_open_list : bool
        Also list tasks that have a lead but an open list (category ``open_list``).
    **filters : plan, jurisdiction, level, year; ``function`` keeps tasks naming that function.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> df = orphans(TinyStore.example())
    >>> [(r.seq, r.category, r.open_list) for r in df.itertuples()]
    [(4, 'unassigned', False), (5, 'leaderless', True), (6, 'collective_only', False)]
    """
    wanted = [category] if isinstance(category, str) else list(category or [])
    for c in wanted:
        if c not in CATEGORIES:
            raise BadFilter(f"category: unknown orphan category {c!r} (one of {', '.join(CATEGORIES)})")
    snap = snapshot(source)
    tasks = _scoped_tasks(snap, filters)
    tasks = tasks.assign(category=tasks["orphan"])
    soft = tasks["category"].isna() & tasks["open_list"].astype(bool)
    tasks.loc[soft, "category"] = "open_list"
    keep = tasks["orphan"].notna() | (soft & include_open_list)
    out = tasks[keep]
    if wanted:
        out = out[out["category"].isin(wanted)]
    names = snap.edges[snap.edges["task_id"].isin(out["task_id"])].sort_values(["task_id", "position"])
    units = names.groupby("task_id")["mention"].agg(list)
    out = out.assign(units=out["task_id"].map(units), open_list=out["open_list"].astype(bool))
    out["units"] = out["units"].map(lambda v: v if isinstance(v, list) else [])
    return out[ORPHAN_COLS].reset_index(drop=True)


def orphan_summary(source, **filters) -> pd.DataFrame:
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
    tasks = _scoped_tasks(source, filters)
    if tasks.empty:
        return pd.DataFrame(columns=SUMMARY_COLS)
    flags = pd.DataFrame({c: tasks["orphan"] == c for c in ORPHAN_CATEGORIES})
    flags["orphans"] = tasks["orphan"].notna()
    flags["open_list"] = tasks["open_list"].astype(bool)
    flags["tasks"] = 1
    out = flags.groupby(tasks["plan_id"], sort=True).sum().astype(int)
    first = tasks.drop_duplicates("plan_id").set_index("plan_id")
    out["plan"] = first["plan"]
    out["jurisdiction"] = first["jurisdiction"]
    out["orphan_rate"] = out["orphans"] / out["tasks"]
    out["open_list_rate"] = out["open_list"] / out["tasks"]
    return out.reset_index()[SUMMARY_COLS]
