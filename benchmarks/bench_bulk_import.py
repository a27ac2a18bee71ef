"""Bulk import benchmark: a cached synthetic corpus into a NEW Neo4j database with the import tool.

The path ``agencynet neo4j import`` takes, timed phase by phase on the graph rows of a
``benchmarks.scale.graph_cache`` corpus (so extraction is not in the figure; it is measured by
bench_extract and run_scale):

1. CSV: ``store.neo4j_bulk.plan_part`` on every core (one cache chunk per task), written by
   ``BulkFiles`` (shared nodes, totals and agency pair counts at the end);
2. import: Neo4j's import tool (``agencynet.neo4j_import.run``) builds the store files;
3. start + complete: the local server starts on them, constraints and indexes are built and
   awaited (``agencynet.neo4j_import.complete``).

The figure to compare with ``load_many`` (run_scale, bench_load) is the sum: task+edge rows
per second from CSV start to a queryable, indexed database. The stored counts are checked
against the rows written. Prints the machine first; ``--json`` also writes the figures.

    .venv/bin/python -m benchmarks.scale.graph_cache var/scale/cache-100000-seed0 --plans 100000
    .venv/bin/python -m benchmarks.bench_bulk_import --cache var/scale/cache-100000-seed0 \\
        --plans 100000 --workdir var/scale/bulk
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import sys
import time
from multiprocessing import get_context
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.machine import connect, summary  # noqa: E402
from benchmarks.scale.measure import dir_size_mb, peak_rss_mb  # noqa: E402


def _chunk_parts(args: tuple[str, int]) -> list:
    """In a worker: the ``plan_part`` of the first ``limit`` graphs of one cache chunk file."""
    from store.neo4j_bulk import plan_part

    path, limit = args
    with open(path, "rb") as fh:
        graphs = pickle.load(fh)
    return [plan_part(g) for g in graphs[:limit]]


def write_csv(cache: Path, plans: int, csv_dir: Path, workers: int):
    """Parts of the first ``plans`` cached graphs, built on ``workers`` processes, into CSV files."""
    from store.neo4j_bulk import BulkFiles

    tasks, left = [], plans
    for path in sorted(cache.glob("chunk_*.pkl"), key=lambda p: int(p.stem.split("_")[1])):
        if left <= 0:
            break
        figures = json.loads(path.with_suffix(".json").read_text())
        size = figures["documents"] - figures["failed"]
        tasks.append((str(path), min(size, left)))
        left -= size
    if left > 0:
        raise SystemExit(f"{cache} holds fewer than {plans} plans")
    bulk = BulkFiles(csv_dir)
    with get_context("spawn").Pool(workers) as pool:
        for parts in pool.imap(_chunk_parts, tasks):
            for part in parts:
                bulk.add_part(part)
    return bulk, bulk.finish()


def main(argv=None) -> int:
    from agencynet import neo4j_import
    from agencynet.neo4j_launcher import Neo4jLauncher, free_port
    from agencynet.settings import Settings

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cache", type=Path, required=True, help="graph cache directory (graph_cache)")
    ap.add_argument("--plans", type=int, required=True, help="first N plans of the cache")
    ap.add_argument("--workdir", type=Path, required=True, help="CSV files and the database go here (emptied)")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", action="store_true", help="keep the database (and leave Neo4j stopped)")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args(argv)

    settings = Settings()
    print(summary(f"bulk import of {args.plans} plans, {args.workers} CSV workers"))
    shutil.rmtree(args.workdir, ignore_errors=True)
    args.workdir.mkdir(parents=True)
    launcher = Neo4jLauncher(args.workdir / "home", Neo4jLauncher.from_settings(settings).build_dir)
    fig: dict = {"plans": args.plans, "workers": args.workers, "heap_mb": launcher.heap_mb,
                 "pagecache_mb": launcher.pagecache_mb}
    started = time.monotonic()
    bulk, files = write_csv(args.cache, args.plans, args.workdir / "csv", args.workers)
    fig["csv_s"] = round(time.monotonic() - started, 1)
    loaded = [r for r in bulk.results if r.status == "loaded"]
    fig["tasks"], fig["edges"] = sum(r.tasks for r in loaded), sum(r.edges for r in loaded)
    fig["rows"] = fig["tasks"] + fig["edges"]
    fig["failed"] = sum(r.status == "failed" for r in bulk.results)
    fig["csv_mb"] = dir_size_mb(args.workdir / "csv")
    print(f"csv      {fig['csv_s']:8.1f} s  {len(loaded)} plans, {fig['rows']} task+edge rows, "
          f"{fig['csv_mb']:.0f} MB, peak RSS {peak_rss_mb():.0f} MB", flush=True)
    phase = time.monotonic()
    lines: list[str] = []
    neo4j_import.run(files, args.workdir / "data", launcher.build_dir, launcher.heap_mb, args.workdir / "csv",
                     echo=lines.append)
    fig["import_s"] = round(time.monotonic() - phase, 1)
    fig["import_peak"] = next((t.split(":", 1)[1].strip() for t in lines if t.startswith("Peak memory usage")), None)
    print(f"import   {fig['import_s']:8.1f} s  (import tool's peak memory {fig['import_peak']})", flush=True)
    phase = time.monotonic()
    uri = launcher.start(port=free_port(), data_dir=args.workdir / "data", timeout=600.0)
    try:
        driver, agent = connect(uri, "neo4j", "")
        try:
            neo4j_import.complete(driver)
            fig["start_complete_s"] = round(time.monotonic() - phase, 1)
            fig["total_s"] = round(time.monotonic() - started, 1)
            from store.neo4j_store import Neo4jStore
            counts = Neo4jStore(driver, "neo4j", uri=uri).counts()
        finally:
            driver.close()
    finally:
        launcher.stop()
    stored = counts["Task"] + counts["LEADS"] + counts["SUPPORTS"] + counts["NAMED_ON"]
    fig.update(server=agent, stored_rows=stored, rows_per_s=round(fig["rows"] / fig["total_s"]),
               store_mb=dir_size_mb(args.workdir / "data"))
    print(f"start+indexes {fig['start_complete_s']:5.1f} s  ({agent})")
    print(f"total    {fig['total_s']:8.1f} s  {fig['rows_per_s']} task+edge rows/s; stored rows {stored} "
          f"({'match' if stored == fig['rows'] else 'MISMATCH'}), store {fig['store_mb']:.0f} MB")
    if args.json:
        args.json.write_text(json.dumps(fig, indent=2))
    if not args.keep:
        shutil.rmtree(args.workdir, ignore_errors=True)
    return 0 if stored == fig["rows"] else 1


if __name__ == "__main__":
    sys.exit(main())
