"""Totals the Neo4j store keeps at write time, so whole-store rankings and orphan pages cost
what the page costs (``agency_totals``, ``flagged_page``, ``plan_flags`` in ``store.base``).

- on each Agency: ``duty_leads``, ``duty_supports``, ``duty_total`` (distinct tasks; degree
  counts), indexed (``agency_duty_rank``) in the ranking's order;
- on each Plan: ``flag_counts``, the list ``store.embedded_totals.FLAG_COLS`` (tasks, each
  orphan category, open list, open list without category);
- on each Agency also ``search``: its lower-case name, simplified name and distinct mentions,
  one a line, read by the agency search through the ``agency_search`` text index;
- on the one ``(:Totals {id: "all"})`` node: ``plans`` (plans with tasks) and ``flag_counts``
  summed over every plan, changed by each refresh by the difference it made (so the whole
  store's orphan count is one node read, not a pass over every plan).

``refresh`` runs inside the load / delete transaction for the agencies and plans it touched
(``cypher/refresh_*_totals.cypher``; a plan being cleared is refreshed to zeros);
``ensure`` fills them once for a database written before they were kept (the search text: once
per database, recorded on ``(:AgencySearch {id: "all"})``, ``SEARCH_VERSION``).
"""

from __future__ import annotations

from loaders.records import ORPHAN_CATEGORIES
from store.cypher import query
from store.embedded_totals import FLAG_COLS

BATCH = 5000
SEARCH_VERSION = 1


def refresh(tx, agency_ids, plan_ids) -> None:
    """Recount the totals of these agencies and plans in the write transaction ``tx``."""
    agencies, plans = sorted(set(agency_ids)), sorted(set(plan_ids))
    if agencies:
        tx.run(query("refresh_agency_totals"), ids=agencies).consume()
    if plans:
        tx.run(query("refresh_plan_totals"), ids=plans, categories=list(ORPHAN_CATEGORIES)).consume()


def ensure(driver, database: str) -> int:
    """Fill missing totals (a database from before they were kept), in transactions of ``BATCH``.
    Returns the number of plans filled (0: nothing to do, one cheap read)."""
    state = driver.execute_query(query("read_store_totals"), database_=database).records[0]
    if not state["kept"] and state["plans"]:  # plans counted before the sums were kept
        driver.execute_query(query("rebuild_store_totals"), {"width": len(FLAG_COLS)}, database_=database)
    filled = 0
    while True:
        ids = [r["id"] for r in driver.execute_query(query("read_plans_without_totals"), {"batch": BATCH},
                                                     database_=database).records]
        if not ids:
            break
        with driver.session(database=database) as session:
            session.execute_write(lambda tx: refresh(tx, [], ids))
        filled += len(ids)
    searched = driver.execute_query(query("read_agency_search_state"),
                                    database_=database).records[0]["version"] == SEARCH_VERSION
    if filled or not searched:
        while driver.execute_query(query("rebuild_agency_totals"), {"batch": BATCH},
                                   database_=database).records[0]["done"]:
            pass
    if not searched:
        with driver.session(database=database) as session:
            session.execute_write(lambda tx: mark_search(tx.run))
    return filled


def mark_search(run) -> None:
    """Record that every agency has its search text (``run``: a transaction or session's ``run``)."""
    run(query("mark_agency_search"), version=SEARCH_VERSION).consume()
