"""The compiled measures equal networkx's on small graphs (normalisation included)."""

import math
import random

import networkx as nx
import numpy as np
import pytest

from queries.measures import eigenvector, pagerank, paths_measures


def arrays(G):
    index = {v: i for i, v in enumerate(G)}
    src = [index[u] for u, v in G.edges]
    dst = [index[v] for u, v in G.edges]
    return len(index), src, dst, [G.edges[e]["weight"] for e in G.edges], list(G)


def weighted(G, seed=0):
    """Weights whose inverses add up exactly in binary, so tied paths tie in both libraries."""
    rng = random.Random(seed)
    for u, v in G.edges:
        G.edges[u, v]["weight"] = float(rng.choice([1, 2, 4, 8]))
        G.edges[u, v]["distance"] = 1.0 / G.edges[u, v]["weight"]
    return G


GRAPHS = {
    "random": lambda: weighted(nx.gnm_random_graph(40, 90, seed=1)),
    "components": lambda: weighted(nx.disjoint_union_all([nx.gnm_random_graph(12, 20, seed=2), nx.path_graph(5),
                                                          nx.star_graph(4), nx.empty_graph(3)])),
    "directed": lambda: weighted(nx.gnm_random_graph(30, 70, seed=3, directed=True)),
    "directed components": lambda: weighted(nx.disjoint_union(nx.gnm_random_graph(10, 25, seed=4, directed=True),
                                                              nx.DiGraph([(0, 1), (1, 2)]))),
}


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_exact_paths_equal_networkx(name):
    G = GRAPHS[name]()
    n, src, dst, w, nodes = arrays(G)
    b, c, sampled = paths_measures(n, src, dst, w, directed=G.is_directed())
    want_b = nx.betweenness_centrality(G, weight="distance")
    want_c = nx.closeness_centrality(G, distance="distance")
    assert not sampled
    assert np.allclose(b, [want_b[v] for v in nodes], atol=1e-12)
    assert np.allclose(c, [want_c[v] for v in nodes], atol=1e-12)


@pytest.mark.parametrize("name", sorted(GRAPHS))
def test_pagerank_and_eigenvector_equal_networkx(name):
    G = GRAPHS[name]()
    n, src, dst, w, nodes = arrays(G)
    want = nx.pagerank(G, weight="weight")
    assert np.allclose(pagerank(n, src, dst, w, directed=G.is_directed()), [want[v] for v in nodes], atol=1e-12)
    if not G.is_directed() and nx.is_connected(G):
        ev = nx.eigenvector_centrality(G, weight="weight", tol=1e-10, max_iter=10000)
        assert np.allclose(eigenvector(n, src, dst, w), [ev[v] for v in nodes], atol=1e-6)


def test_every_component_exact_is_the_global_exact_value():
    """Per component with the whole graph's normalisation = networkx on the whole graph,
    whichever components are small enough to be exact."""
    G = GRAPHS["components"]()
    n, src, dst, w, nodes = arrays(G)
    want = nx.betweenness_centrality(G, weight="distance")
    b, c, sampled = paths_measures(n, src, dst, w, exact_limit=5, k=100)   # 12 nodes > 5: every source drawn
    assert not sampled and np.allclose(b, [want[v] for v in nodes], atol=1e-12)


def test_sampled_component_is_reproducible_unbiased_and_exact_elsewhere():
    big = weighted(nx.grid_2d_graph(12, 12))
    G = nx.disjoint_union(big, weighted(nx.path_graph(6)))
    n, src, dst, w, nodes = arrays(G)
    want_b = nx.betweenness_centrality(G, weight="distance")
    want_c = nx.closeness_centrality(G, distance="distance")
    b1, c1, sampled = paths_measures(n, src, dst, w, exact_limit=50, k=60, seed=7)
    b2, c2, _ = paths_measures(n, src, dst, w, exact_limit=50, k=60, seed=7)
    assert sampled and b1.tolist() == b2.tolist() and c1.tolist() == c2.tolist()
    path = [i for i, v in enumerate(nodes) if v >= 144]
    assert np.allclose(b1[path], [want_b[nodes[i]] for i in path]) and np.allclose(c1[path], [want_c[nodes[i]]
                                                                                           for i in path])
    grid = [i for i, v in enumerate(nodes) if v < 144]
    # the estimate's total is close to the truth's, and closeness is close node by node
    assert math.isclose(b1[grid].sum(), sum(want_b[nodes[i]] for i in grid), rel_tol=0.1)
    assert max(abs(c1[i] - want_c[nodes[i]]) / want_c[nodes[i]] for i in grid) < 0.15


def test_draw_follows_order_not_numbering():
    """Renumbering the nodes does not change the draw when ``order`` names them."""
    G = weighted(nx.gnm_random_graph(60, 150, seed=5))
    n, src, dst, w, nodes = arrays(G)
    names = [f"n{v:03d}" for v in nodes]
    b1, _, _ = paths_measures(n, src, dst, w, exact_limit=10, k=15, order=names)
    perm = list(reversed(range(n)))   # node i becomes n-1-i
    b2, _, _ = paths_measures(n, [perm[s] for s in src], [perm[d] for d in dst], w, exact_limit=10, k=15,
                              order=[names[perm[i]] for i in range(n)])
    assert np.allclose(b1, [b2[perm[i]] for i in range(n)])


def test_empty_and_edgeless():
    assert [a.tolist() for a in paths_measures(0, [], [], [])[:2]] == [[], []]
    b, c, _ = paths_measures(3, [], [], [])
    assert b.tolist() == c.tolist() == [0.0, 0.0, 0.0]
    assert eigenvector(3, [], [], []).tolist() == [0.0, 0.0, 0.0]
    assert np.allclose(pagerank(3, [], [], []), 1 / 3)


def power_iteration(n, src, dst, w, iterations=20000):
    """The reference: networkx's iteration on A + I from the uniform vector, run long."""
    A = np.zeros((n, n))
    for u, v, x in zip(src, dst, w):
        A[u, v] += x
        if u != v:
            A[v, u] += x
    x = np.full(n, 1.0 / n)
    for _ in range(iterations):
        x = x + A @ x
        x /= np.linalg.norm(x)
    return x


@pytest.mark.parametrize("dense_limit", [400, 3])
def test_eigenvector_of_a_disconnected_graph_is_the_power_iteration_limit(dense_limit):
    # two identical triangles (a tie: both keep weight), a path (smaller ρ: 0), a lone node
    G = nx.disjoint_union_all([nx.complete_graph(3), nx.complete_graph(3), nx.path_graph(4), nx.empty_graph(1)])
    nx.set_edge_attributes(G, 1.0, "weight")
    G.add_edge(0, 1, weight=1.0)
    n, src, dst, w, nodes = arrays(G)
    got = eigenvector(n, src, dst, w, dense_limit=dense_limit)
    assert np.allclose(got, power_iteration(n, src, dst, w), atol=1e-9)
    assert np.allclose(got[:6], 1 / math.sqrt(6)) and not got[6:].any()
    H = weighted(nx.disjoint_union(nx.gnm_random_graph(15, 40, seed=8), nx.gnm_random_graph(9, 20, seed=9)))
    n, src, dst, w, nodes = arrays(H)
    assert np.allclose(eigenvector(n, src, dst, w, dense_limit=dense_limit), power_iteration(n, src, dst, w),
                       atol=1e-9)


def test_many_small_components_in_several_batches(monkeypatch):
    from queries.measures import Components

    monkeypatch.setattr(Components, "BATCH_NODES", 4)
    G = GRAPHS["components"]()
    n, src, dst, w, nodes = arrays(G)
    b, c, _ = paths_measures(n, src, dst, w, exact_limit=5, k=3)
    want_b = nx.betweenness_centrality(G, weight="distance")
    want_c = nx.closeness_centrality(G, distance="distance")
    small = [i for i, v in enumerate(nodes) if v >= 12]    # the path, the star, the lone nodes: exact
    assert np.allclose(b[small], [want_b[nodes[i]] for i in small], atol=1e-12)
    assert np.allclose(c[small], [want_c[nodes[i]] for i in small], atol=1e-12)
