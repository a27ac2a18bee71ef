"""Answers over many plans, computed a batch of plans at a time.

Overload, concentration and plan metrics are figures *per plan*, and the function matrix
sums counts of distinct tasks, each task belonging to one plan. So their answer over many
plans is the answers over batches of those plans put together. When a store's scope holds
more than ``BATCH_PLANS`` plans (the whole store, a level, many jurisdictions), these
queries read and compute one batch at a time: each read (one Neo4j transaction) holds one
batch's rows, and memory the batch plus the answer, instead of every task and edge at once.
At 100,000 plans the one-read way ran into Neo4j's transaction memory limit and took
~10 GB of memory in the embedded store (docs/performance.md).

A :class:`queries.frames.Snapshot` or an in-memory source is answered at once, as before:
it holds its rows already.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

import pandas as pd

from queries import aggregates as agg
from queries.frames import Snapshot, _scoped, scoped_snapshot

BATCH_PLANS = 2000


def plans_in_scope(source, filters: dict, above: int | None = None) -> list[dict] | None:
    """Plan rows (``store.plans()`` rows, with tasks) the plan filters keep, in id order, when
    ``source`` is a store and they are more than ``above`` (default ``BATCH_PLANS``); else None
    (answer at once).

    Raises :class:`agencynet.errors.BadFilter` for an unknown plan, jurisdiction, level or year
    (as the one-read answer would)."""
    above = BATCH_PLANS if above is None else above
    if not (agg.pushes_down(source) and hasattr(source, "source_facts")):
        return None
    if agg.has_plan_filter(filters):
        snap = agg.scope(source, filters, jurisdictions=False)
        ids = agg.plan_ids(snap, filters)
        if len(ids) <= above:
            return None
        wanted = set(ids)
        rows = [p for p in source.plans() if p["id"] in wanted]
    else:
        rows = source.plans()
    rows = sorted((p for p in rows if p.get("task_count")), key=lambda p: p["id"])
    return rows if len(rows) > above else None


def chunks(rows: list, size: int | None = None) -> Iterator[list]:
    """``rows`` cut into lists of ``size`` (default ``BATCH_PLANS``)."""
    size = size or BATCH_PLANS
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


def without_plan_filters(filters: dict) -> dict:
    """``filters`` less the plan filters (the others, e.g. function and harmonise, kept)."""
    return {k: v for k, v in filters.items() if k not in agg.PLAN_FILTERS}


def narrowed(filters: dict, plan_rows: list[dict]) -> dict:
    """``filters`` with the plan filters replaced by the ids of ``plan_rows``."""
    return {**without_plan_filters(filters), "plan": [p["id"] for p in plan_rows]}


def per_batch(source, filters: dict, answer: Callable[[dict], pd.DataFrame]) -> Iterator[pd.DataFrame] | None:
    """``answer(filters)`` for each batch of the plans in scope (filters narrowed to the batch),
    or None when the scope is answered at once (see :func:`plans_in_scope`)."""
    rows = plans_in_scope(source, filters)
    if rows is None:
        return None
    return (answer(narrowed(filters, batch)) for batch in chunks(rows))


def snapshots(source, filters: dict) -> Iterator[Snapshot] | None:
    """A :class:`Snapshot` of each batch of the plans in scope (only that batch's plans, tasks,
    edges and the bodies they name), or None when the scope is answered at once."""
    rows = plans_in_scope(source, filters)
    if rows is None:
        return None
    small = agg.scope(source, {})  # jurisdictions and functions, read once
    return (_scoped(source, [p["id"] for p in batch], small, plans=batch) for batch in chunks(rows))


def snapshots_in_scope(source, filters: dict) -> tuple[Iterable[Snapshot], dict]:
    """Snapshots that together hold the plans in scope, and the filters to give each: one
    scoped snapshot and ``filters``, or (above ``BATCH_PLANS`` plans of a store) one per batch
    of plans and ``filters`` less the plan filters (each snapshot is narrowed already)."""
    snaps = snapshots(source, filters)
    if snaps is None:
        return [scoped_snapshot(source, filters)], filters
    return snaps, without_plan_filters(filters)


def joined(frames: Iterable[pd.DataFrame], columns: list[str]) -> pd.DataFrame:
    """The frames put one after another (``columns`` when there are none)."""
    return window(frames, columns, None, 0)


def window(frames: Iterable[pd.DataFrame], columns: list[str], limit: int | None, offset: int) -> pd.DataFrame:
    """The rows ``offset`` .. ``offset + limit`` of the frames put one after another (``limit``
    None: to the end), with ``attrs["total"]`` the row count of them all; only the rows of the
    window are kept while the frames are walked."""
    kept, total = [], 0
    end = None if limit is None else offset + limit
    for df in frames:
        n = len(df)
        lo, hi = max(offset - total, 0), n if end is None else min(end - total, n)
        if hi > lo:
            kept.append(df.iloc[lo:hi])
        total += n
    out = pd.concat(kept, ignore_index=True) if kept else pd.DataFrame(columns=columns)
    out = out[columns].reset_index(drop=True)
    out.attrs["total"] = total
    return out
