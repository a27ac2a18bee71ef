"""The view graphs, built from a real store filled with hand-made plans."""

from __future__ import annotations

import pytest

from agencynet.errors import NotFound
from app.views import graphs
from support.graphs import make_graph


@pytest.fixture
def filled(embedded_store):
    embedded_store.load(make_graph("a", n_tasks=6, city="c1"))
    embedded_store.load(make_graph("b", n_tasks=5, city="c2", source_hash="h2"))
    return embedded_store


def test_agency_task_graph_counts_leads_and_supports(filled):
    g = graphs.agency_task_graph(filled, "p-a")
    assert g.nodes["a-c1-2"]["leads"] == 2 and g.nodes["a-c1-2"]["supports"] == 2
    assert g.edges["a-c1-2", "p-a-t2"]["type"] == "LEADS"
    assert g.nodes["p-a-t1"]["orphan"] == "unassigned" and g.degree("p-a-t1") == 0


def test_ego_graph_holds_the_agency_its_tasks_and_partners(filled):
    g = graphs.ego_graph(filled, "a-c1-2")
    tasks = {n for n, d in g.nodes(data=True) if d["kind"] == "task"}
    assert tasks == {"p-a-t2", "p-a-t4", "p-a-t5", "p-a-t6"}
    with pytest.raises(NotFound):
        graphs.ego_graph(filled, "a-none")


def test_function_network_links_jurisdictions_to_leading_functions(filled):
    g = graphs.function_jurisdiction_graph(filled)
    assert g.has_edge("j:j-c1", "f:finance")
    assert sum(d["leads"] for _, _, d in g.edges(data=True)) == 9  # 5 + 4 assigned tasks


def test_cap_always_keeps_the_centre(filled):
    g = graphs.ego_graph(filled, "a-c1-3")
    small, info = graphs.cap(g, 1, keep="a-c1-3")
    assert list(small.nodes) == ["a-c1-3"] and info["capped"] is True


# -- scoped views read only what they show (a real store with many plans, every read logged) -------

@pytest.fixture
def logged(store):
    from support.reads import ReadLog, many_plans

    many_plans(store)
    return ReadLog(store)


def _bodies(store) -> dict[str, tuple]:
    """Whole-store oracle: every agency/collective id -> (label, kind, function, jurisdiction name)."""
    jn = {j["id"]: j["name"] for j in store.jurisdictions()}
    out = {a["id"]: (a["name"], "agency", a["function"] or "", jn.get(a["jurisdiction_id"], ""))
           for a in store.agencies()}
    out.update({c["id"]: (c["name"], "collective", "collective", jn.get(c["jurisdiction_id"], ""))
                for c in store.collectives()})
    return out


def _check_bodies(g, bodies) -> int:
    shown = [(n, d) for n, d in g.nodes(data=True) if d["kind"] in ("agency", "collective")]
    for n, d in shown:
        assert (d["label"], d["kind"], d["function"], d["jurisdiction"]) == bodies[n], n
    return len(shown)


def test_plan_and_ego_views_read_one_plan_or_agency(logged):
    store = logged._store
    bodies, edges = _bodies(store), store.edges()
    g = graphs.agency_task_graph(logged, "p-6")
    assert logged.whole_store_reads() == [] and logged.plans_read() == {"p-6"}
    assert _check_bodies(g, bodies) > 0
    assert {(u, v) for u, v in g.edges} == {(e["source_id"], e["task_id"]) for e in edges if e["plan_id"] == "p-6"}
    logged.clear()
    ego = graphs.ego_graph(logged, "a-c2-1")
    mine = {e["task_id"] for e in edges if e["source_id"] == "a-c2-1"}
    assert logged.whole_store_reads() == [] and {"p-2", "p-6", "p-10"} >= logged.plans_read() != set()
    assert {n for n, d in ego.nodes(data=True) if d["kind"] == "task"} == mine
    assert {(u, v) for u, v in ego.edges} == {(e["source_id"], e["task_id"]) for e in edges if e["task_id"] in mine}
    assert _check_bodies(ego, bodies) > 1


def test_co_responsibility_view_of_a_jurisdiction_equals_its_part_of_the_pooled_graph(logged):
    pooled = graphs.co_responsibility_graph(logged._store)  # agencies are per city here: no cross-city ties
    for scope in ({"jurisdiction": "城市c3"}, {"jurisdiction": "j-c0"}, {"plan_id": "p-5"}):
        logged.clear()
        g = graphs.co_responsibility_graph(logged, **scope)
        assert logged.whole_store_reads() == [], scope
        if "plan_id" in scope:
            assert logged.plans_read() == {"p-5"}
            continue
        assert logged.plans_read() == {f"p-{i}" for i in range(12) if f"c{i % 4}" in str(scope)}
        part = pooled.subgraph(g.nodes)
        assert g.number_of_edges() > 0 and dict(g.nodes(data=True)) == dict(part.nodes(data=True))
        ties = lambda h: sorted((*sorted((u, v)), d["type"], d["weight"]) for u, v, d in h.edges(data=True))  # noqa: E731
        assert ties(g) == ties(part)
