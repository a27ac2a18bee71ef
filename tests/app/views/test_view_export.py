"""Exports: CSV edge list, GraphML and GEXF keep every node, edge and attribute."""

from __future__ import annotations

import csv
import io

import networkx as nx
import pytest

from app.views.export import edge_rows, export


def _graph() -> nx.DiGraph:
    g = nx.DiGraph(name="t", center=None)
    g.add_node("a", label="市财政局", kind="agency", leads=1)
    g.add_node("t1", label="任务", kind="task", leads=0)
    g.add_edge("a", "t1", type="LEADS", mention="财政局", weight=2.0)
    return g


def test_edge_rows_have_labels_and_attributes():
    assert edge_rows(_graph()) == [{"source": "a", "source_label": "市财政局", "target": "t1",
                                    "target_label": "任务", "mention": "财政局", "type": "LEADS", "weight": 2.0}]
    rows = list(csv.DictReader(io.StringIO(export(_graph(), "csv").decode("utf-8-sig"))))
    assert rows[0]["source_label"] == "市财政局" and rows[0]["type"] == "LEADS"


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graph_formats_round_trip(fmt, reader):
    back = reader(io.BytesIO(export(_graph(), fmt)))
    assert set(back.nodes) == {"a", "t1"} and back.nodes["a"]["label"] == "市财政局"
    kind = "relation" if fmt == "gexf" else "type"
    assert back.edges["a", "t1"][kind] == "LEADS"
