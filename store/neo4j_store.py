"""The Neo4j store: the graph in Neo4j over Bolt, through the official driver.

The driver is created once per process (``store.make_driver``) and passed in.
Every statement is a named ``cypher/*.cypher`` file with ``$parameters``. A plan
is written in one managed transaction (``session.execute_write``), rows in
``UNWIND $rows`` batches of ``store.rows.BATCH_SIZE``: all or nothing. Reads are
routed as reads. Driver errors come out as ``StoreUnavailable`` (server down,
credentials refused: the message names the URI and the cause) or ``StoreError``.
"""

from __future__ import annotations

from contextlib import contextmanager

from neo4j import Driver, RoutingControl
from neo4j.exceptions import (AuthError, ConstraintError, DriverError, Neo4jError, ServiceUnavailable,
                              SessionExpired, TransientError)

from agencynet.errors import StoreError, StoreUnavailable
from loaders.records import PlanGraph
from store.base import LoadResult
from store.cypher import query, statements
from store.rows import (AGENCY_KEYS, COLLECTIVE_KEYS, FUNCTION_KEYS, JURISDICTION_KEYS, PLAN_KEYS, TASK_KEYS,
                        batches, check_graph, project, unique_by, unique_edges)

#: Load steps in order: (cypher file, PlanGraph attribute or edge type, row keys).
_NODE_STEPS = (
    ("load_jurisdictions", "jurisdictions", JURISDICTION_KEYS, "id"),
    ("load_part_of", "jurisdictions", ("id", "parent_id"), "id"),
    ("load_functions", "functions", FUNCTION_KEYS, "code"),
    ("load_succeeded_by", "functions", ("code", "successor"), "code"),
    ("load_agencies", "agencies", AGENCY_KEYS, "id"),
    ("load_collectives", "collectives", COLLECTIVE_KEYS, "id"),
)
_EDGE_STEPS = (("load_leads", "LEADS"), ("load_supports", "SUPPORTS"), ("load_named_on", "NAMED_ON"))
_CONFLICT_RETRIES = 5


def _cause(exc: Exception) -> str:
    text = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return text.splitlines()[0] if text else type(exc).__name__


class Neo4jStore:
    """``GraphStore`` on Neo4j.

    Parameters
    ----------
    driver : neo4j.Driver
        The process's one driver (not closed by ``close()``: its owner closes it).
    database : str
        Database name, e.g. ``"neo4j"``.
    uri : str, optional
        Shown in error messages; defaults to the driver's address.
    """

    kind = "neo4j"

    def __init__(self, driver: Driver, database: str = "neo4j", uri: str | None = None):
        self.driver = driver
        self.database = database
        self.uri = uri or _driver_address(driver)

    # -- errors ---------------------------------------------------------------------------

    @contextmanager
    def _errors(self):
        try:
            yield
        except AuthError as exc:
            raise StoreUnavailable(self.uri, f"credentials refused ({_cause(exc)})") from None
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreUnavailable(self.uri, _cause(exc)) from None
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
        return [dict(r["row"]) for r in self._read(name, **params)]

    # -- schema and writes ----------------------------------------------------------------

    def setup(self) -> None:
        """Create constraints and indexes (``cypher/schema.cypher``) and wait for them."""
        with self._errors():
            for statement in statements("schema"):
                self.driver.execute_query(statement, database_=self.database)
            self.driver.execute_query(query("await_indexes"), {"seconds": 300}, database_=self.database)

    def load(self, graph: PlanGraph) -> LoadResult:
        """Write one plan in one transaction; see ``GraphStore.load``."""
        check_graph(graph)
        edges = unique_edges(graph.edges)
        for attempt in range(_CONFLICT_RETRIES):
            with self._errors():
                try:
                    with self.driver.session(database=self.database) as session:
                        status = session.execute_write(self._load_tx, graph, edges)
                    return LoadResult(graph.plan["id"], status, len(graph.tasks), len(edges))
                except (ConstraintError, TransientError):
                    # Two loads of one plan racing on a unique constraint: the loser retries and
                    # then finds the winner's version (unchanged) or replaces it.
                    if attempt == _CONFLICT_RETRIES - 1:
                        raise
        raise AssertionError("unreachable")

    def _load_tx(self, tx, graph: PlanGraph, edges: list[dict]) -> str:
        plan = graph.plan
        old = tx.run(query("load_begin"), id=plan["id"]).single()["hash"]
        if old == plan["source_hash"]:
            return "unchanged"
        if old is not None:
            self._clear(tx, plan["id"])
        for name, attr, keys, key in _NODE_STEPS:
            self._batched(tx, name, [project(r, keys) for r in unique_by(getattr(graph, attr), key)])
        plan_row = project(plan, PLAN_KEYS + ("text",))
        plan_row["warnings"] = list(plan_row["warnings"] or [])
        tx.run(query("load_plan"), plan=plan_row).consume()
        self._batched(tx, "load_tasks", [project(t, TASK_KEYS) for t in graph.tasks])
        for name, kind in _EDGE_STEPS:
            self._batched(tx, name, [e for e in edges if e["type"] == kind])
        return "replaced" if old is not None else "loaded"

    @staticmethod
    def _batched(tx, name: str, rows: list[dict]) -> None:
        text = query(name)
        for batch in batches(rows):
            tx.run(text, rows=batch).consume()

    @staticmethod
    def _clear(tx, plan_id: str) -> bool:
        """Remove a plan's tasks and edges and prune what they alone used (in ``tx``)."""
        record = tx.run(query("clear_plan"), id=plan_id).single()
        if record is None:
            return False
        places = {record["place"]}
        if record["sources"]:
            places |= set(tx.run(query("prune_sources"), ids=record["sources"]).single()["places"])
        ids = sorted(p for p in places if p is not None)
        while ids:
            ids = sorted(tx.run(query("prune_jurisdictions"), ids=ids).single()["parents"])
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
        """Delete every node and relationship (in chunks); constraints stay."""
        with self._errors(), self.driver.session(database=self.database) as session:
            session.run(query("reset")).consume()

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
        return self._rows("read_plans")

    def plan(self, plan_id: str) -> dict | None:
        rows = self._rows("read_plan", id=plan_id)
        return rows[0] if rows else None

    def plan_text(self, plan_id: str) -> str | None:
        records = self._read("read_plan_text", id=plan_id)
        return records[0]["text"] if records else None

    def tasks(self, plan_id: str | None = None) -> list[dict]:
        if plan_id is None:
            return self._rows("read_tasks")
        return self._rows("read_plan_tasks", plan_id=plan_id)

    def task(self, task_id: str) -> dict | None:
        rows = self._rows("read_task", id=task_id)
        return rows[0] if rows else None

    def agencies(self) -> list[dict]:
        return [_sorted_aliases(r) for r in self._rows("read_agencies")]

    def agency(self, agency_id: str) -> dict | None:
        rows = self._rows("read_agency", id=agency_id)
        return _sorted_aliases(rows[0]) if rows else None

    def collectives(self) -> list[dict]:
        return self._rows("read_collectives")

    def jurisdictions(self) -> list[dict]:
        return self._rows("read_jurisdictions")

    def functions(self) -> list[dict]:
        return self._rows("read_functions")

    def edges(self, plan_ids: list[str] | None = None) -> list[dict]:
        if plan_ids is None:
            return self._rows("read_edges")
        return self._rows("read_plan_edges", plan_ids=list(plan_ids))

    def close(self) -> None:
        """Nothing to release: the driver belongs to whoever created it."""


def _sorted_aliases(row: dict) -> dict:
    row["aliases"] = sorted(row["aliases"])
    return row


def _driver_address(driver: Driver) -> str:
    try:
        address = driver._pool.address  # noqa: SLF001 (only for messages)
        return f"bolt://{address.host}:{address.port}"
    except AttributeError:
        return "neo4j"
