"""Aggregated analytics reads both stores share: their row order and value conversions.

The reads (``agency_duties``, ``function_duties``, ``flagged_tasks``, ``task_flag_counts``;
see ``store.base.GraphStore``) are counted inside the store; these helpers put the rows
in the one order the contract states, whatever order the database returned them in
(SQLite sorts nulls first, Neo4j last).
"""

from __future__ import annotations


def _key(value) -> tuple:
    return (value is not None, "" if value is None else value)


def order_duties(rows: list[dict], key: str) -> list[dict]:
    """Rows of ``agency_duties`` (key ``agency_id``) or ``function_duties`` (key ``function``),
    by plan id (when grouped by plan) then by the key, nulls first."""
    return sorted(rows, key=lambda r: (_key(r["plan_id"]), _key(r[key])))


def order_flag_counts(rows: list[dict]) -> list[dict]:
    """``task_flag_counts`` rows by plan id, orphan category (none first), open list (none, no, yes)."""
    for r in rows:
        r["open_list"] = None if r["open_list"] is None else bool(r["open_list"])
    return sorted(rows, key=lambda r: (r["plan_id"], _key(r["orphan"]), _key(r["open_list"])))


def sort_units(named: list[list]) -> list:
    """Mentions of one task in clause order: ``named`` holds [position, type, source_id, mention]."""
    return [m for *_, m in sorted(named, key=lambda n: (_key(n[0]), n[1], n[2]))]


def page_limit(limit: int | None) -> int:
    """A page size for SQL ``LIMIT`` / Cypher ``LIMIT``: None (every row) becomes a bound no store reaches."""
    return 2 ** 31 - 1 if limit is None else max(0, int(limit))

