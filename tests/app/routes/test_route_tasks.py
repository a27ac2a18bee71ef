"""/tasks over HTTP on both stores."""

from __future__ import annotations

from tests_app_helpers import HOSTILE


def test_one_task_has_text_clause_span_and_names(client):
    body = client.get("/tasks/p-a-t2").json()
    assert body["heading"] == HOSTILE  # stored and returned as data, unchanged
    assert body["clause"] == "(责任单位:2)" and (body["span_start"], body["span_end"]) == (5, 12)
    assert body["leads"] == ["市局2"] and body["supports"] == ["市局3", "市局0"]


def test_tasks_filter_by_plan_and_orphan_category(client):
    all_tasks = client.get("/tasks").json()
    assert all_tasks["total"] == 11
    assert [t["id"] for t in all_tasks["items"][:2]] == ["p-a-t1", "p-a-t2"]
    only_b = client.get("/tasks", params={"plan": "p-b"}).json()
    assert only_b["total"] == 5 and {t["plan_id"] for t in only_b["items"]} == {"p-b"}
    orphaned = client.get("/tasks", params={"orphan": "unassigned"}).json()
    assert [t["id"] for t in orphaned["items"]] == ["p-a-t1", "p-b-t1"]
    led = client.get("/tasks", params={"orphan": "none"}).json()
    assert led["total"] == 9


def test_task_errors(client):
    assert client.get("/tasks/p-a-t99").status_code == 404
    r = client.get("/tasks", params={"orphan": "lost"})
    assert r.status_code == 422 and "orphan" in r.json()["error"]["message"]
    r = client.get("/tasks", params={"plan": "p-zz"})
    assert r.status_code == 404 and "p-zz" in r.json()["error"]["message"]
