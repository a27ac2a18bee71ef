"""The centrality measures of ``queries.centrality`` on a graph held as arrays, in compiled code.

A graph is ``n`` nodes ``0 .. n-1`` and edge arrays ``src``, ``dst``, ``weight`` (one entry
per edge; an undirected edge once). Shortest paths (betweenness, closeness) run in igraph
(C), with ``distance = 1 / weight``; PageRank is networkx's power iteration on a scipy sparse
matrix; the eigenvector is the limit of networkx's power iteration, solved per component
(:func:`eigenvector`). ``tests/queries/test_measures.py`` compares all of them with networkx
on small graphs.

Betweenness and closeness are computed **per (weakly) connected component**: no shortest
path leaves a component, so a component's own pairs give its nodes' exact values, and the
normalisation uses the whole graph's node count as networkx does. A component of at most
``exact_limit`` nodes is computed exactly; a larger one from ``k`` source nodes drawn in it
(Brandes & Pich 2007; Eppstein & Wang 2004), scaled by (component size / ``k``). The draw
is ``random.Random(seed).sample`` over the component's nodes in ``order`` (the callers pass
the nodes' ids, so the draw does not depend on how the graph was built).
"""

from __future__ import annotations

import gc
import random

import numpy as np

PAGERANK_ALPHA = 0.85


def paths_measures(n: int, src, dst, weight, directed: bool = False, exact_limit: int = 2000,
                   k: int = 256, seed: int = 0, order=None, parts: "Components | None" = None
                   ) -> tuple[np.ndarray, np.ndarray, bool]:
    """Betweenness (normalised as networkx's) and Wasserman–Faust closeness of every node.

    Parameters
    ----------
    n : node count; src, dst, weight : edge arrays
    directed : paths follow edges from ``src`` to ``dst``; components are weak components
    exact_limit : components of at most this many nodes are computed exactly
    k : sources drawn in each larger component
    seed : random seed of the draw
    order : sequence of n sortable keys (default: node numbers) fixing the draw's order
    parts : the graph's :class:`Components` when already built

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
    parts = parts or Components(n, src, dst, weight)
    # networkx: betweenness over ordered pairs / ((n-1)(n-2)); igraph counts an undirected pair once
    scale = (1.0 if directed else 2.0) / ((n - 1) * (n - 2)) if n > 2 else 0.0
    keys = np.arange(n) if order is None else np.asarray(order, dtype=object)
    sampled = False
    for c0, c1 in parts.batches(exact_limit):
        g, nodes = parts.graph(c0, c1, directed)
        if c1 - c0 > 1 or parts.sizes[c0] <= exact_limit:   # whole components: exact
            between[nodes] = np.asarray(g.betweenness(weights="distance", directed=directed)) * scale
            close[nodes] = _exact_closeness(g, parts.sizes[parts.labels[nodes]], n, directed)
            continue
        draw = random.Random(seed).sample(sorted(range(len(nodes)), key=lambda i: keys[nodes[i]]), min(k, len(nodes)))
        sampled = sampled or len(draw) < len(nodes)
        raw = np.asarray(g.betweenness(weights="distance", directed=directed, sources=draw))
        between[nodes] = raw * scale * len(nodes) / len(draw)
        close[nodes] = _sampled_closeness(g, draw, n)
    return between, close, sampled


class Components:
    """A graph's (weak) components, nodes renumbered so each component is a contiguous range.

    igraph's shortest-path routines spend O(graph size) per source, so a graph of many small
    components is cut into batches of whole components (``batches``), each a small igraph
    graph (``graph``)."""

    BATCH_NODES = 1024

    def __init__(self, n: int, src, dst, weight):
        from scipy.sparse import csr_array
        from scipy.sparse.csgraph import connected_components

        src, dst = np.asarray(src, dtype=np.int64), np.asarray(dst, dtype=np.int64)
        adjacency = csr_array((np.ones(len(src)), (src, dst)), shape=(n, n))
        self.labels = connected_components(adjacency, directed=True, connection="weak")[1]
        self.sizes = np.bincount(self.labels)
        self.order = np.argsort(self.labels, kind="stable")          # nodes, component by component
        position = np.empty(n, dtype=np.int64)
        position[self.order] = np.arange(n)
        self.start = np.concatenate([[0], np.cumsum(self.sizes)])
        edge_comp = self.labels[src] if len(src) else np.zeros(0, dtype=np.int64)
        by_comp = np.argsort(edge_comp, kind="stable")
        self.edge_start = np.concatenate([[0], np.cumsum(np.bincount(edge_comp, minlength=len(self.sizes)))])
        self.src, self.dst = position[src][by_comp], position[dst][by_comp]
        self.weight = np.asarray(weight, dtype=float)[by_comp]

    def batches(self, exact_limit: int):
        """(first, end) component ranges: runs of components of at most ``exact_limit`` nodes
        holding about ``BATCH_NODES`` nodes, and each larger component on its own."""
        first, held = 0, 0
        for c, size in enumerate(self.sizes.tolist()):
            if size > exact_limit:
                if c > first:
                    yield first, c
                yield c, c + 1
                first, held = c + 1, 0
                continue
            held += size
            if held >= self.BATCH_NODES:
                yield first, c + 1
                first, held = c + 1, 0
        if first < len(self.sizes):
            yield first, len(self.sizes)

    def graph(self, c0: int, c1: int, directed: bool):
        """The igraph graph of components ``c0 .. c1-1`` (edge attribute ``distance``) and the
        original numbers of its nodes."""
        import igraph as ig

        lo, hi = self.start[c0], self.start[c1]
        a, b = self.edge_start[c0], self.edge_start[c1]
        edges = zip((self.src[a:b] - lo).tolist(), (self.dst[a:b] - lo).tolist())
        enabled = gc.isenabled()
        gc.disable()   # millions of small tuples: the cyclic collector would walk every live object each time
        try:
            g = ig.Graph(n=int(hi - lo), edges=list(edges), directed=directed)
        finally:
            if enabled:
                gc.enable()
        g.es["distance"] = 1.0 / self.weight[a:b]
        return g, self.order[lo:hi]


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


def eigenvector(n: int, src, dst, weight, dense_limit: int = 8, parts: "Components | None" = None) -> np.ndarray:
    """Principal eigenvector of the (undirected, summed) weighted adjacency matrix: the limit
    of networkx's power iteration on A + I from the uniform vector, computed per component.

    Each connected component C has a spectral radius ρ_C and a non-negative unit Perron
    vector v_C. The principal eigenspace is spanned by the v_C of the components whose ρ_C
    equals the largest (relative tolerance 1e-9); the power iteration from the uniform vector
    converges to Σ (Σ v_C) v_C over them, normalised; every other node gets 0. Only the
    components that can hold the largest ρ are solved (dense ``eigh`` up to ``dense_limit``
    nodes, sparse ``eigsh`` above): ρ_C lies between max(mean strength, max row norm) and
    the largest strength of C.

    >>> eigenvector(3, [0, 0], [1, 2], [2.0, 1.0]).round(4).tolist()   # (√5, 2, 1)/√10
    [0.7071, 0.6325, 0.3162]
    >>> eigenvector(5, [0, 2, 3], [1, 3, 4], [1.0, 1.0, 1.0]).round(4).tolist()   # the path 2-3-4 has ρ = √2 > 1
    [0.0, 0.0, 0.5, 0.7071, 0.5]
    """
    if n == 0 or len(src) == 0:
        return np.zeros(n)
    parts = parts or Components(n, src, dst, weight)
    A = _matrix(n, src, dst, weight, symmetric=True)
    strength = np.asarray(A.sum(axis=1)).ravel()[parts.order]          # in renumbered order
    norm = np.sqrt(np.asarray(A.multiply(A).sum(axis=1)).ravel())[parts.order]
    starts = parts.start[:-1]
    upper = np.maximum.reduceat(strength, starts)
    lower = np.maximum(np.add.reduceat(strength, starts) / parts.sizes, np.maximum.reduceat(norm, starts))
    found, best = [], 0.0
    for c in np.argsort(-upper, kind="stable").tolist():
        if upper[c] < max(best, lower.max()) * (1 - 1e-9):
            break
        rho, vec = _perron(A, parts.order[parts.start[c]:parts.start[c + 1]], dense_limit)
        found.append((c, rho, vec))
        best = max(best, rho)
    x = np.zeros(n)
    for c, rho, vec in found:
        if rho >= best * (1 - 1e-9):
            x[parts.order[parts.start[c]:parts.start[c + 1]]] = vec.sum() * vec
    return x / np.linalg.norm(x)


def _perron(A, nodes: np.ndarray, dense_limit: int) -> tuple[float, np.ndarray]:
    """Largest eigenvalue and non-negative unit eigenvector of A restricted to ``nodes``."""
    sub = A[nodes][:, nodes]
    if len(nodes) <= dense_limit:
        values, vectors = np.linalg.eigh(sub.toarray())
        return float(values[-1]), np.abs(vectors[:, -1])
    from scipy.sparse.linalg import eigsh

    value, vector = eigsh(sub.astype(float), k=1, which="LA", v0=np.ones(len(nodes)), tol=1e-12)
    return float(value[0]), np.abs(vector[:, 0])
