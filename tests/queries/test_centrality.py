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


def test_graph_centrality_equals_networkx_and_samples_only_large_components():
    G = nx.disjoint_union(nx.grid_2d_graph(8, 8), nx.star_graph(5))
    for i, (u, v) in enumerate(G.edges):
        G.edges[u, v]["weight"] = float(1 + i % 2)
    dist = {e: 1 / G.edges[e]["weight"] for e in G.edges}
    nx.set_edge_attributes(G, dist, "distance")
    exact = graph_centrality(G).set_index("node")
    want = {"betweenness": nx.betweenness_centrality(G, weight="distance"),
            "closeness": nx.closeness_centrality(G, distance="distance"),
            "pagerank": nx.pagerank(G, weight="weight")}
    for measure, values in want.items():
        assert all(math.isclose(exact.loc[v, measure], values[v], abs_tol=1e-12) for v in G), measure
    assert set(exact["betweenness_k"]) == {70}
    # graph of 70 nodes over the threshold of 10: the grid (64) sampled with 20 sources, the star (6) exact
    sampled = graph_centrality(G, sample_threshold=10, sample_size=20).set_index("node")
    assert set(sampled["betweenness_k"]) == {20}
    star = [v for v in G if v >= 64]
    assert all(math.isclose(sampled.loc[v, "betweenness"], want["betweenness"][v], abs_tol=1e-12) for v in star)
    assert sampled.loc[star, "betweenness"].max() > 0
    assert sampled["pagerank"].tolist() == exact["pagerank"].tolist()


def test_pooled_rows_equal_graph_centrality_of_the_counted_graph():
    """The store path (arrays, no networkx) gives the rows graph_centrality gives on the same graph."""
    import pandas as pd

    from queries.centrality import _pooled_rows
    from queries.graphs import co_responsibility_from_counts

    ids = [f"a{i:02d}" for i in range(12)]
    nodes = pd.DataFrame({"agency_id": ids, "agency": [f"{i}局" for i in ids], "jurisdiction": "甲市",
                          "function": "f", "function_en": None, "leads": 1, "supports": 2})
    pairs = [{"source_id": ids[i], "target_id": ids[j], "tasks": 1 + (i * j) % 3}
             for i in range(12) for j in range(i + 1, 12) if (i + j) % 4 == 1]
    pairs.append({"source_id": "a00", "target_id": "zz", "tasks": 5})   # an agency out of scope: left out
    for options in ({}, {"k": 4, "seed": 2}):
        got = _pooled_rows(nodes, pairs, **options).set_index("agency_id")
        G = co_responsibility_from_counts(nodes, pairs)
        want = graph_centrality(G, **options).set_index("node")
        for col in ["degree", "weighted_degree", "betweenness", "eigenvector", "pagerank", "closeness", "betweenness_k"]:
            assert all(math.isclose(got.loc[a, col], want.loc[a, col], abs_tol=1e-12) for a in ids), (options, col)
