"""Aggregated analytics reads of the Neo4j store (mixed into ``Neo4jStore``).

Each read is a ``cypher/read_*.cypher`` file counting inside Neo4j; a plan filter
goes through the ``task_plan`` index. Row shapes and order are those of
``store.base.GraphStore`` (ordered by ``store.aggregates``, as the embedded store's).
"""

from __future__ import annotations

from store.aggregates import order_duties, order_flag_counts, sort_units


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

    def agency_pairs(self, plan_ids: list[str] | None = None) -> list[dict]:
        if plan_ids is None:
            return self._list("read_agency_pairs")
        return self._list("read_plan_agency_pairs", plan_ids=list(plan_ids))

    def plans_matching(self, plans: list[str] | None = None, jurisdictions: list[str] | None = None,
                       levels: list[str] | None = None, years: list[int] | None = None) -> list[dict]:
        def arg(values):
            return None if values is None else list(values)

        return self._list("read_plans_matching", plans=arg(plans), jurisdictions=arg(jurisdictions),
                          levels=arg(levels), years=arg(years))
