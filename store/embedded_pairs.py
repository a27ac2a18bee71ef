"""Agency pair counts the embedded store keeps at write time, so the pooled co-responsibility
graph (``GraphStore.agency_pairs()`` over every plan) is one table read, not a self-join of
every edge.

``agency_pair_totals`` holds, per pair of agencies (``source_id < target_id``) named
(LEADS/SUPPORTS) on the same task, the number of distinct tasks they share over every
plan. A task's pairs lie in its plan, so each plan's counts are added when its edges are
written (``add(con, plan_id, +1)``) and taken away before they are deleted
(``add(con, plan_id, -1)``), inside the load/delete transaction; pairs reaching 0 are
removed. A database written before the table existed gets it filled once on ``setup``
(``ensure``; the ``meta`` row ``pairs_version`` records it).
"""

from __future__ import annotations

import sqlite3

PAIRS_VERSION = "1"

SCHEMA = """
CREATE TABLE IF NOT EXISTS agency_pair_totals (
    source_id TEXT NOT NULL, target_id TEXT NOT NULL, tasks INTEGER NOT NULL,
    PRIMARY KEY (source_id, target_id)) WITHOUT ROWID
"""

TABLES = ("agency_pair_totals",)

_PAIRS = """
SELECT a.source_id, b.source_id AS target_id, count(DISTINCT a.task_id) AS tasks
FROM edges a JOIN edges b ON b.task_id = a.task_id AND b.source_id > a.source_id
WHERE a.type IN ('LEADS', 'SUPPORTS') AND b.type IN ('LEADS', 'SUPPORTS'){where}
GROUP BY a.source_id, b.source_id
"""

ADD_PLAN = ("INSERT INTO agency_pair_totals (source_id, target_id, tasks) SELECT source_id, target_id, tasks * :sign FROM ("
            + _PAIRS.format(where=" AND a.plan_id = :plan_id AND b.plan_id = :plan_id")
            + ") WHERE true ON CONFLICT (source_id, target_id) DO UPDATE SET tasks = tasks + excluded.tasks")
DROP_EMPTY = """
DELETE FROM agency_pair_totals WHERE tasks <= 0
  AND source_id IN (SELECT source_id FROM edges WHERE plan_id = :plan_id)
"""
REBUILD = ("DELETE FROM agency_pair_totals",
           "INSERT INTO agency_pair_totals " + _PAIRS.format(where=""))
READ = "SELECT source_id, target_id, tasks FROM agency_pair_totals ORDER BY source_id, target_id"


def add(con: sqlite3.Connection, plan_id: str, sign: int) -> None:
    """Add (``sign`` = 1, after its edges are written) or take away (-1, before they are
    deleted) one plan's pair counts, inside the caller's transaction."""
    con.execute(ADD_PLAN, {"plan_id": plan_id, "sign": int(sign)})
    if sign < 0:
        con.execute(DROP_EMPTY, {"plan_id": plan_id})


def ensure(con: sqlite3.Connection) -> None:
    """Create the table; count every plan's pairs once if this database predates it."""
    con.execute(SCHEMA)
    row = con.execute("SELECT value FROM meta WHERE key = 'pairs_version'").fetchone()
    if row is None or row[0] != PAIRS_VERSION:
        for statement in REBUILD:
            con.execute(statement)
        con.execute("INSERT OR REPLACE INTO meta VALUES ('pairs_version', ?)", (PAIRS_VERSION,))
