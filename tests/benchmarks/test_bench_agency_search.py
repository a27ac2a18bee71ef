"""benchmarks/bench_agency_search.py on a small embedded store: counts match the store's answer."""

from __future__ import annotations

import re

from benchmarks import bench_agency_search
from store.embedded import EmbeddedStore
from support.graphs import make_graph


def test_agency_search_benchmark_prints_each_term(tmp_path, capsys):
    store = EmbeddedStore(tmp_path / "data")
    store.load_many([make_graph(str(i), city=f"c{i % 2}") for i in range(3)])
    want = store.agencies_page(q="市局1")["count"]
    store.close()
    assert bench_agency_search.main(["--embedded", str(tmp_path / "data"), "--repeats", "3",
                                     "--terms", "市局1,nothing"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("machine:")
    assert re.search(rf"q=市局1\s+{want} found", out) and want > 0
    assert re.search(r"q=nothing\s+0 found", out)
