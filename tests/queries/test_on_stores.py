"""The hand-made plans loaded into each real store (embedded, Neo4j) give the same answers
as the in-memory rows the hand counts were made on."""

import pytest

import queries as q
from queries.testing import TinyStore

two_plans = TinyStore.two_plans

CALLS = {
    "rank_agencies": lambda s: q.rank_agencies(s),
    "rank_agencies_by_plan": lambda s: q.rank_agencies(s, by_plan=True, harmonise=True),
    "rank_functions": lambda s: q.rank_functions(s, harmonise=True),
    "centrality_two_mode": lambda s: q.centrality(s),
    "centrality_co": lambda s: q.centrality(s, graph="co_responsibility", per_plan=True),
    "centrality_directed": lambda s: q.centrality(s, graph="directed"),
    "overload": lambda s: q.overload(s),
    "concentration": lambda s: q.concentration(s),
    "orphans": lambda s: q.orphans(s),
    "orphan_summary": lambda s: q.orphan_summary(s),
    "matrix": lambda s: q.function_matrix(s, harmonise=True),
    "metrics": lambda s: q.plan_metrics(s),
    "similarity": lambda s: q.similarity(s, harmonise=True),
}


def _round(rows):
    return [{k: round(v, 9) if isinstance(v, float) else v for k, v in r.items()} for r in rows]


@pytest.fixture
def tiny_loaded(store):
    reference = two_plans()
    for graph in reference.plan_graphs():
        store.load(graph)
    return store, reference


@pytest.mark.parametrize("name", sorted(CALLS))
def test_store_answers_equal_hand_made_rows(tiny_loaded, name):
    store, reference = tiny_loaded
    got, want = CALLS[name](store), CALLS[name](reference)
    assert len(want) > 0
    assert _round(q.rows(got)) == _round(q.rows(want))


def test_hand_counts_hold_on_the_store(tiny_loaded):
    store, _ = tiny_loaded
    top = q.rank_agencies(store, plan="a.txt").iloc[0]
    assert (top.agency, top.leads, top.tasks) == ("市质监局", 3, 4)
    assert list(q.orphans(store)["category"]) == ["leaderless", "unassigned"]
