import pytest

from agencynet.errors import BadFilter
from queries.frames import assignments_frame
from queries.graphs import build_graph, co_responsibility_graph, ego_graph, lead_support_graph, two_mode_graph
from queries.testing import TinyStore

two_plans = TinyStore.two_plans


def _ids(G):
    return {d["label"]: n for n, d in G.nodes(data=True) if d["node_type"] == "agency"}


def test_two_mode_weights_leads_twice_supports():
    G = two_mode_graph(assignments_frame(two_plans(), plan="a.txt"))
    ids = _ids(G)
    assert G.number_of_nodes() == 3 + 4 and G.number_of_edges() == 7
    wdeg = dict(G.degree(weight="weight"))
    assert (wdeg[ids["市质监局"]], wdeg[ids["市发改委"]], wdeg[ids["市财政局"]]) == (7.0, 3.0, 1.0)
    assert G.nodes[ids["市质监局"]]["leads"] == 3 and G.nodes[ids["市质监局"]]["supports"] == 1
    task = next(n for n, d in G.nodes(data=True) if d["node_type"] == "task" and d["seq"] == 4)
    assert G.nodes[task]["clause"] == "(责任单位:市发改委、市质监局)"
    assert G.edges[ids["市发改委"], task]["type"] == "LEADS"


def test_custom_weights_and_collective_nodes():
    G = two_mode_graph(assignments_frame(two_plans(), plan="a.txt"), lead_weight=3.0, support_weight=0.5)
    assert dict(G.degree(weight="weight"))[_ids(G)["市质监局"]] == 3 * 3.0 + 0.5


def test_co_responsibility_counts_shared_tasks():
    G = co_responsibility_graph(assignments_frame(two_plans(), plan="a.txt"))
    ids = _ids(G)
    assert G.edges[ids["市质监局"], ids["市发改委"]]["weight"] == 2   # tasks 1 and 4
    assert G.edges[ids["市质监局"], ids["市财政局"]]["weight"] == 1
    assert not G.has_edge(ids["市发改委"], ids["市财政局"])


def test_directed_lead_to_support_arcs():
    G = lead_support_graph(assignments_frame(two_plans()))
    ids = _ids(G)
    arcs = {(G.nodes[u]["label"], G.nodes[v]["label"]) for u, v in G.edges}
    assert arcs == {("市质监局", "市发改委"), ("市质监局", "市财政局"), ("市发改委", "市质监局"), ("区市场局", "区财政局")}
    assert ids["区发改局"] in G  # named (joint) but neither leads nor is led


def test_ego_graph_radius_and_unknown_agency():
    s = two_plans()
    ids = _ids(build_graph(s))
    one = ego_graph(s, ids["区市场局"])
    assert {d["node_type"] for _, d in one.nodes(data=True)} == {"agency", "task"} and len(one) == 2
    two = ego_graph(s, ids["区市场局"], radius=2)
    assert {d["label"] for _, d in two.nodes(data=True) if d["node_type"] == "agency"} == {"区市场局", "区财政局"}
    with pytest.raises(BadFilter, match="a-nothing"):
        ego_graph(s, "a-nothing")
    with pytest.raises(BadFilter, match="graph"):
        build_graph(s, graph="tripartite")
