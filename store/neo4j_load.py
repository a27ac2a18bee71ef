"""Parameters of the Neo4j bulk load, built in Python before the write transaction.

``Neo4jStore.load_many`` writes plans in transactions of about ``CHUNK_ROWS`` task+edge
rows. Everything a transaction sends is built here, from plain records, with no
database: ``prepare`` checks a chunk of plans and builds the node rows (``load_nodes``)
and the nested task rows (``load_tasks``: each task with its LEADS / SUPPORTS / NAMED_ON
edges as ``[source_id, mention, position]`` lists) and each plan's agency pair counts
(``pair_counts``: the ``merge_agency_pairs`` rows). The store runs ``prepare`` for the
next chunk in a worker thread while the server writes the current one.

Examples
--------
>>> chunk = prepare([])
>>> chunk.items, chunk.nodes["agencies"]
([], [])
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from agencynet.errors import StoreError
from loaders.records import PlanGraph
from store.rows import (AGENCY_KEYS, COLLECTIVE_KEYS, FUNCTION_KEYS, JURISDICTION_KEYS, PLAN_KEYS, TASK_KEYS,
                        check_graph, digest, project, unique_by, unique_edges)

#: Task+edge rows a ``load_many`` transaction holds, about (measured in docs/store.md:
#: larger transactions mean fewer commits; the heap must hold the transaction state).
CHUNK_ROWS = 50000

#: Node rows sent to ``load_nodes``: PlanGraph attribute, row keys, key (digest ``v`` added).
NODE_ROWS = (
    ("jurisdictions", JURISDICTION_KEYS, "id"),
    ("functions", FUNCTION_KEYS, "code"),
    ("agencies", AGENCY_KEYS, "id"),
    ("collectives", COLLECTIVE_KEYS, "id"),
)
_EDGE_LISTS = {"LEADS": "leads", "SUPPORTS": "supports", "NAMED_ON": "named"}


@dataclass
class Item:
    """One plan of a chunk: its graph, de-duplicated edges (or the error that refused it)
    its ``load_tasks`` row ``{"id", "tasks"}`` and its agency pair counts (``pair_counts``)."""

    graph: PlanGraph
    edges: list[dict] | StoreError
    tasks: dict | None = None
    pairs: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return not isinstance(self.edges, StoreError)


@dataclass
class Chunk:
    """A prepared chunk: every plan (in order) and the node rows of the good ones."""

    items: list[Item]
    nodes: dict[str, list[dict]] = field(default_factory=dict)

    @property
    def good(self) -> list[Item]:
        return [i for i in self.items if i.ok]


def task_rows(graph: PlanGraph, edges: list[dict]) -> dict:
    """The ``load_tasks`` row of one plan: ``{"id", "tasks": [task keys + leads, supports, named]}``."""
    nested: dict[str, dict[str, list]] = {}
    for edge in edges:
        lists = nested.get(edge["task_id"])
        if lists is None:
            lists = nested[edge["task_id"]] = {"leads": [], "supports": [], "named": []}
        lists[_EDGE_LISTS[edge["type"]]].append([edge["source_id"], edge["mention"], edge["position"]])
    tasks = []
    for task in graph.tasks:
        row = project(task, TASK_KEYS)
        row.update(nested.get(task["id"]) or {"leads": [], "supports": [], "named": []})
        tasks.append(row)
    return {"id": graph.plan["id"], "tasks": tasks}


def pair_counts(edges: list[dict]) -> Counter:
    """Agency pairs of one plan's edges: ``{(lower id, higher id): tasks}``, the number of
    distinct tasks on which both are named by LEADS / SUPPORTS edges (collectives excluded),
    as ``GraphStore.agency_pairs`` counts them.

    Examples
    --------
    >>> e = [{"task_id": t, "source_id": s, "type": k} for t, s, k in
    ...      [("t1", "b", "LEADS"), ("t1", "a", "SUPPORTS"), ("t1", "a", "LEADS"), ("t2", "a", "LEADS"),
    ...       ("t2", "b", "SUPPORTS"), ("t2", "c", "NAMED_ON")]]
    >>> dict(pair_counts(e))
    {('a', 'b'): 2}
    """
    members: dict[str, set] = {}
    for edge in edges:
        if edge["type"] != "NAMED_ON":
            members.setdefault(edge["task_id"], set()).add(edge["source_id"])
    counts: Counter = Counter()
    for ids in members.values():
        if len(ids) > 1:
            counts.update(combinations(sorted(ids), 2))
    return counts


def pair_rows(counts: Counter, sign: int = 1) -> list[list]:
    """``merge_agency_pairs`` rows ``[lower id, higher id, sign * tasks]``, sorted (so concurrent
    writers lock agencies in one order)."""
    return [[u, v, sign * n] for (u, v), n in sorted(counts.items()) if n]


def plan_row(plan: dict) -> dict:
    """The Plan node's properties as stored: the documented keys, the text, warnings as a list."""
    return dict(project(plan, PLAN_KEYS + ("text",)), warnings=list(plan["warnings"] or []))


def node_params(graphs: list[PlanGraph]) -> dict[str, list[dict]]:
    """``load_nodes`` parameters for these plans: shared nodes de-duplicated (last row wins,
    as MERGE + SET would), each with its digest ``v``; ``plans`` with the text."""
    nodes = {attr: [dict(project(r, keys), v=digest(r, keys))
                    for r in unique_by([r for g in graphs for r in getattr(g, attr)], key)]
             for attr, keys, key in NODE_ROWS}
    nodes["plans"] = [plan_row(g.plan) for g in graphs]
    return nodes


def prepare(graphs: list[PlanGraph]) -> Chunk:
    """Check each plan and build what its transaction sends (a refused plan keeps its error)."""
    items = []
    for graph in graphs:
        try:
            check_graph(graph)
            edges = unique_edges(graph.edges)
        except StoreError as exc:
            items.append(Item(graph, exc))
            continue
        items.append(Item(graph, edges, task_rows(graph, edges), pair_counts(edges)))
    return Chunk(items, node_params([i.graph for i in items if i.ok]))
