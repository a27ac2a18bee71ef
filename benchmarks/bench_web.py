"""Benchmark the web service on a large synthetic corpus: server time per page/view/export and
the time headless Chromium takes to open a capped network view until it is drawn.

A real uvicorn process serves an embedded store filled through the real pipeline
(``benchmarks.synthetic`` -> extract -> graph rows -> store). Prints p50/p95 per URL.

Usage::

    .venv/bin/python benchmarks/bench_web.py                 # 200 plans, 5 repeats
    .venv/bin/python benchmarks/bench_web.py --plans 1000 --repeats 3 --max-nodes 300

Nothing here asserts a time: it prints figures to record (docs/web.md).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agencynet.neo4j_launcher import free_port  # noqa: E402
from benchmarks.bench_queries import load, make_graphs, percentile  # noqa: E402
from benchmarks.machine import summary  # noqa: E402
from store.embedded import EmbeddedStore  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def fetch(url: str) -> tuple[float, bytes]:
    t = time.perf_counter()
    with urllib.request.urlopen(url, timeout=120) as r:
        body = r.read()
    return time.perf_counter() - t, body


def fetch_all_plans(base: str) -> list[dict]:
    """Every plan row of the home page's JSON twin, page by page (1,000 a page)."""
    out, offset = [], 0
    while True:
        page = json.loads(fetch(f"{base}/index.json?limit=1000&offset={offset}")[1])["plans"]
        out += page["items"]
        offset += page["limit"]
        if offset >= page["total"]:
            return out


def serve(data: Path, max_nodes: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "AGENCYNET_"))}
    env.update(AGENCYNET_DATA_DIR=str(data), AGENCYNET_VIEW_MAX_NODES=str(max_nodes))
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "app.main:create_app", "--factory", "--host",
                             "127.0.0.1", "--port", str(port), "--log-level", "warning"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            fetch(base + "/health")
            return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("uvicorn did not start")


def browser_open(urls: list[str], repeats: int) -> dict[str, list[float]]:
    from playwright.sync_api import sync_playwright

    out: dict[str, list[float]] = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for url in urls:
            for _ in range(repeats):
                page = b.new_page(viewport={"width": 1400, "height": 900})
                t = time.perf_counter()
                page.goto(url)
                page.wait_for_function("document.body.dataset.networkReady === '1'", timeout=60000)
                out.setdefault(url, []).append(time.perf_counter() - t)
                page.close()
        b.close()
    return out


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--max-nodes", type=int, default=300, help="AGENCYNET_VIEW_MAX_NODES for the server")
    args = ap.parse_args(argv)
    print(summary())
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        store = EmbeddedStore(Path(tmp) / "data")
        load(store, make_graphs(args.plans, args.seed))
        store.close()
        print(f"corpus: {args.plans} synthetic plans (seed {args.seed}) loaded in {time.perf_counter() - t0:.1f} s")
        proc, base = serve(Path(tmp) / "data", args.max_nodes)
        try:
            home = json.loads(fetch(base + "/index.json")[1])
            biggest = max(fetch_all_plans(base), key=lambda p: p["tasks"])
            agency = home["top_leaders"][0]["id"]
            print(f"size: {home['counts']}; biggest plan {biggest['tasks']} tasks")
            urls = ["/", "/index.json", f"/plan/{biggest['id']}", "/orphans", "/compare", "/plans?limit=100",
                    "/agencies?limit=100", f"/views/plan/{biggest['id']}", f"/agency/{agency}",
                    f"/views/agency/{agency}", "/views/co-responsibility", "/views/co-responsibility.graphml",
                    "/views/functions", "/analytics/ranking", "/analytics/orphans?summary=true"]
            print(f"{'GET (server + loopback)':48s} {'p50 ms':>9s} {'p95 ms':>9s} {'KB':>8s}")
            for u in urls:
                times, size = [], 0
                for _ in range(args.repeats):
                    dt, body = fetch(base + u)
                    times.append(dt)
                    size = len(body)
                print(f"{u[:48]:48s} {1000 * statistics.median(times):9.1f} {1000 * percentile(times, 95):9.1f} "
                      f"{size / 1024:8.1f}")
            co = json.loads(fetch(base + "/views/co-responsibility.json")[1])
            print(f"co-responsibility view: {co['cap']}")
            if Path(CHROMIUM).exists():
                views = [base + "/views/co-responsibility", base + f"/views/plan/{biggest['id']}"]
                print(f"{'Chromium: open until drawn':48s} {'p50 ms':>9s} {'p95 ms':>9s}")
                for url, times in browser_open(views, args.repeats).items():
                    print(f"{url.replace(base, '')[:48]:48s} {1000 * statistics.median(times):9.1f} "
                          f"{1000 * percentile(times, 95):9.1f}")
            else:
                print(f"(no {CHROMIUM}: browser timing skipped)")
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
