"""The Neo4j bulk-load parameters (``store.neo4j_load``): pure Python, no database."""

from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from store.cypher import query
from store.neo4j_load import node_params, pair_rows, prepare, task_rows
from store.rows import TASK_KEYS, unique_edges
from support.graphs import make_graph


def test_load_tasks_statement_writes_every_documented_task_key():
    text = query("load_tasks")
    written = set(re.findall(r"(\w+): row\.(\w+)", text))
    assert {k for k, v in written if k == v} == set(TASK_KEYS)


def test_task_rows_nest_each_tasks_edges_by_type_in_position_order():
    graph = make_graph("a", n_tasks=3)
    edges = unique_edges(graph.edges)
    row = task_rows(graph, edges)
    assert row["id"] == "p-a" and [t["id"] for t in row["tasks"]] == [t["id"] for t in graph.tasks]
    nested = [(t["id"], kind, e[0], e[1], e[2]) for t in row["tasks"]
              for kind in ("leads", "supports", "named") for e in t[kind]]
    names = {"LEADS": "leads", "SUPPORTS": "supports", "NAMED_ON": "named"}
    flat = [(e["task_id"], names[e["type"]], e["source_id"], e["mention"], e["position"]) for e in edges]
    assert sorted(nested) == sorted(flat) and len(nested) == len(edges) == 10
    for task in row["tasks"]:
        assert {k: task[k] for k in TASK_KEYS} == next(t for t in graph.tasks if t["id"] == task["id"])


def test_prepare_keeps_order_refuses_a_bad_plan_and_shares_nodes_once():
    bad = make_graph("bad")
    bad.tasks[0]["plan_id"] = "elsewhere"
    graphs = [make_graph("a"), bad, make_graph("b")]  # a and b share city c1's agencies
    chunk = prepare(graphs)
    assert [i.graph.plan["id"] for i in chunk.items] == ["p-a", "p-bad", "p-b"]
    assert [i.ok for i in chunk.items] == [True, False, True] and "elsewhere" in str(chunk.items[1].edges)
    assert [i.graph.plan["id"] for i in chunk.good] == ["p-a", "p-b"]
    ids = [a["id"] for a in chunk.nodes["agencies"]]
    assert len(ids) == len(set(ids)) == len({a["id"] for g in (graphs[0], graphs[2]) for a in g.agencies})
    assert [p["id"] for p in chunk.nodes["plans"]] == ["p-a", "p-b"]
    assert chunk.nodes == node_params([graphs[0], graphs[2]])
    changed = make_graph("a")
    changed.agencies[0]["name"] = "改名"
    assert node_params([changed])["agencies"][0]["v"] != node_params([graphs[0]])["agencies"][0]["v"]


def test_prepare_counts_each_good_plans_agency_pairs_and_none_for_a_refused_one():
    bad = make_graph("bad")
    bad.tasks[0]["plan_id"] = "elsewhere"
    chunk = prepare([make_graph("a", n_tasks=6, supports=3), bad])
    good, refused = chunk.items
    tasks: dict[str, set] = {}
    for e in good.graph.edges:
        if e["type"] in ("LEADS", "SUPPORTS"):
            tasks.setdefault(e["task_id"], set()).add(e["source_id"])
    want = Counter(p for ids in tasks.values() for p in combinations(sorted(ids), 2))
    assert good.pairs == want and all(u < v for u, v in want) and max(want.values()) > 1
    assert refused.pairs == Counter() and pair_rows(want, -1) == [[u, v, -n] for (u, v), n in sorted(want.items())]
