"""Row shapes both stores share: the keys they write and read, checks and batching.

Every key listed here is documented in ``loaders.records.PlanGraph`` (what is
written) and ``store.base.GraphStore`` (what is read). Keeping the lists in one
place is what lets the embedded store and Neo4j return identical rows.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence

from agencynet.errors import StoreError
from loaders.records import PlanGraph

PLAN_KEYS = (
    "id", "file", "title", "jurisdiction_id", "jurisdiction", "level", "parent_jurisdiction",
    "issuer", "doc_number", "date", "year", "script", "lead_convention", "source_hash",
    "task_count", "format", "encoding", "warnings",
)
JURISDICTION_KEYS = ("id", "name", "level", "parent_id")
TASK_KEYS = (
    "id", "plan_id", "seq", "path", "heading", "text", "clause", "lead_basis", "open_list",
    "orphan", "span_start", "span_end", "clause_start", "clause_end", "section",
)
AGENCY_KEYS = ("id", "name", "name_simplified", "jurisdiction_id", "function", "kind")
COLLECTIVE_KEYS = ("id", "name", "jurisdiction_id", "kind")
FUNCTION_KEYS = ("code", "zh", "en", "successor", "taxonomy_version")
EDGE_KEYS = ("source_id", "task_id", "type", "mention", "position")
EDGE_TYPES = ("LEADS", "SUPPORTS", "NAMED_ON")

#: Node labels and relationship types reported by ``GraphStore.counts()``.
COUNT_KEYS = (
    "Plan", "Task", "Agency", "Collective", "Jurisdiction", "Function",
    "LEADS", "SUPPORTS", "NAMED_ON", "HAS_TASK", "ISSUED_IN", "IN", "OF_FUNCTION",
    "PART_OF", "SUCCEEDED_BY",
)

_ROW_KEYS = {
    "jurisdictions": JURISDICTION_KEYS,
    "tasks": TASK_KEYS,
    "agencies": AGENCY_KEYS,
    "collectives": COLLECTIVE_KEYS,
    "functions": FUNCTION_KEYS,
    "edges": EDGE_KEYS,
}

BATCH_SIZE = 1000
#: A ``load_many`` transaction holds plans up to about this many task+edge rows.
CHUNK_ROWS = 5000


def _missing(row: dict, keys: Sequence[str]) -> list[str]:
    return [k for k in keys if k not in row]


def check_graph(graph: PlanGraph) -> None:
    """Raise ``StoreError`` naming the row kind and key when a documented key is absent.

    Also checks that every task belongs to the plan and every edge type is known,
    so a store never writes half-described rows.
    """
    plan = graph.plan if isinstance(graph.plan, dict) else {}
    plan_id = plan.get("id")
    where = f"plan {plan_id or plan.get('file') or '?'}"
    if not plan_id:
        raise StoreError(f"{where}: plan row has no id")
    missing = _missing(plan, PLAN_KEYS + ("text",))
    if missing:
        raise StoreError(f"{where}: plan row lacks {', '.join(missing)}")
    for kind, keys in _ROW_KEYS.items():
        for i, row in enumerate(getattr(graph, kind)):
            missing = _missing(row, keys)
            if missing:
                raise StoreError(f"{where}: {kind} row {i} lacks {', '.join(missing)}")
    for task in graph.tasks:
        if task["plan_id"] != plan_id:
            raise StoreError(f"{where}: task {task['id']} names plan {task['plan_id']}")
    tasks = {t["id"] for t in graph.tasks}
    sources = {"LEADS": {a["id"] for a in graph.agencies}, "NAMED_ON": {c["id"] for c in graph.collectives}}
    sources["SUPPORTS"] = sources["LEADS"]
    for edge in graph.edges:
        if edge["type"] not in EDGE_TYPES:
            raise StoreError(f"{where}: edge type {edge['type']!r} is not one of {', '.join(EDGE_TYPES)}")
        if edge["task_id"] not in tasks:
            raise StoreError(f"{where}: edge names task {edge['task_id']}, which is not in the plan")
        if edge["source_id"] not in sources[edge["type"]]:
            raise StoreError(f"{where}: {edge['type']} edge names {edge['source_id']}, which is not in the plan's rows")


def unique_edges(edges: Sequence[dict]) -> list[dict]:
    """One edge per (source, task, type): the first by position wins (both stores use this)."""
    seen: dict[tuple, dict] = {}
    for edge in sorted(edges, key=lambda e: (e["position"] is None, e["position"] or 0)):
        seen.setdefault((edge["source_id"], edge["task_id"], edge["type"]), edge)
    return list(seen.values())


def unique_by(rows: Sequence[dict], key: str) -> list[dict]:
    """Rows de-duplicated on ``key``; the last row for a key wins (as a MERGE + SET would)."""
    return list({row[key]: row for row in rows}.values())


def batches(rows: Sequence[dict], size: int = BATCH_SIZE) -> Iterator[list[dict]]:
    """Consecutive slices of at most ``size`` rows (none for an empty list)."""
    for start in range(0, len(rows), size):
        yield list(rows[start:start + size])


def project(row: dict, keys: Sequence[str]) -> dict:
    """Only the documented keys of ``row``, in documented order."""
    return {k: row[k] for k in keys}


def digest(row: dict, keys: Sequence[str]) -> str:
    """A short stable digest of ``row``'s values for ``keys`` (Neo4j skips rewriting unchanged nodes)."""
    text = json.dumps([row[k] for k in keys], ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def row_count(graph: PlanGraph) -> tuple[int, int]:
    """(tasks, edges) as written for ``graph`` (edges after de-duplication)."""
    return len(graph.tasks), len(unique_edges(graph.edges))


def chunks(graphs: Sequence[PlanGraph], limit: int = CHUNK_ROWS) -> Iterator[list[PlanGraph]]:
    """Consecutive groups of plans of about ``CHUNK_ROWS`` rows, a plan id at most once per group."""
    chunk, ids, rows = [], set(), 0
    for graph in graphs:
        pid = graph.plan.get("id") if isinstance(graph.plan, dict) else None
        if chunk and (rows >= limit or pid in ids):
            yield chunk
            chunk, ids, rows = [], set(), 0
        chunk.append(graph)
        ids.add(pid)
        rows += len(graph.tasks) + len(graph.edges)
    if chunk:
        yield chunk
