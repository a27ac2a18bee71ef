"""A corpus extracted once, kept on disk as graph rows, so each store's load is timed alone.

At 100k plans generating, extracting and building graph rows takes longer than loading
them; doing it once (on every core: plans are made by index, so chunks are independent)
and pickling the :class:`loaders.records.PlanGraph` objects lets the load and query phases
be re-run, store by store, against exactly the same rows. The directory holds
``chunk_<start>.pkl`` files (one list of graphs each) with their extraction figures (``chunk_<start>.json``), and
``meta.json`` with the corpus size, seed, the summed figures and the commit of the last
build. Plans are made by index, so a smaller corpus of the same seed is a prefix of a
larger one: whole chunks are hard-linked from a sibling ``cache-<n>-seed<seed>``.

    .venv/bin/python -m benchmarks.scale.graph_cache var/scale/cache-100000 --plans 100000
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
import time
from collections.abc import Iterator
from multiprocessing import get_context
from pathlib import Path

CHUNK = 500


def _chunk(args: tuple[str, int, int, int]) -> dict:
    """Make, extract and build plans ``start .. start+count-1``; pickle their graphs."""
    from agencynet.errors import ExtractionError
    from benchmarks.synthetic.corpus import make_plan
    from loaders.extract import extract_document
    from loaders.graph import build_plan_graph

    out, start, count, seed = args
    fig = {"documents": 0, "failed": 0, "bytes": 0, "tasks": 0, "edges": 0,
           "generate_s": 0.0, "extract_s": 0.0, "graph_s": 0.0}
    graphs = []
    for index in range(start, start + count):
        t0 = time.perf_counter()
        name, data, _ = make_plan(index, seed)
        t1 = time.perf_counter()
        try:
            doc = extract_document(data, name)
        except ExtractionError:
            fig["failed"] += 1
            continue
        t2 = time.perf_counter()
        graph = build_plan_graph(doc)
        t3 = time.perf_counter()
        fig["generate_s"] += t1 - t0
        fig["extract_s"] += t2 - t1
        fig["graph_s"] += t3 - t2
        fig["documents"] += 1
        fig["bytes"] += len(data)
        fig["tasks"] += len(graph.tasks)
        fig["edges"] += len(graph.edges)
        graphs.append(graph)
    (Path(out) / f"chunk_{start:07d}.json").write_text(json.dumps(fig))
    tmp = Path(out) / f".chunk_{start:07d}.tmp"
    with open(tmp, "wb") as fh:
        pickle.dump(graphs, fh, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(Path(out) / f"chunk_{start:07d}.pkl")
    return fig


def _commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parents[2], check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def build(out: str | Path, n_plans: int, seed: int = 0, workers: int | None = None,
          progress=None) -> dict:
    """Extract ``n_plans`` synthetic plans into ``out`` with ``workers`` processes (default:
    every core); chunks already on disk, or in a sibling cache of the same seed, are kept (an
    interrupted build resumes). Returns the meta dict (also written to ``out/meta.json``):
    extraction figures summed over every chunk, so ``docs_per_s`` is per core."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    meta_path = out / "meta.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        if meta.get("plans") == n_plans and meta.get("seed") == seed:
            return meta
    _borrow(out, n_plans, seed)
    starts = [s for s in range(0, n_plans, CHUNK) if not (out / f"chunk_{s:07d}.pkl").exists()]
    jobs = [(str(out), s, min(CHUNK, n_plans - s), seed) for s in starts]
    workers = workers or os.cpu_count() or 1
    t = time.perf_counter()
    with get_context("fork").Pool(workers) as pool:
        for fig in pool.imap_unordered(_chunk, jobs):
            if progress:
                progress(fig["documents"] + fig["failed"])
    figs = [json.loads((out / f"chunk_{s:07d}.json").read_text()) for s in range(0, n_plans, CHUNK)]
    total = {k: sum(f[k] for f in figs) for k in figs[0]}
    mb = total.get("bytes", 0) / 1024 / 1024
    meta = {
        "plans": n_plans, "seed": seed, "workers": workers, "commit": _commit(),
        "wall_s": round(time.perf_counter() - t, 1), "chunks_made": len(jobs),
        "extract": {"documents": total.get("documents", 0), "failed": total.get("failed", 0), "mb": round(mb, 2),
                    "seconds": round(total.get("extract_s", 0.0), 2),
                    "docs_per_s": round(total["documents"] / total["extract_s"], 1) if total.get("extract_s") else None,
                    "mb_per_s": round(mb / total["extract_s"], 2) if total.get("extract_s") else None},
        "generate": {"seconds": round(total.get("generate_s", 0.0), 2)},
        "graph": {"seconds": round(total.get("graph_s", 0.0), 2)},
        "rows": {"tasks": total.get("tasks", 0), "edges": total.get("edges", 0),
                 "total": total.get("tasks", 0) + total.get("edges", 0)},
    }
    meta_path.write_text(json.dumps(meta, indent=2))
    return meta


def _borrow(out: Path, n_plans: int, seed: int) -> None:
    """Hard-link whole chunks from a sibling cache of the same seed (``cache-<n>-seed<seed>``):
    plans are made by index, so a smaller corpus is a prefix of a larger one."""
    for other in out.parent.glob(f"cache-*-seed{seed}"):
        if other.resolve() == out.resolve():
            continue
        for start in range(0, n_plans - CHUNK + 1, CHUNK):
            src, dst = other / f"chunk_{start:07d}.pkl", out / f"chunk_{start:07d}.pkl"
            if src.exists() and not dst.exists():
                try:
                    os.link(src.with_suffix(".json"), dst.with_suffix(".json"))
                    os.link(src, dst)
                except OSError:
                    continue


def iter_batches(out: str | Path, batch: int = 200) -> Iterator[list]:
    """Lists of at most ``batch`` graphs, in plan order, one chunk file in memory at a time."""
    for path in sorted(Path(out).glob("chunk_*.pkl")):
        with open(path, "rb") as fh:
            graphs = pickle.load(fh)
        for i in range(0, len(graphs), batch):
            yield graphs[i:i + batch]


def first_graphs(out: str | Path, plans: int) -> list:
    """The first ``plans`` graphs of a cache (a prefix of a larger corpus of the same seed is
    the smaller corpus); exits naming the cache when it holds fewer."""
    graphs: list = []
    for batch in iter_batches(out):
        graphs += batch[:plans - len(graphs)]
        if len(graphs) >= plans:
            return graphs
    raise SystemExit(f"{out} holds only {len(graphs)} plans, {plans} asked for")


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", help="cache directory")
    p.add_argument("--plans", type=int, required=True)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workers", type=int, default=None, help="processes (default: every core)")
    args = p.parse_args(argv)
    done = {"n": 0, "t": time.perf_counter()}

    def tick(k: int) -> None:
        done["n"] += k
        rate = done["n"] / (time.perf_counter() - done["t"])
        print(f"{done['n']}/{args.plans} plans ({rate:.0f}/s)", file=sys.stderr, flush=True)

    print(json.dumps(build(args.out, args.plans, args.seed, args.workers, progress=tick), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
