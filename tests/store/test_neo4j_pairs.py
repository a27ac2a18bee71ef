"""The Neo4j store's agency pair counts (``store.neo4j_pairs``) on a real Neo4j: kept through
loads, replacements, deletes, failed plans and resets equal to counting every plan's tasks, and
filled once for an older database."""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pytest

from agencynet.errors import StoreError
from store import neo4j_pairs
from store.cypher import query
from store.neo4j_load import pair_counts
from store.rows import unique_edges
from support.graphs import make_graph
from support.neo4j_server import plan_operators

pytestmark = pytest.mark.neo4j


def counted(store) -> list[dict]:
    """Every pair counted from the stored edges (what the kept counts replace)."""
    members: dict[str, set] = {}
    for edge in store.edges():
        if edge["type"] in ("LEADS", "SUPPORTS"):
            members.setdefault(edge["task_id"], set()).add(edge["source_id"])
    shared = Counter(p for ids in members.values() for p in combinations(sorted(ids), 2))
    return [{"source_id": u, "target_id": v, "tasks": n} for (u, v), n in sorted(shared.items())]


def kept(store) -> list[dict]:
    return store.agency_pairs()


def relationships(store) -> list[tuple]:
    """Every CO_RESPONSIBLE relationship as stored: (start id, end id, tasks)."""
    records = store._read("read_agency_pairs_page", after="", batch=10 ** 6)[0]["rows"]
    return sorted((u, v, n) for u, partners, tasks in records for v, n in zip(partners, tasks))


def graphs(n=5):
    return [make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(n)]


def test_pair_counts_of_a_plan_are_distinct_tasks_per_lower_higher_pair():
    graph = make_graph("a", n_tasks=6, supports=3)
    graph.edges.append(dict(graph.edges[1], type="LEADS", position=9))   # a supporter also leads: one task
    counts = pair_counts(unique_edges(graph.edges))
    tasks = {}
    for e in graph.edges:
        if e["type"] != "NAMED_ON":
            tasks.setdefault(e["task_id"], set()).add(e["source_id"])
    assert all(u < v for u, v in counts) and sum(counts.values()) == sum(
        len(s) * (len(s) - 1) // 2 for s in tasks.values()) > 0
    assert not any(k.startswith("c-") for pair in counts for k in pair)   # collectives excluded


def test_kept_counts_follow_loads_replacements_and_deletes(neo4j_store):
    store = neo4j_store
    store.load_many(graphs())
    assert kept(store) == counted(store) != []
    assert max(p["tasks"] for p in kept(store)) > 1            # pooled over the plans of one city
    assert [tuple(p.values()) for p in kept(store)] == relationships(store)   # lower id at the start
    # a new version naming other units: some pairs go, others appear
    store.load(make_graph("2", city="c0", n_tasks=9, source_hash="h2", supports=3, n_agencies=6))
    assert kept(store) == counted(store)
    store.delete_plan("p-0")
    store.delete_plan("p-4")
    assert kept(store) == counted(store) != []
    assert all(p["tasks"] > 0 for p in kept(store))
    for key in ("1", "2", "3"):
        store.delete_plan(f"p-{key}")
    assert kept(store) == [] == counted(store) and relationships(store) == []


def test_arrays_hold_the_kept_counts(neo4j_store, monkeypatch):
    monkeypatch.setattr(neo4j_pairs, "PAGE", 2)                 # several pages
    neo4j_store.load_many(graphs())
    got = neo4j_store.agency_pair_arrays()
    ids = got["ids"]
    rows = sorted((ids[s], ids[t], int(n)) for s, t, n in zip(got["source"], got["target"], got["tasks"]))
    assert rows == [tuple(p.values()) for p in counted(neo4j_store)] != []
    assert len(ids) == len(set(ids))
    neo4j_store.reset()
    assert len(neo4j_store.agency_pair_arrays()["tasks"]) == 0 and kept(neo4j_store) == []


def test_a_failed_plan_in_a_batch_counts_nothing(neo4j_store):
    store = neo4j_store
    store.load(make_graph("a", n_tasks=5))
    before = kept(store)
    bad = make_graph("b", n_tasks=5, city="c1")
    bad.tasks[-1]["seq"] = {"not": "a number"}     # Neo4j cannot store a map: this plan's write fails
    results = store.load_many([make_graph("c", n_tasks=6, city="c1"), bad])
    assert [r.status for r in results] == ["loaded", "failed"] and "p-b" not in {p["id"] for p in store.plans()}
    assert kept(store) == counted(store) != before
    with pytest.raises(StoreError):
        store.load(bad)
    assert kept(store) == counted(store)


def test_replaced_plan_in_a_failed_transaction_keeps_its_counts(neo4j_store):
    store = neo4j_store
    store.load_many(graphs(3))
    before = kept(store)
    bad = make_graph("1", city="c1", n_tasks=7, source_hash="h2")
    bad.tasks[-1]["seq"] = {"not": "a number"}     # cleared, then the write fails: all rolled back
    with pytest.raises(StoreError):
        store.load(bad)
    assert kept(store) == before == counted(store)


def test_an_older_database_gets_its_counts_on_setup(neo4j_store, monkeypatch):
    store = neo4j_store
    store.load_many(graphs())
    want = kept(store)
    with store.driver.session(database=store.database) as session:   # as an older version left it
        session.run(query("drop_agency_pairs")).consume()
        session.run("MATCH (m:PairCounts) DELETE m").consume()
    assert kept(store) == []
    monkeypatch.setattr(neo4j_pairs, "PLAN_BATCH", 2)           # several transactions
    assert neo4j_pairs.ensure(store.driver, store.database) == 5
    assert kept(store) == want
    assert neo4j_pairs.ensure(store.driver, store.database) == 0   # done: one read
    store.setup()
    assert kept(store) == want


def test_counts_written_before_a_fill_are_not_counted_twice(neo4j_store):
    store = neo4j_store
    store.load_many(graphs(3))
    with store.driver.session(database=store.database) as session:   # no mark, counts present
        session.run("MATCH (m:PairCounts) DELETE m").consume()
    store.setup()
    assert kept(store) == counted(store) != []



def test_the_load_statement_has_no_eager_and_finds_agencies_by_index(neo4j_store):
    with neo4j_store.driver.session(database=neo4j_store.database) as session:
        plan = session.run("EXPLAIN " + query("merge_agency_pairs"), pairs=[]).consume().plan
    ops = plan_operators(plan)
    assert "Eager" not in ops and any(o.startswith("NodeUniqueIndexSeek") for o in ops) and not ops & {"NodeByLabelScan", "AllNodesScan"}, ops
