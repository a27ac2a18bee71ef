"""Agency pair counts the embedded store keeps at write time, so the pooled co-responsibility
graph (``GraphStore.agency_pairs()`` over every plan) is one table read, not a self-join of
every edge.

``agency_pair_totals`` holds, per pair of agencies named (LEADS/SUPPORTS) on the same task,
the number of distinct tasks they share over every plan; agencies are numbered in
``pair_nodes`` (a number is never reused), so the pooled read moves integers, not ids
(``arrays``). A task's pairs lie in its plan, so each plan's counts are added when its edges are
written (``add(con, plan_id, +1)``) and taken away before they are deleted
(``add(con, plan_id, -1)``), inside the load/delete transaction; pairs reaching 0 are
removed. A database written before the tables existed gets them filled once on ``setup``
(``ensure``; the ``meta`` row ``pairs_version`` records it).
"""

from __future__ import annotations

import sqlite3

PAIRS_VERSION = "2"

SCHEMA = """
CREATE TABLE IF NOT EXISTS pair_nodes (num INTEGER PRIMARY KEY, agency_id TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS agency_pair_totals (
    u INTEGER NOT NULL, v INTEGER NOT NULL, tasks INTEGER NOT NULL, PRIMARY KEY (u, v)) WITHOUT ROWID
"""

TABLES = ("agency_pair_totals", "pair_nodes")

_IN_PLAN = " AND a.plan_id = :plan_id AND b.plan_id = :plan_id"
_PAIRS = """
SELECT na.num AS u, nb.num AS v, count(DISTINCT a.task_id) AS tasks
FROM edges a JOIN edges b ON b.task_id = a.task_id AND b.source_id > a.source_id
JOIN pair_nodes na ON na.agency_id = a.source_id JOIN pair_nodes nb ON nb.agency_id = b.source_id
WHERE a.type IN ('LEADS', 'SUPPORTS') AND b.type IN ('LEADS', 'SUPPORTS'){where}
GROUP BY a.source_id, b.source_id
"""
_NODES = """INSERT OR IGNORE INTO pair_nodes (agency_id)
SELECT DISTINCT source_id FROM edges WHERE type IN ('LEADS', 'SUPPORTS'){where} ORDER BY source_id"""

ADD_PLAN = (_NODES.format(where=" AND plan_id = :plan_id"),
            "INSERT INTO agency_pair_totals (u, v, tasks) SELECT u, v, tasks * :sign FROM ("
            + _PAIRS.format(where=_IN_PLAN)
            + ") WHERE true ON CONFLICT (u, v) DO UPDATE SET tasks = tasks + excluded.tasks")
DROP_EMPTY = """
DELETE FROM agency_pair_totals WHERE tasks <= 0 AND u IN (SELECT n.num FROM pair_nodes n
  WHERE n.agency_id IN (SELECT source_id FROM edges WHERE plan_id = :plan_id))
"""
REBUILD = ("DELETE FROM agency_pair_totals", "DELETE FROM pair_nodes", _NODES.format(where=""),
           "INSERT INTO agency_pair_totals " + _PAIRS.format(where=""))
#: Every pair as the contract states it (``GraphStore.agency_pairs``): ids, source_id < target_id.
READ = """
SELECT min(a.agency_id, b.agency_id) AS source_id, max(a.agency_id, b.agency_id) AS target_id, p.tasks
FROM agency_pair_totals p JOIN pair_nodes a ON a.num = p.u JOIN pair_nodes b ON b.num = p.v
ORDER BY 1, 2
"""


def add(con: sqlite3.Connection, plan_id: str, sign: int) -> None:
    """Add (``sign`` = 1, after its edges are written) or take away (-1, before they are
    deleted) one plan's pair counts, inside the caller's transaction."""
    for statement in ADD_PLAN:
        con.execute(statement, {"plan_id": plan_id, "sign": int(sign)})
    if sign < 0:
        con.execute(DROP_EMPTY, {"plan_id": plan_id})


def ensure(con: sqlite3.Connection) -> None:
    """Create the tables; count every plan's pairs once if this database predates them."""
    row = con.execute("SELECT value FROM meta WHERE key = 'pairs_version'").fetchone()
    if row is not None and row[0] == PAIRS_VERSION:
        return
    con.execute("DROP TABLE IF EXISTS agency_pair_totals")
    for statement in SCHEMA.split(";"):
        con.execute(statement)
    for statement in REBUILD:
        con.execute(statement)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('pairs_version', ?)", (PAIRS_VERSION,))


def arrays(con: sqlite3.Connection) -> dict:
    """Every pair as numbers, for the pooled graph: ``ids`` (agency ids), ``source``,
    ``target`` (positions in ``ids``) and ``tasks`` (numpy arrays), in no particular order."""
    import numpy as np

    nodes = con.execute("SELECT num, agency_id FROM pair_nodes").fetchall()
    nums = np.fromiter((n for n, _ in nodes), dtype=np.int64, count=len(nodes))
    position = np.zeros(int(nums.max()) + 1 if len(nums) else 1, dtype=np.int64)
    position[nums] = np.arange(len(nums))
    rows = con.execute("SELECT u, v, tasks FROM agency_pair_totals").fetchall()
    flat = np.fromiter((x for row in rows for x in row), dtype=np.int64, count=3 * len(rows)).reshape(-1, 3)
    return {"ids": [a for _, a in nodes], "source": position[flat[:, 0]], "target": position[flat[:, 1]],
            "tasks": flat[:, 2]}
