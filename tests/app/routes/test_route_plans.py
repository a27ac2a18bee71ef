"""/plans over HTTP on both stores: list, pagination, one plan, tasks, CSV, 404/422."""

from __future__ import annotations

import csv
import io


def test_list_plans_is_paged_in_id_order(client):
    r = client.get("/plans", params={"limit": 1})
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == 2 and body["limit"] == 1 and body["offset"] == 0
    assert [p["id"] for p in body["items"]] == ["p-a"]
    second = client.get("/plans", params={"limit": 1, "offset": 1}).json()
    assert [p["id"] for p in second["items"]] == ["p-b"]
    past = client.get("/plans", params={"offset": 5}).json()
    assert past["items"] == [] and past["total"] == 2


def test_one_plan_has_orphan_counts_and_totals(client):
    body = client.get("/plans/p-a").json()
    assert body["title"] == "计划a" and body["task_count"] == 6
    assert body["orphans"] == {"unassigned": 1}
    assert body["agencies"] == 4
    assert "text" not in body


def test_plan_tasks_carry_lead_and_support_names(client):
    body = client.get("/plans/p-a/tasks").json()
    assert body["total"] == 6
    t3 = body["items"][2]
    assert t3["seq"] == 3 and t3["leads"] == ["市局3"]
    assert t3["supports"] == ["市局0", "市局1"] and t3["collectives"] == ["各有关单位"]
    assert body["items"][0]["orphan"] == "unassigned" and body["items"][0]["leads"] == []


def test_plan_tasks_as_csv_by_query_and_by_accept(client):
    r = client.get("/plans/p-a/tasks", params={"format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == 6 and rows[2]["leads"] == "市局3" and rows[2]["supports"] == "市局0、市局1"
    r2 = client.get("/plans", headers={"Accept": "text/csv"})
    assert r2.headers["content-type"].startswith("text/csv")
    assert r2.content.decode("utf-8-sig").splitlines()[0].startswith("id,file,title")


def test_unknown_plan_is_404_in_the_error_shape(client):
    for url in ("/plans/p-nope", "/plans/p-nope/tasks"):
        r = client.get(url)
        assert r.status_code == 404
        err = r.json()["error"]
        assert err["code"] == "not_found" and "p-nope" in err["message"]


def test_bad_paging_is_422_naming_the_parameter(client):
    r = client.get("/plans", params={"limit": 0})
    assert r.status_code == 422
    err = r.json()["error"]
    assert err["code"] == "bad_parameter" and "limit" in err["message"]
    r = client.get("/plans", params={"offset": "x"})
    assert r.status_code == 422 and "offset" in r.json()["error"]["message"]
    r = client.get("/plans", params={"format": "xml"})
    assert r.status_code == 422 and "format" in r.json()["error"]["message"]


def test_plan_pages_equal_slices_of_every_plan(client, web_store):
    from app import data
    from app.tables import page
    plans = data.plans(web_store)
    assert len(plans) >= 2
    for limit, offset in ((50, 0), (1, 0), (1, 1), (2, len(plans) - 1), (5, 1000)):
        got = client.get("/plans", params={"limit": limit, "offset": offset}).json()
        assert got == page(plans, limit, offset), (limit, offset)
    lines = client.get("/plans", params={"format": "csv", "limit": 1}).text.strip().splitlines()
    assert len(lines) == 1 + len(plans)


def test_plan_json_page_does_not_read_every_plan(store, tmp_path):
    from fastapi.testclient import TestClient

    from app.main import create_app
    from support.reads import ReadLog, many_plans
    from tests_app_helpers import make_settings

    many_plans(store)
    logged = ReadLog(store)
    with TestClient(create_app(make_settings(tmp_path), store=logged)) as c:
        logged.clear()
        body = c.get("/plans", params={"limit": 5, "offset": 3}).json()
        assert [p["id"] for p in body["items"]] == ["p-11", "p-2", "p-3", "p-4", "p-5"]  # id (text) order
        assert body["total"] == 12
        assert logged.whole_store_reads() == []
        assert c.get("/plans", params={"format": "csv"}).status_code == 200
        assert "plans" in logged.whole_store_reads()
