"""pyvis rendering of the view graphs: sizes by lead count, colours by function family, typed edges.

``render(g, title, max_nodes)`` returns a plain dict (nodes, edges, vis options, legend, cap)
that the page template draws with the vis-network library pyvis ships, served locally from
``/vendor`` (no CDN). Tooltips are plain text (vis-network shows string titles as text), so
task text containing markup is never interpreted.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import networkx as nx
import pyvis
from pyvis.edge import Edge
from pyvis.network import Network

from app.views.families import FAMILIES, family, family_spec
from app.views.graphs import cap

VENDOR_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib"
VIS_JS = "/vendor/vis-9.1.2/vis-network.min.js"
VIS_CSS = "/vendor/vis-9.1.2/vis-network.css"

FIXED = {"task": "#c9d3df", "collective": "#b8b8b8", "jurisdiction": "#3b4a5e"}
EDGE_STYLE = {
    "LEADS": {"color": "#1f5fa8", "width": 2.6, "dashes": False, "label": "leads (牵头)"},
    "SUPPORTS": {"color": "#98a3b3", "width": 1.3, "dashes": True, "label": "supports (配合)"},
    "NAMED_ON": {"color": "#d08c2a", "width": 1.0, "dashes": [2, 5], "label": "collective named on"},
    "SHARES": {"color": "#9aa7b8", "width": 1.0, "dashes": False, "label": "shared tasks"},
}
SMALL_COMPONENT = 6  # components up to this size are placed by rule, not simulated
SHAPES = {"agency": "dot", "collective": "triangle", "task": "square", "jurisdiction": "diamond",
          "function": "dot"}
OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "multiselect": True},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": False}}},
    "nodes": {"font": {"size": 13, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}},
}


def node_colour(d: dict) -> str:
    """A node's fill: fixed for tasks, collectives and jurisdictions, else its function's family colour."""
    kind = d.get("kind")
    if kind in FIXED:
        return FIXED[kind]
    return family_spec(family(d.get("function")))["colour"]


def function_families(g: nx.Graph) -> list[dict]:
    """The families present among the agency/function nodes of ``g`` (table order, then other,
    unclassified), each with its colour and the sorted function codes of it present."""
    codes: dict[str, set] = {}
    for _, d in g.nodes(data=True):
        if d.get("kind") in ("agency", "function"):
            fn = d.get("function") or "unclassified"
            codes.setdefault(family(fn), set()).add(fn)
    order = [*FAMILIES, "other", "unclassified"]
    return [{"family": k, **family_spec(k), "codes": sorted(codes[k])} for k in order if k in codes]


def _tooltip(d: dict) -> str:
    if d["kind"] == "task":
        lines = [f"任务 {d.get('seq', '')} · {d.get('path', '')}", d.get("heading", ""),
                 f"责任: {d.get('clause') or '(none)'}", f"lead basis: {d.get('lead_basis', '')}"]
        if d.get("orphan"):
            lines.append(f"orphan: {d['orphan']}")
        return "\n".join(lines)
    where = " · ".join(x for x in (d.get("jurisdiction", ""), d.get("function", "")) if x)
    return f"{d['label']}\n{where}\nleads {d.get('leads', 0)} · supports {d.get('supports', 0)}"


def _short(label: str, limit: int = 12) -> str:
    return label if len(label) <= limit else label[:limit - 1] + "…"


def _edge_tooltip(d: dict) -> str:
    if d["type"] == "SHARES":
        return f"{int(d.get('weight', 1))} shared task(s)"
    if "leads" in d and "mention" not in d:
        return f"leads {d['leads']} · supports {d['supports']}"
    return f"{d['type']} · as written: {d.get('mention', '')}"


def layout(g: nx.Graph) -> dict:
    """A precomputed layout (fixed seed), so the view is still the moment it is drawn.

    The largest connected component gets a spring layout in the middle; smaller components
    (e.g. a task with only a collective named, unassigned tasks) are laid out on their own and
    packed in rows beneath it, so they neither drift to the edges nor squeeze the main picture.
    """
    u = g.to_undirected(as_view=True)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(u)), key=lambda c: (-len(c), str(c[0])))
    pos: dict = {}
    if not comps:
        return pos
    main = comps[0]
    scale = max(220.0, 95.0 * math.sqrt(len(main)))
    pos.update(_spring(u.subgraph(main), scale))
    width = max(2 * scale, 600.0)
    x, y, row_h = -width / 2, max(p[1] for p in pos.values()) + 90.0, 0.0
    for comp in comps[1:]:
        r = 0.0 if len(comp) == 1 else 40.0 * math.sqrt(len(comp))
        if x + 2 * r > width / 2:
            x, y, row_h = -width / 2, y + row_h + 70.0, 0.0
        for n, (px, py) in _spring(u.subgraph(comp), r).items():
            pos[n] = (x + r + px, y + r + py)
        x += 2 * r + 70.0
        row_h = max(row_h, 2 * r)
    return pos


def _small(sub: nx.Graph, scale: float) -> dict:
    """A component of a few nodes without a force simulation: a star's hub in the middle with
    the rest on a circle around it, else every node on the circle (sorted, so stable)."""
    nodes = sorted(sub, key=str)
    n = len(nodes)
    hub = max(nodes, key=lambda v: (sub.degree(v), -nodes.index(v)))
    ring = [v for v in nodes if v != hub] if n > 2 and sub.degree(hub) == n - 1 else nodes
    pos = {} if ring is nodes else {hub: (0.0, 0.0)}
    for i, v in enumerate(ring):
        angle = 2 * math.pi * i / len(ring) - math.pi / 2
        pos[v] = (scale * math.cos(angle), scale * math.sin(angle))
    return pos


def _spring(sub: nx.Graph, scale: float) -> dict:
    n = sub.number_of_nodes()
    if n == 1:
        return {next(iter(sub)): (0.0, 0.0)}
    if n <= SMALL_COMPONENT:
        return _small(sub, scale)
    k = 3.0 / math.sqrt(n)
    return {node: (float(p[0]), float(p[1]))
            for node, p in nx.spring_layout(sub, seed=7, k=k, iterations=100 if n < 150 else 50, scale=scale, weight=None).items()}


def build_network(g: nx.Graph) -> Network:
    """A pyvis ``Network`` for ``g`` with positions, sizes, colours, typed edges and text tooltips."""
    net = Network(height="680px", width="100%", directed=g.is_directed(), select_menu=True, filter_menu=True,
                  cdn_resources="local")
    pos = layout(g)
    center = g.graph.get("center")
    for n, d in g.nodes(data=True):
        size = 9 if d["kind"] == "task" else 10 + 5 * math.sqrt(d.get("leads", 0))
        x, y = pos.get(n, (0.0, 0.0))
        label = f"#{d['seq']}" if d["kind"] == "task" else _short(d["label"])
        net.add_node(n, label=label, title=_tooltip(d), shape=SHAPES.get(d["kind"], "dot"),
                     color=node_colour(d), size=round(size, 1), family=family(d.get("function"))
                     if d["kind"] in ("agency", "function") else d["kind"],
                     x=round(float(x), 1), y=round(float(y), 1), kind=d["kind"], function=d.get("function", ""),
                     leads=d.get("leads", 0), borderWidth=4 if n == center else 1)
    for u, v, d in g.edges(data=True):
        style = EDGE_STYLE[d["type"]]
        width = style["width"] * (1 + math.log(d["weight"], 2)) if d["type"] == "SHARES" else style["width"]
        # pyvis's add_edge scans every edge already added (quadratic); the networkx graph already
        # guarantees known endpoints and no duplicates, so pyvis's Edge rows are appended directly
        net.edges.append(Edge(u, v, directed=net.directed, type=d["type"], title=_edge_tooltip(d),
                              color=style["color"], width=round(width, 2), dashes=style["dashes"],
                              arrows="to" if d["type"] in ("LEADS", "SUPPORTS", "NAMED_ON") else "").options)
    net.options = dict(OPTIONS)
    return net


def legend(g: nx.Graph) -> dict:
    """What the colours, shapes and line styles mean in this view."""
    types = sorted({d["type"] for _, _, d in g.edges(data=True)})
    kinds = sorted({d["kind"] for _, d in g.nodes(data=True)})
    return {
        "families": function_families(g),
        "edges": [{"type": t, **{k: v for k, v in EDGE_STYLE[t].items()}} for t in types],
        "shapes": [{"kind": k, "shape": SHAPES.get(k, "dot"), "colour": FIXED.get(k, "#8797a8")} for k in kinds],
        "size": "node size grows with the number of tasks led",
    }


def render(g: nx.Graph, max_nodes: int, keep: str | None = None) -> dict:
    """The view as data: ``nodes``, ``edges`` (vis-network rows), ``options`` (JSON text), ``legend``, ``cap``."""
    shown, capinfo = cap(g, max_nodes, keep=keep)
    net = build_network(shown)
    nodes, edges, _heading, height, _width, options = net.get_network_data()
    return {"name": g.graph.get("name", ""), "nodes": nodes, "edges": edges, "options": json.loads(options),
            "height": height, "legend": legend(shown), "cap": capinfo, "vis_js": VIS_JS, "vis_css": VIS_CSS}
