"""``app.data``: one plan, task or agency is read by id, and equals the whole-store answer.

The oracle is computed here from the whole-store reads (every agency, collective and edge);
``data`` gets a store that refuses those reads, so a per-id answer cannot lean on them.
"""

from __future__ import annotations

import pytest

from agencynet.errors import NotFound
from app import data
from app.views.graphs import ego_graph


class PerIdOnly:
    """A real store whose whole-store reads fail (everything else passes through)."""

    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        return getattr(self._store, name)

    def edges(self, plan_ids=None):
        assert plan_ids is not None, "edges() of the whole store"
        return self._store.edges(plan_ids)

    def tasks(self, plan_id=None):
        assert plan_id is not None, "tasks() of the whole store"
        return self._store.tasks(plan_id)

    def agencies(self):
        raise AssertionError("agencies() of the whole store")

    def collectives(self):
        raise AssertionError("collectives() of the whole store")


def _expected_tasks(store) -> dict[str, dict]:
    names = {a["id"]: a["name"] for a in store.agencies()} | {c["id"]: c["name"] for c in store.collectives()}
    out = {t["id"]: {**t, "leads": [], "supports": [], "collectives": []} for t in store.tasks()}
    key = {"LEADS": "leads", "SUPPORTS": "supports", "NAMED_ON": "collectives"}
    for e in store.edges():
        out[e["task_id"]][key[e["type"]]].append(names.get(e["source_id"], e["mention"]))
    return out


def test_tasks_and_task_read_one_plan_and_match_the_whole_store(web_store):
    expected = _expected_tasks(web_store)
    guarded = PerIdOnly(web_store)
    named = 0
    for p in web_store.plans():
        rows = data.tasks(guarded, p["id"])
        assert rows == [expected[t["id"]] for t in web_store.tasks(p["id"])]
        for row in rows:
            assert data.task(guarded, row["id"]) == row
            named += len(row["leads"]) + len(row["supports"]) + len(row["collectives"])
    assert named > 0
    assert data.tasks(web_store) == list(expected.values())
    with pytest.raises(NotFound, match="no task with id 'nope'"):
        data.task(guarded, "nope")


def test_agency_detail_and_ego_view_read_one_agency(web_store):
    tasks = {t["id"]: t for t in web_store.tasks()}
    edges = web_store.edges()
    guarded = PerIdOnly(web_store)
    checked = 0
    for a in web_store.agencies():
        detail = data.agency_detail(guarded, a["id"])
        mine = [e for e in edges if e["source_id"] == a["id"]]
        for role, key in (("LEADS", "led"), ("SUPPORTS", "supported")):
            want = sorted(((tasks[e["task_id"]]["plan_id"], tasks[e["task_id"]]["seq"], e["mention"])
                           for e in mine if e["type"] == role))
            assert [(d["plan_id"], d["seq"], d["mention"]) for d in detail[key]] == want
        ego = ego_graph(web_store, a["id"])
        assert set(ego) >= {a["id"]} | {e["task_id"] for e in mine}
        checked += bool(mine)
    assert checked > 0
