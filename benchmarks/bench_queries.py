"""Benchmark the analytics on a large synthetic corpus, on the embedded store and on Neo4j.

The corpus comes from the seeded generator ``benchmarks.synthetic`` (same seed, same
documents) and goes through the real pipeline (extract -> graph rows -> ``load_many``).
Each measure is then called ``--repeats`` times (scoped to one plan, jurisdiction or
function; whole-store answers ``--whole-repeats``, pooled centrality ``--centrality-repeats``) **on the store itself**, as the API and
the CLI call it: ranking, orphans and pooled co-responsibility centrality are counted in
the store (``queries.aggregates``), so these figures include the store reads. For
comparison the whole-store ``snapshot`` read is timed too: it is what every call cost
before the counting moved into the stores. With ``--snapshot`` the remaining measures
(overload, compare, other centralities) are also timed on one snapshot.

Usage::

    .venv/bin/python benchmarks/bench_queries.py --plans 1000 10000
    .venv/bin/agencynet neo4j start --port 7699      # with a temporary AGENCYNET_NEO4J_HOME
    .venv/bin/python benchmarks/bench_queries.py --plans 1000 10000 --neo4j-uri bolt://127.0.0.1:7699

Whole-store ranking, orphans and orphan summary are also timed as the API asks for them:
one page (``--page``, default 100 rows, first and deep) read from the totals the stores keep
at write time. ``--no-totals`` loads without refreshing those totals (to measure what keeping
them costs a load; the whole-store pages are then wrong and not timed): compare the
``load`` lines' rows/s.

The Neo4j database given is EMPTIED. Nothing here asserts a time: it prints figures
to record (docs/analytics.md, "Scale").
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import queries as q  # noqa: E402
from benchmarks.machine import connect, summary  # noqa: E402
from benchmarks.synthetic import iter_documents  # noqa: E402
from loaders.extract import extract_document  # noqa: E402
from loaders.graph import build_plan_graph  # noqa: E402
from queries.centrality import SAMPLE_SIZE  # noqa: E402
from agencynet.errors import StoreError  # noqa: E402
from store.embedded import EmbeddedStore  # noqa: E402

BATCH = 200



def make_graphs(plans: int, seed: int, cache: str | None = None) -> list:
    """The first ``plans`` synthetic plans' graphs: extracted here, or read from a graph cache
    of the same seed (``benchmarks.scale.graph_cache``; plans are made by index, so a prefix
    of a larger cache is the same corpus)."""
    if cache:
        from benchmarks.scale.graph_cache import first_graphs
        return first_graphs(cache, plans)
    return [build_plan_graph(extract_document(data, name)) for name, data in iter_documents(plans, seed=seed)]


REFRESH_SECONDS = [0.0]


def _timed_refresh() -> None:
    """Time the stores' write-time totals refresh (called inside each load transaction)."""
    from store import embedded_totals, neo4j_totals

    for module in (embedded_totals, neo4j_totals):
        inner = module.refresh

        def refresh(*a, _inner=inner, **k):
            t = time.perf_counter()
            try:
                return _inner(*a, **k)
            finally:
                REFRESH_SECONDS[0] += time.perf_counter() - t
        module.refresh = refresh


def load(store, graphs) -> float:
    REFRESH_SECONDS[0] = 0.0
    t = time.perf_counter()
    for i in range(0, len(graphs), BATCH):
        failed = [r for r in store.load_many(graphs[i:i + BATCH]) if r.status == "failed"]
        if failed:
            raise SystemExit(f"load failed: {failed[0].plan_id}: {failed[0].error}")
    return time.perf_counter() - t


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def page_measures(store, size: int) -> dict:
    """Whole-store answers one page at a time, as the API asks (read from the totals)."""
    deep_rank = max(0, store.agency_totals(limit=0)["count"] - 2 * size) // 2
    deep_orphans = max(0, store.plan_flags(limit=0)["totals"]["tasks"] // 10)
    return {
        f"rank_agencies (all plans, page of {size})": lambda: q.rank_agencies(store, limit=size),
        f"rank_agencies (all plans, page at {deep_rank})": lambda: q.rank_agencies(store, limit=size,
                                                                                   offset=deep_rank),
        f"rank_agencies (all plans, function page, harmonised)": lambda: q.rank_agencies(
            store, function="market_regulation", harmonise=True, limit=size),
        f"orphans (all plans, page of {size})": lambda: q.orphans(store, limit=size),
        f"orphans (all plans, page at {deep_orphans})": lambda: q.orphans(store, limit=size, offset=deep_orphans),
        f"orphans (all plans, leaderless page)": lambda: q.orphans(store, category="leaderless", limit=size),
        f"orphan_summary (all plans, page of {size})": lambda: q.orphan_summary(store, limit=size),
    }


def store_measures(store, k: int) -> dict:
    """Measures called on the store (counted in it). One plan / one jurisdiction: the largest."""
    plans = store.plans()
    one_plan = max(plans, key=lambda p: (p["task_count"] or 0, p["id"]))["id"]
    by_jur: dict[str, int] = {}
    for p in plans:
        by_jur[p["jurisdiction"]] = by_jur.get(p["jurisdiction"], 0) + 1
    jur = max(by_jur, key=lambda j: (by_jur[j], j))
    return {
        "rank_agencies (all plans)": lambda: q.rank_agencies(store),
        "rank_agencies (one plan)": lambda: q.rank_agencies(store, plan=one_plan),
        f"rank_agencies (one jurisdiction, {by_jur[jur]} plans)": lambda: q.rank_agencies(store, jurisdiction=jur),
        "rank_agencies (function filter, harmonised)": lambda: q.rank_agencies(
            store, function="market_regulation", harmonise=True),
        "rank_agencies (by plan, all plans)": lambda: q.rank_agencies(store, by_plan=True),
        "rank_functions (all plans, harmonised)": lambda: q.rank_functions(store, harmonise=True),
        "rank_functions (one jurisdiction)": lambda: q.rank_functions(store, jurisdiction=jur),
        "orphans (one plan)": lambda: q.orphans(store, plan=one_plan),
        "orphans (one jurisdiction)": lambda: q.orphans(store, jurisdiction=jur),
        "orphans (all plans)": lambda: q.orphans(store),
        "orphan_summary (all plans)": lambda: q.orphan_summary(store),
        "orphan_summary (one jurisdiction)": lambda: q.orphan_summary(store, jurisdiction=jur),
        f"centrality co_responsibility (pooled, k={k})": lambda: q.centrality(
            store, graph="co_responsibility", k=k),
    }


def snapshot_measures(snap, k: int) -> dict:
    return {
        "centrality two_mode (pooled, sampled)": lambda: q.centrality(snap, k=k),
        "centrality directed (pooled)": lambda: q.centrality(snap, graph="directed", k=k),
        "overload": lambda: q.overload(snap),
        "concentration": lambda: q.concentration(snap),
        "function_matrix": lambda: q.function_matrix(snap, harmonise=True),
        "plan_metrics": lambda: q.plan_metrics(snap),
        "similarity (jurisdictions)": lambda: q.similarity(snap, harmonise=True),
    }


def run(label: str, measures: dict, args) -> None:
    for name, fn in measures.items():
        if (args.only and not any(o in name for o in args.only)) or any(x in name for x in args.skip or []):
            continue
        times, out, error = [], None, None
        whole = "centrality" not in name and "one " not in name and "filter" not in name and "page" not in name
        n = args.centrality_repeats if "centrality" in name else args.whole_repeats if whole else args.repeats
        for _ in range(n):
            t = time.perf_counter()
            try:
                out = fn()
            except StoreError as exc:  # e.g. Neo4j's transaction memory limit: recorded, not fatal
                error = str(exc)
                break
            times.append(time.perf_counter() - t)
        if error:
            print(f"{label:9s} {name:52s} {'failed':>9s} {'':9s}  {error}", flush=True)
            continue
        note = f"{len(out)} rows" + (f" of {out.attrs['total']}" if "page" in name else "")
        if "betweenness_k" in getattr(out, "columns", []) and len(out):
            note += f"; betweenness k={int(out['betweenness_k'].iloc[0])} of {int(out['graph_nodes'].iloc[0])} nodes"
        print(f"{label:9s} {name:52s} {1000 * statistics.median(times):9.1f} {1000 * percentile(times, 95):9.1f}"
              f"  {note}", flush=True)


def bench_store(label: str, store, graphs, args) -> None:
    seconds = load(store, graphs) if graphs is not None else 0.0
    counts = store.counts()
    edges = counts['LEADS'] + counts['SUPPORTS'] + counts['NAMED_ON']
    rate = f" ({(counts['Task'] + edges) / seconds:,.0f} task+edge rows/s" if seconds else " ("
    print(f"{label}: {'kept' if graphs is None else 'loaded'} {counts['Plan']} plans in {seconds:.1f} s{rate}"
          f"{', totals NOT kept' if args.no_totals else ', totals kept'}): {counts['Task']} tasks, "
          f"{edges} edges, {counts['Agency']} agencies", flush=True)
    if seconds and not args.no_totals:
        print(f"{label}: of which refreshing the totals in the load transactions: {REFRESH_SECONDS[0]:.1f} s "
              f"({100 * REFRESH_SECONDS[0] / seconds:.1f}% of the load)", flush=True)
    if args.load_only:
        return
    print(f"{'store':9s} {'measure':52s} {'p50 ms':>9s} {'p95 ms':>9s}  answer")
    reads, snap = [], None
    for _ in range(0 if args.no_snapshot_read else max(1, min(3, args.repeats))):
        t = time.perf_counter()
        try:
            snap = q.snapshot(store)
        except StoreError as exc:
            print(f"{label:9s} {'snapshot read (every call paid this before)':52s} {'failed':>9s} {'':9s}  {exc}")
            break
        reads.append(time.perf_counter() - t)
    if reads:
        print(f"{label:9s} {'snapshot read (every call paid this before)':52s} {1000 * statistics.median(reads):9.1f} "
              f"{1000 * percentile(reads, 95):9.1f}  {len(snap.edges)} edge rows", flush=True)
    if not args.no_totals:
        run(label, page_measures(store, args.page), args)
    run(label, store_measures(store, args.k), args)
    if args.snapshot and snap is not None:
        run(label + "/snap", snapshot_measures(snap, args.k), args)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, nargs="+", default=[1000], help="corpus sizes (default 1000)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=20, help="runs of a scoped measure (one plan/jurisdiction/function)")
    ap.add_argument("--whole-repeats", type=int, default=5, help="runs of a whole-store measure (default 5)")
    ap.add_argument("--centrality-repeats", type=int, default=1, help="runs of pooled centrality (default 1)")
    ap.add_argument("--k", type=int, default=SAMPLE_SIZE, help=f"betweenness sample size (default {SAMPLE_SIZE})")
    ap.add_argument("--only", nargs="+", help="run only measures whose name contains one of these texts")
    ap.add_argument("--skip", nargs="+", help="skip measures whose name contains one of these texts")
    ap.add_argument("--snapshot", action="store_true", help="also time the other measures on a snapshot")
    ap.add_argument("--neo4j-uri", help="Bolt URI of a Neo4j to EMPTY and load (default: embedded only)")
    ap.add_argument("--neo4j-user", default="neo4j")
    ap.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", ""))
    ap.add_argument("--no-embedded", action="store_true")
    ap.add_argument("--cache", help="read the plans' graphs from this graph cache (benchmarks.scale.graph_cache, "
                                    "same seed) instead of extracting them")
    ap.add_argument("--page", type=int, default=100, help="rows per page of the paged whole-store measures")
    ap.add_argument("--no-totals", action="store_true",
                    help="load without refreshing the write-time totals (load cost comparison only)")
    ap.add_argument("--no-snapshot-read", action="store_true", help="do not time the whole-store snapshot read")
    ap.add_argument("--load-only", action="store_true", help="load and report the load rate, time nothing")
    ap.add_argument("--keep", action="store_true",
                    help="Neo4j only: measure what the database holds (no extraction, no load; one size)")
    args = ap.parse_args(argv)
    if args.no_totals:  # benchmark knob: the stores call these modules' refresh() in their write transactions
        from store import embedded_totals, neo4j_totals
        embedded_totals.refresh = neo4j_totals.refresh = lambda *a, **k: None
    else:
        _timed_refresh()

    driver = version = None
    if args.neo4j_uri:
        from store.neo4j_store import Neo4jStore
        driver, version = connect(args.neo4j_uri, args.neo4j_user, args.neo4j_password)
    print(summary(version), flush=True)
    if args.keep:
        if driver is None:
            raise SystemExit("--keep needs --neo4j-uri")
        kept = Neo4jStore(driver, "neo4j", uri=args.neo4j_uri)
        kept.setup()  # idempotent; fills write-time totals a database from before them lacks
        bench_store("neo4j", kept, None, args)
        driver.close()
        return
    for plans in args.plans:
        t = time.perf_counter()
        graphs = make_graphs(plans, args.seed, args.cache)
        how = f"read from {args.cache}" if args.cache else "extracted"
        print(f"\ncorpus: {plans} synthetic plans (seed {args.seed}) {how} in {time.perf_counter() - t:.1f} s",
              flush=True)
        if not args.no_embedded:
            with tempfile.TemporaryDirectory() as tmp:
                store = EmbeddedStore(tmp)
                store.setup()
                bench_store("embedded", store, graphs, args)
                store.close()
        if driver is not None:
            store = Neo4jStore(driver, "neo4j", uri=args.neo4j_uri)
            store.setup()
            store.reset()
            bench_store("neo4j", store, graphs, args)
    if driver is not None:
        driver.close()


if __name__ == "__main__":
    main()
