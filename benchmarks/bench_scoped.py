"""Scoped reads: overload, compare, per-plan centrality and the web views on one jurisdiction
or one plan of a large store, before and after they read only their scope.

*After* is each call as the API, CLI and notebooks make it today, on the store itself
(``queries.frames.scoped_snapshot``: the scope's plans, tasks, edges and the bodies they
name; ``app.views.graphs`` reading ``source_facts``/``tasks_by_id``). *Before* is what the
same call cost when it read the whole store first: the whole-store ``snapshot`` read (timed
``--before-repeats`` times) plus the call on that snapshot; for the views, the whole-store
reads the old code added (``agencies()`` + ``collectives()``; the ego and plan views read
them on every request, the co-responsibility view also ``plans()``) on top of today's call.

Usage (the corpus comes from a graph cache, ``benchmarks.scale.graph_cache``)::

    .venv/bin/python benchmarks/bench_scoped.py --plans 10000 --cache /work/scale/cache-100000-seed0 \\
        --data var/bench/scoped-10k                       # embedded; the store is kept and reused
    .venv/bin/python benchmarks/bench_scoped.py --plans 10000 --cache /work/scale/cache-100000-seed0 \\
        --neo4j-uri bolt://127.0.0.1:7699 [--keep]        # Neo4j: EMPTIED and loaded, or --keep

Nothing asserts a time: it prints p50/p95 to record in docs/analytics.md ("Scoped reads")
and docs/web.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import queries as q  # noqa: E402
from app import data  # noqa: E402
from app.views import graphs as views  # noqa: E402
from benchmarks.bench_queries import load  # noqa: E402
from benchmarks.machine import connect, summary  # noqa: E402
from benchmarks.scale.graph_cache import first_graphs  # noqa: E402
from agencynet.errors import StoreError  # noqa: E402
from queries.frames import snapshot  # noqa: E402

def timed(fn, repeats: int) -> tuple[list[float], object]:
    out, result = [], None
    for _ in range(repeats):
        t = time.perf_counter()
        result = fn()
        out.append((time.perf_counter() - t) * 1000)
    return out, result


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))]


def size(result) -> str:
    if isinstance(result, dict) and "led" in result:
        return f"{len(result['led'])} led + {len(result['supported'])} supported"
    if isinstance(result, dict):
        return f"{sum(len(v) for v in result.values())} rows"
    if hasattr(result, "number_of_nodes"):
        return f"{result.number_of_nodes()} nodes"
    return f"{len(result)} rows"


def scopes(store) -> dict:
    """The jurisdiction with most plans, a second for compare, its first plan, that plan's first lead."""
    from collections import Counter

    plans = store.plans()
    ranked = Counter(p["jurisdiction_id"] for p in plans).most_common(2)
    j, other = ranked[0][0], ranked[1][0]
    in_j = [p["id"] for p in plans if p["jurisdiction_id"] == j]
    first = next(p for p in plans if p["jurisdiction_id"] == j)
    lead = next(e["source_id"] for e in store.edges([first["id"]]) if e["type"] == "LEADS")
    return {"jurisdiction": j, "jurisdiction_plans": len(in_j), "other": other, "plan": first["id"], "agency": lead}


def measures(s: dict) -> list[tuple[str, object]]:
    """(name, call(source)) of the scoped calls; ``source`` is the store or a whole snapshot."""
    j, two, p = s["jurisdiction"], [s["jurisdiction"], s["other"]], s["plan"]
    return [
        ("overload (one jurisdiction)", lambda src: q.overload(src, jurisdiction=j)),
        ("overload (one plan)", lambda src: q.overload(src, plan=p)),
        ("concentration (one jurisdiction)", lambda src: q.concentration(src, jurisdiction=j)),
        ("compare (one jurisdiction)", lambda src: q.compare(src, jurisdictions=[j])),
        ("compare (two jurisdictions)", lambda src: q.compare(src, jurisdictions=two)),
        ("compare (one plan)", lambda src: q.compare(src, by="plan", plan=p)),
        ("centrality per plan, two-mode (one jurisdiction)",
         lambda src: q.centrality(src, per_plan=True, jurisdiction=j)),
        ("centrality per plan, two-mode (one plan)", lambda src: q.centrality(src, per_plan=True, plan=p)),
        ("centrality directed (one jurisdiction)", lambda src: q.centrality(src, graph="directed", jurisdiction=j)),
    ]


def views_of(s: dict) -> list[tuple[str, object, tuple]]:
    """(name, call(store), whole-store reads the old code added) of the web views."""
    whole = ("agencies", "collectives")
    return [
        ("view: plan network", lambda st: views.agency_task_graph(st, s["plan"]), whole),
        ("view: ego network", lambda st: views.ego_graph(st, s["agency"]), whole),
        ("view: co-responsibility (one jurisdiction)",
         lambda st: views.co_responsibility_graph(st, jurisdiction=s["jurisdiction"]), (*whole, "plans")),
        ("api: agency detail", lambda st: data.agency_detail(st, s["agency"]), ()),
    ]


def row(store: str, name: str, ms: list[float], answer: str) -> None:
    print(f"{store:<9} {name:<52} {pct(ms, 50):>9.1f} {pct(ms, 95):>9.1f}  {answer}", flush=True)


def bench(kind: str, store, args) -> None:
    s = scopes(store)
    print(f"\n{kind}: {store.health()['plans']} plans; jurisdiction {s['jurisdiction']} ({s['jurisdiction_plans']} plans), "
          f"second {s['other']}, plan {s['plan']}, agency {s['agency']}", flush=True)
    print(f"{'store':<9} {'measure':<52} {'p50 ms':>9} {'p95 ms':>9}  answer", flush=True)
    after = {}
    for name, call in measures(s):
        ms, result = timed(lambda: call(store), args.repeats)
        after[name] = result
        row(kind, f"after: {name}", ms, size(result))
    for name, call, _ in views_of(s):
        ms, result = timed(lambda: call(store), args.repeats)
        row(kind, f"after: {name}", ms, size(result))
    if args.no_before:
        return
    try:
        snap_ms, snap = timed(lambda: snapshot(store), args.before_repeats)
    except StoreError as exc:  # e.g. Neo4j's transaction memory limit at 10k plans: every "before" failed so
        print(f"{kind:<9} before: whole-store snapshot read FAILED: {str(exc)[:160]}", flush=True)
        snap = None
    if snap is not None:
        row(kind, "before: whole-store snapshot read", snap_ms, f"{len(snap.edges)} edge rows")
    for name, call in measures(s) if snap is not None else []:
        ms, result = timed(lambda: call(snap), args.repeats)
        same = q.rows(result) == q.rows(after[name]) if not isinstance(result, dict) else \
            all(q.rows(result[k]) == q.rows(after[name][k]) for k in result)
        if name.startswith("overload"):  # counted in the store already before (rank_agencies): not a before
            row(kind, f"on the snapshot: {name}", ms, f"{size(result)}; same answer: {same}")
            continue
        row(kind, f"before: {name}", [statistics.median(snap_ms) + m for m in ms],
            f"{size(result)}; same answer: {same}")
    reads = {}
    for name in ("agencies", "collectives", "plans"):
        reads[name], _ = timed(getattr(store, name), args.before_repeats)
    for name, call, old in views_of(s):
        if not old:
            continue
        ms, _ = timed(lambda: call(store), args.repeats)
        extra = sum(statistics.median(reads[r]) for r in old)
        row(kind, f"before: {name}", [m + extra for m in ms], f"+ {' + '.join(f'{r}()' for r in old)} "
                                                                 f"({extra:.0f} ms)")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plans", type=int, default=10000)
    ap.add_argument("--cache", help="graph cache to load from (benchmarks.scale.graph_cache)")
    ap.add_argument("--data", help="embedded store directory (kept; loaded only when it holds fewer plans)")
    ap.add_argument("--neo4j-uri", help="Bolt URI of a Neo4j to EMPTY and load (instead of the embedded store)")
    ap.add_argument("--neo4j-user", default="neo4j")
    ap.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", ""))
    ap.add_argument("--keep", action="store_true", help="Neo4j: measure what the database holds (no load)")
    ap.add_argument("--repeats", type=int, default=7, help="runs of each scoped call (default 7)")
    ap.add_argument("--before-repeats", type=int, default=1, help="runs of the whole-store reads (default 1)")
    ap.add_argument("--no-before", action="store_true", help="time only today's scoped calls")
    args = ap.parse_args(argv)
    driver = version = None
    if args.neo4j_uri:
        from store.neo4j_store import Neo4jStore
        driver, version = connect(args.neo4j_uri, args.neo4j_user, args.neo4j_password)
        store, kind = Neo4jStore(driver, "neo4j", uri=args.neo4j_uri), "neo4j"
        store.setup()
        if not args.keep:
            store.reset()
    else:
        from store.embedded import EmbeddedStore
        if not args.data:
            raise SystemExit("give --data DIR for the embedded store (kept between runs) or --neo4j-uri")
        store, kind = EmbeddedStore(args.data), "embedded"
        store.setup()
    print(summary(version), flush=True)
    held = store.health()["plans"]
    if held < args.plans and not args.keep:
        if not args.cache:
            raise SystemExit(f"the store holds {held} plans: give --cache to load {args.plans}")
        graphs = first_graphs(args.cache, args.plans)
        seconds = load(store, graphs)
        print(f"loaded {len(graphs)} plans in {seconds:.1f} s", flush=True)
    bench(kind, store, args)
    store.close()
    if driver is not None:
        driver.close()


if __name__ == "__main__":
    main()
