"""Extract, build graph rows and load, streaming over a synthetic corpus (constant memory).

Each plan is extracted once, turned into its ``PlanGraph`` and written to every given
store; the time of each stage is summed separately, so one pass gives extraction
documents/second and load rows/second per store.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from agencynet.errors import ExtractionError
from benchmarks.scale.measure import peak_rss_mb
from benchmarks.synthetic import iter_documents


def run(n_plans: int, seed: int, stores: dict, progress: Callable[[int], None] | None = None) -> dict:
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
        for kind, store in stores.items():
            s = time.perf_counter()
            result = store.load(graph)
            rec = load[kind]
            rec["seconds"] += time.perf_counter() - s
            rec["plans"] += 1
            rec["statuses"][result.status] = rec["statuses"].get(result.status, 0) + 1
        if progress:
            progress(1)
    rows = tasks + edges
    for rec in load.values():
        rec["seconds"] = round(rec["seconds"], 2)
        rec["rows"] = rows
        rec["rows_per_s"] = round(rows / rec["seconds"]) if rec["seconds"] else None
        rec["plans_per_s"] = round(rec["plans"] / rec["seconds"], 1) if rec["seconds"] else None
    mb = n_bytes / 1024 / 1024
    return {
        "extract": {"documents": docs, "failed": failed, "mb": round(mb, 2), "seconds": round(t_extract, 2),
                    "docs_per_s": round(docs / t_extract, 1) if t_extract else None,
                    "mb_per_s": round(mb / t_extract, 2) if t_extract else None},
        "graph": {"seconds": round(t_graph, 2)},
        "rows": {"tasks": tasks, "edges": edges, "total": rows},
        "load": load,
        "sample_plan_ids": plan_ids,
        "peak_rss_mb_after_load": peak_rss_mb(),
    }
