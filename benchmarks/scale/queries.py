"""Query latency: ranking, orphans, overload, compare and centrality over a store.

Each query is timed end to end from the store (reads included, as the API pays it),
``reps`` times; the snapshot read alone is timed too, to show where time goes.
"""

from __future__ import annotations

import time

from benchmarks.scale.measure import summary_ms

QUERIES = ("ranking", "orphans", "overload", "compare", "centrality")


def _call(name: str, source):
    import queries as q

    if name == "ranking":
        return q.rank_agencies(source)
    if name == "orphans":
        return q.orphans(source)
    if name == "overload":
        return q.overload(source)
    if name == "compare":
        return q.compare(source)
    return q.centrality(source)


def latency(store, reps: int = 5, names: tuple[str, ...] = QUERIES) -> dict:
    """{query: {n, p50_ms, p95_ms, mean_ms, max_ms, rows}} plus ``snapshot`` (the reads alone)."""
    import queries as q

    out: dict = {}
    times = []
    for _ in range(reps):
        t = time.perf_counter()
        q.snapshot(store)
        times.append(time.perf_counter() - t)
    out["snapshot"] = summary_ms(times)
    for name in names:
        times, rows = [], None
        for _ in range(reps):
            t = time.perf_counter()
            result = _call(name, store)
            times.append(time.perf_counter() - t)
            rows = len(result) if hasattr(result, "__len__") else None
        out[name] = {**summary_ms(times), "rows": rows}
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
