"""The embedded default store: one SQLite file (``agencynet.sqlite``) in a data directory.

No server needed. Each plan is written in one SQLite transaction (WAL journal),
so a load is all or nothing and a crash mid-write leaves the previous state.
Reads are SQL and return the row shapes documented in ``store.base``.

Examples
--------
>>> import tempfile
>>> store = EmbeddedStore(tempfile.mkdtemp())
>>> store.counts()["Plan"]
0
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
from contextlib import contextmanager
from pathlib import Path

from agencynet.errors import StoreError, StoreUnavailable
from loaders.records import PlanGraph
from store import embedded_schema as sql
from store import embedded_pairs, embedded_totals
from store.base import LoadResult, SingleLoad
from store.embedded_aggregates import EmbeddedAggregates
from store.embedded_reads import EmbeddedReads
from store.rows import (AGENCY_KEYS, COLLECTIVE_KEYS, FUNCTION_KEYS, JURISDICTION_KEYS, PLAN_KEYS,
                        TASK_KEYS, CHUNK_ROWS, check_graph, chunks, unique_by,
                        unique_edges)

FILENAME = "agencynet.sqlite"
_UNAVAILABLE = ("unable to open", "readonly", "disk is full", "disk i/o", "locked", "not a database")


def _upsert(table: str, keys: tuple[str, ...], pk: str) -> str:
    cols = ", ".join(keys)
    marks = ", ".join("?" for _ in keys)
    updates = ", ".join(f"{k} = excluded.{k}" for k in keys if k != pk)
    return f"INSERT INTO {table} ({cols}) VALUES ({marks}) ON CONFLICT({pk}) DO UPDATE SET {updates}"


def _insert(table: str, keys: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(keys)}) VALUES ({', '.join('?' for _ in keys)})"


class EmbeddedStore(SingleLoad, EmbeddedReads, EmbeddedAggregates):
    """``GraphStore`` on SQLite in ``data_dir`` (created if missing).

    Parameters
    ----------
    data_dir : path-like
        Directory holding ``agencynet.sqlite``.

    Raises
    ------
    StoreUnavailable
        The directory cannot be created or the file cannot be opened or written
        (the message names the path and the cause).
    """

    kind = "embedded"

    def __init__(self, data_dir):
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / FILENAME
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreUnavailable(str(self.data_dir), exc.strerror or str(exc)) from None
        self.setup()

    # -- connections and errors ---------------------------------------------------------

    def _con(self) -> sqlite3.Connection:
        con = getattr(self._local, "con", None)
        if con is None:
            try:
                con = sqlite3.connect(self.path, timeout=60, isolation_level=None, check_same_thread=False)
                con.execute("PRAGMA journal_mode = WAL")
                con.execute("PRAGMA synchronous = NORMAL")
            except sqlite3.Error as exc:
                raise self._error(exc) from None
            self._local.con = con
            with self._lock:
                self._connections.append(con)
        return con

    def _error(self, exc: Exception) -> StoreError:
        text = str(exc)
        if isinstance(exc, sqlite3.OperationalError) and any(s in text.lower() for s in _UNAVAILABLE):
            why = self._diagnose()
            return StoreUnavailable(str(self.path), f"{text} ({why})" if why else text)
        return StoreError(f"embedded store {self.path}: {text}")

    def _diagnose(self) -> str | None:
        """Why SQLite cannot write here, in words a person can act on (or None)."""
        try:
            if os.statvfs(self.data_dir).f_flag & os.ST_RDONLY:
                return f"the filesystem holding {self.data_dir} is mounted read-only"
            if not os.access(self.data_dir, os.W_OK):
                return f"{self.data_dir} is not writable (permission denied)"
            if self.path.exists() and not os.access(self.path, os.W_OK):
                return f"{self.path.name} is read-only"
            if shutil.disk_usage(self.data_dir).free == 0:
                return "no space left on the device"
        except OSError:
            return None
        return None

    @contextmanager
    def _write(self):
        """One IMMEDIATE transaction (writers queue on SQLite's lock): commit or roll back."""
        con = self._con()
        try:
            con.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise self._error(exc) from None
        try:
            yield con
            con.execute("COMMIT")
        except BaseException as exc:
            if con.in_transaction:
                con.execute("ROLLBACK")
            if isinstance(exc, (sqlite3.Error, ValueError, TypeError, OverflowError)):
                raise self._error(exc) from None
            raise

    def _rows(self, query: str, params=()) -> list[dict]:
        try:
            cur = self._con().execute(query, params)
            names = [d[0] for d in cur.description]
            return [dict(zip(names, row)) for row in cur.fetchall()]
        except sqlite3.Error as exc:
            raise self._error(exc) from None

    # -- schema and writes ----------------------------------------------------------------

    def setup(self) -> None:
        """Create tables and indexes (idempotent)."""
        with self._write() as con:
            for statement in sql.SCHEMA.split(";"):
                if statement.strip():
                    con.execute(statement)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(sql.SCHEMA_VERSION),))
            embedded_totals.ensure(con)
            embedded_pairs.ensure(con)

    def load_many(self, graphs: list[PlanGraph]) -> list[LoadResult]:
        """Bulk load; one transaction per ``store.rows.CHUNK_ROWS`` rows, a savepoint per plan.

        A plan that cannot be written is rolled back to its savepoint and comes back
        ``failed``; the others load. A full or unwritable disk raises ``StoreUnavailable``.
        """
        results = []
        for chunk in chunks(graphs, limit=4 * CHUNK_ROWS):
            with self._write() as con:
                results += [self._load_one(con, graph) for graph in chunk]
                embedded_totals.refresh_graphs(con, chunk)
        return results

    def _load_one(self, con: sqlite3.Connection, graph: PlanGraph) -> LoadResult:
        try:
            check_graph(graph)
        except StoreError as exc:
            return LoadResult(str(graph.plan.get("id", "?")), "failed", 0, 0, error=str(exc))
        plan, edges = graph.plan, unique_edges(graph.edges)
        con.execute("SAVEPOINT plan")
        try:
            old = con.execute("SELECT source_hash FROM plans WHERE id = ?", (plan["id"],)).fetchone()
            if old and old[0] == plan["source_hash"]:
                status = "unchanged"
            else:
                if old:
                    self._delete(con, plan["id"])
                self._write_rows(con, graph, edges)
                status = "replaced" if old else "loaded"
            con.execute("RELEASE plan")
        except (sqlite3.Error, ValueError, TypeError, OverflowError) as exc:
            if con.in_transaction:  # SQLite may already have rolled back (e.g. disk full)
                con.execute("ROLLBACK TO plan")
                con.execute("RELEASE plan")
            error = self._error(exc)
            if isinstance(error, StoreUnavailable):
                raise error from None
            return LoadResult(plan["id"], "failed", 0, 0, error=f"plan {plan['id']}: {error}")
        return LoadResult(plan["id"], status, len(graph.tasks), len(edges))

    def _write_rows(self, con: sqlite3.Connection, graph: PlanGraph, edges: list[dict]) -> None:
        def many(query, rows, keys):
            con.executemany(query, ([row[k] for k in keys] for row in rows))

        many(_upsert("jurisdictions", JURISDICTION_KEYS, "id"), unique_by(graph.jurisdictions, "id"), JURISDICTION_KEYS)
        many(_upsert("functions", FUNCTION_KEYS, "code"), unique_by(graph.functions, "code"), FUNCTION_KEYS)
        many(_upsert("agencies", AGENCY_KEYS, "id"), unique_by(graph.agencies, "id"), AGENCY_KEYS)
        many(_upsert("collectives", COLLECTIVE_KEYS, "id"), unique_by(graph.collectives, "id"), COLLECTIVE_KEYS)
        plan = dict(graph.plan, warnings=json.dumps(list(graph.plan["warnings"] or []), ensure_ascii=False))
        con.execute(_insert("plans", PLAN_KEYS), [plan[k] for k in PLAN_KEYS])
        con.execute("INSERT INTO plan_texts VALUES (?, ?)", (plan["id"], plan["text"]))
        many(_insert("tasks", TASK_KEYS), graph.tasks, TASK_KEYS)
        plan_id = plan["id"]
        con.executemany(
            "INSERT INTO edges (source_id, task_id, plan_id, type, mention, position) VALUES (?, ?, ?, ?, ?, ?)",
            ((e["source_id"], e["task_id"], plan_id, e["type"], e["mention"], e["position"]) for e in edges))
        embedded_pairs.add(con, plan_id, 1)

    def _delete(self, con: sqlite3.Connection, plan_id: str) -> bool:
        """Remove a plan and whatever it alone used, inside the caller's transaction."""
        row = con.execute("SELECT jurisdiction_id FROM plans WHERE id = ?", (plan_id,)).fetchone()
        if row is None:
            return False
        sources = [r[0] for r in con.execute("SELECT DISTINCT source_id FROM edges WHERE plan_id = ?", (plan_id,))]
        embedded_pairs.add(con, plan_id, -1)
        for statement in ("DELETE FROM edges WHERE plan_id = ?", "DELETE FROM tasks WHERE plan_id = ?",
                          "DELETE FROM plan_texts WHERE plan_id = ?", "DELETE FROM plans WHERE id = ?"):
            con.execute(statement, (plan_id,))
        places = {row[0]}
        for source in sources:
            if con.execute("SELECT 1 FROM edges WHERE source_id = ? LIMIT 1", (source,)).fetchone():
                continue
            for table in ("agencies", "collectives"):
                found = con.execute(f"SELECT jurisdiction_id FROM {table} WHERE id = ?", (source,)).fetchone()
                if found:
                    places.add(found[0])
                    con.execute(f"DELETE FROM {table} WHERE id = ?", (source,))
        self._prune_jurisdictions(con, places - {None})
        embedded_totals.refresh(con, sources, [plan_id])
        return True

    @staticmethod
    def _prune_jurisdictions(con: sqlite3.Connection, ids: set[str]) -> None:
        """Delete the given jurisdictions, then their parents, while nothing refers to them."""
        while ids:
            parents = set()
            for jid in sorted(ids):
                used = con.execute(
                    "SELECT EXISTS (SELECT 1 FROM plans WHERE jurisdiction_id = ?1)"
                    " OR EXISTS (SELECT 1 FROM agencies WHERE jurisdiction_id = ?1)"
                    " OR EXISTS (SELECT 1 FROM collectives WHERE jurisdiction_id = ?1)"
                    " OR EXISTS (SELECT 1 FROM jurisdictions WHERE parent_id = ?1)", (jid,)).fetchone()[0]
                if not used:
                    parent = con.execute("DELETE FROM jurisdictions WHERE id = ? RETURNING parent_id", (jid,)).fetchone()
                    if parent and parent[0]:
                        parents.add(parent[0])
            ids = parents

    def delete_plan(self, plan_id: str) -> bool:
        """Remove a plan, its tasks and edges, and agencies/collectives/jurisdictions left unused."""
        with self._write() as con:
            return self._delete(con, plan_id)

    def reset(self) -> None:
        """Empty every table (the schema stays)."""
        with self._write() as con:
            for table in sql.TABLES:
                con.execute(f"DELETE FROM {table}")

    def close(self) -> None:
        """Close every connection this store opened (in any thread)."""
        with self._lock:
            for con in self._connections:
                con.close()
            self._connections.clear()
        self._local = threading.local()
