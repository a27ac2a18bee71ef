"""Agency pair counts the Neo4j store keeps at write time, so the pooled co-responsibility graph
(``GraphStore.agency_pairs()`` over every plan) is read, not recounted from every task.

Each pair of agencies named (LEADS / SUPPORTS) on the same task is one relationship
``(:Agency)-[:CO_RESPONSIBLE {tasks}]->(:Agency)``, the lower id at the start, ``tasks`` the
number of distinct tasks they share over every plan. A task's pairs lie in its plan, so:

- a load adds its plans' counts (``store.neo4j_load.pair_counts``, pure Python) in the load's
  transaction, after ``load_tasks`` (``add``: one ``merge_agency_pairs`` statement, no Eager);
- a plan being cleared (replaced or deleted) has its counts taken away before its edges go
  (``subtract_plan``, read from its tasks in the same transaction, ``subtract_agency_pairs``);
  pairs reaching 0 are deleted, so an agency that ``prune_sources`` then deletes has none left;
- ``reset`` empties them with everything else and marks the empty database as counted (``mark``);
- a database written before they were kept gets them counted once on ``setup`` (``ensure``; the
  ``(:PairCounts {id: "all"})`` node records the ``VERSION`` counted);
- ``pages`` reads them, a page of agencies per record.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

from store.cypher import query
from store.neo4j_load import pair_rows

VERSION = 1
#: Plans counted per transaction by ``ensure``; agencies per record read by ``pages``.
PLAN_BATCH = 1000
PAGE = 5000


def add(tx, counts: Counter, sign: int = 1) -> None:
    """Add (``sign`` 1: ``merge_agency_pairs``) or take away (-1: ``subtract_agency_pairs``, pairs
    reaching 0 deleted) pair ``counts`` ``{(lower, higher): tasks}`` in ``tx``."""
    rows = pair_rows(counts)
    if rows:
        tx.run(query("merge_agency_pairs" if sign > 0 else "subtract_agency_pairs"), pairs=rows).consume()


def plan_counts(tx, plan_ids: list[str]) -> Counter:
    """The pair counts of these plans' tasks as stored now (``read_plan_agency_pairs_members``)."""
    counts: Counter = Counter()
    for record in tx.run(query("read_plan_agency_pairs_members"), plan_ids=list(plan_ids)):
        for members in record["rows"]:
            counts.update(combinations(sorted(members), 2))
    return counts


def subtract_plan(tx, plan_id: str) -> None:
    """Take a plan's pair counts away, in ``tx``, before its edges are deleted."""
    add(tx, plan_counts(tx, [plan_id]), -1)


def mark(run) -> None:
    """Record that the database's pair counts are complete (``run``: a transaction or session's ``run``)."""
    run(query("mark_agency_pairs"), version=VERSION).consume()


def ensure(driver, database: str) -> int:
    """Count every plan's pairs once if this database has not kept them (``VERSION``), in
    transactions of ``PLAN_BATCH`` plans. Returns the plans counted (0: one cheap read)."""
    state = driver.execute_query(query("read_agency_pairs_state"), database_=database).records[0]
    if state["version"] == VERSION:
        return 0
    with driver.session(database=database) as session:
        session.run(query("drop_agency_pairs")).consume()
    counted, after = 0, ""
    while True:
        ids = driver.execute_query(query("read_pairs_plan_ids"), {"after": after, "batch": PLAN_BATCH},
                                   database_=database).records[0]["ids"]
        if not ids:
            break
        with driver.session(database=database) as session:
            session.execute_write(lambda tx: add(tx, plan_counts(tx, ids)))
        counted, after = counted + len(ids), ids[-1]
    with driver.session(database=database) as session:
        session.execute_write(lambda tx: mark(tx.run))
    return counted


def pages(read):
    """Yield ``[agency id, partner ids, tasks]`` for every agency starting a kept pair, a page of
    ``PAGE`` agencies per query (``read(name, **params)`` returns its records)."""
    after = ""
    while after is not None:
        record = read("read_agency_pairs_page", after=after, batch=PAGE)[0]
        yield from record["rows"]
        after = record["last"]


def rows(read) -> list[dict]:
    """Every kept pair as ``GraphStore.agency_pairs`` rows, ordered by (source_id, target_id)."""
    found = [(u, v, n) for u, partners, tasks in pages(read) for v, n in zip(partners, tasks)]
    found.sort()
    return [{"source_id": u, "target_id": v, "tasks": n} for u, v, n in found]


def arrays(read) -> dict:
    """Every kept pair as numbers, as ``EmbeddedStore.agency_pair_arrays``: ``ids`` (agency ids),
    ``source``, ``target`` (positions in ``ids``) and ``tasks`` (numpy arrays), in no particular order."""
    import numpy as np

    ids: list[str] = []
    position: dict[str, int] = {}
    source: list[int] = []
    target: list[int] = []
    tasks: list[int] = []
    for u, partners, counts in pages(read):
        here = position.get(u)
        if here is None:
            here = position[u] = len(ids)
            ids.append(u)
        for v in partners:
            there = position.get(v)
            if there is None:
                there = position[v] = len(ids)
                ids.append(v)
            target.append(there)
        source.extend([here] * len(partners))
        tasks.extend(counts)
    return {"ids": ids, "source": np.asarray(source, dtype=np.int64), "target": np.asarray(target, dtype=np.int64),
            "tasks": np.asarray(tasks, dtype=np.int64)}
