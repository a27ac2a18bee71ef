"""Query latency: ranking, orphans, overload, compare and centrality over a store.

Each query is timed end to end from the store (reads included, as the API pays it),
``reps`` times, in three scopes:

- whole store (no filter): ``ranking`` and ``orphans`` as the API pages them (first 100 rows),
  ``orphan_summary``, ``centrality`` = pooled centrality of the agency (co-responsibility)
  graph, and, up to ``whole_max`` plans, the answers over every row: ``snapshot`` (the
  reads alone), ``overload`` (every row of it), ``overload_page`` (its first 100 rows, as the
  API pages it), ``compare`` (every jurisdiction), ``centrality_two_mode``;
- ``@jurisdiction``: one county-level jurisdiction (all its plans), compare of two;
- ``@plan``: one plan.

Each query is called once untimed-for-the-percentiles first (``first_ms``: the cold call,
caches empty), then ``reps`` times for p50/p95. A query whose first call takes longer than
``slow_s`` is not repeated (its figures are that call's, with ``n`` = 1).
"""

from __future__ import annotations

import inspect
import time

from benchmarks.scale.measure import summary_ms

QUERIES = ("ranking", "orphans", "overload", "compare", "centrality")
PAGE = 100


def _paged(fn, source, **kw):
    """Call ``fn`` with the API's page size when it takes one (pushed down to the store)."""
    if "limit" in inspect.signature(fn).parameters:
        kw["limit"] = PAGE
    return fn(source, **kw)


def cases(store, plan_id: str | None, jurisdictions: list[str], whole: bool) -> dict:
    """{name: zero-argument callable} of every query to time."""
    import queries as q

    out = {
        "ranking": lambda: _paged(q.rank_agencies, store),
        "orphans": lambda: _paged(q.orphans, store),
        "orphan_summary": lambda: _paged(q.orphan_summary, store),
        "centrality": lambda: q.centrality(store, graph="co_responsibility"),
    }
    if whole:
        out.update({
            "snapshot": lambda: q.snapshot(store),
            "overload": lambda: q.overload(store),
            "overload_page": lambda: _paged(q.overload, store),
            "compare": lambda: q.compare(store),
            "centrality_two_mode": lambda: q.centrality(store),
        })
    if jurisdictions:
        j = jurisdictions[0]
        out.update({
            "ranking@jurisdiction": lambda: q.rank_agencies(store, jurisdiction=j),
            "orphans@jurisdiction": lambda: q.orphans(store, jurisdiction=j),
            "overload@jurisdiction": lambda: q.overload(store, jurisdiction=j),
            "centrality@jurisdiction": lambda: q.centrality(store, jurisdiction=j),
        })
    if len(jurisdictions) >= 2:
        out["compare@2_jurisdictions"] = lambda: q.compare(store, jurisdictions=jurisdictions[:2])
    if plan_id:
        out.update({
            "ranking@plan": lambda: q.rank_agencies(store, plan=plan_id),
            "orphans@plan": lambda: q.orphans(store, plan=plan_id),
            "overload@plan": lambda: q.overload(store, plan=plan_id),
            "centrality@plan": lambda: q.centrality(store, plan=plan_id),
        })
    return out


def pick_scope(store, plan_ids: list[str]) -> tuple[str | None, list[str]]:
    """A plan and two jurisdictions with plans, chosen from ``plan_ids`` (county level first)."""
    seen: list[tuple[int, str]] = []
    for pid in plan_ids:
        plan = store.plan(pid) or {}
        jid = plan.get("jurisdiction_id")
        if jid and jid not in [j for _, j in seen]:
            seen.append((0 if plan.get("level") == "county" else 1, jid))
    seen.sort(key=lambda x: x[0])
    return (plan_ids[0] if plan_ids else None), [j for _, j in seen[:2]]


def latency(store, reps: int = 5, plan_ids: list[str] | None = None, whole: bool = True,
            slow_s: float = 120.0, only: list[str] | None = None) -> dict:
    """{query: {n, p50_ms, p95_ms, mean_ms, max_ms, first_ms, rows}} for every case of
    :func:`cases` (those named in ``only`` when given)."""
    plan_id, jurisdictions = pick_scope(store, plan_ids or [])
    out: dict = {"scope": {"plan": plan_id, "jurisdictions": jurisdictions}}
    for name, call in cases(store, plan_id, jurisdictions, whole).items():
        if only and name not in only:
            continue
        times, rows, first = [], None, None
        try:
            for i in range(reps + 1):
                t = time.perf_counter()
                result = call()
                elapsed = time.perf_counter() - t
                rows = len(result) if hasattr(result, "__len__") else None
                if i == 0:
                    first = elapsed
                    if elapsed > slow_s:
                        times.append(elapsed)
                        break
                    continue
                times.append(elapsed)
        except Exception as exc:  # noqa: BLE001 - a benchmark records what broke and goes on
            out[name] = {"error": f"{type(exc).__name__}: {exc}"}
            continue
        out[name] = {**summary_ms(times), "first_ms": round(first * 1000, 1), "rows": rows}
    return out


def on_snapshot(store, reps: int = 5) -> dict:
    """Every measure of ``benchmarks/bench_queries.py`` (the analytics helper's list) on one
    snapshot, reads excluded: {measure: {n, p50_ms, p95_ms, ...}}; {} when that file is absent."""
    try:
        from benchmarks.bench_queries import measures
    except ImportError:
        return {}
    import queries as q

    snap = q.snapshot(store)
    k = 200 if len(snap.plans) > 2000 else None  # sampled betweenness on big graphs, as bench_queries does
    out = {}
    for name, fn in measures(snap, k).items():
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            fn()
            times.append(time.perf_counter() - t)
        out[name] = summary_ms(times)
    return out
