"""Benchmark every analytics measure on a large synthetic corpus; prints p50/p95 per measure.

The corpus comes from the seeded generator ``benchmarks.synthetic`` (same seed, same
documents), goes through the real pipeline (extract -> graph rows -> embedded store in a
temporary directory), and is read once with ``queries.snapshot``. Each measure then runs
``--repeats`` times on that snapshot (reads excluded; the store read is timed separately).

Usage::

    .venv/bin/python benchmarks/bench_queries.py                 # 500 plans, 5 repeats
    .venv/bin/python benchmarks/bench_queries.py --plans 2000 --repeats 3

Nothing here asserts a time: it prints figures to record (docs/analytics.md).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import queries as q  # noqa: E402
from benchmarks.synthetic import iter_documents  # noqa: E402
from queries.centrality import SAMPLE_SIZE, SAMPLE_THRESHOLD  # noqa: E402
from loaders.extract import extract_document  # noqa: E402
from loaders.graph import build_plan_graph  # noqa: E402
from store.embedded import EmbeddedStore  # noqa: E402


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{platform.system()} {platform.release()}, {cpu or 'unknown CPU'}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}")


def build_store(directory: Path, plans: int, seed: int) -> EmbeddedStore:
    store = EmbeddedStore(directory)
    store.setup()
    for name, data in iter_documents(plans, seed=seed):
        store.load(build_plan_graph(extract_document(data, name)))
    return store


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def measures(snap, k: int | None):
    first_plan = snap.plans["id"].iloc[0]
    return {
        "rank_agencies (pooled)": lambda: q.rank_agencies(snap),
        "rank_agencies (by plan)": lambda: q.rank_agencies(snap, by_plan=True),
        "rank_functions (harmonised)": lambda: q.rank_functions(snap, harmonise=True),
        "centrality two_mode (pooled, sampled)": lambda: q.centrality(snap, k=k),
        "centrality co_responsibility (pooled)": lambda: q.centrality(snap, graph="co_responsibility", k=k),
        "centrality directed (pooled)": lambda: q.centrality(snap, graph="directed", k=k),
        "centrality two_mode (per plan)": lambda: q.centrality(snap, per_plan=True),
        "centrality two_mode (one plan)": lambda: q.centrality(snap, plan=first_plan),
        "overload": lambda: q.overload(snap),
        "concentration": lambda: q.concentration(snap),
        "orphans": lambda: q.orphans(snap),
        "orphan_summary": lambda: q.orphan_summary(snap),
        "function_matrix": lambda: q.function_matrix(snap, harmonise=True),
        "plan_metrics": lambda: q.plan_metrics(snap),
        "similarity (jurisdictions)": lambda: q.similarity(snap, harmonise=True),
    }


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=500, help="synthetic plans to generate (default 500)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--k", type=int, default=None,
                    help=f"betweenness sample size (default: exact up to {SAMPLE_THRESHOLD} nodes, else {SAMPLE_SIZE})")
    ap.add_argument("--only", help="run only measures whose name contains this text")
    args = ap.parse_args(argv)

    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = build_store(Path(tmp) / "data", args.plans, args.seed)
        print(f"corpus: {args.plans} synthetic plans (seed {args.seed}), built and loaded in "
              f"{time.perf_counter() - t0:.1f} s")
        reads = []
        for _ in range(args.repeats):
            t = time.perf_counter()
            snap = q.snapshot(store)
            reads.append(time.perf_counter() - t)
        store.close()
    two_mode = q.build_graph(snap)
    co = q.build_graph(snap, graph="co_responsibility")
    print(f"size: {len(snap.plans)} plans, {len(snap.tasks)} tasks, {len(snap.agencies)} agencies, "
          f"{len(snap.edges)} edges; two-mode graph {two_mode.number_of_nodes()} nodes / "
          f"{two_mode.number_of_edges()} edges; co-responsibility {co.number_of_nodes()} nodes / "
          f"{co.number_of_edges()} edges")
    print(f"{'measure':42s} {'p50 ms':>10s} {'p95 ms':>10s}  note")
    print(f"{'snapshot (read the embedded store)':42s} {1000 * statistics.median(reads):10.1f} "
          f"{1000 * percentile(reads, 95):10.1f}")
    for name, fn in measures(snap, args.k).items():
        if args.only and args.only not in name:
            continue
        times, out = [], None
        for _ in range(args.repeats):
            t = time.perf_counter()
            out = fn()
            times.append(time.perf_counter() - t)
        note = ""
        if "betweenness_k" in getattr(out, "columns", []) and len(out):
            note = f"betweenness k={int(out['betweenness_k'].iloc[0])} of {int(out['graph_nodes'].iloc[0])} nodes"
        print(f"{name:42s} {1000 * statistics.median(times):10.1f} {1000 * percentile(times, 95):10.1f}  {note}")


if __name__ == "__main__":
    main()
