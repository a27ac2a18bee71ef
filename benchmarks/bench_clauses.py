"""Extraction time for one line holding thousands of responsibility clauses.

The shape found by the loaders' fuzzing (``tests/resilience/test_fuzz_loaders.py``):
a document whose action part is one line of ``k`` labelled clauses, each with a
lead declaration (``列第一位的为牵头单位,下同``), and the same with ``k`` unclosed
brackets. Linear work means the time per clause stays flat as ``k`` doubles.

Run::

    .venv/bin/python benchmarks/bench_clauses.py                    # k = 1k, 2k, 4k, 8k, 16k
    .venv/bin/python benchmarks/bench_clauses.py --sizes 1000,4000 --repeat 5

It prints the machine, then per shape and ``k``: the best of ``--repeat`` runs of
``loaders.extract.extract_document`` in seconds, microseconds per clause, and the
ratio to the previous size (2.0 is linear for doubling sizes, 4.0 quadratic).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.machine import summary  # noqa: E402

from agencynet.errors import ExtractionError  # noqa: E402
from loaders.extract import extract_document  # noqa: E402

HEAD = "某市某某行动计划\n一、主要任务\n1.任务。"
SHAPES = {
    "clause_storm": lambda k: (HEAD + "(责任单位:市财政局、市发改委,列第一位的为牵头单位,下同)" * k).encode(),
    "unclosed_brackets": lambda k: (HEAD + "加强(" * k).encode(),
}


def best_seconds(data: bytes, repeat: int) -> float:
    """Best wall-clock time of ``repeat`` extractions of ``data`` (an ExtractionError counts as done)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        try:
            extract_document(data, "storm.txt")
        except ExtractionError:
            pass
        best = min(best, time.perf_counter() - t)
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,2000,4000,8000,16000", help="clause counts on the one line")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs per size (best is printed)")
    ap.add_argument("--shapes", default=",".join(SHAPES), help="which shapes to run")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    print(summary())
    best_seconds(SHAPES["clause_storm"](50), 1)  # warm-up: imports, regex compilation, OpenCC
    for shape in args.shapes.split(","):
        print(f"\n{shape}: one line, k repetitions")
        print(f"{'k':>7} {'seconds':>9} {'us/clause':>10} {'ratio':>6}")
        prev = None
        for k in sizes:
            s = best_seconds(SHAPES[shape](k), args.repeat)
            ratio = f"{s / prev:6.2f}" if prev else "     -"
            print(f"{k:>7} {s:>9.3f} {s / k * 1e6:>10.1f} {ratio}")
            prev = s


if __name__ == "__main__":
    main()
