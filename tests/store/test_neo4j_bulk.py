"""store.neo4j_bulk: the import tool's CSV files, built without a database.

That the files, once imported, hold what ``load_many`` writes is tested on a real Neo4j in
tests/agencynet/test_neo4j_import.py; here: fields, checks, refusals and the kept totals.
"""

from __future__ import annotations

import csv
from collections import Counter

from store.neo4j_bulk import BulkFiles
from store.neo4j_csv import ARRAY_DELIMITER
from store.neo4j_load import pair_counts
from store.rows import unique_edges
from support.graphs import make_graph


def _rows(path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


def test_a_refused_plan_writes_nothing_and_the_others_still_go_in(tmp_path):
    bad = make_graph("bad")
    bad.plan["warnings"] = [f"a{ARRAY_DELIMITER}b"]  # cannot be split back: refused, not mangled
    missing = make_graph("missing")
    del missing.tasks[0]["heading"]
    bulk = BulkFiles(tmp_path)
    results = [bulk.add(g) for g in (bad, make_graph("good"), missing)]
    assert [r.status for r in results] == ["failed", "loaded", "failed"]
    assert "field warnings: expected string[]" in results[0].error
    assert "tasks row 0 lacks heading" in results[2].error
    bulk.finish()
    assert [r[0] for r in _rows(tmp_path / "Plan.csv")[1:]] == ["p-good"]
    assert {r[0] for r in _rows(tmp_path / "Task.csv")[1:]} == {t["id"] for t in make_graph("good").tasks}


def test_the_same_plan_twice_is_unchanged_and_another_version_is_refused(tmp_path):
    bulk = BulkFiles(tmp_path)
    first = bulk.add(make_graph("a", source_hash="h1"))
    again = bulk.add(make_graph("a", source_hash="h1"))
    other = bulk.add(make_graph("a", source_hash="h2"))
    assert (first.status, again.status, other.status) == ("loaded", "unchanged", "failed")
    assert "another version of this plan is already in this import" in other.error
    bulk.finish()
    assert len(_rows(tmp_path / "Plan.csv")) == 2 and bulk.plans == 1


def test_totals_duties_and_pairs_are_those_the_load_keeps(tmp_path):
    graphs = [make_graph("a", n_tasks=6), make_graph("b", n_tasks=5, city="c2"), make_graph("c", n_tasks=4)]
    bulk = BulkFiles(tmp_path)
    for graph in graphs:
        bulk.add(graph)
    bulk.finish()
    edges = [e for g in graphs for e in unique_edges(g.edges)]
    leads = Counter(e["source_id"] for e in edges if e["type"] == "LEADS")
    supports = Counter(e["source_id"] for e in edges if e["type"] == "SUPPORTS")
    agencies = {r[0]: r for r in _rows(tmp_path / "Agency.csv")[1:]}
    head = _rows(tmp_path / "Agency.csv")[0]
    for ident, row in agencies.items():
        got = dict(zip(head, row))
        assert (int(got["duty_leads:long"]), int(got["duty_supports:long"]), int(got["duty_total:long"])) == \
            (leads[ident], supports[ident], leads[ident] + supports[ident])
    pairs = sum((pair_counts(unique_edges(g.edges)) for g in graphs), Counter())
    assert {(a, b): int(n) for a, b, n in _rows(tmp_path / "CO_RESPONSIBLE.csv")[1:]} == dict(pairs)
    tasks = [t for g in graphs for t in g.tasks]
    plans, sums, imported = _rows(tmp_path / "Totals.csv")[1][1:]
    assert int(plans) == 3 and imported == "true"  # the first setup() completes the database
    sums = [int(x) for x in sums.split(ARRAY_DELIMITER)]
    assert sums[0] == len(tasks) == 15
    assert sums[1] == sum(t["orphan"] == "unassigned" for t in tasks) == 3  # task 1 of each plan (> 3 tasks)
    assert sums[-2] == sum(t["open_list"] is True for t in tasks)


def test_shared_nodes_are_written_once_the_last_row_winning(tmp_path):
    first, second = make_graph("a"), make_graph("b")
    second.agencies[0]["name"] = "改名后的局"
    bulk = BulkFiles(tmp_path)
    bulk.add(first)
    bulk.add(second)
    bulk.finish()
    agencies = _rows(tmp_path / "Agency.csv")[1:]
    assert len(agencies) == len({a["id"] for a in first.agencies}) == 4
    assert dict((r[0], r[1]) for r in agencies)[first.agencies[0]["id"]] == "改名后的局"
    assert len(_rows(tmp_path / "Function.csv")) == 1 + 3
    # relationships to shared nodes only where the target exists ("unclassified" is no Function)
    of_function = _rows(tmp_path / "OF_FUNCTION.csv")[1:]
    assert {f for _, f in of_function} <= {"market", "quality", "finance"}
    assert ["quality", "market"] in _rows(tmp_path / "SUCCEEDED_BY.csv")
