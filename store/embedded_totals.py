"""Totals the embedded store keeps at write time, so whole-store rankings and orphan pages
cost what the page costs (``agency_totals``, ``flagged_page``, ``plan_flags`` in
``store.base.GraphStore``).

Two tables, refreshed inside the load/delete transaction (``refresh``; once per load
transaction, ``refresh_graphs``) for the agencies and plans a write touched, recounted from
``edges`` / ``tasks`` by index:

- ``agency_totals``: per agency with at least one LEADS/SUPPORTS edge, its name,
  jurisdiction and function (copied, so the ranking order has its own index) and the
  distinct tasks it leads / supports;
- ``agency_search``: per agency, its lower-case name, simplified name and distinct mentions
  (LEADS/SUPPORTS), one a line: what the agency search (``agencies_page(q=)``) scans, one
  short row per agency instead of every agency's edges;
- ``plan_flags``: per plan with tasks, its task count and the tasks of each orphan
  category, with an open list, and with an open list but no orphan category.

A database written before these tables existed gets them filled once on ``setup``
(``ensure``: the ``meta`` row ``totals_version`` records it).
"""

from __future__ import annotations

import json
import sqlite3

from loaders.records import ORPHAN_CATEGORIES

TOTALS_VERSION = "2"  # 2: agency_search added

#: Plan flag columns: tasks, one per orphan category, open_list (any), open_only (no category).
FLAG_COLS = ("tasks", *ORPHAN_CATEGORIES, "open_list", "open_only")

SCHEMA = """
CREATE TABLE IF NOT EXISTS agency_totals (
    agency_id TEXT PRIMARY KEY, name TEXT, jurisdiction_id TEXT, function TEXT,
    leads INTEGER NOT NULL, supports INTEGER NOT NULL, total INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS agency_totals_rank ON agency_totals (leads DESC, total DESC, name, agency_id);
CREATE INDEX IF NOT EXISTS agency_totals_function ON agency_totals (function, leads DESC, total DESC, name, agency_id);
CREATE TABLE IF NOT EXISTS plan_flags (
    plan_id TEXT PRIMARY KEY, tasks INTEGER NOT NULL,
""" + "".join(f"    {c} INTEGER NOT NULL,\n" for c in ORPHAN_CATEGORIES) + """
    open_list INTEGER NOT NULL, open_only INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS agency_search (agency_id TEXT PRIMARY KEY, search TEXT NOT NULL)
"""

TABLES = ("agency_totals", "plan_flags", "agency_search")

_AGENCY_ROWS = """
SELECT a.id, a.name, a.jurisdiction_id, a.function, d.leads, d.supports, d.leads + d.supports
FROM agencies a JOIN (
  SELECT source_id, count(CASE WHEN type = 'LEADS' THEN 1 END) AS leads,
         count(CASE WHEN type = 'SUPPORTS' THEN 1 END) AS supports
  FROM edges WHERE type IN ('LEADS', 'SUPPORTS'){edge_where} GROUP BY source_id) d ON d.source_id = a.id
"""
_PLAN_ROWS = ("SELECT plan_id, count(*), "
              + "".join(f"count(CASE WHEN orphan = '{c}' THEN 1 END), " for c in ORPHAN_CATEGORIES)
              + """count(CASE WHEN open_list = 1 THEN 1 END),
       count(CASE WHEN open_list = 1 AND orphan IS NULL THEN 1 END)
FROM tasks{where} GROUP BY plan_id""")
_IDS = " IN (SELECT value FROM json_each(:ids))"
_SEARCH_ROWS = """
SELECT a.id, lower(a.name) || char(10) || lower(coalesce(a.name_simplified, '')) || coalesce(char(10) || (
  SELECT group_concat(m, char(10)) FROM (
    SELECT DISTINCT lower(e.mention) AS m FROM edges e
    WHERE e.source_id = a.id AND e.type IN ('LEADS', 'SUPPORTS') ORDER BY m)), '')
FROM agencies a{where}
"""

REFRESH_AGENCIES = (
    "DELETE FROM agency_totals WHERE agency_id" + _IDS,
    "INSERT INTO agency_totals " + _AGENCY_ROWS.format(edge_where=" AND source_id" + _IDS),
    "DELETE FROM agency_search WHERE agency_id" + _IDS,
    "INSERT INTO agency_search " + _SEARCH_ROWS.format(where=" WHERE a.id" + _IDS),
)
REFRESH_PLANS = (
    "DELETE FROM plan_flags WHERE plan_id" + _IDS,
    "INSERT INTO plan_flags " + _PLAN_ROWS.format(where=" WHERE plan_id" + _IDS),
)
REBUILD = (
    "DELETE FROM agency_totals",
    "INSERT INTO agency_totals " + _AGENCY_ROWS.format(edge_where=""),
    "DELETE FROM plan_flags",
    "INSERT INTO plan_flags " + _PLAN_ROWS.format(where=""),
    "DELETE FROM agency_search",
    "INSERT INTO agency_search " + _SEARCH_ROWS.format(where=""),
)


def refresh(con: sqlite3.Connection, agency_ids, plan_ids) -> None:
    """Recount the totals of these agencies and plans (inside the caller's transaction).

    Ids that are no longer in the store (a deleted plan, a pruned agency) lose their row;
    ids that are not agencies (collectives) are ignored."""
    agencies, plans = json.dumps(sorted(set(agency_ids))), json.dumps(sorted(set(plan_ids)))
    for statement in REFRESH_AGENCIES:
        con.execute(statement, {"ids": agencies})
    for statement in REFRESH_PLANS:
        con.execute(statement, {"ids": plans})


def refresh_graphs(con: sqlite3.Connection, graphs) -> None:
    """``refresh`` for the agencies and plans of the graphs of one load transaction (once per
    transaction, not per plan; a plan that failed is recounted as it stands)."""
    def ids(rows):
        return [r["id"] for r in rows if isinstance(r, dict) and "id" in r]

    refresh(con, ids(a for g in graphs for a in (g.agencies or [])), ids(g.plan for g in graphs))


def ensure(con: sqlite3.Connection) -> bool:
    """Create the totals tables; fill them from the edges and tasks once, when they are new.
    Returns True when they were (re)built."""
    for statement in SCHEMA.split(";"):
        if statement.strip():
            con.execute(statement)
    row = con.execute("SELECT value FROM meta WHERE key = 'totals_version'").fetchone()
    if row and row[0] == TOTALS_VERSION:
        return False
    for statement in REBUILD:
        con.execute(statement)
    con.execute("INSERT OR REPLACE INTO meta VALUES ('totals_version', ?)", (TOTALS_VERSION,))
    return True
