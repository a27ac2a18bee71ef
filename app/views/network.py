"""pyvis rendering of the view graphs: sizes by lead count, colours by function, typed edges.

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
from pyvis.network import Network

from app.views.graphs import cap

VENDOR_DIR = Path(pyvis.__file__).resolve().parent / "templates" / "lib"
VIS_JS = "/vendor/vis-9.1.2/vis-network.min.js"
VIS_CSS = "/vendor/vis-9.1.2/vis-network.css"

PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#e15759", "#9c755f",
           "#2f8f9d", "#bab0ac", "#8cd17d", "#d37295", "#86bcb6", "#a0cbe8", "#ffbe7d", "#499894"]
FIXED = {"task": "#c9d3df", "collective": "#b8b8b8", "jurisdiction": "#3b4a5e", "unclassified": "#8e8e8e"}
EDGE_STYLE = {
    "LEADS": {"color": "#1f5fa8", "width": 2.6, "dashes": False, "label": "leads (牵头)"},
    "SUPPORTS": {"color": "#98a3b3", "width": 1.3, "dashes": True, "label": "supports (配合)"},
    "NAMED_ON": {"color": "#d08c2a", "width": 1.0, "dashes": [2, 5], "label": "collective named on"},
    "SHARES": {"color": "#9aa7b8", "width": 1.0, "dashes": False, "label": "shared tasks"},
}
SHAPES = {"agency": "dot", "collective": "triangle", "task": "square", "jurisdiction": "diamond",
          "function": "dot"}
OPTIONS = {
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "multiselect": True},
    "edges": {"smooth": False, "arrows": {"to": {"enabled": False}}},
    "nodes": {"font": {"size": 13, "face": "Noto Sans CJK SC, Microsoft YaHei, sans-serif"}},
}


def function_colours(g: nx.Graph) -> dict[str, str]:
    """A stable colour per function code present (sorted codes -> palette order)."""
    codes = sorted({d.get("function", "") for _, d in g.nodes(data=True)} - set(FIXED) - {""})
    colours = {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(codes)}
    colours.update(FIXED)
    return colours


def _tooltip(d: dict) -> str:
    if d["kind"] == "task":
        lines = [f"任务 {d.get('seq', '')} · {d.get('path', '')}", d.get("heading", ""),
                 f"责任: {d.get('clause') or '(none)'}", f"lead basis: {d.get('lead_basis', '')}"]
        if d.get("orphan"):
            lines.append(f"orphan: {d['orphan']}")
        return "\n".join(lines)
    where = " · ".join(x for x in (d.get("jurisdiction", ""), d.get("function", "")) if x)
    return f"{d['label']}\n{where}\nleads {d.get('leads', 0)} · supports {d.get('supports', 0)}"


def _edge_tooltip(d: dict) -> str:
    if d["type"] == "SHARES":
        return f"{int(d.get('weight', 1))} shared task(s)"
    if "leads" in d and "mention" not in d:
        return f"leads {d['leads']} · supports {d['supports']}"
    return f"{d['type']} · as written: {d.get('mention', '')}"


def layout(g: nx.Graph) -> dict:
    """A precomputed spring layout (fixed seed), so the view is still the moment it is drawn.

    Connected nodes are laid out together; isolated nodes (e.g. unassigned tasks) sit in a row below.
    """
    u = g.to_undirected(as_view=True)
    linked = [n for n in u if u.degree(n) > 0]
    alone = sorted((n for n in u if u.degree(n) == 0), key=str)
    pos: dict = {}
    scale = max(260.0, 90.0 * math.sqrt(max(len(linked), 1)))
    if linked:
        k = 2.4 / math.sqrt(len(linked))
        pos = nx.spring_layout(u.subgraph(linked), seed=7, k=k, iterations=80, scale=scale, weight=None)
    bottom = max((y for _, y in pos.values()), default=0.0) + 90.0
    step, per_row = 60.0, max(8, int(2 * scale / 60.0))
    for i, n in enumerate(alone):
        row, col = divmod(i, per_row)
        pos[n] = (-scale + col * step, bottom + row * 50.0)
    return pos


def build_network(g: nx.Graph) -> Network:
    """A pyvis ``Network`` for ``g`` with positions, sizes, colours, typed edges and text tooltips."""
    net = Network(height="680px", width="100%", directed=g.is_directed(), select_menu=True, filter_menu=True,
                  cdn_resources="local")
    colours = function_colours(g)
    pos = layout(g)
    center = g.graph.get("center")
    for n, d in g.nodes(data=True):
        size = 9 if d["kind"] == "task" else 10 + 5 * math.sqrt(d.get("leads", 0))
        x, y = pos.get(n, (0.0, 0.0))
        label = f"#{d['seq']}" if d["kind"] == "task" else d["label"]
        net.add_node(n, label=label, title=_tooltip(d), shape=SHAPES.get(d["kind"], "dot"),
                     color=colours.get(d.get("function", ""), FIXED["unclassified"]), size=round(size, 1),
                     x=round(float(x), 1), y=round(float(y), 1), kind=d["kind"], function=d.get("function", ""),
                     leads=d.get("leads", 0), borderWidth=4 if n == center else 1)
    for u, v, d in g.edges(data=True):
        style = EDGE_STYLE[d["type"]]
        width = style["width"] * (1 + math.log(d["weight"], 2)) if d["type"] == "SHARES" else style["width"]
        net.add_edge(u, v, type=d["type"], title=_edge_tooltip(d), color=style["color"], width=round(width, 2),
                     dashes=style["dashes"], arrows="to" if d["type"] in ("LEADS", "SUPPORTS", "NAMED_ON") else "")
    net.options = dict(OPTIONS)
    return net


def legend(g: nx.Graph) -> dict:
    """What the colours, shapes and line styles mean in this view."""
    colours = function_colours(g)
    present = sorted({d.get("function", "") for _, d in g.nodes(data=True)} - {"task", "collective", "jurisdiction"})
    types = sorted({d["type"] for _, _, d in g.edges(data=True)})
    kinds = sorted({d["kind"] for _, d in g.nodes(data=True)})
    return {
        "functions": [{"code": c, "colour": colours[c]} for c in present if c in colours],
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
