"""Identity and graph-row throughput: mentions resolved per second, plan graphs built per second.

The five sample plans are extracted once; then ``build_plan_graph`` runs over them
``--repeat`` times (cold: caches cleared before each pass; warm: caches kept, as when
a corpus repeats the same bureau names). Then ``resolve_mention`` runs, caches cleared
before each pass, over the identity test set (``tests/fixtures/identity/mentions.jsonl``:
~1,000 varied mentions from province to town plans, most of them seen once).

Run::

    .venv/bin/python benchmarks/bench_identity.py            # 20 passes
    .venv/bin/python benchmarks/bench_identity.py --repeat 50
"""

from __future__ import annotations

import argparse
import json
import platform
import time
from pathlib import Path

from loaders.extract import extract_document
from loaders.graph import build_plan_graph
from loaders.identity import resolve
from loaders.identity.taxonomy import load_taxonomy

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "plans"
MENTIONS = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "identity" / "mentions.jsonl"


def _clear() -> None:
    resolve._resolve.cache_clear()
    load_taxonomy()._matches.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    docs = [extract_document(p.read_bytes(), p.name) for p in sorted(SAMPLES.glob("*.txt"))]
    mentions = sum(len(t.units) for d in docs for t in d.tasks)
    print(f"machine: {platform.machine()} {platform.python_implementation()} {platform.python_version()}")
    print(f"corpus: {len(docs)} sample plans, {sum(len(d.tasks) for d in docs)} tasks, {mentions} unit mentions")
    load_taxonomy()
    for label, clear in (("cold", True), ("warm", False)):
        rows = 0
        elapsed = 0.0
        for _ in range(args.repeat):
            if clear:
                _clear()
            start = time.perf_counter()
            for doc in docs:
                g = build_plan_graph(doc)
                rows += len(g.tasks) + len(g.edges) + len(g.agencies)
            elapsed += time.perf_counter() - start
        plans = len(docs) * args.repeat
        print(f"build_plan_graph ({label} caches): {plans / elapsed:,.0f} plans/s, "
              f"{mentions * args.repeat / elapsed:,.0f} mentions/s, {rows / elapsed:,.0f} rows/s")

    rows = [json.loads(line) for line in MENTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    ctxs = {}
    for row in rows:
        plan = row["plan"]
        key = (plan["jurisdiction"], plan["level"], plan["parent"])
        if key not in ctxs:
            ctxs[key] = resolve.PlanContext.of(*key)
        row["ctx"] = ctxs[key]
    elapsed = 0.0
    for _ in range(args.repeat):
        _clear()
        start = time.perf_counter()
        for row in rows:
            resolve.resolve_mention(row["mention"], row["ctx"])
        elapsed += time.perf_counter() - start
    print(f"resolve_mention over the identity test set ({len(rows)} mentions, {len(ctxs)} plan contexts, "
          f"cold caches): {len(rows) * args.repeat / elapsed:,.0f} mentions/s")


if __name__ == "__main__":
    main()
