"""Time a JSON page of ``/plans`` and ``/agencies``: the old whole-store read sliced in Python
(``page(data.plans(store))``, ``page(data.agencies(store))``) against the store's paged reads
(``data.plans_page``/``data.agencies_page``, what the routes now call), and the routes over
the app in-process (FastAPI ``TestClient``). An embedded store in a temporary directory (with
``--neo4j``, also a temporary Neo4j started here and stopped after) is filled with the first
``--plans`` synthetic plans (from a graph cache when given).

Usage::

    .venv/bin/python benchmarks/bench_list_pages.py --plans 2000 --cache /work/scale/cache-100000-seed0
    .venv/bin/python benchmarks/bench_list_pages.py --plans 2000 --cache /work/scale/cache-100000-seed0 --neo4j

Nothing here asserts a time: it prints p50 figures (seconds) to record in docs/web.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fastapi.testclient import TestClient  # noqa: E402

from app import data  # noqa: E402
from app.main import create_app  # noqa: E402
from app.tables import page  # noqa: E402
from benchmarks.bench_queries import load, make_graphs  # noqa: E402
from store.embedded import EmbeddedStore  # noqa: E402
from agencynet.settings import Settings  # noqa: E402


def p50(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def bench(store, graphs, tmp: Path, repeats: int) -> None:
    seconds = load(store, graphs)
    counts = store.counts()
    print(f"{store.kind} store: {counts['Plan']} plans, {counts['Task']} tasks, {counts['Agency']} agencies "
          f"(loaded in {seconds:.1f} s)")
    half = counts["Agency"] // 2
    needle = store.agencies_page(limit=1, offset=half)["rows"][0]["name"][-3:]
    cases = {
        "/plans?limit=50": (lambda: page(data.plans(store), 50, 0), lambda: data.plans_page(store, 50, 0),
                            ("/plans", {"limit": 50})),
        "/agencies?limit=100": (lambda: page(data.agencies(store), 100, 0),
                                lambda: data.agencies_page(store, limit=100), ("/agencies", {"limit": 100})),
        f"/agencies?limit=100&offset={half}": (
            lambda: page(data.agencies(store), 100, half), lambda: data.agencies_page(store, limit=100, offset=half),
            ("/agencies", {"limit": 100, "offset": half})),
        f"/agencies?q={needle}&limit=100": (
            lambda: page(data.agencies(store, q=needle), 100, 0), lambda: data.agencies_page(store, q=needle, limit=100),
            ("/agencies", {"q": needle, "limit": 100})),
    }
    settings = Settings(_env_file=None, agencynet_data_dir=tmp / "unused", neo4j_uri=None)
    with TestClient(create_app(settings, store=store)) as client:
        print(f"{'request':40} {'before s':>9} {'after s':>9} {'GET s':>9}  (p50 of {repeats})")
        for name, (before, after, (url, params)) in cases.items():
            assert before() == after(), name  # same answer
            get = p50(lambda: client.get(url, params=params).raise_for_status(), repeats)
            print(f"{name:40} {p50(before, repeats):9.4f} {p50(after, repeats):9.4f} {get:9.4f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--cache", default=None, help="graph cache directory (benchmarks.scale.graph_cache)")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--neo4j", action="store_true", help="also on a temporary Neo4j started here")
    args = ap.parse_args(argv)
    graphs = make_graphs(args.plans, args.seed, args.cache)
    with tempfile.TemporaryDirectory() as tmp:
        store = EmbeddedStore(Path(tmp) / "store")
        store.setup()
        bench(store, graphs, Path(tmp), args.repeats)
        store.close()
        if args.neo4j:
            from agencynet.neo4j_launcher import Neo4jLauncher, free_port
            from store import make_driver
            from store.neo4j_store import Neo4jStore
            launcher = Neo4jLauncher(Path(tmp) / "neo4j", build_dir=Neo4jLauncher.from_settings(Settings()).build_dir)
            uri = launcher.start(port=free_port(), data_dir=Path(tmp) / "neo4j" / "data")
            driver = make_driver(Settings(_env_file=None, neo4j_uri=uri, neo4j_user="neo4j", neo4j_password=""))
            try:
                neo = Neo4jStore(driver, "neo4j", uri=uri)
                neo.setup()
                bench(neo, graphs, Path(tmp), args.repeats)
            finally:
                driver.close()
                launcher.stop(timeout=60.0)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
