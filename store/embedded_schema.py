"""SQLite schema of the embedded store (tables mirror the graph's nodes and edges).

A table per node label; ``edges`` holds LEADS, SUPPORTS and NAMED_ON with the
plan id beside each edge so a plan's rows can be read or removed by index.
The totals kept at write time (``agency_totals``, ``plan_flags``) are in
``store.embedded_totals``.
"""

from store.embedded_pairs import TABLES as PAIRS_TABLES
from store.embedded_totals import TABLES as TOTALS_TABLES

SCHEMA_VERSION = 1

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS plans (
    id TEXT PRIMARY KEY, file TEXT, title TEXT, jurisdiction_id TEXT, jurisdiction TEXT,
    level TEXT, parent_jurisdiction TEXT, issuer TEXT, doc_number TEXT, date TEXT,
    year INTEGER, script TEXT, lead_convention TEXT, source_hash TEXT, task_count INTEGER,
    format TEXT, encoding TEXT, warnings TEXT);
CREATE TABLE IF NOT EXISTS plan_texts (plan_id TEXT PRIMARY KEY, text TEXT);
CREATE TABLE IF NOT EXISTS jurisdictions (id TEXT PRIMARY KEY, name TEXT, level TEXT, parent_id TEXT);
CREATE TABLE IF NOT EXISTS functions (
    code TEXT PRIMARY KEY, zh TEXT, en TEXT, successor TEXT, taxonomy_version TEXT);
CREATE TABLE IF NOT EXISTS agencies (
    id TEXT PRIMARY KEY, name TEXT, name_simplified TEXT, jurisdiction_id TEXT,
    function TEXT, kind TEXT);
CREATE TABLE IF NOT EXISTS collectives (id TEXT PRIMARY KEY, name TEXT, jurisdiction_id TEXT, kind TEXT);
CREATE TABLE IF NOT EXISTS tasks (
    id TEXT PRIMARY KEY, plan_id TEXT NOT NULL, seq INTEGER, path TEXT, heading TEXT,
    text TEXT, clause TEXT, lead_basis TEXT, open_list INTEGER, orphan TEXT,
    span_start INTEGER, span_end INTEGER, clause_start INTEGER, clause_end INTEGER, section TEXT);
CREATE TABLE IF NOT EXISTS edges (
    source_id TEXT NOT NULL, task_id TEXT NOT NULL, plan_id TEXT NOT NULL, type TEXT NOT NULL,
    mention TEXT, position INTEGER, PRIMARY KEY (task_id, source_id, type)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS tasks_plan ON tasks (plan_id, seq);
CREATE INDEX IF NOT EXISTS tasks_orphan ON tasks (orphan, plan_id);
CREATE INDEX IF NOT EXISTS tasks_open_list ON tasks (open_list, plan_id);
CREATE INDEX IF NOT EXISTS edges_source ON edges (source_id, type);
CREATE INDEX IF NOT EXISTS edges_plan ON edges (plan_id);
CREATE INDEX IF NOT EXISTS plans_jurisdiction ON plans (jurisdiction_id);
CREATE INDEX IF NOT EXISTS plans_hash ON plans (source_hash);
CREATE INDEX IF NOT EXISTS plans_file ON plans (file);
CREATE INDEX IF NOT EXISTS plans_jurisdiction_name ON plans (jurisdiction);
CREATE INDEX IF NOT EXISTS agencies_jurisdiction ON agencies (jurisdiction_id);
CREATE INDEX IF NOT EXISTS agencies_function ON agencies (function);
CREATE INDEX IF NOT EXISTS collectives_jurisdiction ON collectives (jurisdiction_id);
CREATE INDEX IF NOT EXISTS jurisdictions_parent ON jurisdictions (parent_id);
"""

TABLES = ("edges", "tasks", "plan_texts", "plans", "agencies", "collectives", "jurisdictions", "functions",
          *TOTALS_TABLES, *PAIRS_TABLES)

COUNTS = """
SELECT
 (SELECT count(*) FROM plans) AS "Plan",
 (SELECT count(*) FROM tasks) AS "Task",
 (SELECT count(*) FROM agencies) AS "Agency",
 (SELECT count(*) FROM collectives) AS "Collective",
 (SELECT count(*) FROM jurisdictions) AS "Jurisdiction",
 (SELECT count(*) FROM functions) AS "Function",
 (SELECT count(*) FROM edges WHERE type = 'LEADS') AS "LEADS",
 (SELECT count(*) FROM edges WHERE type = 'SUPPORTS') AS "SUPPORTS",
 (SELECT count(*) FROM edges WHERE type = 'NAMED_ON') AS "NAMED_ON",
 (SELECT count(*) FROM tasks t JOIN plans p ON p.id = t.plan_id) AS "HAS_TASK",
 (SELECT count(*) FROM plans p JOIN jurisdictions j ON j.id = p.jurisdiction_id) AS "ISSUED_IN",
 (SELECT count(*) FROM agencies a JOIN jurisdictions j ON j.id = a.jurisdiction_id)
   + (SELECT count(*) FROM collectives c JOIN jurisdictions j ON j.id = c.jurisdiction_id) AS "IN",
 (SELECT count(*) FROM agencies a JOIN functions f ON f.code = a.function) AS "OF_FUNCTION",
 (SELECT count(*) FROM jurisdictions c JOIN jurisdictions p ON p.id = c.parent_id) AS "PART_OF",
 (SELECT count(*) FROM functions f JOIN functions s ON s.code = f.successor) AS "SUCCEEDED_BY"
"""

AGENCIES = """
SELECT a.id, a.name, a.name_simplified, a.jurisdiction_id, a.function, a.kind,
       json_group_array(DISTINCT e.mention) FILTER (WHERE e.mention IS NOT NULL) AS aliases,
       count(e.source_id) AS mentions,
       count(CASE WHEN e.type = 'LEADS' THEN 1 END) AS leads,
       count(CASE WHEN e.type = 'SUPPORTS' THEN 1 END) AS supports
FROM agencies a LEFT JOIN edges e ON e.source_id = a.id AND e.type IN ('LEADS', 'SUPPORTS')
{where}
GROUP BY a.id
"""

COLLECTIVES = """
SELECT c.id, c.name, c.jurisdiction_id, c.kind,
       (SELECT count(*) FROM edges e WHERE e.source_id = c.id AND e.type = 'NAMED_ON') AS mentions
FROM collectives c
"""

EDGES = "SELECT source_id, task_id, plan_id, type, mention, position FROM edges"
EDGE_ORDER = " ORDER BY task_id, position, type, source_id"
IN_PLANS = " plan_id IN (SELECT value FROM json_each(?))"
SOURCE_EDGES = EDGES + " WHERE source_id = ?" + EDGE_ORDER  # edges_source index

SOURCES_BY_ID = """
SELECT id, name, kind FROM agencies WHERE id IN (SELECT value FROM json_each(:ids))
UNION
SELECT id, name, kind FROM collectives WHERE id IN (SELECT value FROM json_each(:ids))
ORDER BY id
"""

DUTY_COUNTS = """
SELECT source_id AS agency_id, sum(type = 'LEADS') AS leads, sum(type = 'SUPPORTS') AS supports
FROM edges WHERE type IN ('LEADS', 'SUPPORTS') {where}
GROUP BY source_id
"""
DUTY_ORDER = " ORDER BY source_id"
