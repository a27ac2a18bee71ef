"""Streaming corpus generation: documents in memory or on disk, plus the manifest.

Each plan ``i`` is drawn from its own generator seeded by ``(seed, i)``, so plan ``i`` is
the same bytes whatever ``n`` is, and memory stays constant from 10 to 100,000 plans
(only the jurisdiction tree, a few thousand small objects, is held).
"""

from __future__ import annotations

import hashlib
import json
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path

from agencynet.errors import AgencynetError
from benchmarks.synthetic import prose
from benchmarks.synthetic.document import PlanTruth, build, translate_truth
from benchmarks.synthetic.places import N_COMBOS, JurisdictionTree

MANIFEST = "manifest.jsonl"
DEFAULT_ENCODINGS = (("utf-8", 0.79), ("gb18030", 0.15), ("utf-8-sig", 0.05), ("utf-16", 0.01))


@dataclass
class CorpusSummary:
    """What ``generate_corpus`` wrote: counts and where the manifest is."""

    out_dir: str
    manifest: str
    plans: int
    tasks: int
    edges: int
    bytes: int
    seconds: float

    def as_dict(self) -> dict:
        return asdict(self)


@lru_cache(maxsize=1)
def _s2t():
    import opencc  # imported on first use: generation of simplified-only corpora needs no converter

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=4)
def _tree(seed: int) -> JurisdictionTree:
    return JurisdictionTree(seed)


def plan_name(seed: int, index: int) -> str:
    """File name of plan ``index``: ``000042_<12 hex>.txt`` (like the samples)."""
    return f"{index:06d}_{hashlib.sha1(f'{seed}:{index}'.encode()).hexdigest()[:12]}.txt"


def make_plan(index: int, seed: int = 0, *, traditional_share: float = 0.08,
              encodings: tuple[tuple[str, float], ...] = DEFAULT_ENCODINGS) -> tuple[str, bytes, dict]:
    """Plan ``index`` of the corpus ``seed``: (file name, encoded bytes, manifest entry)."""
    rng = random.Random(f"plan:{seed}:{index}")
    tree = _tree(seed)
    if index >= tree.capacity:
        raise AgencynetError(f"plan index {index} is past the {tree.capacity} distinct plans this generator makes")
    jur, combo = tree.schedule(index, N_COMBOS)
    other = tree.pick(rng).name + prose.TOPICS[rng.choice(sorted(prose.TOPICS))][0]
    text, truth = build(rng, jur, combo, [other])
    traditional = rng.random() < traditional_share
    if traditional:
        conv = _s2t().convert
        text = conv(text)
        translate_truth(truth, conv)
    encoding = rng.choices([e for e, _ in encodings], [w for _, w in encodings])[0]
    if encoding == "gb18030" and rng.random() < 0.3:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding)
    name = plan_name(seed, index)
    return name, data, _entry(name, index, seed, truth, traditional, encoding, data)


def _entry(name: str, index: int, seed: int, truth: PlanTruth, traditional: bool, encoding: str, data: bytes) -> dict:
    jur = truth.jurisdiction
    edges = sum(len(t["lead"]) + len(t["support"]) + len(t["collective"]) for t in truth.tasks)
    return {
        "file": name, "index": index, "seed": seed,
        "jurisdiction": jur.name, "level": jur.level, "parent": jur.parent, "province": jur.province,
        "title": truth.title, "issuer": truth.issuer, "date": truth.date, "doc_number": truth.doc_number,
        "script": "traditional" if traditional else "simplified", "encoding": encoding,
        "full_width": truth.full_width, "style": truth.style, "lead_convention": truth.lead_convention,
        "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest(),
        "task_count": len(truth.tasks), "edge_count": edges,
        "tasks": truth.tasks,
    }


def iter_plans(n: int, seed: int = 0, start: int = 0, **options) -> Iterator[tuple[str, bytes, dict]]:
    """Yield ``(name, bytes, manifest entry)`` for plans ``start .. start+n-1``."""
    for index in range(start, start + n):
        yield make_plan(index, seed, **options)


def iter_documents(n: int, seed: int = 0, **options) -> Iterator[tuple[str, bytes]]:
    """Yield ``(name, bytes)`` for ``n`` plans, nothing written to disk (for benchmarks).

    >>> [name for name, _ in iter_documents(2, seed=1)]
    ['000000_294634710878.txt', '000001_3e774731d33d.txt']
    """
    for name, data, _ in iter_plans(n, seed, **options):
        yield name, data


def generate_corpus(out_dir: str | Path, n_plans: int, seed: int = 0, *,
                    progress: Callable[[int], None] | None = None, **options) -> CorpusSummary:
    """Write ``n_plans`` plan files and ``manifest.jsonl`` (one JSON object per file) to ``out_dir``.

    Manifest entries hold: file, jurisdiction, level, parent, title, issuer, date, doc_number,
    script, encoding, style, lead_convention, bytes, sha256, task_count, edge_count and
    ``tasks`` (seq, path, heading, clause, units, lead, support, collective, open_list,
    lead_basis per task). ``progress`` is called with 1 after each plan.

    Raises
    ------
    AgencynetError
        ``out_dir`` cannot be created or written, or ``n_plans`` is not positive.
    """
    if n_plans < 1:
        raise AgencynetError(f"--plans must be at least 1, got {n_plans}")
    out = Path(out_dir)
    started = time.perf_counter()
    tasks = edges = size = 0
    try:
        out.mkdir(parents=True, exist_ok=True)
        with (out / MANIFEST).open("w", encoding="utf-8") as manifest:
            for name, data, entry in iter_plans(n_plans, seed, **options):
                (out / name).write_bytes(data)
                manifest.write(json.dumps(entry, ensure_ascii=False) + "\n")
                tasks += entry["task_count"]
                edges += entry["edge_count"]
                size += len(data)
                if progress:
                    progress(1)
    except OSError as exc:
        raise AgencynetError(f"{out}: cannot write the corpus: {exc.strerror or exc}") from exc
    return CorpusSummary(str(out), str(out / MANIFEST), n_plans, tasks, edges, size,
                         round(time.perf_counter() - started, 3))


def read_manifest(path: str | Path) -> Iterator[dict]:
    """Yield the manifest entries of a generated corpus (a directory or its manifest file)."""
    p = Path(path)
    if p.is_dir():
        p = p / MANIFEST
    with p.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
