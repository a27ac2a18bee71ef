"""Benchmark pooled co-responsibility centrality end to end from a store, with its parts.

The corpus comes from the seeded generator ``benchmarks.synthetic`` through the real
pipeline (extract -> graph rows -> ``load_many``, streamed in batches of 200 plans so
100k plans fit in memory). The embedded store is kept in ``--data-dir`` and reused
when it already holds ``--plans`` plans; a Neo4j database is loaded only with
``--neo4j-load`` (it is EMPTIED first), otherwise what it holds is measured.

For each store it prints p50/p95 of ``queries.centrality(store, graph="co_responsibility")``
(pooled, no filter: the store reads, the graph build and every measure), then one
profiled run split into: the store reads (``rank_agencies`` + ``agency_pairs``), the graph
build, and each measure. ``--two-mode`` also times pooled two-mode centrality once, with
its peak memory (it reads the whole assignments frame).

Usage::

    .venv/bin/python benchmarks/bench_centrality.py --plans 10000 --data-dir var/bench10k
    .venv/bin/python benchmarks/bench_centrality.py --plans 10000 --data-dir var/bench10k \\
        --neo4j-uri bolt://127.0.0.1:7699 --neo4j-load

Nothing here asserts a time: it prints figures to record (docs/analytics.md,
"Centrality at scale").
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import queries as q  # noqa: E402
from benchmarks.machine import connect, summary  # noqa: E402
from benchmarks.synthetic import iter_documents  # noqa: E402

BATCH = 200


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def fill(store, plans: int, seed: int, cache: str | None = None) -> float:
    """Extract and load ``plans`` synthetic plans in batches (or read their graphs from a
    ``benchmarks.scale.graph_cache`` directory of the same seed); returns seconds."""
    from loaders.extract import extract_document
    from loaders.graph import build_plan_graph

    t, batch, done = time.perf_counter(), [], 0
    if cache:
        from benchmarks.scale.graph_cache import iter_batches
        for graphs in iter_batches(cache, BATCH):
            graphs = graphs[:plans - done]
            _load(store, graphs)
            done += len(graphs)
            if done >= plans:
                return time.perf_counter() - t
        raise SystemExit(f"{cache} holds only {done} plans, {plans} asked for")
    for name, data in iter_documents(plans, seed=seed):
        batch.append(build_plan_graph(extract_document(data, name)))
        if len(batch) == BATCH:
            _load(store, batch)
            done += len(batch)
            batch = []
            if done % 5000 == 0:
                print(f"  loaded {done} plans in {time.perf_counter() - t:.0f} s", flush=True)
    if batch:
        _load(store, batch)
    return time.perf_counter() - t


def _load(store, graphs) -> None:
    failed = [r for r in store.load_many(graphs) if r.status == "failed"]
    if failed:
        raise SystemExit(f"load failed: {failed[0].plan_id}: {failed[0].error}")


def profile(store) -> dict:
    """One pooled co-responsibility run split into its parts (seconds), and the graph's shape."""
    import pandas as pd

    from queries.centrality import _pair_arrays
    from queries.measures import Components, eigenvector, pagerank, paths_measures
    from queries.ranking import rank_agencies

    laps, t, c = {}, time.perf_counter(), time.process_time()

    def lap(name):
        nonlocal t, c
        now, cpu = time.perf_counter(), time.process_time()
        laps[name] = (now - t, cpu - c)
        t, c = now, cpu

    nodes = rank_agencies(store).sort_values("agency_id", kind="stable").reset_index(drop=True)
    lap("store read: rank_agencies (nodes)")
    pairs = store.agency_pair_arrays() if hasattr(store, "agency_pair_arrays") else store.agency_pairs(None)
    lap("store read: agency pairs (edges)")
    index = pd.Index(nodes["agency_id"].to_numpy(dtype=object))
    src, dst, weight = _pair_arrays(index, pairs)
    n = len(index)
    lap("graph arrays")
    parts = Components(n, src, dst, weight)
    lap("components")
    between, _, sampled = paths_measures(n, src, dst, weight, order=index.to_numpy(dtype=object),
                                         exact_limit=2000 if n > 2000 else n, parts=parts)
    lap("betweenness + closeness (igraph, per component)")
    pagerank(n, src, dst, weight)
    lap("pagerank")
    eigenvector(n, src, dst, weight, parts=parts)
    lap("eigenvector")
    sizes = parts.sizes
    print(f"  graph: {n} nodes, {len(src)} edges, {len(sizes)} components, largest {sizes.max()}, "
          f"{int((sizes > 2000).sum())} over 2,000 nodes; sampled: {sampled}", flush=True)
    return laps


def bench(label: str, store, args) -> None:
    counts = store.counts()
    print(f"{label}: {counts['Plan']} plans, {counts['Task']} tasks, "
          f"{counts['LEADS'] + counts['SUPPORTS'] + counts['NAMED_ON']} edges, {counts['Agency']} agencies", flush=True)
    times, cpu, out = [], [], None
    for _ in range(args.repeats):
        t, c = time.perf_counter(), time.process_time()
        out = q.centrality(store, graph="co_responsibility")
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    k = out["betweenness_k"]
    print(f"{label}: pooled co_responsibility centrality, {args.repeats} runs: p50 {statistics.median(times):.2f} s, "
          f"p95 {percentile(times, 95):.2f} s (this process's CPU p50 {statistics.median(cpu):.2f} s); "
          f"{len(out)} agencies; betweenness exact for "
          f"{int((k == out['graph_nodes']).sum())} of them", flush=True)
    for part, (seconds, cpu_s) in profile(store).items():
        print(f"{label}:   {part:48s} {seconds:8.2f} s wall {cpu_s:8.2f} s CPU", flush=True)
    if args.two_mode:
        t = time.perf_counter()
        out = q.centrality(store, graph="two_mode")
        print(f"{label}: pooled two_mode centrality (one run): {time.perf_counter() - t:.1f} s, {len(out)} agencies; "
              f"peak RSS so far {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)
    print(f"{label}: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)


def graph_only(cache: str, plans: int, repeats: int) -> None:
    """The measures alone on the pooled co-responsibility graph of the first ``plans`` cached
    plans, pairs counted here from the graphs' edges (no store): how the compute part scales."""
    from collections import Counter
    from itertools import combinations

    import numpy as np

    from benchmarks.scale.graph_cache import iter_batches
    from queries.centrality import array_centrality

    t, done, named, index = time.perf_counter(), 0, Counter(), {}
    for graphs in iter_batches(cache, BATCH):
        for g in graphs[:plans - done]:
            members: dict[str, set] = {}
            for e in g.edges:
                if e["type"] in ("LEADS", "SUPPORTS"):
                    members.setdefault(e["task_id"], set()).add(e["source_id"])
            for ids in members.values():
                for a in ids:
                    index.setdefault(a, len(index))
                named.update(combinations(sorted(ids), 2))
        done = min(plans, done + len(graphs))
        if done >= plans:
            break
    pairs = np.array([(index[a], index[b], n) for (a, b), n in named.items()], dtype=np.int64).reshape(-1, 3)
    order = np.empty(len(index), dtype=object)
    for a, i in index.items():
        order[i] = a
    print(f"graph only: {done} plans -> {len(index)} agencies, {len(pairs)} pairs "
          f"(counted in {time.perf_counter() - t:.0f} s)", flush=True)
    times, cpu = [], []
    for _ in range(repeats):
        t, c = time.perf_counter(), time.process_time()
        m = array_centrality(len(index), pairs[:, 0], pairs[:, 1], pairs[:, 2], order=order)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(f"graph only: measures p50 {statistics.median(times):.2f} s, p95 {percentile(times, 95):.2f} s "
          f"(CPU p50 {statistics.median(cpu):.2f} s) "
          f"({repeats} runs; betweenness_k {m['betweenness_k']}); peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--cache", help="graph cache directory (benchmarks.scale.graph_cache) instead of extracting")
    ap.add_argument("--data-dir", default="var/bench_centrality", help="embedded store (kept, reused)")
    ap.add_argument("--no-embedded", action="store_true")
    ap.add_argument("--load-only", action="store_true", help="fill the stores, measure nothing")
    ap.add_argument("--two-mode", action="store_true", help="also time pooled two-mode centrality once")
    ap.add_argument("--neo4j-uri", help="Bolt URI of a Neo4j to measure")
    ap.add_argument("--neo4j-user", default="neo4j")
    ap.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", ""))
    ap.add_argument("--neo4j-load", action="store_true", help="EMPTY the Neo4j database and load --plans plans")
    ap.add_argument("--graph-only", action="store_true",
                    help="with --cache: time the measures alone on the cached plans' pooled graph (no store)")
    args = ap.parse_args(argv)
    if args.graph_only:
        return graph_only(args.cache, args.plans, args.repeats)

    driver = version = None
    if args.neo4j_uri:
        driver, version = connect(args.neo4j_uri, args.neo4j_user, args.neo4j_password)
    print(summary(version), flush=True)
    if not args.no_embedded:
        from store.embedded import EmbeddedStore
        store = EmbeddedStore(args.data_dir)
        store.setup()
        if store.counts()["Plan"] != args.plans:
            store.reset()
            print(f"embedded: loaded {args.plans} plans in {fill(store, args.plans, args.seed, args.cache):.0f} s", flush=True)
        if not args.load_only:
            bench("embedded", store, args)
        store.close()
    if driver is not None:
        from store.neo4j_store import Neo4jStore
        store = Neo4jStore(driver, "neo4j", uri=args.neo4j_uri)
        store.setup()
        if args.neo4j_load:
            store.reset()
            print(f"neo4j: loaded {args.plans} plans in {fill(store, args.plans, args.seed, args.cache):.0f} s", flush=True)
        if not args.load_only:
            bench("neo4j", store, args)
        driver.close()


if __name__ == "__main__":
    main()
