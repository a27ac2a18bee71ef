"""The embedded store's totals (``store.embedded_totals``): filled once for a database
written before they existed, and kept in the same transaction as a plan's write."""

from __future__ import annotations

import sqlite3

import pytest

from agencynet.errors import StoreError
from store.embedded import EmbeddedStore
from support.graphs import make_graph


def test_a_database_without_totals_gets_them_on_setup(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(4)])
    want = (store.agency_totals(), store.plan_flags())
    assert want[0]["count"] > 0
    store.close()
    con = sqlite3.connect(tmp_path / "agencynet.sqlite")  # as an older version left it
    con.executescript("DROP TABLE agency_totals; DROP TABLE plan_flags; DELETE FROM meta WHERE key = 'totals_version';")
    con.close()
    again = EmbeddedStore(tmp_path)
    assert (again.agency_totals(), again.plan_flags()) == want
    again.close()


def test_a_failed_plan_leaves_the_totals_as_they_were(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.load(make_graph("a", n_tasks=5))
    before = (store.agency_totals(), store.plan_flags())
    bad = make_graph("b", n_tasks=5)
    bad.tasks[-1]["seq"] = {"not": "a number"}  # SQLite cannot bind it: the plan's savepoint rolls back
    with pytest.raises(StoreError):
        store.load(bad)
    assert (store.agency_totals(), store.plan_flags()) == before
    store.close()
