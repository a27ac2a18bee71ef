"""pyvis rendering: colours by function family, precomputed positions, caps, plain-text tooltips."""

from __future__ import annotations

import networkx as nx

from app.views.families import FAMILIES, OTHER
from app.views.network import FIXED, function_families, layout, node_colour, render


def _graph() -> nx.DiGraph:
    g = nx.DiGraph(name="t")
    g.add_node("a", label="市财政局", kind="agency", function="finance", jurisdiction="某市", leads=4, supports=0)
    g.add_node("b", label="市质监局", kind="agency", function="quality", jurisdiction="某市", leads=1, supports=1)
    g.add_node("t1", label="1", kind="task", function="task", heading="<i>甲</i>", clause="(责任单位:市财政局)",
               lead_basis="single", orphan="", path="(一)", seq=1, leads=0, supports=0)
    g.add_node("t2", label="2", kind="task", function="task", heading="乙", clause="", lead_basis="none",
               orphan="unassigned", path="(二)", seq=2, leads=0, supports=0)
    g.add_edge("a", "t1", type="LEADS", mention="市财政局", position=0, weight=2.0)
    g.add_edge("b", "t1", type="SUPPORTS", mention="市质监局", position=1, weight=1.0)
    return g


def test_colours_follow_the_function_family():
    g = _graph()
    g.add_node("c", label="市发改委", kind="agency", function="development_reform", jurisdiction="某市", leads=0,
               supports=0)
    g.add_node("d", label="市公安局", kind="agency", function="public_security", jurisdiction="某市", leads=0,
               supports=0)
    colour = {n: node_colour(d) for n, d in g.nodes(data=True)}
    assert colour["a"] == colour["c"] == FAMILIES["economy"]["colour"]  # finance and development_reform
    assert colour["d"] == FAMILIES["security_law"]["colour"] != colour["a"]
    assert colour["b"] == OTHER["colour"]  # "quality" is not a taxonomy code
    assert colour["t1"] == FIXED["task"]


def test_legend_lists_each_family_present_with_its_codes():
    g = _graph()
    g.add_node("c", label="市发改委", kind="agency", function="development_reform", jurisdiction="", leads=0,
               supports=0)
    fams = function_families(g)
    assert [f["family"] for f in fams] == ["economy", "other"]
    assert fams[0]["codes"] == ["development_reform", "finance"] and fams[1]["codes"] == ["quality"]
    view = render(g, max_nodes=10)
    drawn = {n["color"] for n in view["nodes"] if n["kind"] == "agency"}
    assert drawn == {f["colour"] for f in view["legend"]["families"]}  # the legend is truthful


def test_layout_places_every_node_and_isolated_ones_below():
    pos = layout(_graph())
    assert set(pos) == {"a", "b", "t1", "t2"}
    assert pos["t2"][1] > max(pos[n][1] for n in ("a", "b", "t1"))
    assert layout(_graph()) == pos  # fixed seed: the same picture every time


def test_render_sizes_by_leads_and_keeps_tooltips_as_text():
    view = render(_graph(), max_nodes=10)
    nodes = {n["id"]: n for n in view["nodes"]}
    assert nodes["a"]["size"] > nodes["b"]["size"] > nodes["t1"]["size"] - 1
    assert "<i>甲</i>" in nodes["t1"]["title"] and "single" in nodes["t1"]["title"]
    assert "orphan: unassigned" in nodes["t2"]["title"]
    assert view["cap"] == {"shown": 4, "total": 4, "capped": False}
    assert [e["type"] for e in view["legend"]["edges"]] == ["LEADS", "SUPPORTS"]


def test_render_caps_keeping_the_most_connected():
    view = render(_graph(), max_nodes=2)
    assert view["cap"] == {"shown": 2, "total": 4, "capped": True}
    assert {n["id"] for n in view["nodes"]} == {"a", "t1"}  # weighted degrees 2 and 3


def test_small_components_are_placed_without_simulation_hub_in_the_middle():
    g = nx.Graph()
    g.add_edges_from([("hub", "x"), ("hub", "y"), ("hub", "z")])          # a star of four
    g.add_edges_from([(f"m{i}", f"m{i + 1}") for i in range(12)])          # the main component
    for n in g:
        g.nodes[n].update(kind="agency", function="finance", label=n, leads=0, supports=0)
    pos = layout(g)
    hx, hy = pos["hub"]
    ring = [pos[v] for v in ("x", "y", "z")]
    dists = [round(((x - hx) ** 2 + (y - hy) ** 2) ** 0.5, 6) for x, y in ring]
    assert len(set(dists)) == 1 and dists[0] > 0  # leaves on a circle around the hub
    assert layout(g) == pos
