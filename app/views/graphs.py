"""networkx graphs for the four network views, built from store reads only.

Every node and edge carries only str/int/float/bool attributes (GraphML/GEXF-safe):
nodes ``label``, ``kind`` (agency|collective|task|jurisdiction|function), ``function``,
``jurisdiction``, ``leads``, ``supports``; task nodes also ``heading``, ``clause``,
``lead_basis``, ``orphan``, ``path``; edges ``type`` (LEADS|SUPPORTS|NAMED_ON|SHARES) and ``weight``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import networkx as nx

from agencynet.errors import NotFound
from app import data
from store.base import GraphStore

EDGE_WEIGHT = {"LEADS": 2.0, "SUPPORTS": 1.0, "NAMED_ON": 0.5}


def _s(value) -> str:
    return "" if value is None else str(value)


def _source_nodes(store: GraphStore, ids=None) -> dict[str, dict]:
    """Node attributes of agencies and collectives: those of ``ids`` (``source_facts``, by
    index), else every one."""
    jn = data.jurisdiction_names(store)
    if ids is not None:
        facts = store.source_facts(sorted(set(ids))) if ids else []
        agencies = [f for f in facts if f["kind"] != "collective"]
        collectives = [f for f in facts if f["kind"] == "collective"]
    else:
        agencies, collectives = store.agencies(), store.collectives()
    out = {}
    for a in agencies:
        out[a["id"]] = {"label": a["name"], "kind": "agency", "function": _s(a["function"]),
                        "jurisdiction": _s(jn.get(a["jurisdiction_id"])), "leads": 0, "supports": 0}
    for c in collectives:
        out[c["id"]] = {"label": c["name"], "kind": "collective", "function": "collective",
                        "jurisdiction": _s(jn.get(c["jurisdiction_id"])), "leads": 0, "supports": 0}
    return out


def _task_node(t: dict) -> dict:
    return {"label": f"{t['seq']}. {_s(t['heading'])[:18]}", "kind": "task", "function": "task",
            "heading": _s(t["heading"]), "clause": _s(t["clause"]), "lead_basis": _s(t["lead_basis"]),
            "orphan": _s(t["orphan"]), "path": _s(t["path"]), "plan_id": t["plan_id"], "seq": t["seq"],
            "leads": 0, "supports": 0}


def agency_task_graph(store: GraphStore, plan_id: str) -> nx.DiGraph:
    """Two-mode graph of one plan: agency/collective -> task, edges typed LEADS/SUPPORTS/NAMED_ON."""
    data.plan(store, plan_id)
    edges = store.edges([plan_id])
    sources = _source_nodes(store, {e["source_id"] for e in edges})
    g = nx.DiGraph(name=f"agency-task network of {plan_id}", view="plan", plan_id=plan_id)
    for t in store.tasks(plan_id):
        g.add_node(t["id"], **_task_node(t))
    for e in edges:
        if e["task_id"] not in g:
            continue
        if e["source_id"] not in g:
            g.add_node(e["source_id"], **dict(sources.get(e["source_id"], {"label": e["mention"], "kind": "agency",
                                                                            "function": "unclassified",
                                                                            "jurisdiction": "", "leads": 0,
                                                                            "supports": 0})))
        _count(g, e["source_id"], e["type"])
        g.add_edge(e["source_id"], e["task_id"], type=e["type"], mention=_s(e["mention"]),
                   position=int(e["position"] or 0), weight=EDGE_WEIGHT[e["type"]])
    return g


def _count(g: nx.Graph, node: str, etype: str) -> None:
    if etype == "LEADS":
        g.nodes[node]["leads"] += 1
    elif etype == "SUPPORTS":
        g.nodes[node]["supports"] += 1


def co_responsibility_graph(store: GraphStore, plan_id: str | None = None,
                            jurisdiction: str | None = None) -> nx.Graph:
    """Agencies linked when they share tasks; ``weight`` = number of shared tasks.

    Pooled over all plans unless ``plan_id`` or ``jurisdiction`` (id or name) narrows it; a
    narrowed graph reads only those plans' edges and the bodies they name.
    """
    plan_ids = None
    if plan_id:
        data.plan(store, plan_id)
        plan_ids = [plan_id]
    elif jurisdiction:
        jid = data.resolve_jurisdiction(store, jurisdiction)
        plan_ids = [p["id"] for p in store.plans_matching(jurisdictions=[jid]) if p["jurisdiction_id"] == jid]
    edges = store.edges(plan_ids) if plan_ids != [] else []
    sources = _source_nodes(store, None if plan_ids is None else {e["source_id"] for e in edges})
    g = nx.Graph(name="agency co-responsibility network", view="co")
    on_task: dict[str, list[str]] = defaultdict(list)
    for e in edges:
        if e["type"] not in ("LEADS", "SUPPORTS") or e["source_id"] not in sources:
            continue
        if e["source_id"] not in g:
            g.add_node(e["source_id"], **dict(sources[e["source_id"]]))
        _count(g, e["source_id"], e["type"])
        if e["source_id"] not in on_task[e["task_id"]]:
            on_task[e["task_id"]].append(e["source_id"])
    for members in on_task.values():
        for a, b in combinations(sorted(members), 2):
            w = g.edges[a, b]["weight"] + 1 if g.has_edge(a, b) else 1
            g.add_edge(a, b, type="SHARES", weight=w)
    return g


def ego_graph(store: GraphStore, agency_id: str) -> nx.DiGraph:
    """An agency, the tasks it is named on, and every other body named on those tasks."""
    if store.agency(agency_id) is None:
        raise NotFound(f"no agency with id '{agency_id}' (search them at /agencies?q=...)")
    mine = store.source_edges(agency_id)
    my_tasks = {e["task_id"] for e in mine}
    plan_ids = sorted({e["plan_id"] for e in mine})
    edges = [e for e in store.edges(plan_ids) if e["task_id"] in my_tasks] if plan_ids else []
    tasks = {t["id"]: t for t in store.tasks_by_id(sorted(my_tasks))}
    sources = _source_nodes(store, {agency_id} | {e["source_id"] for e in edges})
    g = nx.DiGraph(name=f"ego network of {agency_id}", view="ego", center=agency_id)
    g.add_node(agency_id, **dict(sources[agency_id]))
    for tid, t in tasks.items():
        g.add_node(tid, **_task_node(t))
    for e in edges:
        if e["task_id"] not in tasks or e["source_id"] not in sources:
            continue
        if e["source_id"] not in g:
            g.add_node(e["source_id"], **dict(sources[e["source_id"]]))
        _count(g, e["source_id"], e["type"])
        g.add_edge(e["source_id"], e["task_id"], type=e["type"], mention=_s(e["mention"]),
                   position=int(e["position"] or 0), weight=EDGE_WEIGHT[e["type"]])
    return g


def function_jurisdiction_graph(store: GraphStore) -> nx.Graph:
    """Cross-jurisdiction function network: jurisdiction -- function edges weighted by lead counts.

    ``leads``/``supports`` on an edge count the tasks the jurisdiction's agencies of that function
    lead/support; ``type`` is LEADS when the function leads anything there, else SUPPORTS.
    """
    jn = data.jurisdiction_names(store)
    fnames = {f["code"]: f.get("en") or f.get("zh") or f["code"] for f in store.functions()}
    agencies = {a["id"]: a for a in store.agencies()}
    plan_j = {p["id"]: p["jurisdiction_id"] for p in store.plans()}
    counts: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for e in store.edges():
        a = agencies.get(e["source_id"])
        if a is None or e["type"] not in ("LEADS", "SUPPORTS"):
            continue
        jid = plan_j.get(e["plan_id"]) or a["jurisdiction_id"]
        counts[(jid, a["function"] or "unclassified")][e["type"]] += 1
    g = nx.Graph(name="cross-jurisdiction function network", view="functions")
    for (jid, fcode), c in sorted(counts.items()):
        jnode, fnode = f"j:{jid}", f"f:{fcode}"
        if jnode not in g:
            g.add_node(jnode, label=_s(jn.get(jid, jid)), kind="jurisdiction", function="jurisdiction",
                       jurisdiction=_s(jn.get(jid, jid)), leads=0, supports=0)
        if fnode not in g:
            g.add_node(fnode, label=_s(fnames.get(fcode, fcode)), kind="function", function=fcode,
                       jurisdiction="", leads=0, supports=0)
        for node in (jnode, fnode):
            g.nodes[node]["leads"] += c["LEADS"]
            g.nodes[node]["supports"] += c["SUPPORTS"]
        g.add_edge(jnode, fnode, type="LEADS" if c["LEADS"] else "SUPPORTS", leads=c["LEADS"],
                   supports=c["SUPPORTS"], weight=float(c["LEADS"] * 2 + c["SUPPORTS"]))
    return g


def cap(g: nx.Graph, max_nodes: int, keep: str | None = None) -> tuple[nx.Graph, dict]:
    """Keep the ``max_nodes`` nodes with the highest weighted degree (``keep`` always stays).

    Returns the (possibly smaller) graph and ``{"shown", "total", "capped"}``.
    """
    total = g.number_of_nodes()
    if total <= max_nodes:
        return g, {"shown": total, "total": total, "capped": False}
    degree = dict(g.degree(weight="weight"))
    ranked = sorted(g.nodes, key=lambda n: (n != keep, -degree.get(n, 0), str(n)))
    sub = g.subgraph(ranked[:max_nodes]).copy()
    sub.graph.update(g.graph)
    return sub, {"shown": sub.number_of_nodes(), "total": total, "capped": True}
