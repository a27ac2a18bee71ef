"""EmbeddedStore specifics: persistence, atomicity under a real crash, unwritable and full disks."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from agencynet.errors import StoreError, StoreUnavailable
from store.embedded import FILENAME, EmbeddedStore
from support.graphs import make_graph

ROOT = Path(__file__).resolve().parents[2]


def test_data_survives_reopening(tmp_path):
    first = EmbeddedStore(tmp_path)
    first.load(make_graph("a"))
    first.close()
    again = EmbeddedStore(tmp_path)
    assert [p["id"] for p in again.plans()] == ["p-a"]
    assert again.plan_text("p-a") == "全文 a h1"
    assert (tmp_path / FILENAME).is_file()


def test_file_is_standard_sqlite(tmp_path):
    import sqlite3

    EmbeddedStore(tmp_path).load(make_graph("a", n_tasks=4))
    con = sqlite3.connect(tmp_path / FILENAME)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM tasks WHERE plan_id = 'p-a'").fetchone()[0] == 4


def test_unwritable_data_dir_names_path_and_cause(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the data directory should be")
    with pytest.raises(StoreUnavailable) as info:
        EmbeddedStore(blocker / "data")
    assert str(blocker / "data") in str(info.value)
    assert "directory" in str(info.value).lower()


def test_full_disk_gives_clear_error_and_keeps_previous_state(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.load(make_graph("a"))
    before = store.counts()
    pages = store._con().execute("PRAGMA page_count").fetchone()[0]
    store._con().execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite's own "disk full" path
    with pytest.raises(StoreUnavailable) as info:
        store.load(make_graph("big", n_tasks=3000, text="长" * 200_000))
    assert "full" in str(info.value) and str(tmp_path / FILENAME) in str(info.value)
    assert store.counts() == before
    assert store.plan("p-big") is None


CRASHER = textwrap.dedent("""
    import sys
    sys.path[:0] = [{root!r}, {tests!r}]
    from store.embedded import EmbeddedStore
    from support.graphs import make_graph
    store = EmbeddedStore({data!r})
    store.load(make_graph("a", n_tasks=5, source_hash="v1"))
    big = make_graph("a", n_tasks=60_000, source_hash="v2", n_agencies=300)
    print("writing", flush=True)
    store.load(big)
    print("finished", flush=True)
""")


def test_crash_mid_write_leaves_previous_version(tmp_path):
    code = CRASHER.format(root=str(ROOT), tests=str(ROOT / "tests"), data=str(tmp_path))
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "writing"
    wal = tmp_path / (FILENAME + "-wal")
    deadline = time.monotonic() + 30
    while wal.stat().st_size < 4_000_000 and time.monotonic() < deadline:  # pages of v2 being written
        time.sleep(0.02)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.stdout.read() == ""  # it never finished
    store = EmbeddedStore(tmp_path)
    plan = store.plan("p-a")
    assert plan["source_hash"] == "v1"
    assert len(store.tasks("p-a")) == 5
    assert store._con().execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_threads_share_one_store(tmp_path):
    store = EmbeddedStore(tmp_path)
    errors = []

    def work(key):
        try:
            store.load(make_graph(key, city=f"c{key}"))
            store.agencies()
        except Exception as exc:  # noqa: BLE001 (collected and asserted below)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(str(i),)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.counts()["Plan"] == 6
    store.close()


def test_rows_missing_a_key_are_refused(tmp_path):
    graph = make_graph("a")
    del graph.tasks[1]["heading"]
    with pytest.raises(StoreError, match="tasks row 1 lacks heading"):
        EmbeddedStore(tmp_path).load(graph)


def test_health_reports_path_and_plans(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.load(make_graph("a"))
    health = store.health()
    assert health["ok"] and health["plans"] == 1 and health["where"].endswith(FILENAME)



def test_health_reports_a_broken_database_instead_of_raising(tmp_path):
    """A store whose SQLite file turns to garbage says so in health() (ok false), naming the file."""
    store = EmbeddedStore(tmp_path)
    store.setup()
    for side in ("-wal", "-shm"):
        (tmp_path / f"{FILENAME}{side}").unlink(missing_ok=True)
    (tmp_path / FILENAME).write_bytes(b"this is not a database" * 100)
    health = {}
    worker = threading.Thread(target=lambda: health.update(store.health()))  # a fresh connection
    worker.start()
    worker.join()
    store.close()
    assert health["ok"] is False and health["plans"] == 0
    assert FILENAME in health["detail"]


@pytest.mark.parametrize("name", ["PLANS_MATCHING_NAMED", "PLANS_MATCHING_IN"])
def test_scoped_plan_lookups_search_an_index_not_every_plan(tmp_path, name):
    """plans_matching with plans or jurisdictions named starts from an index (a scan of every
    plan was most of a scoped query's time at 100k plans)."""
    import sqlite3

    from store import embedded_aggregates
    from store.embedded import EmbeddedStore

    EmbeddedStore(tmp_path).setup()
    con = sqlite3.connect(next(tmp_path.glob("*.sqlite")))
    params = {"plans": '["p"]', "jurisdictions": '["j"]', "levels": None, "years": None}
    steps = [row[3] for row in con.execute("EXPLAIN QUERY PLAN " + getattr(embedded_aggregates, name), params)]
    assert any("INDEX" in s and "plans" in s for s in steps), steps
    assert not [s for s in steps if s.startswith("SCAN plans")], steps
