"""Load benchmark: task+edge rows per second into the embedded store and into Neo4j.

Synthetic plan graphs (seeded, about 50 task+edge rows a plan, as in the scale issue:
100k plans ~ 5M rows) are generated in memory first, so only the store is timed.
Each store is emptied, then loaded twice: one plan per call (``load``, one transaction
per plan) and in bulk (``load_many``, plans sharing transactions, each still all or
nothing). A third pass reloads everything (all ``unchanged``).

Usage::

    python -m benchmarks.bench_load --plans 2000                        # embedded only
    agencynet neo4j start --port 7687                                    # a local Neo4j
    python -m benchmarks.bench_load --plans 2000 --neo4j-uri bolt://127.0.0.1:7687
    python -m benchmarks.bench_load --plans 10000 --launch --skip-single --skip-embedded

``--launch`` starts a fresh embedded Neo4j of its own (``agencynet.neo4j_launcher``, heap and
page cache from the settings, a throwaway data directory) and stops it at the end; its CPU
time is reported too. The bulk run loads ``--slice`` plans per ``load_many`` call and prints
rows/s for each slice, so a rate that decays as the database grows is visible.

It EMPTIES the Neo4j it is pointed at. Prints the machine, then one line per run.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import connect, summary  # noqa: E402
from loaders.records import PlanGraph  # noqa: E402

LEVEL_CHILD = {"province": "city", "city": "county"}
BUREAUS = ["发展改革委", "经信局", "财政局", "市场监管局", "住建局", "交通局", "水利局", "农业农村局",
           "生态环境局", "自然资源局", "卫健委", "教育局", "科技局", "商务局", "文旅局", "人社局",
           "民政局", "公安局", "司法局", "应急管理局", "统计局", "税务局", "审计局", "宣传部",
           "政府办公室", "总工会", "团委", "妇联", "科协", "金融办", "国资委", "城管局"]
FUNCTIONS = [{"code": f"f{i:02d}", "zh": name, "en": f"function {i}", "successor": None,
              "taxonomy_version": "bench"} for i, name in enumerate(BUREAUS)]


def make_plans(n_plans: int, seed: int = 7, tasks_per_plan: int = 20) -> list[PlanGraph]:
    """``n_plans`` synthetic plan graphs over a province/city/county hierarchy."""
    rng = random.Random(seed)
    n_cities = max(1, n_plans // 30)
    places = [{"id": "j-p0", "name": "省0", "level": "province", "parent_id": None}]
    cities = [{"id": f"j-c{i}", "name": f"市{i}", "level": "city", "parent_id": "j-p0"} for i in range(n_cities)]
    graphs = []
    for k in range(n_plans):
        city = cities[k % n_cities]
        county = {"id": f"{city['id']}-k{k % 7}", "name": f"{city['name']}县{k % 7}", "level": "county",
                  "parent_id": city["id"]}
        own = county if k % 3 else city
        agencies = [{"id": f"a-{own['id']}-{i}", "name": own["name"] + b, "name_simplified": own["name"] + b,
                     "jurisdiction_id": own["id"], "function": FUNCTIONS[i]["code"], "kind": "agency"}
                    for i, b in enumerate(BUREAUS)]
        collective = {"id": f"c-{own['id']}", "name": "各有关单位", "jurisdiction_id": own["id"], "kind": "collective"}
        pid = f"p-{k:07d}"
        tasks, edges = [], []
        for seq in range(1, tasks_per_plan + 1):
            tid = f"{pid}-t{seq}"
            units = rng.sample(agencies, rng.choice((0, 1, 1, 2, 2, 3)))
            tasks.append({"id": tid, "plan_id": pid, "seq": seq, "path": f"({seq})", "heading": f"任务{seq}",
                          "text": "推进" * rng.randint(20, 80), "clause": "(责任单位:…)" if units else None,
                          "lead_basis": "convention_first" if units else "none", "open_list": False,
                          "orphan": None if units else "unassigned", "span_start": seq * 100,
                          "span_end": seq * 100 + 90, "clause_start": None, "clause_end": None, "section": "主要任务"})
            for pos, agency in enumerate(units):
                edges.append({"source_id": agency["id"], "task_id": tid, "type": "SUPPORTS" if pos else "LEADS",
                              "mention": agency["name"], "position": pos})
            if seq % 9 == 0:
                edges.append({"source_id": collective["id"], "task_id": tid, "type": "NAMED_ON",
                              "mention": collective["name"], "position": len(units)})
        plan = {"id": pid, "file": f"{pid}.txt", "title": f"计划{k}", "jurisdiction_id": own["id"],
                "jurisdiction": own["name"], "level": own["level"], "parent_jurisdiction": None, "issuer": None,
                "doc_number": None, "date": "2018-01-01", "year": 2018, "script": "simplified",
                "lead_convention": None, "source_hash": f"h{k}", "task_count": tasks_per_plan, "format": "txt",
                "encoding": "utf-8", "warnings": [], "text": "全文" * 2000}
        used = {e["source_id"] for e in edges}  # like loaders.graph: only the agencies a plan names
        agencies = [a for a in agencies if a["id"] in used]
        jurisdictions = [places[0], city] + ([county] if own is county else [])
        graphs.append(PlanGraph(plan=plan, jurisdictions=jurisdictions, tasks=tasks, agencies=agencies,
                                collectives=[collective] if collective["id"] in used else [], functions=FUNCTIONS, edges=edges))
    return graphs


def rows_of(graphs) -> int:
    return sum(len(g.tasks) + len(g.edges) for g in graphs)


def server_cpu(pid: int | None) -> float:
    """CPU seconds (user + system) used so far by process ``pid`` (Linux /proc), or 0."""
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


SERVER_PID: int | None = None


def timed(label: str, store, graphs, bulk: bool, slice_plans: int = 0) -> None:
    store.reset()
    cpu = server_cpu(SERVER_PID) if store.kind == "neo4j" else 0.0
    client = time.process_time()
    started = time.perf_counter()
    if bulk:
        statuses = []
        step = slice_plans or len(graphs) or 1
        for start in range(0, len(graphs), step):
            part = graphs[start:start + step]
            part_cpu, part_started = server_cpu(SERVER_PID) if store.kind == "neo4j" else 0.0, time.perf_counter()
            statuses += [r.status for r in store.load_many(part)]
            if slice_plans and len(graphs) > step:
                took = time.perf_counter() - part_started
                extra = ""
                if SERVER_PID and store.kind == "neo4j":
                    used = server_cpu(SERVER_PID) - part_cpu
                    extra = f", server cpu {used:.1f} s"
                print(f"  {store.kind} slice plans {start:>7}-{start + len(part) - 1:<7} {rows_of(part):>8} rows "
                      f"{took:7.2f} s {rows_of(part) / took:>9,.0f} rows/s{extra}; load average "
                      f"{os.getloadavg()[0]:.1f}", flush=True)
    else:
        statuses = [store.load(g).status for g in graphs]
    seconds = time.perf_counter() - started
    assert set(statuses) == {"loaded"}, set(statuses)
    client = time.process_time() - client
    rows = rows_of(graphs)
    extra = f"; client cpu {client:.1f} s"
    if SERVER_PID and store.kind == "neo4j":
        used = server_cpu(SERVER_PID) - cpu
        extra += f"; server cpu {used:.1f} s = {rows / used:,.0f} rows per server cpu-second"
    print(f"{label:<28} {len(graphs):>7} plans {rows:>9} rows {seconds:8.2f} s "
          f"{rows / seconds:>10,.0f} rows/s {len(graphs) / seconds:>8,.0f} plans/s{extra}")


def reload(label: str, store, graphs) -> None:
    started = time.perf_counter()
    statuses = {r.status for r in store.load_many(graphs)}
    seconds = time.perf_counter() - started
    assert statuses == {"unchanged"}, statuses
    print(f"{label:<28} {len(graphs):>7} plans, all unchanged in {seconds:.2f} s")


def time_reads(store, graphs) -> None:
    """Median of 3 timings of the store's list reads (run after a load, before the reset)."""
    import statistics

    some = [g.plan["id"] for g in graphs[::100]]
    reads = [("plans()", store.plans), ("agencies()", store.agencies), ("edges()", store.edges),
             ("duty_counts()", store.duty_counts), (f"duty_counts({len(some)} plans)", lambda: store.duty_counts(some)),
             ("orphan_tasks()", store.orphan_tasks), (f"edges({len(some)} plans)", lambda: store.edges(some))]
    for name, read in reads:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            rows = read()
            times.append(time.perf_counter() - started)
        print(f"  {store.kind:<9} {name:<24} {len(rows):>8} rows  median {statistics.median(times) * 1000:8.1f} ms")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--tasks", type=int, default=20, help="tasks per plan")
    parser.add_argument("--neo4j-uri", default=None, help="Bolt URI of a Neo4j to EMPTY and load")
    parser.add_argument("--neo4j-user", default="neo4j")
    parser.add_argument("--neo4j-password", default=os.environ.get("NEO4J_PASSWORD", ""))
    parser.add_argument("--skip-single", action="store_true", help="only the bulk (load_many) runs")
    parser.add_argument("--reads", action="store_true", help="also time the list reads after loading")
    parser.add_argument("--server-pid", type=int, default=None,
                        help="pid of a local Neo4j: also report its CPU time (a fair figure on a busy machine)")
    parser.add_argument("--launch", action="store_true",
                        help="start a fresh embedded Neo4j for this run (throwaway data) and stop it after")
    parser.add_argument("--skip-embedded", action="store_true", help="do not time the embedded store")
    parser.add_argument("--slice", type=int, default=1000,
                        help="plans per load_many call in the bulk run, rows/s printed per slice (0: one call)")
    parser.add_argument("--chunk-rows", type=int, default=None,
                        help="task+edge rows per Neo4j transaction (default store.neo4j_load.CHUNK_ROWS)")
    args = parser.parse_args(argv)
    global SERVER_PID
    SERVER_PID = args.server_pid
    with tempfile.TemporaryDirectory() as scratch:
        launcher = None
        if args.launch:
            from agencynet.neo4j_launcher import Neo4jLauncher, free_port
            from agencynet.settings import Settings as _Settings

            launcher = Neo4jLauncher(Path(scratch) / "neo4j", build_dir=Neo4jLauncher.from_settings(_Settings()).build_dir)
            args.neo4j_uri = launcher.start(port=free_port(), data_dir=Path(scratch) / "neo4j" / "data", timeout=300)
            args.neo4j_password = ""
            SERVER_PID = launcher.status()["pid"]
            print(f"launched {args.neo4j_uri} (pid {SERVER_PID}, heap {launcher.heap_mb} MB, "
                  f"page cache {launcher.pagecache_mb} MB)")
        try:
            _run(args)
        finally:
            if launcher is not None:
                launcher.stop(timeout=120)


def _run(args) -> None:
    from store.embedded import EmbeddedStore
    from store.neo4j_store import Neo4jStore

    from store.neo4j_load import CHUNK_ROWS

    graphs = make_plans(args.plans, tasks_per_plan=args.tasks)
    driver = version = None
    if args.neo4j_uri:
        driver, version = connect(args.neo4j_uri, args.neo4j_user, args.neo4j_password)
    print(summary(f"Neo4j {version}" if version else None))
    print(f"{len(graphs)} plans, {rows_of(graphs)} task+edge rows ({rows_of(graphs) / len(graphs):.0f} a plan)")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_embedded:
            store = EmbeddedStore(tmp)
            if not args.skip_single:
                timed("embedded load (1 tx/plan)", store, graphs, bulk=False)
            timed("embedded load_many", store, graphs, bulk=True)
            reload("embedded reload", store, graphs)
            if args.reads:
                time_reads(store, graphs)
            size = sum(f.stat().st_size for f in Path(tmp).iterdir())
            print(f"embedded file size {size / 1e6:.1f} MB")
            store.close()
    if driver is not None:
        store = Neo4jStore(driver, "neo4j", uri=args.neo4j_uri, chunk_rows=args.chunk_rows or CHUNK_ROWS)
        store.setup()
        if not args.skip_single:
            timed("neo4j load (1 tx/plan)", store, graphs, bulk=False)
        print(f"neo4j load_many: {store.chunk_rows} task+edge rows a transaction, {args.slice or len(graphs)} plans a call")
        timed("neo4j load_many", store, graphs, bulk=True, slice_plans=args.slice)
        reload("neo4j reload", store, graphs)
        if args.reads:
            time_reads(store, graphs)
        store.reset()
        driver.close()
    else:
        print("neo4j: skipped (give --neo4j-uri)")
    print(f"peak memory (this process) {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
