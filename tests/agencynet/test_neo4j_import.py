"""agencynet.neo4j_import: Neo4j's import tool run on a local data directory, for real.

The central check: a database built by the import tool from ``store.neo4j_bulk`` files holds
exactly what ``load_many`` writes over Bolt (every node, relationship and property, the kept
totals and pair counts included), and the store reads the same answers from both.
"""

from __future__ import annotations

import os

import pytest

from agencynet import neo4j_import
from agencynet.errors import Neo4jLauncherError
from agencynet.neo4j_launcher import Neo4jLauncher, free_port
from agencynet.settings import Settings
from store import make_driver
from store.neo4j_bulk import BulkFiles
from store.neo4j_store import Neo4jStore
from support.graphs import make_graph
from support.neo4j_server import graph_dump
from support.stores import sample_graphs

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def _build_dir():
    return Neo4jLauncher.from_settings(Settings()).build_dir


def _awkward_graphs() -> list:
    """Values CSV could get wrong: quotes, commas, line breaks, empty strings, no warnings, nulls."""
    odd = make_graph("odd", n_tasks=5, text='第一行,"引号"\r\n第二行\n\n  末尾空格  ')
    odd.plan["warnings"] = []
    odd.plan["year"] = None
    odd.tasks[1]["heading"] = ""
    odd.tasks[2]["text"] = 'a "quoted", comma\nand a new line'
    quiet = make_graph("quiet", n_tasks=2, city="c2")
    quiet.plan["warnings"] = ["两条", 'with "quotes", and commas']
    return [odd, quiet, make_graph("big", n_tasks=12, n_agencies=6, supports=3, city="c3")]


def _imported(graphs, tmp_path):
    """Start a server on a database the import tool built from ``graphs``; yields its driver."""
    bulk = BulkFiles(tmp_path / "csv")
    results = [bulk.add(g) for g in graphs]
    assert {r.status for r in results} == {"loaded"}
    lines: list[str] = []
    neo4j_import.run(bulk.finish(), tmp_path / "data", _build_dir(), 1024, tmp_path / "csv", echo=lines.append)
    assert any("IMPORT DONE" in text for text in lines)
    launcher = Neo4jLauncher(tmp_path / "home", _build_dir(), heap_mb=1024, pagecache_mb=128)
    uri = launcher.start(port=free_port(), data_dir=tmp_path / "data", timeout=240.0, watch_pid=os.getpid())
    return launcher, make_driver(Settings(neo4j_uri=uri, neo4j_password=""))


def test_an_imported_database_holds_what_load_many_writes(neo4j_store, neo4j_driver, tmp_path):
    graphs = list(sample_graphs()) + _awkward_graphs()
    neo4j_store.load_many(graphs)
    expected = graph_dump(neo4j_driver)
    launcher, driver = _imported(graphs, tmp_path)
    try:
        neo4j_import.complete(driver)
        got = graph_dump(driver)
        imported = Neo4jStore(driver, "neo4j")
        reads = [(s.counts(), s.agency_totals(limit=20), s.flagged_page(["unassigned", "open_list"], limit=20),
                  s.plan_flags(), sorted(map(repr, s.agency_pairs()))) for s in (imported, neo4j_store)]
    finally:
        driver.close()
        launcher.stop()
    assert len(got[0]) == len(expected[0]) and len(got[1]) == len(expected[1])
    assert got[0] - expected[0] == set() and expected[0] - got[0] == set()
    assert got[1] == expected[1]
    assert reads[0] == reads[1]
    assert reads[0][0]["Plan"] == len(graphs)


def test_a_database_already_there_is_refused_unless_replaced(tmp_path):
    (tmp_path / "data" / "data" / "databases" / "neo4j").mkdir(parents=True)
    with pytest.raises(Neo4jLauncherError, match="already holds a database.*--replace"):
        neo4j_import.run({"nodes": [], "relationships": []}, tmp_path / "data", _build_dir(), 512, tmp_path)
    assert neo4j_import.check_target(tmp_path / "data", replace=True).name == "neo4j"


def test_a_failing_import_says_why(tmp_path):
    bulk = BulkFiles(tmp_path / "csv")
    bulk.add(make_graph("a"))
    files = bulk.finish()
    with open(dict(files["relationships"])["HAS_TASK"], "a", encoding="utf-8") as fh:
        fh.write('"p-a","no-such-task"\n')  # a relationship to a node that is not in the files
    with pytest.raises(Neo4jLauncherError, match="(?s)import tool failed.*nothing was imported.*no-such-task"):
        neo4j_import.run(files, tmp_path / "data", _build_dir(), 512, tmp_path / "csv", echo=lambda _: None)
    assert not neo4j_import.database_dir(tmp_path / "data").exists()  # no half-written store left
    assert not (tmp_path / "data" / "data" / "transactions" / "neo4j").exists()
