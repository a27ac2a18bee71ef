"""networkx graphs built from the assignments frame, for centrality and the web views.

Three graphs (node ids are the store's agency / task ids):

- **two-mode** agency–task graph (:func:`two_mode_graph`): an edge per agency named on a
  task; ``weight`` = ``LEAD_WEIGHT`` (2.0) for LEADS, ``SUPPORT_WEIGHT`` (1.0) for SUPPORTS,
  so leading a task ties an agency to it twice as strongly as supporting it.
- **co-responsibility** graph (:func:`co_responsibility_graph`): agencies linked when named on
  the same task; ``weight`` = number of distinct shared tasks (the one-mode projection of
  the two-mode graph, Newman 2001, "Scientific collaboration networks", Phys. Rev. E 64).
- **directed lead→support** graph (:func:`lead_support_graph`): an arc from the lead of a task
  to each of its supports; ``weight`` = number of tasks in which that pair appears so.

Agency nodes carry ``node_type="agency"``, ``label`` (canonical name), ``jurisdiction``,
``function``, ``function_en``, ``leads``, ``supports``; task nodes carry ``node_type="task"``,
``label`` (heading), ``plan``, ``plan_id``, ``seq``, ``path``, ``clause``, ``lead_basis``,
``orphan``; edges carry ``type`` and ``weight``.
"""

from __future__ import annotations

from itertools import combinations

import networkx as nx
import pandas as pd

from agencynet.errors import BadFilter
from queries.frames import assignments_frame, split_filters

LEAD_WEIGHT = 2.0
SUPPORT_WEIGHT = 1.0
GRAPHS = ("two_mode", "co_responsibility", "directed")


def _agency_nodes(df: pd.DataFrame) -> dict[str, dict]:
    nodes = {}
    for r in df.itertuples(index=False):
        n = nodes.setdefault(r.source_id, {
            "node_type": r.kind, "label": r.agency, "jurisdiction": r.jurisdiction, "function": r.function,
            "function_en": r.function_en, "leads": set(), "supports": set()})
        if r.type == "LEADS":
            n["leads"].add(r.task_id)
        elif r.type == "SUPPORTS":
            n["supports"].add(r.task_id)
    for n in nodes.values():
        n["leads"], n["supports"] = len(n["leads"]), len(n["supports"])
    return nodes


def two_mode_graph(assignments: pd.DataFrame, lead_weight: float = LEAD_WEIGHT,
                   support_weight: float = SUPPORT_WEIGHT, collectives: bool = False) -> nx.Graph:
    """Bipartite agency–task graph (``bipartite`` = 0 for agencies, 1 for tasks).

    An agency named twice on one task keeps one edge, the stronger (LEADS over SUPPORTS).
    Collective entries become ``node_type="collective"`` nodes with ``support_weight``
    edges when ``collectives`` is true.

    Examples
    --------
    >>> import pandas as pd
    >>> from queries.frames import assignments_frame
    >>> from queries.testing import TinyStore
    >>> G = two_mode_graph(assignments_frame(TinyStore.example()))
    >>> sorted(d for _, d in G.degree(weight="weight"))[-1]   # A局 leads two tasks: 2 + 2
    4.0
    """
    df = assignments if collectives else assignments[assignments["kind"] == "agency"]
    G = nx.Graph(graph="two_mode", lead_weight=lead_weight, support_weight=support_weight)
    for node, attrs in _agency_nodes(df).items():
        G.add_node(node, bipartite=0, **attrs)
    for r in df.drop_duplicates("task_id").itertuples(index=False):
        G.add_node(r.task_id, bipartite=1, node_type="task", label=r.heading, plan=r.plan, plan_id=r.plan_id,
                   seq=r.seq, path=r.path, clause=r.clause, lead_basis=r.lead_basis, orphan=r.orphan)
    for r in df.itertuples(index=False):
        w = lead_weight if r.type == "LEADS" else support_weight
        if not G.has_edge(r.source_id, r.task_id) or G.edges[r.source_id, r.task_id]["weight"] < w:
            G.add_edge(r.source_id, r.task_id, type=r.type, weight=w, mention=r.mention)
    return G


def co_responsibility_graph(assignments: pd.DataFrame) -> nx.Graph:
    """Agencies linked by shared tasks; ``weight`` = number of distinct tasks both are named on.

    Examples
    --------
    >>> from queries.frames import assignments_frame
    >>> from queries.testing import TinyStore
    >>> G = co_responsibility_graph(assignments_frame(TinyStore.example()))
    >>> sorted((*sorted([G.nodes[u]["label"], G.nodes[v]["label"]]), w) for u, v, w in G.edges(data="weight"))
    [('A局', 'B局', 1), ('A局', 'C局', 1), ('B局', 'C局', 1)]
    """
    df = assignments[assignments["kind"] == "agency"]
    G = nx.Graph(graph="co_responsibility")
    for node, attrs in _agency_nodes(df).items():
        G.add_node(node, **attrs)
    for _task, members in df.groupby("task_id", sort=True)["source_id"]:
        for u, v in combinations(sorted(set(members)), 2):
            w = G.edges[u, v]["weight"] + 1 if G.has_edge(u, v) else 1
            G.add_edge(u, v, weight=w)
    return G


def co_responsibility_from_counts(agencies: pd.DataFrame, pairs: list[dict]) -> nx.Graph:
    """The co-responsibility graph from counts made in the store, without reading any edge.

    Parameters
    ----------
    agencies : DataFrame
        One row per agency named in scope with ``agency_id``, ``agency``, ``jurisdiction``,
        ``function``, ``function_en``, ``leads``, ``supports`` (``queries.rank_agencies`` rows).
    pairs : list of dict
        ``source_id``, ``target_id``, ``tasks`` (``GraphStore.agency_pairs``): the edges,
        ``weight`` = shared tasks. Pairs with an agency not in ``agencies`` are left out.

    Examples
    --------
    >>> import pandas as pd
    >>> ag = pd.DataFrame({"agency_id": ["a", "b"], "agency": ["A局", "B局"], "jurisdiction": ["甲市"] * 2,
    ...                    "function": ["fa", "fb"], "function_en": [None, None], "leads": [2, 1],
    ...                    "supports": [0, 2]})
    >>> G = co_responsibility_from_counts(ag, [{"source_id": "a", "target_id": "b", "tasks": 1}])
    >>> G.edges["a", "b"]["weight"], G.nodes["b"]["label"]
    (1, 'B局')
    """
    G = nx.Graph(graph="co_responsibility")
    for r in agencies.sort_values("agency_id").itertuples(index=False):
        G.add_node(r.agency_id, node_type="agency", label=r.agency, jurisdiction=r.jurisdiction,
                   function=r.function, function_en=r.function_en, leads=int(r.leads), supports=int(r.supports))
    for p in pairs:
        if p["source_id"] in G and p["target_id"] in G:
            G.add_edge(p["source_id"], p["target_id"], weight=int(p["tasks"]))
    return G


def lead_support_graph(assignments: pd.DataFrame) -> nx.DiGraph:
    """Arcs lead → support; ``weight`` = number of tasks where that agency leads that one.

    Examples
    --------
    >>> from queries.frames import assignments_frame
    >>> from queries.testing import TinyStore
    >>> G = lead_support_graph(assignments_frame(TinyStore.example()))
    >>> sorted((G.nodes[u]["label"], G.nodes[v]["label"], w) for u, v, w in G.edges(data="weight"))
    [('A局', 'B局', 1), ('A局', 'C局', 1)]
    """
    df = assignments[assignments["kind"] == "agency"]
    G = nx.DiGraph(graph="directed")
    for node, attrs in _agency_nodes(df).items():
        G.add_node(node, **attrs)
    for _task, grp in df.groupby("task_id", sort=True):
        leads = sorted(set(grp.loc[grp["type"] == "LEADS", "source_id"]))
        supports = sorted(set(grp.loc[grp["type"] == "SUPPORTS", "source_id"]) - set(leads))
        for u in leads:
            for v in supports:
                w = G.edges[u, v]["weight"] + 1 if G.has_edge(u, v) else 1
                G.add_edge(u, v, weight=w, type="LEADS_WITH")
    return G


def graph_from_frame(assignments: pd.DataFrame, graph: str = "two_mode", **options) -> nx.Graph:
    """One of :data:`GRAPHS` built from an assignments frame."""
    if graph == "two_mode":
        return two_mode_graph(assignments, **options)
    if graph == "co_responsibility":
        return co_responsibility_graph(assignments)
    if graph == "directed":
        return lead_support_graph(assignments)
    raise BadFilter(f"graph: unknown graph {graph!r} (one of {', '.join(GRAPHS)})")


def build_graph(source, graph: str = "two_mode", collectives: bool = False, **filters) -> nx.Graph:
    """Read the store (with the usual filters) and build one of :data:`GRAPHS`."""
    filters = split_filters(filters)
    if graph not in GRAPHS:
        raise BadFilter(f"graph: unknown graph {graph!r} (one of {', '.join(GRAPHS)})")
    df = assignments_frame(source, collectives=collectives, **filters)
    options = {"collectives": collectives} if graph == "two_mode" else {}
    return graph_from_frame(df, graph, **options)


def ego_graph(source, agency_id: str, radius: int = 1, graph: str = "two_mode", **filters) -> nx.Graph:
    """The neighbourhood of one agency: its tasks (two-mode) or its partners, ``radius`` steps out.

    Raises :class:`BadFilter` when the agency is not in the (filtered) graph.
    """
    G = build_graph(source, graph, **filters)
    if agency_id not in G:
        raise BadFilter(f"agency: {agency_id!r} is not named on any task in scope")
    return nx.ego_graph(G, agency_id, radius=radius, undirected=True)
