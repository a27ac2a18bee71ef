"""The centrality measures of ``queries.centrality`` on a graph held as arrays, in compiled code.

A graph is ``n`` nodes ``0 .. n-1`` and edge arrays ``src``, ``dst``, ``weight`` (one entry
per edge; an undirected edge once). Shortest paths (betweenness, closeness) run in igraph
(C), with ``distance = 1 / weight``; PageRank and the eigenvector are power iterations on
scipy sparse matrices, the same iterations networkx runs, so results equal networkx's
(``tests/queries/test_measures.py`` compares them on small graphs).

Betweenness and closeness are computed **per (weakly) connected component**: no shortest
path leaves a component, so a component's own pairs give its nodes' exact values, and the
normalisation uses the whole graph's node count as networkx does. A component of at most
``exact_limit`` nodes is computed exactly; a larger one from ``k`` source nodes drawn in it
(Brandes & Pich 2007; Eppstein & Wang 2004), scaled by (component size / ``k``). The draw
is ``random.Random(seed).sample`` over the component's nodes in ``order`` (the callers pass
the nodes' ids, so the draw does not depend on how the graph was built).
"""

from __future__ import annotations

import random

import numpy as np

PAGERANK_ALPHA = 0.85


def _igraph(n: int, src, dst, distance, directed: bool):
    import igraph as ig

    g = ig.Graph(n=n, edges=np.column_stack([src, dst]).tolist() if len(src) else [], directed=directed)
    g.es["distance"] = list(distance)
    return g


def paths_measures(n: int, src, dst, weight, directed: bool = False, exact_limit: int = 2000,
                   k: int = 256, seed: int = 0, order=None) -> tuple[np.ndarray, np.ndarray, bool]:
    """Betweenness (normalised as networkx's) and Wasserman–Faust closeness of every node.

    Parameters
    ----------
    n : node count; src, dst, weight : edge arrays
    directed : paths follow edges from ``src`` to ``dst``; components are weak components
    exact_limit : components of at most this many nodes are computed exactly
    k : sources drawn in each larger component
    seed : random seed of the draw
    order : sequence of n sortable keys (default: node numbers) fixing the draw's order

    Returns
    -------
    betweenness, closeness, sampled (True when some component was sampled)

    Examples
    --------
    A path 0–1–2 with weights 2 and 1: node 1 is on the only 0–2 path.

    >>> b, c, sampled = paths_measures(3, [0, 1], [1, 2], [2.0, 1.0])
    >>> b.tolist(), c.round(3).tolist(), sampled
    ([0.0, 1.0, 0.0], [1.0, 1.333, 0.8], False)
    """
    between, close = np.zeros(n), np.zeros(n)
    if n == 0:
        return between, close, False
    src, dst = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
    distance = 1.0 / np.asarray(weight, dtype=float)
    g = _igraph(n, src, dst, distance, directed)
    membership = np.asarray(g.connected_components(mode="weak").membership)
    sizes = np.bincount(membership)
    node_size = sizes[membership]
    # networkx: betweenness over ordered pairs / ((n-1)(n-2)); igraph counts an undirected pair once
    scale = (1.0 if directed else 2.0) / ((n - 1) * (n - 2)) if n > 2 else 0.0
    small = np.flatnonzero(node_size <= exact_limit)
    if len(small):
        sub = g.induced_subgraph(small.tolist()) if len(small) < n else g
        between[small] = np.asarray(sub.betweenness(weights="distance", directed=directed)) * scale
        close[small] = _exact_closeness(sub, node_size[small], n, directed)
    sampled = False
    keys = np.arange(n) if order is None else np.asarray(order, dtype=object)
    for comp in np.flatnonzero(sizes > exact_limit):
        nodes = np.flatnonzero(membership == comp)
        sub = g.induced_subgraph(nodes.tolist())
        draw = random.Random(seed).sample(sorted(range(len(nodes)), key=lambda i: keys[nodes[i]]), min(k, len(nodes)))
        sampled = sampled or len(draw) < len(nodes)
        raw = np.asarray(sub.betweenness(weights="distance", directed=directed, sources=draw))
        between[nodes] = raw * scale * len(nodes) / len(draw)
        close[nodes] = _sampled_closeness(sub, draw, n)
    return between, close, sampled


def _exact_closeness(sub, node_size, n: int, directed: bool) -> np.ndarray:
    """networkx's ``wf_improved`` closeness of every node of ``sub`` (whole components):
    igraph's (r − 1)/Σd over the r nodes reaching it, times (r − 1)/(n − 1)."""
    mode = "in" if directed else "all"
    c = np.nan_to_num(np.asarray(sub.closeness(weights="distance", mode=mode, normalized=True), dtype=float))
    reach = np.asarray(sub.neighborhood_size(order=sub.vcount(), mode="in")) if directed else node_size
    return c * (reach - 1) / (n - 1) if n > 1 else np.zeros(sub.vcount())


def _sampled_closeness(sub, sources: list[int], n: int, block: int = 64) -> np.ndarray:
    """Closeness of every node of the component ``sub`` from distances out of ``sources``.

    For node v: reached = sources s ≠ v with d(s, v) finite, others = sources other than v;
    closeness = (reached / others) · (size − 1)/(n − 1) / (mean distance): networkx's
    ``wf_improved`` value when every node is a source (inward distances when directed)."""
    m = sub.vcount()
    total, reached = np.zeros(m), np.zeros(m)
    is_source = np.zeros(m, dtype=int)
    is_source[sources] = 1
    for i in range(0, len(sources), block):
        part = sources[i:i + block]
        d = np.asarray(sub.distances(source=part, weights="distance", mode="out"), dtype=float)
        d[np.arange(len(part)), part] = np.inf
        finite = np.isfinite(d)
        total += np.where(finite, d, 0.0).sum(axis=0)
        reached += finite.sum(axis=0)
    others = len(sources) - is_source
    out = np.zeros(m)
    ok = (reached > 0) & (others > 0)
    out[ok] = (reached[ok] / others[ok]) * ((m - 1) / (n - 1)) / (total[ok] / reached[ok])
    return out


def _matrix(n: int, src, dst, weight, symmetric: bool):
    import scipy.sparse as sp

    src, dst, weight = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64), np.asarray(weight, float)
    if symmetric:
        loop = src == dst
        src, dst = np.concatenate([src, dst[~loop]]), np.concatenate([dst, src[~loop]])
        weight = np.concatenate([weight, weight[~loop]])
    return sp.csr_array((weight, (src, dst)), shape=(n, n))


def pagerank(n: int, src, dst, weight, directed: bool = False, alpha: float = PAGERANK_ALPHA,
             max_iter: int = 100, tol: float = 1e-6) -> np.ndarray:
    """Weighted PageRank as ``networkx.pagerank`` computes it (same iteration, stop rule and
    dangling nodes spread evenly); raises ``RuntimeError`` if it does not converge.

    >>> pagerank(2, [0], [1], [1.0]).round(3).tolist()
    [0.5, 0.5]
    """
    if n == 0:
        return np.zeros(0)
    A = _matrix(n, src, dst, weight, symmetric=not directed)
    S = np.asarray(A.sum(axis=1)).ravel()
    inv = np.divide(1.0, S, out=np.zeros(n), where=S != 0)
    A = (A.multiply(inv[:, None])).tocsr()
    AT = A.T.tocsr()
    x = np.full(n, 1.0 / n)
    p = np.full(n, 1.0 / n)
    dangling = S == 0
    for _ in range(max_iter):
        last = x
        x = alpha * (AT @ last + last[dangling].sum() * p) + (1 - alpha) * p
        if np.abs(x - last).sum() < n * tol:
            return x
    raise RuntimeError(f"pagerank: no convergence in {max_iter} iterations")


def eigenvector(n: int, src, dst, weight, max_iter: int = 10000, tol: float = 1e-9) -> np.ndarray:
    """Principal eigenvector of the (undirected, summed) weighted adjacency matrix by power
    iteration on A + I, as networkx's ``eigenvector_centrality``; the last iterate is returned
    if ``max_iter`` is hit.

    >>> eigenvector(3, [0, 0], [1, 2], [2.0, 1.0]).round(4).tolist()   # (√5, 2, 1)/√10
    [0.7071, 0.6325, 0.3162]
    """
    if n == 0 or len(src) == 0:
        return np.zeros(n)
    A = _matrix(n, src, dst, weight, symmetric=True)
    x = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        last = x
        x = last + A @ last
        x = x / (np.linalg.norm(x) or 1.0)
        if np.abs(x - last).sum() < n * tol:
            break
    return x
