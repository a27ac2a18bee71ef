"""benchmarks/scale/graph_cache.py: the corpus extracted once, in processes, read back in order."""

from __future__ import annotations

import json

from benchmarks.scale import graph_cache
from benchmarks.synthetic.corpus import iter_documents
from loaders.extract import extract_document
from loaders.graph import build_plan_graph


def test_build_then_iter_batches_gives_the_same_graphs_in_plan_order(tmp_path, monkeypatch):
    monkeypatch.setattr(graph_cache, "CHUNK", 3)          # several chunks from 7 plans
    meta = graph_cache.build(tmp_path / "c", 7, seed=2, workers=2)
    assert meta["plans"] == 7 and meta["extract"]["documents"] == 7 and meta["chunks_made"] == 3
    got = [g for batch in graph_cache.iter_batches(tmp_path / "c", batch=2) for g in batch]
    want = [build_plan_graph(extract_document(data, name)) for name, data in iter_documents(7, seed=2)]
    assert [g.plan["id"] for g in got] == [g.plan["id"] for g in want]
    assert [len(g.edges) for g in got] == [len(g.edges) for g in want]
    assert meta["rows"]["total"] == sum(len(g.tasks) + len(g.edges) for g in want)
    assert json.loads((tmp_path / "c" / "meta.json").read_text()) == meta


def test_build_resumes_missing_chunks_and_reuses_a_finished_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(graph_cache, "CHUNK", 2)
    first = graph_cache.build(tmp_path / "c", 5, seed=0, workers=1)
    (tmp_path / "c" / "meta.json").unlink()
    (tmp_path / "c" / "chunk_0000002.pkl").unlink()
    meta = graph_cache.build(tmp_path / "c", 5, seed=0, workers=1)
    assert meta["chunks_made"] == 1 and meta["rows"] == first["rows"]
    assert meta["extract"]["documents"] == 5                          # figures of every chunk
    assert graph_cache.build(tmp_path / "c", 5, seed=0) == meta       # finished: read back, not rebuilt
    assert sum(len(b) for b in graph_cache.iter_batches(tmp_path / "c")) == 5


def test_a_smaller_corpus_borrows_whole_chunks_of_a_larger_one(tmp_path, monkeypatch):
    monkeypatch.setattr(graph_cache, "CHUNK", 2)
    big = tmp_path / "cache-6-seed1"
    graph_cache.build(big, 6, seed=1, workers=1)
    small = graph_cache.build(tmp_path / "cache-5-seed1", 5, seed=1, workers=1)
    assert small["chunks_made"] == 1                                  # plans 4..4; 0..3 linked
    assert (tmp_path / "cache-5-seed1" / "chunk_0000000.pkl").stat().st_ino == (big / "chunk_0000000.pkl").stat().st_ino
    ids = [g.plan["id"] for b in graph_cache.iter_batches(tmp_path / "cache-5-seed1") for g in b]
    assert ids == [g.plan["id"] for b in graph_cache.iter_batches(big) for g in b][:5]
    assert small["extract"]["documents"] == 5


def test_first_graphs_takes_a_prefix_and_names_a_cache_too_small(tmp_path, monkeypatch):
    import pytest

    monkeypatch.setattr(graph_cache, "CHUNK", 2)
    graph_cache.build(tmp_path / "c", 5, seed=0, workers=1)
    every = [g.plan["id"] for b in graph_cache.iter_batches(tmp_path / "c") for g in b]
    assert [g.plan["id"] for g in graph_cache.first_graphs(tmp_path / "c", 3)] == every[:3]
    with pytest.raises(SystemExit, match="holds only 5 plans, 6 asked for"):
        graph_cache.first_graphs(tmp_path / "c", 6)
