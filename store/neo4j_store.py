"""The Neo4j store: the graph in Neo4j over Bolt, through the official driver.

The driver is created once per process (``store.make_driver``) and passed in.
Every statement is a named ``cypher/*.cypher`` file with ``$parameters``. Plans are
written in managed transactions (``session.execute_write``) of about
``store.neo4j_load.CHUNK_ROWS`` task+edge rows, two statements each (``load_nodes``,
then ``load_tasks`` with every task's edges nested): all or nothing. Reads are
routed as reads. Driver errors come out as ``StoreUnavailable`` (server down,
credentials refused: the message names the URI and the cause) or ``StoreError``.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from neo4j import Driver, RoutingControl
from neo4j.exceptions import (AuthError, ConstraintError, DriverError, Neo4jError, ServiceUnavailable,
                              SessionExpired, TransientError)

from agencynet.errors import StoreError, StoreUnavailable
from loaders.records import PlanGraph
from store import connect_cause, neo4j_pairs, neo4j_totals
from store.base import LoadResult, SingleLoad
from store.cypher import query, statements
from store.neo4j_aggregates import Neo4jAggregates
from store.neo4j_pages import Neo4jPages
from store.neo4j_load import CHUNK_ROWS, Chunk, Item, node_params, prepare
from store.rows import chunks

_CONFLICT_RETRIES = 5


def _cause(exc: Exception) -> str:
    text = (exc.message if isinstance(exc, Neo4jError) else None) or str(exc) or type(exc).__name__
    return text.splitlines()[0] if text else type(exc).__name__


class Neo4jStore(SingleLoad, Neo4jAggregates, Neo4jPages):
    """``GraphStore`` on Neo4j.

    Parameters
    ----------
    driver : neo4j.Driver
        The process's one driver (not closed by ``close()``: its owner closes it).
    database : str
        Database name, e.g. ``"neo4j"``.
    uri : str, optional
        Shown in error messages; defaults to the driver's address.
    chunk_rows : int, optional
        Task+edge rows a ``load_many`` transaction holds, about (default
        ``store.neo4j_load.CHUNK_ROWS``; a plan is never split).
    """

    kind = "neo4j"

    def __init__(self, driver: Driver, database: str = "neo4j", uri: str | None = None,
                 chunk_rows: int = CHUNK_ROWS):
        self.driver = driver
        self.database = database
        self.uri = uri or _driver_address(driver)
        self.chunk_rows = chunk_rows

    # -- errors ---------------------------------------------------------------------------

    @contextmanager
    def _errors(self):
        try:
            yield
        except AuthError as exc:
            raise StoreUnavailable(self.uri, f"credentials refused ({_cause(exc)})") from None
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreUnavailable(self.uri, connect_cause(exc)) from None
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"Neo4j at {self.uri}: {_cause(exc)}") from None
        except (TypeError, ValueError) as exc:  # a value the driver cannot send
            raise StoreError(f"Neo4j at {self.uri}: {exc}") from None

    def _read(self, name: str, **params) -> list:
        with self._errors():
            records, _, _ = self.driver.execute_query(
                query(name), params, database_=self.database, routing_=RoutingControl.READ)
        return records

    def _rows(self, name: str, **params) -> list[dict]:
        """Rows of a query returning one ``row`` map per record (single-item reads)."""
        return [dict(r["row"]) for r in self._read(name, **params)]

    def _list(self, name: str, **params) -> list[dict]:
        """Rows of a list read: its records carry ``rows``, lists of up to 5,000 maps, in order
        (the Python driver spends ~40 µs per record, so a few large records are much faster)."""
        return [dict(row) for record in self._read(name, **params) for row in record["rows"]]

    # -- schema and writes ----------------------------------------------------------------

    def setup(self) -> None:
        """Create constraints and indexes (``cypher/schema.cypher``) and wait for them; fill kept
        totals and pair counts missing from an older database, and complete a bulk-imported one
        (``cypher/bulk_finish.cypher``)."""
        with self._errors():
            for statement in statements("schema"):
                self.driver.execute_query(statement, database_=self.database)
            self.driver.execute_query(query("await_indexes"), {"seconds": 300}, database_=self.database)
            self.driver.execute_query(query("bulk_finish"), database_=self.database)
            neo4j_totals.ensure(self.driver, self.database)
            neo4j_pairs.ensure(self.driver, self.database)

    def load_many(self, graphs: list[PlanGraph]) -> list[LoadResult]:
        """Load plans in transactions of about ``chunk_rows`` task+edge rows; see ``GraphStore.load_many``.

        The next chunk's parameters are built (``store.neo4j_load.prepare``, pure Python) in a
        worker thread while the server writes the current chunk; transactions still run one
        after another, in order, on this thread. A chunk that fails is retried one plan per
        transaction, so one bad plan comes back ``failed`` (with the reason) and the others
        still load.
        """
        results: list[LoadResult] = []
        groups = list(chunks(graphs, limit=self.chunk_rows))
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="neo4j-load-prepare") as pool:
            upcoming = pool.submit(prepare, groups[0]) if groups else None
            for index in range(len(groups)):
                chunk = upcoming.result()
                upcoming = pool.submit(prepare, groups[index + 1]) if index + 1 < len(groups) else None
                results.extend(self._load_chunk(chunk))
        return results

    def _load_chunk(self, chunk: Chunk) -> list[LoadResult]:
        good = chunk.good
        try:
            statuses = dict(zip((i.graph.plan["id"] for i in good), self._write(good, chunk.nodes)))
        except StoreUnavailable:
            raise
        except StoreError as exc:
            if len(good) == 1:
                statuses = {good[0].graph.plan["id"]: exc}
            else:
                statuses = {}
                for item in good:
                    try:
                        statuses[item.graph.plan["id"]] = self._write([item])[0]
                    except StoreUnavailable:
                        raise
                    except StoreError as one:
                        statuses[item.graph.plan["id"]] = one
        return [_result(i.graph, i.edges, i.edges if not i.ok else statuses[i.graph.plan["id"]])
                for i in chunk.items]

    def _write(self, items: list[Item], nodes: dict | None = None) -> list[str]:
        """One managed transaction for ``items``; retried when concurrent loads collide.

        ``nodes``: the ``load_nodes`` rows of all ``items``, used when every one of them is written.
        """
        if not items:
            return []
        for attempt in range(_CONFLICT_RETRIES):
            with self._errors():
                try:
                    with self.driver.session(database=self.database) as session:
                        return session.execute_write(self._load_tx, items, nodes)
                except (ConstraintError, TransientError):
                    # Loads of one plan racing on a unique constraint: the loser retries and
                    # then finds the winner's version (unchanged) or replaces it.
                    if attempt == _CONFLICT_RETRIES - 1:
                        raise
        raise AssertionError("unreachable")

    def _load_tx(self, tx, items: list[Item], nodes: dict | None = None) -> list[str]:
        ids = [i.graph.plan["id"] for i in items]
        old = {r["id"]: r["hash"] for r in tx.run(query("load_begin"), ids=ids)}
        statuses, todo = [], []
        for item in items:
            before = old[item.graph.plan["id"]]
            if before == item.graph.plan["source_hash"]:
                statuses.append("unchanged")
                continue
            if before is not None:
                self._clear(tx, item.graph.plan["id"])
            statuses.append("replaced" if before is not None else "loaded")
            todo.append(item)
        if not todo:
            return statuses
        if nodes is None or len(todo) != len(items):  # some plans unchanged: only the others' nodes
            nodes = node_params([i.graph for i in todo])
        tx.run(query("load_nodes"), **nodes).consume()
        tx.run(query("load_tasks"), plans=[i.tasks for i in todo]).consume()
        pairs: Counter = Counter()
        for item in todo:
            pairs.update(item.pairs)
        neo4j_pairs.add(tx, pairs)
        neo4j_totals.refresh(tx, [a["id"] for i in todo for a in i.graph.agencies], [i.graph.plan["id"] for i in todo])
        return statuses

    @staticmethod
    def _clear(tx, plan_id: str) -> bool:
        """Remove a plan's tasks and edges and prune what they alone used (in ``tx``); its agency
        pair counts are taken away first (a pruned agency is then left with no pair)."""
        neo4j_pairs.subtract_plan(tx, plan_id)
        record = tx.run(query("clear_plan"), id=plan_id).single()
        if record is None:
            return False
        places = {record["place"]}
        if record["sources"]:
            places |= set(tx.run(query("prune_sources"), ids=record["sources"]).single()["places"])
        ids = sorted(p for p in places if p is not None)
        while ids:
            ids = sorted(tx.run(query("prune_jurisdictions"), ids=ids).single()["parents"])
        neo4j_totals.refresh(tx, record["sources"] or [], [plan_id])
        return True

    def delete_plan(self, plan_id: str) -> bool:
        """Remove a plan, its tasks and edges, and agencies/collectives/jurisdictions left unused."""
        def work(tx):
            if tx.run(query("read_plan_text"), id=plan_id).single() is None:
                return False
            self._clear(tx, plan_id)
            tx.run(query("delete_plan_node"), id=plan_id).consume()
            return True

        with self._errors(), self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def reset(self) -> None:
        """Delete every node and relationship (in chunks); constraints stay. The empty database's
        agency pair counts and search texts are complete (marked, so ``setup`` does not fill them again)."""
        with self._errors(), self.driver.session(database=self.database) as session:
            session.run(query("reset")).consume()
            neo4j_pairs.mark(session.run)
            neo4j_totals.mark_search(session.run)

    # -- reads ----------------------------------------------------------------------------

    def health(self) -> dict:
        base = {"store": self.kind, "where": self.uri}
        try:
            plans = self.counts()["Plan"]
        except StoreError as exc:
            return {**base, "ok": False, "plans": 0, "detail": str(exc)}
        return {**base, "ok": True, "plans": plans, "detail": f"database {self.database}"}

    def counts(self) -> dict:
        return dict(self._read("counts")[0])

    def plans(self) -> list[dict]:
        return self._list("read_plans")

    def plan(self, plan_id: str) -> dict | None:
        rows = self._rows("read_plan", id=plan_id)
        return rows[0] if rows else None

    def plan_text(self, plan_id: str) -> str | None:
        records = self._read("read_plan_text", id=plan_id)
        return records[0]["text"] if records else None

    def tasks(self, plan_id: str | None = None) -> list[dict]:
        if plan_id is None:
            return self._list("read_tasks")
        return self._list("read_plan_tasks", plan_id=plan_id)

    def tasks_of_plans(self, plan_ids: list[str]) -> list[dict]:
        """The tasks of the given plans, by plan id and seq (one read for many plans)."""
        return self._list("read_tasks_of_plans", plan_ids=list(plan_ids)) if plan_ids else []

    def task(self, task_id: str) -> dict | None:
        rows = self._rows("read_task", id=task_id)
        return rows[0] if rows else None

    def agencies(self) -> list[dict]:
        return [_sorted_aliases(r) for r in self._list("read_agencies")]

    def agency(self, agency_id: str) -> dict | None:
        rows = self._rows("read_agency", id=agency_id)
        return _sorted_aliases(rows[0]) if rows else None

    def collectives(self) -> list[dict]:
        return self._list("read_collectives")

    def jurisdictions(self) -> list[dict]:
        return self._list("read_jurisdictions")

    def functions(self) -> list[dict]:
        return self._list("read_functions")

    def edges(self, plan_ids: list[str] | None = None) -> list[dict]:
        if plan_ids is None:
            return self._list("read_edges")
        return self._list("read_plan_edges", plan_ids=list(plan_ids))

    def sources_by_id(self, ids: list[str]) -> list[dict]:
        return self._rows("read_sources_by_id", ids=list(ids)) if ids else []

    def source_edges(self, source_id: str) -> list[dict]:
        return self._list("read_source_edges", id=source_id)

    def tasks_by_id(self, ids: list[str]) -> list[dict]:
        return self._list("read_tasks_by_id", ids=list(ids)) if ids else []

    def source_facts(self, ids: list[str]) -> list[dict]:
        return self._rows("read_source_facts", ids=list(ids)) if ids else []

    def duty_counts(self, plan_ids: list[str] | None = None) -> list[dict]:
        if plan_ids is None:
            return self._list("read_duty_counts")
        return self._list("read_plan_duty_counts", plan_ids=list(plan_ids))

    def orphan_tasks(self, plan_ids: list[str] | None = None) -> list[dict]:
        if plan_ids is None:
            return self._list("read_orphan_tasks")
        return self._list("read_plan_orphan_tasks", plan_ids=list(plan_ids))

    def close(self) -> None:
        """Nothing to release: the driver belongs to whoever created it."""


def _result(graph: PlanGraph, edges, outcome) -> LoadResult:
    pid = graph.plan.get("id") if isinstance(graph.plan, dict) else None
    if isinstance(outcome, StoreError):
        return LoadResult(pid or "?", "failed", 0, 0, error=str(outcome))
    return LoadResult(pid, outcome, len(graph.tasks), len(edges))


def _sorted_aliases(row: dict) -> dict:
    row["aliases"] = sorted(row["aliases"])
    return row


def _driver_address(driver: Driver) -> str:
    try:
        address = driver._pool.address  # noqa: SLF001 (only for messages)
        return f"bolt://{address.host}:{address.port}"
    except AttributeError:
        return "neo4j"
