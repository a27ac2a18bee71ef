"""Extract, build graph rows and load, streaming over a synthetic corpus (constant memory).

Each plan is extracted once and turned into its ``PlanGraph``; graphs are written to every
given store in batches with ``store.load_many`` (the store groups plans into transactions,
each plan still all or nothing). The time of each stage is summed separately, so one pass
gives extraction documents/second and load rows/second per store; at most ``batch`` graphs
are held at once.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from agencynet.errors import ExtractionError
from benchmarks.scale.measure import peak_rss_mb
from benchmarks.synthetic import iter_documents


def run(n_plans: int, seed: int, stores: dict, progress: Callable[[int], None] | None = None,
        batch: int = 200) -> dict:
    """Extract and load ``n_plans`` synthetic plans into each store of ``stores`` (kind -> store).

    Returns
    -------
    dict
        ``extract`` (documents, MB, seconds, docs_per_s, mb_per_s, failed),
        ``graph`` (seconds), ``load`` per store kind (plans, rows, seconds, rows_per_s,
        statuses), ``rows`` (tasks + edges) and ``peak_rss_mb``.
    """
    from loaders.extract import extract_document
    from loaders.graph import build_plan_graph

    t_extract = t_graph = 0.0
    n_bytes = docs = failed = tasks = edges = 0
    load = {kind: {"plans": 0, "seconds": 0.0, "statuses": {}} for kind in stores}
    plan_ids: list[str] = []
    pending: list = []
    for name, data in iter_documents(n_plans, seed):
        n_bytes += len(data)
        t0 = time.perf_counter()
        try:
            doc = extract_document(data, name)
        except ExtractionError:
            failed += 1
            continue
        t1 = time.perf_counter()
        graph = build_plan_graph(doc)
        t2 = time.perf_counter()
        t_extract += t1 - t0
        t_graph += t2 - t1
        docs += 1
        tasks += len(graph.tasks)
        edges += len(graph.edges)
        if len(plan_ids) < 50:
            plan_ids.append(graph.plan["id"])
        pending.append(graph)
        if len(pending) >= batch:
            _flush(pending, stores, load)
        if progress:
            progress(1)
    _flush(pending, stores, load)
    rows = tasks + edges
    for rec in load.values():
        rec["seconds"] = round(rec["seconds"], 2)
        rec["rows"] = rows
        rec["rows_per_s"] = round(rows / rec["seconds"]) if rec["seconds"] else None
        rec["plans_per_s"] = round(rec["plans"] / rec["seconds"], 1) if rec["seconds"] else None
    mb = n_bytes / 1024 / 1024
    return {
        "batch": batch,
        "extract": {"documents": docs, "failed": failed, "mb": round(mb, 2), "seconds": round(t_extract, 2),
                    "docs_per_s": round(docs / t_extract, 1) if t_extract else None,
                    "mb_per_s": round(mb / t_extract, 2) if t_extract else None},
        "graph": {"seconds": round(t_graph, 2)},
        "rows": {"tasks": tasks, "edges": edges, "total": rows},
        "load": load,
        "sample_plan_ids": plan_ids,
        "peak_rss_mb_after_load": peak_rss_mb(),
    }


def _flush(pending: list, stores: dict, load: dict) -> None:
    """Write the pending graphs to every store (timed per store), then forget them."""
    if not pending:
        return
    for kind, store in stores.items():
        _flush_one(pending, kind, store, load[kind])
    pending.clear()


def run_cached(cache_dir, stores: dict, progress: Callable[[int], None] | None = None, batch: int = 200,
               slices: int = 10) -> dict:
    """Load a corpus extracted beforehand (``benchmarks.scale.graph_cache``) into each store,
    one store after the other, so each load has the machine to itself.

    Returns the same figures as :func:`run` (extraction figures come from the cache's
    ``meta.json``, with the commit they were made at), plus per store ``slices``: rows/s of
    each tenth of the load, which shows whether the rate decays as the database grows.
    """
    import json
    from pathlib import Path

    from benchmarks.scale.graph_cache import iter_batches

    meta = json.loads((Path(cache_dir) / "meta.json").read_text())
    rows_total = meta["rows"]["total"]
    plan_ids: list[str] = []
    load = {}
    for kind, store in stores.items():
        rec = {"plans": 0, "seconds": 0.0, "statuses": {}, "slices": []}
        slice_rows = slice_s = 0.0
        step = max(1, rows_total // slices)
        for graphs in iter_batches(cache_dir, batch):
            if len(plan_ids) < 50:
                plan_ids.extend(g.plan["id"] for g in graphs[:50 - len(plan_ids)])
            _flush_one(graphs, kind, store, rec)
            n_rows = sum(len(g.tasks) + len(g.edges) for g in graphs)
            slice_rows += n_rows
            slice_s = rec["seconds"] - sum(s["seconds"] for s in rec["slices"])
            if slice_rows >= step:
                rec["slices"].append({"rows": int(slice_rows), "seconds": round(slice_s, 2),
                                      "rows_per_s": round(slice_rows / slice_s) if slice_s else None})
                slice_rows = 0
            if progress:
                progress(len(graphs))
        rec["seconds"] = round(rec["seconds"], 2)
        rec["rows"] = rows_total
        rec["rows_per_s"] = round(rows_total / rec["seconds"]) if rec["seconds"] else None
        rec["plans_per_s"] = round(rec["plans"] / rec["seconds"], 1) if rec["seconds"] else None
        rec["peak_rss_mb"] = peak_rss_mb()
        load[kind] = rec
    return {"batch": batch, "cache": str(cache_dir), "cache_commit": meta.get("commit"),
            "extract": meta["extract"], "graph": meta["graph"], "generate": meta.get("generate"),
            "extract_workers": meta.get("workers"), "extract_wall_s": meta.get("wall_s"),
            "rows": meta["rows"], "load": load, "sample_plan_ids": plan_ids,
            "peak_rss_mb_after_load": peak_rss_mb()}


def _flush_one(graphs: list, kind: str, store, rec: dict) -> None:
    t = time.perf_counter()
    results = store.load_many(graphs)
    rec["seconds"] += time.perf_counter() - t
    rec["plans"] += len(results)
    for result in results:
        rec["statuses"][result.status] = rec["statuses"].get(result.status, 0) + 1
