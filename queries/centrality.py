"""Centrality of agencies in the two-mode, co-responsibility and directed lead→support graphs.

Measures (for agency nodes only; task nodes take part in paths but are not reported):

- ``degree``: number of neighbours (tasks in the two-mode graph, partner agencies otherwise;
  in + out for the directed graph).
- ``weighted_degree``: sum of edge weights (strength; Barrat et al. 2004, PNAS 101:3747).
  Two-mode: 2 × tasks led + 1 × tasks supported (``queries.graphs.LEAD_WEIGHT``/``SUPPORT_WEIGHT``).
- ``betweenness``: share of shortest paths between other nodes passing through the agency
  (Brandes 2001, J. Math. Sociol. 25:163), normalised as networkx does. Paths use
  ``distance = 1 / weight``, so stronger ties are shorter (Opsahl et al. 2010, Social Networks
  32:245). On graphs above ``sample_threshold`` (2000) nodes it is estimated from ``k`` (default
  256) sampled source nodes (Brandes & Pich 2007); ``betweenness_k`` states the sample size
  (= node count when exact). Closeness is then sampled the same way (:func:`sampled_closeness`).
- ``eigenvector``: the principal eigenvector of the weighted adjacency matrix (Bonacich 1972),
  by power iteration on A + I (so bipartite graphs converge). For the directed graph it is
  computed on the undirected graph with summed weights, because a lead→support graph is
  mostly acyclic and has no meaningful dominant left eigenvector.
- ``pagerank``: weighted PageRank, damping 0.85 (Brin & Page 1998). In the directed graph rank
  flows from a lead to its supports, so a high score means "often relied upon by agencies
  that are themselves relied upon".
- ``closeness``: inverse mean ``distance`` to reachable nodes, Wasserman–Faust scaled for
  disconnected graphs (Freeman 1979; networkx ``closeness_centrality``, ``wf_improved``).

Pooled over several plans the graph is usually disconnected; eigenvector centrality then
concentrates on the component with the largest eigenvalue (others get ~0). Compare plans
with ``per_plan=True``.
"""

from __future__ import annotations

import networkx as nx
import pandas as pd

from queries.frames import assignments_frame, snapshot, split_filters
from queries.aggregates import pushes_down
from queries.graphs import GRAPHS, LEAD_WEIGHT, SUPPORT_WEIGHT, co_responsibility_from_counts, graph_from_frame

MEASURES = ["degree", "weighted_degree", "betweenness", "eigenvector", "pagerank", "closeness"]
SAMPLE_THRESHOLD = 2000
SAMPLE_SIZE = 256


def _eigenvector(G: nx.Graph, max_iter: int = 10000, tol: float = 1e-9) -> dict:
    """Power iteration on A + I (as networkx's ``eigenvector_centrality``), with scipy sparse
    products so large graphs are quick; the last iterate is returned if ``max_iter`` is hit."""
    import numpy as np

    if G.is_directed():
        U = nx.Graph()
        U.add_nodes_from(G)
        for u, v, w in G.edges(data="weight"):
            U.add_edge(u, v, weight=(U.edges[u, v]["weight"] if U.has_edge(u, v) else 0) + w)
        G = U
    nodes = list(G)
    if G.number_of_edges() == 0:
        return dict.fromkeys(nodes, 0.0)
    A = nx.to_scipy_sparse_array(G, nodelist=nodes, weight="weight", format="csr")
    x = np.full(len(nodes), 1.0 / len(nodes))
    for _ in range(max_iter):
        last = x
        x = last + A.T @ last
        x = x / (np.linalg.norm(x) or 1.0)
        if np.abs(x - last).sum() < len(nodes) * tol:
            break
    return dict(zip(nodes, x.tolist()))


def sampled_closeness(G: nx.Graph, k: int, seed: int = 0) -> dict:
    """Closeness estimated from ``k`` random source nodes (Eppstein & Wang 2004, JGAA 8:39).

    For each node v, the distances d(s, v) from the sampled sources s that reach it give
    the mean distance; the share of sources reaching it estimates the reachable share, so
    the estimate has the Wasserman–Faust form (reach share) / (mean distance), and equals
    networkx's exact value when every node is a source. For a directed graph d(s, v) is the
    inward distance, as networkx uses.

    >>> G = nx.path_graph(4); nx.set_edge_attributes(G, 1.0, "distance")
    >>> exact = nx.closeness_centrality(G, distance="distance")
    >>> all(abs(sampled_closeness(G, 4)[v] - exact[v]) < 1e-12 for v in G)
    True
    """
    import random

    nodes = list(G)
    sources = random.Random(seed).sample(nodes, min(k, len(nodes)))
    total = dict.fromkeys(nodes, 0.0)
    reached = dict.fromkeys(nodes, 0)
    for s in sources:
        for v, d in nx.single_source_dijkstra_path_length(G, s, weight="distance").items():
            if v != s:
                total[v] += d
                reached[v] += 1
    out = {}
    for v in nodes:
        others = len(sources) - (1 if v in sources else 0)
        out[v] = (reached[v] / others) / (total[v] / reached[v]) if reached[v] and others else 0.0
    return out


def graph_centrality(G: nx.Graph, nodes=None, k: int | None = None, seed: int = 0,
                     sample_threshold: int = SAMPLE_THRESHOLD, sample_size: int = SAMPLE_SIZE) -> pd.DataFrame:
    """Every measure of the module docstring for ``nodes`` (default: all) of a weighted graph.

    Parameters
    ----------
    G : networkx.Graph or DiGraph with a ``weight`` on every edge
    nodes : iterable, optional
        Nodes to report (the graph as a whole is always used).
    k : int, optional
        Sample size for betweenness; default exact up to ``sample_threshold`` nodes, else
        ``sample_size``.
    seed : int
        Random seed of the sample (results are reproducible).

    Returns
    -------
    DataFrame: ``node``, the six measures, ``betweenness_k``, ``graph_nodes``.

    Examples
    --------
    A path a–b–c with weights 2 and 1: b lies on the only a–c path.

    >>> import networkx as nx
    >>> G = nx.Graph(); G.add_edge("a", "b", weight=2.0); G.add_edge("b", "c", weight=1.0)
    >>> df = graph_centrality(G).set_index("node")
    >>> int(df.loc["b", "degree"]), float(df.loc["b", "weighted_degree"]), float(df.loc["b", "betweenness"])
    (2, 3.0, 1.0)
    >>> float(df.loc["a", "closeness"])   # distances 1/2 to b and 1/2 + 1 to c: 2 / 2.0
    1.0
    """
    n = G.number_of_nodes()
    for u, v, d in G.edges(data=True):
        d["distance"] = 1.0 / d["weight"] if d.get("weight") else 1.0
    if k is None and n > sample_threshold:
        k = min(sample_size, n)
    if k is not None:
        k = min(int(k), n)
    exact = k is None or k >= n
    between = nx.betweenness_centrality(G, k=None if exact else k, weight="distance", seed=seed) if n else {}
    pagerank = nx.pagerank(G, weight="weight") if n else {}
    if exact:
        closeness = nx.closeness_centrality(G, distance="distance") if n else {}
    else:
        closeness = sampled_closeness(G, k, seed)
    eigen = _eigenvector(G) if n else {}
    wdeg = dict(G.degree(weight="weight"))
    report = list(G.nodes) if nodes is None else [x for x in nodes if x in G]
    out = pd.DataFrame({
        "node": report,
        "degree": [G.degree(x) for x in report],
        "weighted_degree": [float(wdeg[x]) for x in report],
        "betweenness": [between[x] for x in report],
        "eigenvector": [eigen[x] for x in report],
        "pagerank": [pagerank[x] for x in report],
        "closeness": [closeness[x] for x in report],
    })
    out["betweenness_k"] = n if exact else k      # sample size of betweenness and closeness
    out["graph_nodes"] = n
    return out


CENTRALITY_COLS = ["agency_id", "agency", "jurisdiction", "function", "function_en", "leads", "supports",
                   *MEASURES, "betweenness_k", "graph_nodes", "graph"]


def _agency_rows(G: nx.Graph, graph: str, **options) -> pd.DataFrame:
    agencies = [x for x, t in G.nodes(data="node_type") if t == "agency"]
    df = graph_centrality(G, nodes=agencies, **options).rename(columns={"node": "agency_id"})
    for col, attr in (("agency", "label"), ("jurisdiction", "jurisdiction"), ("function", "function"),
                      ("function_en", "function_en"), ("leads", "leads"), ("supports", "supports")):
        df[col] = [G.nodes[x][attr] for x in df["agency_id"]]
    df["graph"] = graph
    return df[CENTRALITY_COLS]


def centrality(source, graph: str = "two_mode", per_plan: bool = False, k: int | None = None, seed: int = 0,
               lead_weight: float = LEAD_WEIGHT, support_weight: float = SUPPORT_WEIGHT,
               sample_threshold: int = SAMPLE_THRESHOLD, **filters) -> pd.DataFrame:
    """Agency centrality in one of ``queries.graphs.GRAPHS``, pooled or per plan.

    Parameters
    ----------
    source : GraphStore or Snapshot
    graph : {"two_mode", "co_responsibility", "directed"}
    per_plan : bool
        One graph per plan (rows carry ``plan_id``, ``plan``); otherwise one pooled graph
        of every plan in scope, where an agency named in several plans is one node.
    k, seed, sample_threshold : betweenness sampling (see :func:`graph_centrality`)
    lead_weight, support_weight : two-mode edge weights
    **filters : plan, jurisdiction, level, function, year, harmonise

    Returns
    -------
    DataFrame with ``CENTRALITY_COLS``, sorted by PageRank (descending) then name.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> df = centrality(TinyStore.example(), graph="co_responsibility")
    >>> sorted((r.agency, r.degree, r.weighted_degree) for r in df.itertuples())  # each pair shares one task
    [('A局', 2, 2.0), ('B局', 2, 2.0), ('C局', 2, 2.0)]
    """
    filters = split_filters(filters)
    if graph not in GRAPHS:
        from agencynet.errors import BadFilter
        raise BadFilter(f"graph: unknown graph {graph!r} (one of {', '.join(GRAPHS)})")
    stats = {"k": k, "seed": seed, "sample_threshold": sample_threshold}
    if graph == "co_responsibility" and not per_plan and not filters.get("function") and pushes_down(source):
        return _sorted(_agency_rows(_pooled_co_responsibility(source, filters), graph, **stats))
    snap = snapshot(source)
    df = assignments_frame(snap, collectives=False, **filters)
    options = {"lead_weight": lead_weight, "support_weight": support_weight} if graph == "two_mode" else {}
    if per_plan:
        parts = []
        for (pid, pfile), grp in df.groupby(["plan_id", "plan"], sort=True):
            part = _agency_rows(graph_from_frame(grp, graph, **options), graph, **stats)
            parts.append(part.assign(plan_id=pid, plan=pfile))
        cols = ["plan_id", "plan", *CENTRALITY_COLS]
        out = pd.concat(parts, ignore_index=True)[cols] if parts else pd.DataFrame(columns=cols)
        return out.sort_values(["plan_id", "pagerank", "agency"], ascending=[True, False, True],
                               kind="stable").reset_index(drop=True)
    return _sorted(_agency_rows(graph_from_frame(df, graph, **options), graph, **stats))


def _sorted(out: pd.DataFrame) -> pd.DataFrame:
    return out.sort_values(["pagerank", "agency"], ascending=[False, True], kind="stable").reset_index(drop=True)


def _pooled_co_responsibility(source, filters: dict) -> nx.Graph:
    """The pooled co-responsibility graph from the store's counts: nodes from ``agency_duties``
    (through ``rank_agencies``), edges from ``agency_pairs``; no edge rows are read."""
    from queries.aggregates import plan_ids, scope
    from queries.ranking import rank_agencies

    nodes = rank_agencies(source, **filters)
    return co_responsibility_from_counts(nodes, source.agency_pairs(plan_ids(scope(source, filters), filters)))
