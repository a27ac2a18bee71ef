"""A seeded, reproducible generator of synthetic plan documents (for scale, never accuracy).

Public API::

    generate_corpus(out_dir, n_plans, seed=0, progress=None) -> CorpusSummary
    iter_documents(n, seed=0) -> iterator of (name, bytes)         # nothing on disk
    iter_plans(n, seed=0, start=0) -> iterator of (name, bytes, manifest entry)
    make_plan(index, seed=0) -> (name, bytes, manifest entry)
    read_manifest(dir_or_file) -> iterator of manifest entries

Same seed, same bytes: plan ``i`` depends only on ``(seed, i)``.
"""

from benchmarks.synthetic.corpus import (
    MANIFEST,
    CorpusSummary,
    generate_corpus,
    iter_documents,
    iter_plans,
    make_plan,
    plan_name,
    read_manifest,
)

__all__ = ["MANIFEST", "CorpusSummary", "generate_corpus", "iter_documents", "iter_plans", "make_plan",
           "plan_name", "read_manifest"]
