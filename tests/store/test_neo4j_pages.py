"""Neo4j's paged list reads (``store.neo4j_pages``) walk the unique-id index in order: no sort of
every Plan/Agency node before ``SKIP``/``LIMIT``. (The plan count reads every Plan's source_hash:
a label scan, the only one; the agency count comes from the count store.)"""

from __future__ import annotations

import pytest

from support.graphs import make_graph
from support.neo4j_server import plan_operators



@pytest.mark.neo4j
@pytest.mark.parametrize("name, scans", [("read_plans_page", 1), ("read_agencies_page", 0)])
def test_list_pages_read_the_id_index_in_order(neo4j_driver, neo4j_store, name, scans):
    from store.cypher import query

    neo4j_store.load_many([make_graph(str(i), city=f"c{i % 3}") for i in range(4)])
    with neo4j_driver.session(database="neo4j") as session:
        plan = session.run("EXPLAIN " + query(name), skip=2, limit=3).consume().plan
    ops = plan_operators(plan)
    assert ops & {"NodeIndexScan", "NodeUniqueIndexScan"}, ops
    assert not ops & {"AllNodesScan", "Sort", "PartialSort", "Top"}, ops
    assert _count(plan, "NodeByLabelScan") == scans, ops


def _count(plan, op: str) -> int:
    name = plan.operator_type if hasattr(plan, "operator_type") else plan["operatorType"]
    kids = plan.children if hasattr(plan, "children") else plan.get("children", [])
    return (name.split("@")[0] == op) + sum(_count(k, op) for k in kids)


@pytest.mark.neo4j
@pytest.mark.parametrize("name, params, start", [
    ("read_agencies_page_in_jurisdiction", {"jurisdiction_id": "j-c1", "function": None, "q": None}, "NodeIndexSeek"),
    ("read_agencies_page_of_function", {"jurisdiction_id": None, "function": "quality", "q": "局"}, "NodeIndexSeek"),
    # the search alone: the agency_search text index (a.search kept by refresh_agency_totals)
    ("read_agencies_page_matching", {"jurisdiction_id": None, "function": None, "q": "市局"}, "NodeIndexContainsScan"),
])
def test_filtered_agency_pages_start_from_an_index(neo4j_driver, neo4j_store, name, params, start):
    from store.cypher import query

    neo4j_store.load_many([make_graph(str(i), city=f"c{i % 3}") for i in range(4)])
    with neo4j_driver.session(database="neo4j") as session:
        plan = session.run("EXPLAIN " + query(name), skip=0, limit=3, **params).consume().plan
    ops = plan_operators(plan)
    assert start in ops, ops
    assert not ops & {"NodeByLabelScan", "AllNodesScan"}, ops


@pytest.mark.neo4j
def test_an_older_database_gets_its_agency_search_text_on_setup(neo4j_driver, neo4j_store):
    neo4j_store.load_many([make_graph(str(i), city=f"c{i % 2}") for i in range(3)])
    want = neo4j_store.agencies_page(q="市局1")
    neo4j_driver.execute_query("MATCH (a:Agency) REMOVE a.search WITH count(*) AS n "
                               "MATCH (m:AgencySearch) DELETE m")  # as written before it was kept
    assert neo4j_store.agencies_page(q="市局1")["count"] == 0
    neo4j_store.setup()
    assert neo4j_store.agencies_page(q="市局1") == want and want["count"] > 0
    state = neo4j_driver.execute_query("MATCH (m:AgencySearch) RETURN m.version AS v").records
    assert [r["v"] for r in state] == [1]
