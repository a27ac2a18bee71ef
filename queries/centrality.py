"""Centrality of agencies in the two-mode, co-responsibility and directed lead→support graphs.

Measures (for agency nodes only; task nodes take part in paths but are not reported):

- ``degree``: number of neighbours (tasks in the two-mode graph, partner agencies otherwise;
  in + out for the directed graph).
- ``weighted_degree``: sum of edge weights (strength; Barrat et al. 2004, PNAS 101:3747).
  Two-mode: 2 × tasks led + 1 × tasks supported (``queries.graphs.LEAD_WEIGHT``/``SUPPORT_WEIGHT``).
- ``betweenness``: share of shortest paths between other nodes passing through the agency
  (Brandes 2001, J. Math. Sociol. 25:163), normalised as networkx does (by the whole graph's
  (n − 1)(n − 2)). Paths use ``distance = 1 / weight``, so stronger ties are shorter (Opsahl
  et al. 2010, Social Networks 32:245); paths whose lengths differ only by rounding count as
  tied (igraph's tolerance). Computed per connected component (weak components when
  directed), which gives the exact value, since no path leaves its component. **Sampling
  rule**: a graph of at most ``sample_threshold`` (2000) nodes is exact; in a larger graph a
  component of at most ``sample_threshold`` nodes is still exact and a larger component is
  estimated from ``sample_size`` (256) source nodes drawn in it (Brandes & Pich 2007),
  scaled by (component size / sources). An explicit ``k`` replaces both numbers: components
  of at most ``k`` nodes exact, larger ones from ``k`` sources. ``betweenness_k`` is the
  number of sources drawn in each sampled component, or the node count (``graph_nodes``)
  when every component was exact. Closeness follows the same rule (estimated from the same
  draw, Eppstein & Wang 2004). The draw is reproducible (``seed``) and taken over node ids in
  sorted order, so it does not depend on how the graph was read.
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
concentrates on the component(s) with the largest eigenvalue (others get 0, the limit of the
power iteration; ``queries.measures.eigenvector``). Compare plans with ``per_plan=True``.

The pooled co-responsibility graph of a store is read as counts (``agency_pairs`` /
``agency_pair_arrays``) and measured on arrays (:func:`array_centrality`, compiled code in
``queries.measures``) without building a networkx graph.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from queries import batches
from queries.aggregates import pushes_down
from queries.frames import assignments_frame, scoped_snapshot, split_filters
from queries.graphs import GRAPHS, LEAD_WEIGHT, SUPPORT_WEIGHT, graph_from_frame
from queries.measures import Components, eigenvector, pagerank, paths_measures

MEASURES = ["degree", "weighted_degree", "betweenness", "eigenvector", "pagerank", "closeness"]
SAMPLE_THRESHOLD = 2000
SAMPLE_SIZE = 256
MAX_POOLED_PLANS = 20_000  # pooled two-mode / directed graphs: at 10,000 plans 24 s and 1.3 GB


def array_centrality(n: int, src, dst, weight, directed: bool = False, order=None, k: int | None = None,
                     seed: int = 0, sample_threshold: int = SAMPLE_THRESHOLD,
                     sample_size: int = SAMPLE_SIZE) -> dict[str, np.ndarray]:
    """The six measures of nodes ``0 .. n-1`` of a graph given as edge arrays (one entry per
    edge, ``weight`` > 0), with the sampling rule of the module docstring.

    Returns a dict of arrays: the six :data:`MEASURES` and ``betweenness_k`` (one number).
    ``order`` (n sortable node names) fixes the sample draw; see ``queries.measures``.

    >>> m = array_centrality(3, [0, 1], [1, 2], [2.0, 1.0])
    >>> m["degree"].tolist(), m["weighted_degree"].tolist(), m["betweenness"].tolist(), m["betweenness_k"]
    ([1, 2, 1], [2.0, 3.0, 1.0], [0.0, 1.0, 0.0], 3)
    """
    src, dst = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
    weight = np.asarray(weight, dtype=float)
    if k is None:
        limit, size = (n, n) if n <= sample_threshold else (sample_threshold, sample_size)
    else:
        limit = size = max(1, int(k))
    parts = Components(n, src, dst, weight)
    between, close, sampled = paths_measures(n, src, dst, weight, directed=directed, exact_limit=limit, k=size,
                                             seed=seed, order=order, parts=parts)
    return {
        "degree": np.bincount(src, minlength=n) + np.bincount(dst, minlength=n),
        "weighted_degree": np.bincount(src, weight, minlength=n) + np.bincount(dst, weight, minlength=n),
        "betweenness": between,
        "eigenvector": eigenvector(n, src, dst, weight, parts=parts),
        "pagerank": pagerank(n, src, dst, weight, directed=directed),
        "closeness": close,
        "betweenness_k": min(size, n) if sampled else n,
    }


def graph_centrality(G: nx.Graph, nodes=None, k: int | None = None, seed: int = 0,
                     sample_threshold: int = SAMPLE_THRESHOLD, sample_size: int = SAMPLE_SIZE) -> pd.DataFrame:
    """Every measure of the module docstring for ``nodes`` (default: all) of a weighted graph.

    Parameters
    ----------
    G : networkx.Graph or DiGraph with a ``weight`` on every edge
    nodes : iterable, optional
        Nodes to report (the graph as a whole is always used).
    k : int, optional
        Sample size (see the sampling rule in the module docstring); default exact up to
        ``sample_threshold`` nodes a component, else ``sample_size`` sources.
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
    order = list(G)
    index = {v: i for i, v in enumerate(order)}
    edges = [(index[u], index[v], float(w) if w else 1.0) for u, v, w in G.edges(data="weight")]
    src, dst, weight = (list(c) for c in zip(*edges)) if edges else ([], [], [])
    m = array_centrality(len(order), src, dst, weight, directed=G.is_directed(), order=[str(v) for v in order],
                         k=k, seed=seed, sample_threshold=sample_threshold, sample_size=sample_size)
    report = order if nodes is None else [x for x in nodes if x in index]
    at = [index[x] for x in report]
    out = pd.DataFrame({"node": report, **{name: m[name][at] for name in MEASURES}})
    out["degree"] = [G.degree(x) for x in report]   # an undirected self-loop counts twice, as networkx does
    out["betweenness_k"] = m["betweenness_k"]
    out["graph_nodes"] = len(order)
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
        return _sorted(pooled_co_responsibility(source, filters, **stats))
    options = {"lead_weight": lead_weight, "support_weight": support_weight} if graph == "two_mode" else {}
    if per_plan:  # a graph per plan: over many plans of a store, a batch of plans at a time
        snaps, f = batches.snapshots_in_scope(source, filters)
        return batches.joined((_per_plan(snap, f, graph, options, stats) for snap in snaps),
                              ["plan_id", "plan", *CENTRALITY_COLS])
    _check_pooled_size(source, filters, graph)
    snap = scoped_snapshot(source, filters)  # only the plans the filters keep
    df = assignments_frame(snap, collectives=False, **filters)
    return _sorted(_agency_rows(graph_from_frame(df, graph, **options), graph, **stats))


def _per_plan(snap, filters: dict, graph: str, options: dict, stats: dict) -> pd.DataFrame:
    """Per-plan centrality rows of the plans of one snapshot, by plan id then PageRank."""
    df = assignments_frame(snap, collectives=False, **filters)
    parts = []
    for (pid, pfile), grp in df.groupby(["plan_id", "plan"], sort=True):
        part = _agency_rows(graph_from_frame(grp, graph, **options), graph, **stats)
        parts.append(part.assign(plan_id=pid, plan=pfile))
    cols = ["plan_id", "plan", *CENTRALITY_COLS]
    out = pd.concat(parts, ignore_index=True)[cols] if parts else pd.DataFrame(columns=cols)
    return out.sort_values(["plan_id", "pagerank", "agency"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)


def _check_pooled_size(source, filters: dict, graph: str) -> None:
    """Refuse to pool more than ``MAX_POOLED_PLANS`` plans of a store into one two-mode or
    directed graph: that reads every task and edge in scope at once (100,000 plans: ~10 GB)."""
    rows = batches.plans_in_scope(source, filters, above=MAX_POOLED_PLANS)
    if rows is not None:
        from agencynet.errors import BadFilter
        raise BadFilter(f"graph: a pooled {graph} graph of {len(rows):,} plans is more than {MAX_POOLED_PLANS:,} "
                        "(it reads every task and edge in scope at once); narrow it with jurisdiction, level "
                        "or year, ask per_plan, or use graph=co_responsibility (pooled from the store's counts)")


def _sorted(out: pd.DataFrame) -> pd.DataFrame:
    return out.sort_values(["pagerank", "agency"], ascending=[False, True], kind="stable").reset_index(drop=True)


def pooled_co_responsibility(source, filters: dict | None = None, **options) -> pd.DataFrame:
    """Pooled co-responsibility centrality straight from the store's counts, without networkx:
    nodes are ``rank_agencies`` rows (``agency_duties``), edges ``agency_pairs``; no edge
    rows are read. Same rows as building :func:`queries.graphs.co_responsibility_from_counts`
    and calling :func:`graph_centrality`; ``options`` are its ``k``, ``seed``, ``sample_threshold``."""
    from queries.aggregates import plan_ids, scope
    from queries.ranking import rank_agencies

    filters = filters or {}
    nodes = rank_agencies(source, **filters).sort_values("agency_id", kind="stable").reset_index(drop=True)
    ids = plan_ids(scope(source, filters), filters)
    if ids is None and hasattr(source, "agency_pair_arrays"):   # every plan, as numbers (embedded store)
        return _pooled_rows(nodes, source.agency_pair_arrays(), **options)
    return _pooled_rows(nodes, source.agency_pairs(ids), **options)


def _pair_arrays(index: pd.Index, pairs) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Edge arrays (positions in ``index``) from ``agency_pairs`` rows or ``agency_pair_arrays``;
    pairs naming an agency not in ``index`` are left out."""
    if isinstance(pairs, dict):
        at = index.get_indexer(pd.Index(pairs["ids"], dtype=object))
        src, dst = at[pairs["source"]], at[pairs["target"]]
        weight = np.asarray(pairs["tasks"], dtype=float)
    elif pairs:
        p = pd.DataFrame.from_records(pairs, columns=["source_id", "target_id", "tasks"])
        src, dst = index.get_indexer(p["source_id"]), index.get_indexer(p["target_id"])
        weight = p["tasks"].to_numpy(dtype=float)
    else:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    keep = (src >= 0) & (dst >= 0)
    return src[keep], dst[keep], weight[keep]


def _pooled_rows(nodes: pd.DataFrame, pairs, **options) -> pd.DataFrame:
    ids = nodes["agency_id"].to_numpy(dtype=object)
    src, dst, weight = _pair_arrays(pd.Index(ids), pairs)
    m = array_centrality(len(ids), src, dst, weight, order=ids, **options)
    out = pd.DataFrame({"agency_id": ids, "agency": nodes["agency"].to_numpy(),
                        "jurisdiction": nodes["jurisdiction"].to_numpy(), "function": nodes["function"].to_numpy(),
                        "function_en": nodes["function_en"].to_numpy(),
                        "leads": nodes["leads"].astype(int).to_numpy(), "supports": nodes["supports"].astype(int).to_numpy(),
                        **{name: m[name] for name in MEASURES}})
    out["degree"] = out["degree"].astype(int)
    out["betweenness_k"] = m["betweenness_k"]
    out["graph_nodes"] = len(ids)
    out["graph"] = "co_responsibility"
    return out[CENTRALITY_COLS]
