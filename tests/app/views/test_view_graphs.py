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
