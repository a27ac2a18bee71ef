"""benchmarks/bench_bulk_import.py on a tiny cached corpus: every phase runs and the counts match."""

from __future__ import annotations

import json

import pytest

from benchmarks import bench_bulk_import
from benchmarks.scale import graph_cache

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def test_bulk_import_benchmark_prints_its_phases_and_checks_the_stored_rows(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(graph_cache, "CHUNK", 3)  # a prefix cut inside the second chunk
    graph_cache.build(tmp_path / "cache", 7, seed=1, workers=1)
    code = bench_bulk_import.main(["--cache", str(tmp_path / "cache"), "--plans", "5", "--workers", "2",
                                   "--workdir", str(tmp_path / "work"), "--json", str(tmp_path / "fig.json")])
    out = capsys.readouterr().out
    fig = json.loads((tmp_path / "fig.json").read_text())
    assert code == 0
    expected = graph_cache.first_graphs(tmp_path / "cache", 5)
    assert fig["rows"] == fig["stored_rows"] == sum(len(g.tasks) + len(g.edges) for g in expected)
    assert fig["failed"] == 0 and fig["total_s"] >= fig["import_s"] > 0
    for phase in ("machine:", "csv ", "import ", "start+indexes", "total ", "(match)"):
        assert phase in out
    assert not (tmp_path / "work").exists()  # removed unless --keep
    with pytest.raises(SystemExit, match="holds fewer than 50 plans"):
        bench_bulk_import.main(["--cache", str(tmp_path / "cache"), "--plans", "50", "--workdir", str(tmp_path / "w2")])
