"""Aggregated analytics reads of the Neo4j store (mixed into ``Neo4jStore``).

Each read is a ``cypher/read_*.cypher`` file counting inside Neo4j; a plan filter
goes through the ``task_plan`` index. Row shapes and order are those of
``store.base.GraphStore`` (ordered by ``store.aggregates``, as the embedded store's).
"""

from __future__ import annotations

from loaders.records import ORPHAN_CATEGORIES
from store import neo4j_pairs
from store.aggregates import order_duties, order_flag_counts, page_limit, sort_units
from store.embedded_totals import FLAG_COLS


class Neo4jAggregates:
    """The aggregated reads of ``Neo4jStore``; needs ``_list(name, **params)``."""

    def agency_duties(self, plan_ids: list[str] | None = None, by_plan: bool = False) -> list[dict]:
        if plan_ids is not None:
            rows = self._list("read_plan_agency_duties", plan_ids=list(plan_ids), by_plan=bool(by_plan))
        elif by_plan:
            rows = self._list("read_agency_duties_by_plan")
        else:  # degree counts: no edge scan
            rows = self._list("read_agency_duties")
        return order_duties(rows, "agency_id")

    def function_duties(self, plan_ids: list[str] | None = None, by_plan: bool = False,
                        successors: dict[str, str] | None = None) -> list[dict]:
        params = {"by_plan": bool(by_plan), "successors": dict(successors or {})}
        if plan_ids is None:
            rows = self._list("read_function_duties", **params)
        else:
            rows = self._list("read_plan_function_duties", plan_ids=list(plan_ids), **params)
        return order_duties(rows, "function")

    def flagged_tasks(self, plan_ids: list[str] | None = None, functions: list[str] | None = None) -> list[dict]:
        fns = None if functions is None else list(functions)
        if plan_ids is None:
            rows = self._list("read_flagged_tasks", functions=fns)
        else:
            rows = self._list("read_plan_flagged_tasks", plan_ids=list(plan_ids), functions=fns)
        for r in rows:
            r["units"] = sort_units(r.pop("named"))
        return rows

    def task_flag_counts(self, plan_ids: list[str] | None = None, functions: list[str] | None = None) -> list[dict]:
        fns = None if functions is None else list(functions)
        if plan_ids is None:
            rows = self._list("read_task_flag_counts", functions=fns)
        else:
            rows = self._list("read_plan_task_flag_counts", plan_ids=list(plan_ids), functions=fns)
        return order_flag_counts(rows)

    #: Plans per ``agency_pairs`` query: reading every plan at once outgrows Neo4j's transaction
    #: memory (716 MiB by default at 10k plans); a task's pairs lie in one plan, so counts from
    #: disjoint groups of plans add up exactly.
    PAIR_CHUNK = 1000

    def agency_pairs(self, plan_ids: list[str] | None = None) -> list[dict]:
        """Every plan: the counts kept at write time (``store.neo4j_pairs``). Given plans: pairs
        counted here from each task's agency list (``read_plan_agency_pairs_members``), about twice
        as fast as expanding every pair inside Neo4j, and no per-pair rows to sort."""
        from collections import Counter
        from itertools import combinations

        if plan_ids is None:
            return neo4j_pairs.rows(self._read)
        ids = list(plan_ids)
        shared: Counter = Counter()
        for i in range(0, len(ids), self.PAIR_CHUNK):
            for record in self._read("read_plan_agency_pairs_members", plan_ids=ids[i:i + self.PAIR_CHUNK]):
                for members in record["rows"]:
                    shared.update(combinations(sorted(members), 2))
        return [{"source_id": u, "target_id": v, "tasks": n} for (u, v), n in sorted(shared.items())]

    def agency_pair_arrays(self) -> dict:
        """Every kept pair as numbers (``ids``, ``source``, ``target``, ``tasks``), as
        ``EmbeddedStore.agency_pair_arrays``: the pooled centrality's read, the same counts as
        ``agency_pairs()``."""
        return neo4j_pairs.arrays(self._read)

    def plans_matching(self, plans: list[str] | None = None, jurisdictions: list[str] | None = None,
                       levels: list[str] | None = None, years: list[int] | None = None) -> list[dict]:
        def arg(values):
            return None if values is None else list(values)

        # Start from an index when plans or jurisdictions are named (the general statement's
        # OR conditions would scan every Plan node); levels and years alone scan.
        name = ("read_plans_matching_named" if plans is not None else
                "read_plans_matching_in" if jurisdictions is not None else "read_plans_matching")
        return self._list(name, plans=arg(plans), jurisdictions=arg(jurisdictions),
                          levels=arg(levels), years=arg(years))

    # -- whole-store reads from the totals kept at write time (store.neo4j_totals) -------------

    def agency_totals(self, functions: list[str] | None = None, limit: int | None = None,
                      offset: int = 0) -> dict:
        page = {"skip": int(offset), "limit": page_limit(limit)}
        if functions is None:
            record = self._read("read_agency_totals", **page)[0]
        else:
            record = self._read("read_function_agency_totals", functions=list(functions), **page)[0]
        return {"count": record["count"], "tasks": record["tasks"], "rows": [dict(r) for r in record["rows"]]}

    def flagged_page(self, categories: list[str], limit: int | None = None, offset: int = 0) -> list[dict]:
        cats = [c for c in categories if c in ORPHAN_CATEGORIES]
        record = self._read("read_flagged_page", categories=cats, soft="open_list" in categories,
                            skip=int(offset), limit=page_limit(limit))[0]
        rows = [dict(r) for r in record["rows"]]
        for r in rows:
            r["units"] = sort_units(r.pop("named"))
        return rows

    def plan_flags(self, limit: int | None = None, offset: int = 0) -> dict:
        record = self._read("read_plan_flag_totals", skip=int(offset), limit=page_limit(limit),
                            width=len(FLAG_COLS))[0]
        return {"count": record["plans"], "totals": dict(zip(FLAG_COLS, record["totals"])),
                "rows": [dict(zip(("plan_id", "plan", "jurisdiction", *FLAG_COLS), r)) for r in record["rows"]]}
