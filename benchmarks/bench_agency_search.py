"""Agency search benchmark: ``agencies_page(q=...)`` latency on existing stores.

Points at stores already loaded (e.g. the 100k stores ``run_scale.py`` or
``bench_bulk_import.py --keep`` leave behind); runs each store's ``setup()`` first (an older
store gets its search text then, timed), then each term ``--repeats`` times and prints the
count, the first call and the p50/max of the others. Prints the machine first.

    .venv/bin/python -m benchmarks.bench_agency_search --embedded /work/scale/run/n100000/embedded \\
        --neo4j-uri bolt://127.0.0.1:7693 --repeats 11
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import connect, summary  # noqa: E402

TERMS = ("市场监管", "zzz-nothing", "发展和改革", "财政", "卫生健康")


def measure(store, terms, repeats: int, limit: int = 50) -> list[dict]:
    """Per term: matches, the first call and the p50 / max of the next ``repeats - 1`` (ms)."""
    rows = []
    for q in terms:
        times, count = [], None
        for _ in range(repeats):
            started = time.perf_counter()
            count = store.agencies_page(q=q, limit=limit)["count"]
            times.append((time.perf_counter() - started) * 1000)
        rest = times[1:] or times
        rows.append({"q": q, "count": count, "first_ms": round(times[0]), "p50_ms": round(statistics.median(rest)),
                     "max_ms": round(max(rest))})
    return rows


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--embedded", type=Path, help="an embedded store's data directory")
    ap.add_argument("--neo4j-uri", help="a running Neo4j holding a loaded database")
    ap.add_argument("--neo4j-password", default="")
    ap.add_argument("--repeats", type=int, default=11)
    ap.add_argument("--terms", default=",".join(TERMS), help="comma-separated search terms")
    args = ap.parse_args(argv)
    if not args.embedded and not args.neo4j_uri:
        ap.error("give --embedded DIR and/or --neo4j-uri URI")
    print(summary("agency search"))
    stores, driver = {}, None
    if args.embedded:
        from store.embedded import EmbeddedStore

        stores["embedded"] = EmbeddedStore(args.embedded)
    if args.neo4j_uri:
        from store.neo4j_store import Neo4jStore

        driver, agent = connect(args.neo4j_uri, "neo4j", args.neo4j_password)
        stores[f"neo4j ({agent})"] = Neo4jStore(driver, "neo4j", uri=args.neo4j_uri)
    try:
        for kind, store in stores.items():
            started = time.perf_counter()
            store.setup()
            print(f"{kind}: setup {time.perf_counter() - started:.1f} s, "
                  f"{store.agencies_page(limit=1)['count']} agencies", flush=True)
            for row in measure(store, args.terms.split(","), args.repeats):
                print(f"  q={row['q']:<12} {row['count']:6d} found  first {row['first_ms']:5d} ms  "
                      f"p50 {row['p50_ms']:4d} ms  max {row['max_ms']:4d} ms", flush=True)
    finally:
        if driver is not None:
            driver.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
