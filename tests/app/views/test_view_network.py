"""pyvis rendering: stable colours by function, precomputed positions, caps, plain-text tooltips."""

from __future__ import annotations

import networkx as nx

from app.views.network import FIXED, PALETTE, function_colours, layout, render


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


def test_colours_follow_sorted_function_codes():
    colours = function_colours(_graph())
    assert colours["finance"] == PALETTE[0] and colours["quality"] == PALETTE[1]
    assert colours["task"] == FIXED["task"]


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
