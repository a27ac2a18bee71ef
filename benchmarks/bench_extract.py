"""Extraction throughput: documents/second, MB/second and peak memory on one core.

The corpus is generated, not stored: a few hundred ~20 KB documents made by
sampling and mutating the five sample plans in ``samples/plans`` with a fixed
seed (lines dropped, duplicated and swapped; trimmed or extended to the target
size; saved as UTF-8, GB18030 or UTF-16 so encoding detection is exercised).
Other formats (HTML, DOCX, PDF) can be generated from the same texts.

Run::

    .venv/bin/python benchmarks/bench_extract.py                 # 300 × 20 KB .txt
    .venv/bin/python benchmarks/bench_extract.py --formats txt,html,docx --count 200
    .venv/bin/python benchmarks/bench_extract.py --read-only     # decoding/reading stage alone

It prints the machine, the corpus and, per format, documents/second and
MB/second (best and median of ``--repeat`` timed passes, after a warm-up), then
peak memory: traced Python allocations (tracemalloc, separate pass) and the
process's maximum resident set size. Full extraction uses
``loaders.extract.extract_document(data, name)``; without it the reading stage
alone is measured (and said so).
"""

from __future__ import annotations

import argparse
import html
import io
import os
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.machine import summary  # noqa: E402

from loaders.reading import read_document  # noqa: E402

SAMPLES = ROOT / "samples" / "plans"
ENCODINGS = (("utf-8", 0.6), ("gb18030", 0.3), ("utf-16", 0.1))


def mutate(lines: list[str], rng: random.Random, target_bytes: int, pool: list[str]) -> str:
    """One document: ``lines`` with some paragraphs dropped/duplicated/swapped, sized to about ``target_bytes``.

    Only body paragraphs (longer than 40 characters) are dropped or swapped, so
    the outline headings survive; the size is reached by appending runs of
    lines from the same plan's body or by trimming lines from the end.
    """
    out: list[str] = []
    for line in lines:
        r = rng.random()
        if r < 0.08 and len(line) > 40:  # drop body paragraphs only: headings keep the outline intact
            continue
        out.append(line)
        if r > 0.92:
            out.append(line)
    for _ in range(len(out) // 20):
        i = rng.randrange(1, max(2, len(out) - 1))
        if i < len(out) - 1 and len(out[i]) > 40 and len(out[i + 1]) > 40:
            out[i], out[i + 1] = out[i + 1], out[i]
    size = sum(len(x.encode("utf-8")) + 1 for x in out)
    while size < target_bytes:  # extend with a run of lines from the same plan's body
        start = rng.randrange(len(pool))
        for line in pool[start:start + 10]:
            out.append(line)
            size += len(line.encode("utf-8")) + 1
    while size > target_bytes * 1.1 and len(out) > 10:
        size -= len(out.pop().encode("utf-8")) + 1
    return "\n".join(out) + "\n"


def make_corpus(count: int, seed: int, target_kb: float) -> list[tuple[str, str]]:
    """``count`` (name, text) pairs, deterministic for a given seed."""
    rng = random.Random(seed)
    samples = [(p.stem, p.read_text(encoding="utf-8").splitlines()) for p in sorted(SAMPLES.glob("*.txt"))]
    if not samples:
        raise SystemExit(f"no sample plans in {SAMPLES}")
    corpus = []
    for i in range(count):
        stem, lines = samples[i % len(samples)]
        pool = lines[len(lines) // 5:]
        corpus.append((f"bench_{i:04d}_{stem}", mutate(lines, rng, int(target_kb * 1024), pool)))
    return corpus


def encode_txt(text: str, rng: random.Random) -> bytes:
    r, acc = rng.random(), 0.0
    for enc, share in ENCODINGS:
        acc += share
        if r <= acc:
            try:
                return text.encode(enc)
            except UnicodeEncodeError:
                break
    return text.encode("utf-8")


def to_html(text: str) -> bytes:
    body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines())
    return ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>t</title><script>var x=1;</script></head>"
            "<body><div class='nav'><a>首页</a><a>政务公开</a></div><div class='crumb'>当前位置：首页</div>"
            f"<div class='content'>{body}</div><div class='footer'>版权所有</div></body></html>").encode("utf-8")


def to_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def to_pdf(text: str) -> bytes:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("zh", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK", firstLineIndent=24)
    buf = io.BytesIO()
    SimpleDocTemplate(buf).build([Paragraph(html.escape(line), style) for line in text.splitlines() if line.strip()])
    return buf.getvalue()


def build_files(corpus: list[tuple[str, str]], fmt: str, seed: int) -> list[tuple[str, bytes]]:
    rng = random.Random(seed + 1)
    maker: dict[str, Callable[[str], bytes]] = {"html": to_html, "docx": to_docx, "pdf": to_pdf}
    if fmt == "txt":
        return [(f"{name}.txt", encode_txt(text, rng)) for name, text in corpus]
    return [(f"{name}.{fmt}", maker[fmt](text)) for name, text in corpus]


def pick_worker(read_only: bool) -> tuple[str, Callable[[bytes, str], object]]:
    if not read_only:
        try:
            from loaders.extract import extract_document
        except ImportError:
            print("note: loaders.extract.extract_document not found; measuring the reading stage only")
        else:
            return "extract_document (read + parse)", extract_document
    return "read_document (reading stage only)", read_document


def run_pass(files: list[tuple[str, bytes]], work: Callable[[bytes, str], object]) -> tuple[float, list[str]]:
    failures: list[str] = []
    start = time.perf_counter()
    for name, data in files:
        try:
            work(data, name)
        except Exception as exc:  # noqa: BLE001 - a benchmark counts failures instead of stopping
            failures.append(f"{type(exc).__name__}: {exc}")
    return time.perf_counter() - start, failures


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=300, help="documents per format (default 300)")
    ap.add_argument("--size-kb", type=float, default=20.0, help="target document size in KB of UTF-8 text")
    ap.add_argument("--seed", type=int, default=20240601)
    ap.add_argument("--formats", default="txt", help="comma list among txt,html,docx,pdf (default txt)")
    ap.add_argument("--repeat", type=int, default=3, help="timed passes per format (default 3)")
    ap.add_argument("--read-only", action="store_true", help="measure read_document only")
    args = ap.parse_args(argv)

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    label, work = pick_worker(args.read_only)
    print(summary())
    print(f"worker: {label}; pinned to one core; seed {args.seed}")
    corpus = make_corpus(args.count, args.seed, args.size_kb)
    for fmt in [f.strip() for f in args.formats.split(",") if f.strip()]:
        files = build_files(corpus, fmt, args.seed)
        total_mb = sum(len(d) for _, d in files) / 1e6
        run_pass(files[:5], work)  # warm-up: imports, caches
        times: list[float] = []
        failures: list[str] = []
        for _ in range(max(1, args.repeat)):
            elapsed, failures = run_pass(files, work)
            times.append(elapsed)
        best, median = min(times), statistics.median(times)
        print(f"[{fmt}] {len(files)} documents, {total_mb:.2f} MB (mean {total_mb * 1e3 / len(files):.1f} KB), "
              f"{len(failures)} failed")
        for message in sorted(set(failures))[:3]:
            print(f"[{fmt}]   e.g. {message[:160]}")
        print(f"[{fmt}] documents/second: best {len(files) / best:.1f}, median {len(files) / median:.1f}")
        print(f"[{fmt}] MB/second:        best {total_mb / best:.2f}, median {total_mb / median:.2f}")
        tracemalloc.start()
        run_pass(files, work)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"[{fmt}] peak traced Python memory during one pass: {peak / 1e6:.1f} MB")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(f"max resident set size of the process: {rss:.0f} MB (includes the generated corpus)")


if __name__ == "__main__":
    main()
