"""Exports of a network view: CSV edge list, GraphML and GEXF (networkx writers).

In GEXF the edge kind (LEADS/SUPPORTS/...) is the attribute ``relation`` and the edge label,
because GEXF reserves ``type`` for directed/undirected.
"""

from __future__ import annotations

import io

import networkx as nx

from app.tables import to_csv

FORMATS = {"csv": "text/csv; charset=utf-8", "graphml": "application/graphml+xml; charset=utf-8",
           "gexf": "application/gexf+xml; charset=utf-8"}


def edge_rows(g: nx.Graph) -> list[dict]:
    """One row per edge: source/target ids and labels, then every edge attribute."""
    attrs = sorted({k for _, _, d in g.edges(data=True) for k in d})
    rows = []
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        row = {"source": u, "source_label": g.nodes[u].get("label", ""), "target": v,
               "target_label": g.nodes[v].get("label", "")}
        row.update({k: d.get(k, "") for k in attrs})
        rows.append(row)
    return rows


def export(g: nx.Graph, fmt: str) -> bytes:
    """``g`` as bytes in ``fmt`` (csv | graphml | gexf)."""
    if fmt == "csv":
        return ("\ufeff" + to_csv(edge_rows(g))).encode("utf-8")
    clean = nx.DiGraph() if g.is_directed() else nx.Graph()
    clean.graph.update({k: str(v) for k, v in g.graph.items()})
    clean.add_nodes_from((n, _scalars(d)) for n, d in g.nodes(data=True))
    clean.add_edges_from((u, v, _edge(d, fmt)) for u, v, d in g.edges(data=True))
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(clean, buf, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(clean, buf, encoding="utf-8")
    else:
        raise ValueError(fmt)
    return buf.getvalue()


def _edge(d: dict, fmt: str) -> dict:
    """GEXF reserves an edge's ``type`` (directed/undirected): there it is ``relation`` and the label."""
    out = _scalars(d)
    if fmt == "gexf" and "type" in out:
        out["relation"] = out.pop("type")
        out["label"] = out["relation"]
    return out


def _scalars(d: dict) -> dict:
    return {k: (v if isinstance(v, (str, int, float, bool)) else str(v)) for k, v in d.items() if v is not None}
