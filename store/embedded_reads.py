"""Reads of the embedded store, in SQL (mixed into ``store.embedded.EmbeddedStore``).

Row shapes and order are those of ``store.base.GraphStore``; the few conversions
(JSON lists, booleans) make them equal to what Neo4j returns.
"""

from __future__ import annotations

import json
import sqlite3

from agencynet.errors import StoreError
from store import embedded_schema as sql
from store.aggregates import page_limit
from store.rows import FUNCTION_KEYS, JURISDICTION_KEYS, PLAN_KEYS, TASK_KEYS


SOURCE_FACTS = """
SELECT id, name, jurisdiction_id, function, kind FROM agencies WHERE id IN (SELECT value FROM json_each(:ids))
UNION
SELECT id, name, jurisdiction_id, NULL AS function, kind FROM collectives WHERE id IN (SELECT value FROM json_each(:ids))
ORDER BY id
"""

# Agency filters of ``agencies_page`` (constants; values bound by name). ``q`` is already lower-cased:
# a part of the name, the simplified name or any alias (a LEADS/SUPPORTS mention, via edges_source).
AGENCY_FILTERS = {
    "jurisdiction_id": " AND a.jurisdiction_id = :jurisdiction_id",
    "function": " AND a.function = :function",
    # name, simplified name or a mention contains q: the search text kept by store.embedded_totals
    "q": " AND a.id IN (SELECT agency_id FROM agency_search WHERE instr(search, :q) > 0)",
}
AGENCY_PAGE_IDS = "SELECT a.id FROM agencies a WHERE 1 = 1{where}"


def select(table: str, keys: tuple[str, ...]) -> str:
    return f"SELECT {', '.join(keys)} FROM {table}"


_TASKS_IN = select("tasks", TASK_KEYS) + " WHERE {col} IN (SELECT value FROM json_each(?)) ORDER BY plan_id, seq"
TASKS_BY_ID = _TASKS_IN.format(col="id")
TASKS_OF_PLANS = _TASKS_IN.format(col="plan_id")

class EmbeddedReads:
    """The read half of ``EmbeddedStore``; needs ``_rows(query, params)``, ``kind`` and ``path``."""

    def health(self) -> dict:
        try:
            plans = self._rows("SELECT count(*) AS n FROM plans")[0]["n"]
        except StoreError as exc:
            return {"store": self.kind, "ok": False, "where": str(self.path), "plans": 0, "detail": str(exc)}
        return {"store": self.kind, "ok": True, "where": str(self.path), "plans": plans,
                "detail": f"SQLite {sqlite3.sqlite_version}"}

    def counts(self) -> dict:
        return self._rows(sql.COUNTS)[0]

    def plans(self) -> list[dict]:
        return [self._plan(r) for r in self._rows(select("plans", PLAN_KEYS) + " ORDER BY id")]

    def plan(self, plan_id: str) -> dict | None:
        rows = self._rows(select("plans", PLAN_KEYS) + " WHERE id = ?", (plan_id,))
        return self._plan(rows[0]) if rows else None

    @staticmethod
    def _plan(row: dict) -> dict:
        row["warnings"] = json.loads(row["warnings"]) if row["warnings"] else []
        return row

    def plan_text(self, plan_id: str) -> str | None:
        rows = self._rows("SELECT text FROM plan_texts WHERE plan_id = ?", (plan_id,))
        return rows[0]["text"] if rows else None

    def tasks(self, plan_id: str | None = None) -> list[dict]:
        if plan_id is None:
            rows = self._rows(select("tasks", TASK_KEYS) + " ORDER BY plan_id, seq")
        else:
            rows = self._rows(select("tasks", TASK_KEYS) + " WHERE plan_id = ? ORDER BY seq", (plan_id,))
        return [self._task(r) for r in rows]

    def task(self, task_id: str) -> dict | None:
        rows = self._rows(select("tasks", TASK_KEYS) + " WHERE id = ?", (task_id,))
        return self._task(rows[0]) if rows else None

    @staticmethod
    def _task(row: dict) -> dict:
        row["open_list"] = bool(row["open_list"]) if row["open_list"] is not None else None
        return row

    def agencies(self) -> list[dict]:
        return [self._agency(r) for r in self._rows(sql.AGENCIES.format(where="") + " ORDER BY a.id")]

    def agency(self, agency_id: str) -> dict | None:
        rows = self._rows(sql.AGENCIES.format(where="WHERE a.id = ?"), (agency_id,))
        return self._agency(rows[0]) if rows else None

    def plans_page(self, limit: int | None = None, offset: int = 0) -> dict:
        """``{"count", "rows"}``: the rows of ``plans()`` from ``offset``, at most ``limit`` (primary key order)."""
        rows = self._rows(select("plans", PLAN_KEYS) + " ORDER BY id LIMIT :limit OFFSET :offset",
                          {"limit": page_limit(limit), "offset": int(offset)})
        count = self._rows("SELECT count(*) AS n FROM plans")[0]["n"]
        return {"count": count, "rows": [self._plan(r) for r in rows]}

    def agencies_page(self, jurisdiction_id: str | None = None, function: str | None = None, q: str | None = None,
                      limit: int | None = None, offset: int = 0) -> dict:
        """``{"count", "rows"}``: the rows of ``agencies()`` that pass the filters, a page of them in id
        order; aliases and edge counts are computed for that page's agencies only."""
        params = {"jurisdiction_id": jurisdiction_id, "function": function,
                  "q": None if q is None else q.lower()}
        where = "".join(AGENCY_FILTERS[k] for k, v in params.items() if v is not None)
        ids = AGENCY_PAGE_IDS.format(where=where)
        page = f"a.id IN ({ids} ORDER BY a.id LIMIT :limit OFFSET :offset)"
        rows = self._rows(sql.AGENCIES.format(where="WHERE " + page) + " ORDER BY a.id",
                          {**params, "limit": page_limit(limit), "offset": int(offset)})
        count = self._rows(f"SELECT count(*) AS n FROM ({ids})", params)[0]["n"]
        return {"count": count, "rows": [self._agency(r) for r in rows]}

    @staticmethod
    def _agency(row: dict) -> dict:
        row["aliases"] = sorted(json.loads(row["aliases"] or "[]"))
        return row

    def collectives(self) -> list[dict]:
        return self._rows(sql.COLLECTIVES + " ORDER BY c.id")

    def jurisdictions(self) -> list[dict]:
        return self._rows(select("jurisdictions", JURISDICTION_KEYS) + " ORDER BY id")

    def functions(self) -> list[dict]:
        return self._rows(select("functions", FUNCTION_KEYS) + " ORDER BY code")

    def edges(self, plan_ids: list[str] | None = None) -> list[dict]:
        if plan_ids is None:
            return self._rows(sql.EDGES + sql.EDGE_ORDER)
        return self._rows(sql.EDGES + " WHERE" + sql.IN_PLANS + sql.EDGE_ORDER,
                          (json.dumps(list(plan_ids)),))

    def sources_by_id(self, ids: list[str]) -> list[dict]:
        return self._rows(sql.SOURCES_BY_ID, {"ids": json.dumps(list(ids))}) if ids else []

    def source_edges(self, source_id: str) -> list[dict]:
        return self._rows(sql.SOURCE_EDGES, (source_id,))

    def tasks_by_id(self, ids: list[str]) -> list[dict]:
        return self._tasks_in(TASKS_BY_ID, ids)

    def tasks_of_plans(self, plan_ids: list[str]) -> list[dict]:
        """The tasks of the given plans, by plan id and seq (one read for many plans)."""
        return self._tasks_in(TASKS_OF_PLANS, plan_ids)

    def _tasks_in(self, query: str, values: list[str]) -> list[dict]:
        rows = self._rows(query, (json.dumps(list(values)),)) if values else []
        return [self._task(r) for r in rows]

    def source_facts(self, ids: list[str]) -> list[dict]:
        return self._rows(SOURCE_FACTS, {"ids": json.dumps(list(ids))}) if ids else []

    def duty_counts(self, plan_ids: list[str] | None = None) -> list[dict]:
        if plan_ids is None:
            return self._rows(sql.DUTY_COUNTS.format(where="") + sql.DUTY_ORDER)
        return self._rows(sql.DUTY_COUNTS.format(where=" AND" + sql.IN_PLANS) + sql.DUTY_ORDER, (json.dumps(list(plan_ids)),))

    def orphan_tasks(self, plan_ids: list[str] | None = None) -> list[dict]:
        query = select("tasks", TASK_KEYS) + " WHERE orphan IS NOT NULL"
        if plan_ids is None:
            return [self._task(r) for r in self._rows(query + " ORDER BY plan_id, seq")]
        return [self._task(r) for r in self._rows(query + " AND" + sql.IN_PLANS + " ORDER BY plan_id, seq",
                                                  (json.dumps(list(plan_ids)),))]
