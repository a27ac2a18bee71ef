import math

import networkx as nx
import pytest

from agencynet.errors import BadFilter
from queries.centrality import centrality, graph_centrality
from queries.testing import TinyStore

two_plans = TinyStore.two_plans


def test_weighted_star_by_hand():
    # co-responsibility graph of plan a: 质监 in the middle, 发改 (2 shared tasks) and 财政 (1).
    df = centrality(two_plans(), graph="co_responsibility", plan="a.txt").set_index("agency")
    z, f, c = df.loc["市质监局"], df.loc["市发改委"], df.loc["市财政局"]
    assert (z.degree, z.weighted_degree, f.weighted_degree, c.weighted_degree) == (2, 3.0, 2.0, 1.0)
    assert (z.betweenness, f.betweenness, c.betweenness) == (1.0, 0.0, 0.0)
    # distance = 1/weight: 质监 is 0.5 from 发改 and 1 from 财政
    assert math.isclose(z.closeness, 2 / 1.5) and math.isclose(f.closeness, 1.0) and math.isclose(c.closeness, 0.8)
    # A = [[0,2,1],[2,0,0],[1,0,0]]: eigenvalue √5, eigenvector (√5, 2, 1)/√10
    assert math.isclose(z.eigenvector, math.sqrt(0.5), rel_tol=1e-5)
    assert math.isclose(f.eigenvector, 2 / math.sqrt(10), rel_tol=1e-5)
    assert math.isclose(df["pagerank"].sum(), 1.0) and df["pagerank"].idxmax() == "市质监局"
    assert set(df["betweenness_k"]) == {3} and set(df["graph"]) == {"co_responsibility"}


def test_two_mode_reports_agencies_only_with_weighted_degree():
    df = centrality(two_plans(), plan="a.txt").set_index("agency")
    assert set(df.index) == {"市质监局", "市发改委", "市财政局"}
    assert df.loc["市质监局", "weighted_degree"] == 7.0 and df.loc["市质监局", "degree"] == 4
    assert set(df["graph_nodes"]) == {7}


def test_directed_eigenvector_uses_undirected_weights():
    df = centrality(two_plans(), graph="directed", plan="a.txt").set_index("agency")
    # arcs 质监→发改, 发改→质监, 质监→财政: undirected weights 2 and 1 as in the star above
    assert math.isclose(df.loc["市质监局", "eigenvector"], math.sqrt(0.5), rel_tol=1e-5)
    assert df.loc["市质监局", "degree"] == 3


def test_per_plan_gives_one_block_per_plan():
    df = centrality(two_plans(), graph="co_responsibility", per_plan=True)
    assert set(df["plan"]) == {"a.txt", "b.txt"} and len(df) == 3 + 3
    b = df[df["plan"] == "b.txt"].set_index("agency")
    assert b.loc["区财政局", "degree"] == 2 and set(b["graph_nodes"]) == {3}


def test_sampled_betweenness_states_k_and_is_reproducible():
    G = nx.path_graph(30)
    nx.set_edge_attributes(G, 1.0, "weight")
    exact = graph_centrality(G)
    assert set(exact["betweenness_k"]) == {30}
    a = graph_centrality(G, sample_threshold=10, sample_size=8, seed=3)
    b = graph_centrality(G, sample_threshold=10, sample_size=8, seed=3)
    assert set(a["betweenness_k"]) == {8}
    assert a["betweenness"].tolist() == b["betweenness"].tolist()
    assert set(graph_centrality(G, k=5)["betweenness_k"]) == {5}


def test_unknown_graph_is_a_bad_filter():
    with pytest.raises(BadFilter, match="graph"):
        centrality(two_plans(), graph="hypergraph")


def test_sampled_closeness_equals_exact_with_every_source_and_is_close_on_a_sample():
    from queries.centrality import sampled_closeness

    G = nx.disjoint_union(nx.path_graph(5), nx.star_graph(3))
    for i, (u, v) in enumerate(G.edges):
        G.edges[u, v]["distance"] = 1.0 + (i % 3)
    exact = nx.closeness_centrality(G, distance="distance")
    full = sampled_closeness(G, G.number_of_nodes())
    assert all(math.isclose(full[v], exact[v]) for v in G)
    big = nx.grid_2d_graph(20, 20)
    nx.set_edge_attributes(big, 1.0, "distance")
    truth = nx.closeness_centrality(big, distance="distance")
    est = sampled_closeness(big, 100, seed=1)
    assert max(abs(est[v] - truth[v]) / truth[v] for v in big) < 0.15
