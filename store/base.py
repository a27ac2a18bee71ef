"""The contract every store keeps (``GraphStore``) and the row shapes it returns.

Reads return plain dicts with exactly the keys listed, sorted as stated, so that
the embedded store and Neo4j give identical answers (the contract tests compare
them). ``queries`` builds DataFrames and networkx graphs from these reads only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from agencynet.errors import StoreError
from loaders.records import PlanGraph


@dataclass
class LoadResult:
    plan_id: str
    status: str          # "loaded" (new) | "replaced" (new version) | "unchanged" (same source hash)
                         # | "failed" (load_many only: nothing of this plan written; see error)
    tasks: int
    edges: int
    error: str | None = None   # why a plan failed (load_many), else None


class SingleLoad:
    """``load`` for a store that has ``load_many``: one plan, one transaction, errors raised."""

    def load(self, graph: PlanGraph) -> LoadResult:
        """Write one plan in one transaction; see ``GraphStore.load``."""
        result = self.load_many([graph])[0]
        if result.status == "failed":
            raise StoreError(result.error)
        return result


@runtime_checkable
class GraphStore(Protocol):
    """One interface for the API, the CLI and the notebooks.

    Read row shapes (keys; lists sorted by the key in brackets):

    - plans() [id]: id, file, title, jurisdiction_id, jurisdiction, level, parent_jurisdiction,
      issuer, doc_number, date, year, script, lead_convention, source_hash, task_count,
      format, encoding, warnings
    - plan_text(plan_id): the decoded source text, or None
    - tasks(plan_id=None) [plan_id, seq]: id, plan_id, seq, path, heading, text, clause,
      lead_basis, open_list, orphan, span_start, span_end, clause_start, clause_end, section
    - agencies() [id]: id, name, name_simplified, jurisdiction_id, function, kind, aliases
      (sorted distinct mentions), mentions (edge count), leads, supports
    - collectives() [id]: id, name, jurisdiction_id, kind, mentions
    - jurisdictions() [id]: id, name, level, parent_id
    - functions() [code]: code, zh, en, successor, taxonomy_version
    - edges(plan_ids=None) [task_id, position, type, source_id]: source_id, task_id, plan_id,
      type, mention, position
    - sources_by_id(ids) [id]: id, name, kind of the agencies and collectives with those ids
      (unknown ids left out; by index, for naming a few edges without reading every agency)
    - source_edges(source_id) [task_id, position, type, source_id]: the edges() rows of one
      agency or collective (by index; [] for an unknown id)
    - tasks_by_id(ids) [plan_id, seq]: the tasks() rows with those ids (unknown ids left out;
      by index, for the tasks one agency is named on without reading whole plans)
    - source_facts(ids) [id]: id, name, jurisdiction_id, function (None for a collective), kind
      of the agencies and collectives with those ids (by index; what a scoped snapshot and the
      network views need of the bodies they show, without every agency)
    - duty_counts(plan_ids=None) [agency_id]: agency_id, leads, supports (agencies with at
      least one LEADS/SUPPORTS edge on a task of the given plans; aggregated in the store)
    - orphan_tasks(plan_ids=None) [plan_id, seq]: task rows whose orphan is not None

    Aggregated analytics reads (counted in the store; ``plan_ids=None`` is every plan; rows
    with ``plan_id`` None unless ``by_plan``; None sorts first):

    - agency_duties(plan_ids=None, by_plan=False) [plan_id, agency_id]: plan_id, agency_id,
      name, jurisdiction_id, function, leads, supports (one LEADS or SUPPORTS per agency and
      task, so these are distinct tasks; agencies with none in scope are left out)
    - function_duties(plan_ids=None, by_plan=False, successors=None) [plan_id, function]:
      plan_id, function, agencies, leads, supports, total: distinct agencies and distinct
      tasks led / supported / named by any agency of the function; ``successors`` maps a
      code to the code it is counted under (reform lineage), others count as themselves
    - flagged_tasks(plan_ids=None, functions=None) [plan_id, seq]: task rows whose orphan is
      not None or whose open_list is true, plus ``units`` (the mentions of its LEADS,
      SUPPORTS and NAMED_ON edges by position, type, source id); with ``functions`` only
      tasks an agency of one of those function codes leads or supports
    - task_flag_counts(plan_ids=None, functions=None) [plan_id, orphan, open_list]: plan_id,
      orphan, open_list, tasks (task count per combination; ``functions`` as above)
    - plans_matching(plans=None, jurisdictions=None, levels=None, years=None) [id]: id, file,
      jurisdiction_id, jurisdiction, level, year, task_count of the plans whose id or file is in
      ``plans``, whose jurisdiction name or id is in ``jurisdictions``, level in ``levels`` and
      year in ``years`` (None: no condition; all given conditions hold)
    - agency_pairs(plan_ids=None) [source_id, target_id]: source_id, target_id, tasks: pairs of
      agencies (source_id < target_id) leading or supporting the same tasks, with the number
      of distinct tasks they share (the co-responsibility graph's edges)

    Pages of the list reads (``limit`` None is every row; ``count`` is every matching row):

    - plans_page(limit=None, offset=0) -> {"count", "rows"}: rows as ``plans()`` gives them, id order
    - agencies_page(jurisdiction_id=None, function=None, q=None, limit=None, offset=0) -> {"count", "rows"}:
      rows as ``agencies()`` gives them (aliases, mentions, leads, supports computed for the page only),
      id order, of the agencies in that jurisdiction (id), of that function code, and whose name,
      simplified name or an alias contains ``q`` case-insensitively (None: no condition)

    Whole-store pages from totals kept at write time (refreshed in the same transaction as a
    plan's load, replacement or deletion, so they cost what the page costs; ``limit`` None is
    every row):

    - agency_totals(functions=None, limit=None, offset=0) -> {"count", "tasks", "rows"}: rows
      agency_id, name, jurisdiction_id, jurisdiction (its name), function, leads, supports over
      every plan (as ``agency_duties()``) in ranking order: leads desc, leads + supports desc, name, id; only
      agencies of one of ``functions`` when given; ``count`` the agencies ranked (before paging),
      ``tasks`` the number of tasks in the store
    - flagged_page(categories, limit=None, offset=0) [plan_id, seq]: ``flagged_tasks()`` rows
      whose orphan is in ``categories``, or, when "open_list" is among them, whose open_list is
      true and orphan None; plus the plan's ``plan`` (file) and ``jurisdiction`` (name)
    - plan_flags(limit=None, offset=0) -> {"count", "totals", "rows"}: rows [plan_id] plan_id,
      plan (file), jurisdiction (name), tasks, unassigned, collective_only, leaderless, lead_is_collective (tasks of each orphan
      category), open_list (tasks with an open list), open_only (open list, no category) of the
      plans with tasks; ``count`` those plans, ``totals`` each column summed over them
    """

    kind: str  # "embedded" | "neo4j"

    def setup(self) -> None:
        """Create schema (idempotent)."""

    def load(self, graph: PlanGraph) -> LoadResult:
        """Write one plan all-or-nothing. Same source hash again: no change.
        Same plan id, new hash: the old version is replaced."""

    def load_many(self, graphs: list[PlanGraph]) -> list[LoadResult]:
        """Bulk load, one result per graph in order. Several plans may share a transaction,
        but each plan is still all or nothing: a plan that cannot be written comes back
        ``failed`` with ``error`` and the others load. ``StoreUnavailable`` is raised."""

    def delete_plan(self, plan_id: str) -> bool:
        """Remove a plan, its tasks and edges, and agencies/collectives/jurisdictions left unused."""

    def reset(self) -> None:
        """Empty the store."""

    def health(self) -> dict:
        """{"store": kind, "ok": bool, "where": uri-or-path, "plans": int, "detail": str}."""

    def counts(self) -> dict:
        """Node and edge counts by label/type, e.g. {"Plan": 5, ..., "LEADS": 80}."""

    def plans(self) -> list[dict]: ...
    def plan(self, plan_id: str) -> dict | None: ...
    def plan_text(self, plan_id: str) -> str | None: ...
    def tasks(self, plan_id: str | None = None) -> list[dict]: ...
    def task(self, task_id: str) -> dict | None: ...
    def agencies(self) -> list[dict]: ...
    def agency(self, agency_id: str) -> dict | None: ...
    def collectives(self) -> list[dict]: ...
    def jurisdictions(self) -> list[dict]: ...
    def functions(self) -> list[dict]: ...
    def edges(self, plan_ids: list[str] | None = None) -> list[dict]: ...
    def sources_by_id(self, ids: list[str]) -> list[dict]: ...
    def source_edges(self, source_id: str) -> list[dict]: ...
    def tasks_by_id(self, ids: list[str]) -> list[dict]: ...
    def tasks_of_plans(self, plan_ids: list[str]) -> list[dict]: ...
    def source_facts(self, ids: list[str]) -> list[dict]: ...
    def duty_counts(self, plan_ids: list[str] | None = None) -> list[dict]: ...
    def orphan_tasks(self, plan_ids: list[str] | None = None) -> list[dict]: ...
    def agency_duties(self, plan_ids: list[str] | None = None, by_plan: bool = False) -> list[dict]: ...
    def function_duties(self, plan_ids: list[str] | None = None, by_plan: bool = False,
                        successors: dict[str, str] | None = None) -> list[dict]: ...
    def flagged_tasks(self, plan_ids: list[str] | None = None,
                      functions: list[str] | None = None) -> list[dict]: ...
    def task_flag_counts(self, plan_ids: list[str] | None = None,
                         functions: list[str] | None = None) -> list[dict]: ...
    def agency_pairs(self, plan_ids: list[str] | None = None) -> list[dict]: ...
    def agency_totals(self, functions: list[str] | None = None, limit: int | None = None,
                      offset: int = 0) -> dict: ...
    def flagged_page(self, categories: list[str], limit: int | None = None, offset: int = 0) -> list[dict]: ...
    def plan_flags(self, limit: int | None = None, offset: int = 0) -> dict: ...
    def plans_page(self, limit: int | None = None, offset: int = 0) -> dict: ...
    def agencies_page(self, jurisdiction_id: str | None = None, function: str | None = None, q: str | None = None,
                      limit: int | None = None, offset: int = 0) -> dict: ...
    def plans_matching(self, plans: list[str] | None = None, jurisdictions: list[str] | None = None,
                       levels: list[str] | None = None, years: list[int] | None = None) -> list[dict]: ...

    def close(self) -> None: ...
