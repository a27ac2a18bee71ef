"""Aggregated analytics reads of the embedded store, in SQL (mixed into ``EmbeddedStore``).

Row shapes and order are those of ``store.base.GraphStore``; counting happens in
SQLite, so a ranking or an orphan count costs what its answer costs, not a read of
every edge into Python. Parameters are always bound (``:name``); the SQL fragments
joined here are constants.
"""

from __future__ import annotations

import json

from store import embedded_pairs
from store.aggregates import order_duties, order_flag_counts, page_limit
from store.embedded_totals import FLAG_COLS
from store.rows import TASK_KEYS

IN_PLANS = " AND {col} IN (SELECT value FROM json_each(:plan_ids))"
NAMES_FUNCTION = """ AND EXISTS (SELECT 1 FROM edges f JOIN agencies fa ON fa.id = f.source_id
    WHERE f.task_id = t.id AND f.type IN ('LEADS', 'SUPPORTS')
      AND fa.function IN (SELECT value FROM json_each(:functions)))"""

AGENCY_DUTIES = """
SELECT CASE WHEN :by_plan THEN e.plan_id END AS plan_id, a.id AS agency_id, a.name, a.jurisdiction_id,
       a.function, sum(e.type = 'LEADS') AS leads, sum(e.type = 'SUPPORTS') AS supports
FROM edges e JOIN agencies a ON a.id = e.source_id
WHERE e.type IN ('LEADS', 'SUPPORTS'){where}
GROUP BY 1, a.id
"""

FUNCTION_DUTIES = """
SELECT CASE WHEN :by_plan THEN e.plan_id END AS plan_id, coalesce(m.value, a.function) AS function,
       count(DISTINCT a.id) AS agencies,
       count(DISTINCT CASE WHEN e.type = 'LEADS' THEN e.task_id END) AS leads,
       count(DISTINCT CASE WHEN e.type = 'SUPPORTS' THEN e.task_id END) AS supports,
       count(DISTINCT e.task_id) AS total
FROM edges e JOIN agencies a ON a.id = e.source_id
LEFT JOIN json_each(:successors) m ON m.key = a.function
WHERE e.type IN ('LEADS', 'SUPPORTS'){where}
GROUP BY 1, 2
"""

FLAGGED_TASKS = ("SELECT " + ", ".join("t." + k for k in TASK_KEYS) + """,
       (SELECT json_group_array(mention) FROM (SELECT e.mention FROM edges e WHERE e.task_id = t.id
                                                ORDER BY e.position, e.type, e.source_id)) AS units
FROM tasks t WHERE (t.orphan IS NOT NULL OR t.open_list = 1){where}
ORDER BY t.plan_id, t.seq
""")

AGENCY_PAIRS = """
SELECT a.source_id, b.source_id AS target_id, count(DISTINCT a.task_id) AS tasks
FROM edges a JOIN edges b ON b.task_id = a.task_id AND b.source_id > a.source_id
WHERE a.type IN ('LEADS', 'SUPPORTS') AND b.type IN ('LEADS', 'SUPPORTS'){where}
GROUP BY a.source_id, b.source_id ORDER BY a.source_id, b.source_id
"""

PLAN_SCOPE_KEYS = ("id", "file", "jurisdiction_id", "jurisdiction", "level", "year", "task_count")
_PLANS_WHERE = """
  AND (:jurisdictions IS NULL OR jurisdiction IN (SELECT value FROM json_each(:jurisdictions))
       OR jurisdiction_id IN (SELECT value FROM json_each(:jurisdictions)))
  AND (:levels IS NULL OR level IN (SELECT value FROM json_each(:levels)))
  AND (:years IS NULL OR year IN (SELECT value FROM json_each(:years)))
ORDER BY id
"""
PLANS_MATCHING = ("SELECT " + ", ".join(PLAN_SCOPE_KEYS) + """ FROM plans
WHERE (:plans IS NULL OR id IN (SELECT value FROM json_each(:plans)) OR file IN (SELECT value FROM json_each(:plans)))"""
                  + _PLANS_WHERE)
#: With plans or jurisdictions named, the rows are found by index first (the OR conditions
#: of PLANS_MATCHING scan every plan: ~0.2 s at 100k plans), then filtered the same way.
PLANS_MATCHING_NAMED = ("SELECT " + ", ".join(PLAN_SCOPE_KEYS) + """ FROM plans WHERE rowid IN (
  SELECT rowid FROM plans WHERE id IN (SELECT value FROM json_each(:plans))
  UNION SELECT rowid FROM plans WHERE file IN (SELECT value FROM json_each(:plans)))""" + _PLANS_WHERE)
PLANS_MATCHING_IN = ("SELECT " + ", ".join(PLAN_SCOPE_KEYS) + """ FROM plans WHERE rowid IN (
  SELECT rowid FROM plans WHERE jurisdiction_id IN (SELECT value FROM json_each(:jurisdictions))
  UNION SELECT rowid FROM plans WHERE jurisdiction IN (SELECT value FROM json_each(:jurisdictions)))"""
                     + _PLANS_WHERE)

IN_FUNCTIONS = " WHERE function IN (SELECT value FROM json_each(:functions))"
AGENCY_TOTALS = """SELECT t.agency_id, t.name, t.jurisdiction_id, j.name AS jurisdiction, t.function, t.leads, t.supports
FROM (SELECT * FROM agency_totals{where} ORDER BY leads DESC, total DESC, name, agency_id LIMIT :limit OFFSET :offset) t
LEFT JOIN jurisdictions j ON j.id = t.jurisdiction_id
ORDER BY t.leads DESC, t.total DESC, t.name, t.agency_id"""
AGENCY_TOTALS_COUNT = "SELECT count(*) AS n FROM agency_totals{where}"
FLAGGED_PAGE = ("SELECT " + ", ".join("t." + k for k in TASK_KEYS) + """,
       (SELECT json_group_array(mention) FROM (SELECT e.mention FROM edges e WHERE e.task_id = t.id
                                                ORDER BY e.position, e.type, e.source_id)) AS units,
       (SELECT file FROM plans p WHERE p.id = t.plan_id) AS plan,
       (SELECT jurisdiction FROM plans p WHERE p.id = t.plan_id) AS jurisdiction
FROM tasks t INDEXED BY tasks_plan
WHERE t.orphan IN (SELECT value FROM json_each(:categories)) OR (:soft AND t.orphan IS NULL AND t.open_list = 1)
ORDER BY t.plan_id, t.seq LIMIT :limit OFFSET :offset
""")
PLAN_FLAGS = ("SELECT f.plan_id, p.file AS plan, p.jurisdiction, " + ", ".join("f." + c for c in FLAG_COLS)
              + " FROM plan_flags f LEFT JOIN plans p ON p.id = f.plan_id ORDER BY f.plan_id LIMIT :limit OFFSET :offset")
PLAN_FLAG_TOTALS = ("SELECT count(*) AS plans, " + ", ".join(f"coalesce(sum({c}), 0) AS {c}" for c in FLAG_COLS)
                    + " FROM plan_flags")

TASK_FLAG_COUNTS = """
SELECT t.plan_id, t.orphan, t.open_list, count(*) AS tasks FROM tasks t WHERE 1 = 1{where}
GROUP BY t.plan_id, t.orphan, t.open_list
"""


def _params(plan_ids, **extra) -> dict:
    return {"plan_ids": None if plan_ids is None else json.dumps(list(plan_ids)), **extra}


def _where(plan_ids, col: str, functions=None) -> str:
    where = "" if plan_ids is None else IN_PLANS.format(col=col)
    return where + ("" if functions is None else NAMES_FUNCTION)


class EmbeddedAggregates:
    """The aggregated reads of ``EmbeddedStore``; needs ``_rows(query, params)``."""

    def agency_duties(self, plan_ids: list[str] | None = None, by_plan: bool = False) -> list[dict]:
        rows = self._rows(AGENCY_DUTIES.format(where=_where(plan_ids, "e.plan_id")),
                          _params(plan_ids, by_plan=bool(by_plan)))
        return order_duties(rows, "agency_id")

    def function_duties(self, plan_ids: list[str] | None = None, by_plan: bool = False,
                        successors: dict[str, str] | None = None) -> list[dict]:
        rows = self._rows(FUNCTION_DUTIES.format(where=_where(plan_ids, "e.plan_id")),
                          _params(plan_ids, by_plan=bool(by_plan), successors=json.dumps(successors or {})))
        return order_duties(rows, "function")

    def flagged_tasks(self, plan_ids: list[str] | None = None, functions: list[str] | None = None) -> list[dict]:
        rows = self._rows(FLAGGED_TASKS.format(where=_where(plan_ids, "t.plan_id", functions)),
                          _params(plan_ids, functions=None if functions is None else json.dumps(list(functions))))
        for r in rows:
            r["open_list"] = None if r["open_list"] is None else bool(r["open_list"])
            r["units"] = json.loads(r["units"])
        return rows

    def task_flag_counts(self, plan_ids: list[str] | None = None, functions: list[str] | None = None) -> list[dict]:
        rows = self._rows(TASK_FLAG_COUNTS.format(where=_where(plan_ids, "t.plan_id", functions)),
                          _params(plan_ids, functions=None if functions is None else json.dumps(list(functions))))
        return order_flag_counts(rows)

    def agency_pairs(self, plan_ids: list[str] | None = None) -> list[dict]:
        if plan_ids is None:  # every plan: the counts kept at write time (store.embedded_pairs)
            return self._rows(embedded_pairs.READ)
        return self._rows(AGENCY_PAIRS.format(where=_where(plan_ids, "a.plan_id")), _params(plan_ids))

    def agency_pair_arrays(self) -> dict:
        """Every plan's pairs as numbers (``store.embedded_pairs.arrays``): the pooled graph's
        fast read, the same counts as ``agency_pairs()``."""
        import sqlite3

        try:
            return embedded_pairs.arrays(self._con())
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    def plans_matching(self, plans: list[str] | None = None, jurisdictions: list[str] | None = None,
                       levels: list[str] | None = None, years: list[int] | None = None) -> list[dict]:
        def arg(values):
            return None if values is None else json.dumps(list(values), ensure_ascii=False)

        sql = (PLANS_MATCHING_NAMED if plans is not None else
               PLANS_MATCHING_IN if jurisdictions is not None else PLANS_MATCHING)
        return self._rows(sql, {"plans": arg(plans), "jurisdictions": arg(jurisdictions),
                                "levels": arg(levels), "years": arg(years)})

    # -- whole-store reads from the totals kept at write time (store.embedded_totals) -----------

    def agency_totals(self, functions: list[str] | None = None, limit: int | None = None,
                      offset: int = 0) -> dict:
        where = "" if functions is None else IN_FUNCTIONS
        params = {"functions": None if functions is None else json.dumps(list(functions))}
        rows = self._rows(AGENCY_TOTALS.format(where=where),
                          {**params, "limit": page_limit(limit), "offset": int(offset)})
        count = self._rows(AGENCY_TOTALS_COUNT.format(where=where), params)[0]["n"]
        tasks = self._rows(PLAN_FLAG_TOTALS)[0]["tasks"]
        return {"count": count, "tasks": tasks, "rows": rows}

    def flagged_page(self, categories: list[str], limit: int | None = None, offset: int = 0) -> list[dict]:
        cats = [c for c in categories if c != "open_list"]
        rows = self._rows(FLAGGED_PAGE, {"categories": json.dumps(cats), "soft": "open_list" in categories,
                                         "limit": page_limit(limit), "offset": int(offset)})
        for r in rows:
            r["open_list"] = None if r["open_list"] is None else bool(r["open_list"])
            r["units"] = json.loads(r["units"])
        return rows

    def plan_flags(self, limit: int | None = None, offset: int = 0) -> dict:
        totals = self._rows(PLAN_FLAG_TOTALS)[0]
        rows = self._rows(PLAN_FLAGS, {"limit": page_limit(limit), "offset": int(offset)})
        return {"count": totals.pop("plans"), "totals": totals, "rows": rows}
