"""The embedded store's pair counts (``store.embedded_pairs``): kept through loads, replacements,
deletes and resets equal to counting every edge, and filled once for an older database."""

from __future__ import annotations

import sqlite3

import pytest

from agencynet.errors import StoreError
from store.embedded import EmbeddedStore
from store.embedded_aggregates import AGENCY_PAIRS
from support.graphs import make_graph


def counted(store) -> list[dict]:
    """The pairs counted from every edge (the self-join the kept counts replace)."""
    return store._rows(AGENCY_PAIRS.format(where=""))


def kept(store) -> list[dict]:
    return store.agency_pairs()


def test_kept_counts_follow_loads_replacements_and_deletes(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(5)])
    assert kept(store) == counted(store) != []
    assert max(p["tasks"] for p in kept(store)) > 1          # pooled over the plans of one city
    store.load(make_graph("2", city="c0", n_tasks=9, source_hash="h2", supports=3))   # a new version
    assert kept(store) == counted(store)
    store.delete_plan("p-0")
    store.delete_plan("p-4")
    assert kept(store) == counted(store) != []
    assert all(p["tasks"] > 0 for p in kept(store))
    for key in ("1", "2", "3"):
        store.delete_plan(f"p-{key}")
    assert kept(store) == [] == counted(store)
    store.load(make_graph("5"))
    store.reset()
    assert kept(store) == []
    store.close()


def test_a_database_without_pair_counts_gets_them_on_setup(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(4)])
    want = kept(store)
    store.close()
    con = sqlite3.connect(tmp_path / "agencynet.sqlite")  # as an older version left it
    con.executescript("DROP TABLE agency_pair_totals; DELETE FROM meta WHERE key = 'pairs_version';")
    con.close()
    again = EmbeddedStore(tmp_path)
    assert kept(again) == want != []
    again.close()


def test_a_failed_plan_leaves_the_pair_counts_as_they_were(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.load(make_graph("a", n_tasks=5))
    before = kept(store)
    bad = make_graph("b", n_tasks=5)
    bad.tasks[-1]["seq"] = {"not": "a number"}  # SQLite cannot bind it: the plan's savepoint rolls back
    with pytest.raises(StoreError):
        store.load(bad)
    assert kept(store) == before != []
    store.close()


def test_pair_arrays_hold_the_same_counts(tmp_path):
    store = EmbeddedStore(tmp_path)
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(5)])
    store.delete_plan("p-1")
    got = store.agency_pair_arrays()
    ids = got["ids"]
    as_rows = sorted({"source_id": min(ids[s], ids[t]), "target_id": max(ids[s], ids[t]), "tasks": int(n)}.items()
                     for s, t, n in zip(got["source"], got["target"], got["tasks"]))
    assert [dict(r) for r in as_rows] == sorted(kept(store), key=lambda r: sorted(r.items())) != []
    store.reset()
    assert len(store.agency_pair_arrays()["tasks"]) == 0
    store.close()
