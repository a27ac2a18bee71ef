"""Scale benchmark: extraction, load (embedded and Neo4j), query latency, Neo4j index
evidence and API throughput over a synthetic national corpus, at 1k and 10k plans.

    .venv/bin/python benchmarks/run_scale.py                       # 1k and 10k, both stores, API
    .venv/bin/python benchmarks/run_scale.py --sizes 1000 --no-api
    .venv/bin/python benchmarks/run_scale.py --sizes 100000 --long --stores neo4j --no-api

Each size runs in its own child process (so peak memory is per size) on a fresh
embedded store under ``--workdir`` and an emptied Neo4j: a local embedded Neo4j started
here on a free 127.0.0.1 port (``agencynet.neo4j_launcher``), or ``--neo4j-uri``. It prints
the machine, then every figure, and writes them all as JSON (``--json``). Nothing is
asserted: targets are judged in docs/performance.md from these figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.machine import describe as machine, load_average  # noqa: E402
from benchmarks.scale.measure import dir_size_mb, peak_rss_mb  # noqa: E402

LONG_RUN = 50_000  # sizes above this need --long


def child(args) -> dict:
    """Measure one corpus size in this process; returns the figures."""
    from benchmarks.scale import neo4j_plans, pipeline, queries

    n = args.child
    work = Path(args.workdir) / f"n{n}"
    if not args.reuse:
        shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)
    stores, driver = {}, None
    if "embedded" in args.stores:
        from store.embedded import EmbeddedStore

        stores["embedded"] = EmbeddedStore(work / "embedded")
        stores["embedded"].setup()
    if "neo4j" in args.stores and args.neo4j_uri:
        from agencynet.settings import Settings
        from store import make_driver
        from store.neo4j_store import Neo4jStore

        driver = make_driver(Settings(neo4j_uri=args.neo4j_uri, neo4j_password=args.neo4j_password or ""))
        stores["neo4j"] = Neo4jStore(driver, "neo4j", uri=args.neo4j_uri)
        stores["neo4j"].setup()
        if not args.reuse:
            stores["neo4j"].reset()
    result: dict = {"plans": n, "seed": args.seed, "stores": sorted(stores), "load_average_start": load_average()}
    t = time.perf_counter()
    if args.reuse:
        first = next(iter(stores.values()))
        result["sample_plan_ids"] = sorted(p["id"] for p in first.plans())[:50]
        result["reused"] = True
    elif args.cache:
        from benchmarks.scale import graph_cache

        cache = Path(args.cache) / f"cache-{n}-seed{args.seed}"
        graph_cache.build(cache, n, args.seed, progress=_progress(n))
        result.update(pipeline.run_cached(cache, stores, progress=_progress(n), batch=args.batch))
    else:
        result.update(pipeline.run(n, args.seed, stores, progress=_progress(n), batch=args.batch))
    result["pipeline_wall_s"] = round(time.perf_counter() - t, 1)
    if "embedded" in stores:
        result["embedded_store_mb"] = dir_size_mb(work / "embedded")
    result["queries"], result["measures_on_snapshot"] = {}, {}
    for kind, store in stores.items() if args.queries else ():
        print(f"[{n}] query latency on {kind} ...", file=sys.stderr, flush=True)
        result["queries"][kind] = _guard(lambda: queries.latency(
            store, reps=args.reps, plan_ids=result.get("sample_plan_ids"), whole=n <= args.whole_max,
            slow_s=args.slow_s, only=[x for x in (args.only or "").split(",") if x] or None))
    if "embedded" in stores and args.measures:  # the same snapshot whichever store it came from: measured once
        result["measures_on_snapshot"] = _guard(lambda: queries.on_snapshot(stores["embedded"], reps=args.reps))
    if driver is not None:
        result["neo4j_server"] = driver.get_server_info().agent
        result["neo4j_plans"] = _guard(lambda: neo4j_plans.evidence(driver, "neo4j", stores["neo4j"]))
    if args.api:
        result["api"] = _guard(lambda: _api(args, work, stores, result.get("sample_plan_ids") or []))
    result["peak_rss_mb"] = peak_rss_mb()
    result["load_average_end"] = load_average()
    for store in stores.values():
        store.close()
    if driver is not None:
        driver.close()
    return result


def _guard(measure):
    """Run one measuring phase; an exception is recorded in the figures, not fatal to the run."""
    try:
        return measure()
    except Exception as exc:  # noqa: BLE001 - a benchmark reports what broke and goes on
        print(f"phase failed: {type(exc).__name__}: {exc}", file=sys.stderr, flush=True)
        return {"error": f"{type(exc).__name__}: {exc}"}


def _api(args, work: Path, stores: dict, plan_ids: list[str]) -> dict:
    from benchmarks.scale import api_load

    out = {}
    for kind, store in stores.items():
        plan = plan_ids[0] if plan_ids else None
        tasks = store.tasks(plan) if plan else []
        edges = store.edges([plan]) if plan else []
        agency = next((e["source_id"] for e in edges if e["type"] == "LEADS"), None)
        env = ({"NEO4J_URI": args.neo4j_uri, "NEO4J_PASSWORD": args.neo4j_password or ""} if kind == "neo4j"
               else {"NEO4J_URI": "", "AGENCYNET_DATA_DIR": str(work / "embedded")})
        server = api_load.Server(env, work / f"serve-{kind}.log")
        print(f"[{args.child}] API load on {kind} ({server.base}) ...", file=sys.stderr, flush=True)
        try:
            server.start()
            paths = api_load.endpoints(plan, tasks[0]["id"] if tasks else None, agency)
            out[kind] = api_load.load(server.base, paths, args.api_requests, args.api_concurrency,
                                      args.api_seconds)
        except RuntimeError as exc:
            out[kind] = {"error": str(exc)}
        finally:
            server.stop()
    return out


def _progress(n: int):
    step = max(1, n // 10)
    state = {"done": 0, "t": time.perf_counter()}

    def tick(k: int) -> None:
        state["done"] += k
        if state["done"] % step == 0:
            rate = state["done"] / (time.perf_counter() - state["t"])
            print(f"[{n}] {state['done']}/{n} plans ({rate:.0f}/s)", file=sys.stderr, flush=True)

    return tick


def _start_neo4j(args):
    """A local embedded Neo4j on a free port, data under the work directory."""
    from agencynet.neo4j_launcher import Neo4jLauncher, free_port

    base = Neo4jLauncher.from_settings()
    launcher = Neo4jLauncher(Path(args.workdir) / "neo4j", build_dir=base.build_dir)
    data = Path(args.workdir) / "neo4j" / "data"
    if not args.reuse:
        shutil.rmtree(data, ignore_errors=True)
    t = time.perf_counter()
    uri = launcher.start(port=free_port(), data_dir=data, watch_pid=os.getpid(), timeout=300)
    print(f"local Neo4j at {uri} (ready in {time.perf_counter() - t:.0f}s)", file=sys.stderr, flush=True)
    return launcher, uri


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", default="1000,10000", help="comma-separated plan counts (default 1000,10000)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--stores", default="embedded,neo4j", help="embedded, neo4j or both")
    p.add_argument("--neo4j-uri", default=None, help="use this Neo4j (emptied!) instead of starting one")
    p.add_argument("--neo4j-password", default=None)
    p.add_argument("--batch", type=int, default=200, help="plans per load_many call")
    p.add_argument("--reps", type=int, default=5, help="repetitions per query (p50/p95 over these)")
    p.add_argument("--no-api", dest="api", action="store_false", help="skip the API load")
    p.add_argument("--api-requests", type=int, default=200, help="requests per endpoint")
    p.add_argument("--api-concurrency", type=int, default=4)
    p.add_argument("--api-seconds", type=float, default=60.0, help="time limit per endpoint")
    p.add_argument("--no-measures", dest="measures", action="store_false",
                   help="skip bench_queries' measures on a snapshot")
    p.add_argument("--cache", default=None,
                   help="extract each size once into DIR/cache-<n>-seed<s> (every core; see "
                        "benchmarks/scale/graph_cache.py) and load from there, one store at a time")
    p.add_argument("--whole-max", type=int, default=10_000,
                   help="above this many plans skip the whole-store queries that read every row "
                        "(snapshot, overload, compare, two-mode centrality); default 10000")
    p.add_argument("--slow-s", type=float, default=120.0,
                   help="a query whose first call takes longer is not repeated (default 120 s)")
    p.add_argument("--only", default=None,
                   help="time only these queries (comma-separated names, e.g. ranking,orphans@plan)")
    p.add_argument("--no-queries", dest="queries", action="store_false", help="load only: skip query latency")
    p.add_argument("--reuse", action="store_true",
                   help="measure the stores a previous run left in --workdir (no extraction, no load)")
    p.add_argument("--long", action="store_true", help=f"allow sizes above {LONG_RUN} (100k takes hours)")
    p.add_argument("--workdir", default=str(ROOT / "var" / "scale"))
    p.add_argument("--json", default=None, help="write all figures here (default <workdir>/results.json)")
    p.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    args.stores = [s.strip() for s in args.stores.split(",") if s.strip()]
    if args.child is not None:
        print(json.dumps(child(args), ensure_ascii=False))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if any(s > LONG_RUN for s in sizes) and not args.long:
        p.error(f"sizes above {LONG_RUN} plans take hours on 2 cores: add --long to run them")
    Path(args.workdir).mkdir(parents=True, exist_ok=True)
    report = {"machine": machine(), "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
              "started": time.strftime("%Y-%m-%d %H:%M:%S"), "runs": []}
    print(json.dumps(report["machine"]), flush=True)
    launcher = None
    if "neo4j" in args.stores and not args.neo4j_uri:
        launcher, args.neo4j_uri = _start_neo4j(args)
    try:
        for n in sizes:
            t = time.perf_counter()
            cmd = [sys.executable, __file__, "--child", str(n), "--seed", str(args.seed),
                   "--stores", ",".join(args.stores), "--reps", str(args.reps), "--batch", str(args.batch), "--workdir", args.workdir,
                   "--api-requests", str(args.api_requests), "--api-concurrency", str(args.api_concurrency),
                   "--api-seconds", str(args.api_seconds), "--whole-max", str(args.whole_max),
                   "--slow-s", str(args.slow_s)]
            if args.cache:
                cmd += ["--cache", args.cache]
            if args.neo4j_uri:
                cmd += ["--neo4j-uri", args.neo4j_uri]
            if args.neo4j_password:
                cmd += ["--neo4j-password", args.neo4j_password]
            if not args.api:
                cmd.append("--no-api")
            if not args.measures:
                cmd.append("--no-measures")
            if not args.queries:
                cmd.append("--no-queries")
            if args.reuse:
                cmd.append("--reuse")
            if args.only:
                cmd += ["--only", args.only]
            proc = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
            if proc.returncode != 0:
                report["runs"].append({"plans": n, "error": f"child exited {proc.returncode}"})
                print(f"size {n}: child failed (exit {proc.returncode})", file=sys.stderr)
                continue
            run = json.loads(proc.stdout.strip().splitlines()[-1])
            run["wall_s"] = round(time.perf_counter() - t, 1)
            if launcher is not None:
                run["neo4j_store_mb"] = dir_size_mb(Path(args.workdir) / "neo4j" / "data")
            report["runs"].append(run)
            _print_run(run)
    finally:
        if launcher is not None:
            launcher.stop()
    out = Path(args.json or Path(args.workdir) / "results.json")
    out.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"figures written to {out}")
    return 0


def _print_run(run: dict) -> None:
    n = run["plans"]
    if run.get("reused"):
        print(f"\n== {n} plans (stores left by an earlier run, measured again; wall {run['wall_s']} s; "
              f"load average {run.get('load_average_start')} -> {run.get('load_average_end')})")
    else:
        _print_load(run)
    if "embedded_store_mb" in run:
        print(f"embedded store on disk: {run['embedded_store_mb']} MB")
    if "neo4j_store_mb" in run:
        print(f"neo4j data dir on disk: {run['neo4j_store_mb']} MB")
    print(f"peak RSS: {run['peak_rss_mb']} MB (after load {run.get('peak_rss_mb_after_load')} MB)")
    for kind, qs in run["queries"].items():
        for name, q in qs.items():
            if not isinstance(q, dict) or "p50_ms" not in q:
                print(f"query {kind} {name}: {q}")
                continue
            print(f"query {kind} {name}: p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms (n={q['n']}; "
                  f"first call {q.get('first_ms')} ms)")
    for name, q in run.get("measures_on_snapshot", {}).items():
        if not isinstance(q, dict) or "p50_ms" not in q:
            print(f"measures on snapshot {name}: {q}")
            continue
        print(f"measure on snapshot {name}: p50 {q['p50_ms']} ms, p95 {q['p95_ms']} ms (n={q['n']})")
    plans = run.get("neo4j_plans", [])
    for row in plans if isinstance(plans, list) else [{"file": "-", "error": plans}]:
        print(f"neo4j {row.get('mode')} {row['file']}: index={row.get('uses_index')} "
              f"{'; '.join(row.get('index_operators', [])) or ','.join(row.get('operators', [])[:4])}")
    for kind, paths in run.get("api", {}).items():
        if kind == "error" or "error" in paths:
            print(f"api {kind}: {paths['error']}")
            continue
        for path, a in paths.items():
            print(f"api {kind} {path}: {a['rps']} req/s, p50 {a['p50_ms']} ms, p95 {a['p95_ms']} ms, "
                  f"errors {a['errors']}/{a['requests']}" + (f", {a['not_sent']} not sent (time limit)"
                                                             if a.get("not_sent") else ""))


def _print_load(run: dict) -> None:
    ex, rows = run["extract"], run["rows"]
    print(f"\n== {run['plans']} plans ({rows['tasks']} tasks, {rows['edges']} edges; wall {run['wall_s']} s; "
          f"load average {run.get('load_average_start')} -> {run.get('load_average_end')})")
    print(f"extract: {ex['documents']} docs ({ex['failed']} failed), {ex['mb']} MB in {ex['seconds']} s = "
          f"{ex['docs_per_s']} docs/s, {ex['mb_per_s']} MB/s; graph rows {run['graph']['seconds']} s")
    if run.get("cache"):
        print(f"(extracted beforehand into {run['cache']} by {run.get('extract_workers')} processes at commit "
              f"{run.get('cache_commit')}, wall {run.get('extract_wall_s')} s; docs/s is per process)")
    for kind, rec in run["load"].items():
        print(f"load {kind}: {rec['rows']} task+edge rows in {rec['seconds']} s = {rec['rows_per_s']} rows/s "
              f"({rec['plans_per_s']} plans/s) {rec['statuses']}")
        if rec.get("slices"):
            print(f"  rows/s by tenth of the load: {[s['rows_per_s'] for s in rec['slices']]}")


if __name__ == "__main__":
    sys.exit(main())
