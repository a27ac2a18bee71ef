"""/analytics over HTTP on both stores: JSON by default, CSV on request, filters, 422s."""

from __future__ import annotations

import csv
import sys
import io

import pytest

MEASURES = ["ranking", "centrality", "overload", "orphans", "compare"]


@pytest.mark.parametrize("measure", MEASURES)
def test_measure_json_and_csv_agree(client, measure):
    body = client.get(f"/analytics/{measure}").json()
    assert body["total"] == len(body["rows"]) and body["columns"]
    r = client.get(f"/analytics/{measure}", headers={"Accept": "text/csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert len(rows) == body["total"] and list(rows[0]) == body["columns"]
    assert client.get(f"/analytics/{measure}", params={"format": "csv"}).content == r.content


def test_ranking_counts_by_hand(client):
    # make_graph: task i led by agency i % 4, supported by the next two; task 1 unassigned
    body = client.get("/analytics/ranking", params={"plan": "p-a"}).json()
    by_id = {r["agency_id"]: r for r in body["rows"]}
    assert (by_id["a-c1-2"]["leads"], by_id["a-c1-2"]["supports"]) == (2, 2)
    assert (by_id["a-c1-1"]["leads"], by_id["a-c1-1"]["supports"]) == (1, 2)
    assert body["filters"]["plan"] == "p-a"
    paged = client.get("/analytics/ranking", params={"limit": 2, "offset": 1}).json()
    assert len(paged["rows"]) == 2 and paged["total"] == body["total"] + 4


def test_filters_narrow_and_bad_filters_are_422(client):
    only = client.get("/analytics/orphans", params={"category": "unassigned", "jurisdiction": "城市c2"}).json()
    assert [r["task_id"] for r in only["rows"]] == ["p-b-t1"]
    r = client.get("/analytics/ranking", params={"jurisdiction": "nowhere"})
    assert r.status_code == 422 and "nowhere" in r.json()["error"]["message"]
    r = client.get("/analytics/centrality", params={"graph": "star"})
    assert r.status_code == 422 and "graph" in r.json()["error"]["message"]
    r = client.get("/analytics/overload", params={"min_leads": 0})
    assert r.status_code == 422 and "min_leads" in r.json()["error"]["message"]


def test_overload_states_its_rule_and_compare_its_parts(client):
    body = client.get("/analytics/overload", params={"share": 0.3, "require": 1}).json()
    assert body["notes"]["rule"]["share"] == 0.3 and body["notes"]["rule"]["require"] == 1
    cmp = client.get("/analytics/compare", params={"jurisdiction": ["j-c1", "j-c2"], "part": "matrix"}).json()
    assert set(cmp["notes"]["tables"]) == {"matrix", "metrics", "similarity", "differences"}
    assert cmp["rows"] == cmp["notes"]["tables"]["matrix"]
    assert cmp["notes"]["totals"]["matrix"] == cmp["total"] == len(cmp["rows"]) > 1


def test_compare_notes_hold_the_first_rows_of_each_part_and_their_counts(client):
    whole = client.get("/analytics/compare", params={"by": "plan", "part": "metrics"}).json()
    cut = client.get("/analytics/compare", params={"by": "plan", "part": "metrics", "limit": 1}).json()
    assert cut["notes"]["totals"] == whole["notes"]["totals"] and whole["notes"]["totals"]["metrics"] > 1
    for part, rows in whole["notes"]["tables"].items():
        assert len(rows) == whole["notes"]["totals"][part]
        assert cut["notes"]["tables"][part] == rows[:1]


def test_overload_notes_the_concentration_of_the_plans_on_its_page(client):
    whole = client.get("/analytics/overload", params={"min_leads": 1, "limit": 100000}).json()
    plans = {r["plan_id"] for r in whole["rows"]}
    assert len(plans) > 1 and {c["plan_id"] for c in whole["notes"]["concentration"]} >= plans
    page = client.get("/analytics/overload", params={"min_leads": 1, "limit": 1}).json()
    assert [c["plan_id"] for c in page["notes"]["concentration"]] == [page["rows"][0]["plan_id"]]
    assert page["notes"]["concentration"][0] == next(c for c in whole["notes"]["concentration"]
                                                     if c["plan_id"] == page["rows"][0]["plan_id"])


def test_overload_over_many_plans_is_paged_a_batch_at_a_time(client, monkeypatch):
    """Above ``BATCH_PLANS`` plans the rows are worked out a batch of plans at a time: the
    pages and totals are those of the answer read at once."""
    from queries import batches

    at_once = [client.get("/analytics/overload", params={"limit": 2, "offset": k, "min_leads": 1}).json()
               for k in (0, 1, 3)]
    monkeypatch.setattr(batches, "BATCH_PLANS", 1)
    batched = [client.get("/analytics/overload", params={"limit": 2, "offset": k, "min_leads": 1}).json()
               for k in (0, 1, 3)]
    assert batched == at_once and at_once[0]["total"] > 3


@pytest.mark.parametrize("path,params", [("/analytics/ranking", {}), ("/analytics/orphans", {}),
                                         ("/analytics/orphans", {"summary": True}),
                                         ("/analytics/orphans", {"category": ["unassigned", "open_list"]}),
                                         ("/analytics/ranking", {"by": "function"}),
                                         ("/analytics/overload", {"min_leads": 1, "require": 1})])
def test_pages_are_slices_of_the_whole_answer(client, path, params):
    """Ranking, orphans and overload read only the page asked for; its rows and total are the whole answer's."""
    whole = client.get(path, params={**params, "limit": 100000}).json()
    assert whole["total"] == len(whole["rows"]) > 1
    for offset, limit in ((0, 1), (1, 2), (whole["total"] - 1, 5), (whole["total"] + 3, 2)):
        page = client.get(path, params={**params, "limit": limit, "offset": offset}).json()
        assert page["rows"] == whole["rows"][offset:offset + limit] and page["total"] == whole["total"]


def test_a_pooled_graph_of_too_many_plans_is_a_422_naming_the_way_round(client, monkeypatch):
    monkeypatch.setattr(sys.modules["queries.centrality"], "MAX_POOLED_PLANS", 1)
    r = client.get("/analytics/centrality")
    assert r.status_code == 422 and "graph=co_responsibility" in r.json()["error"]["message"]
    assert client.get("/analytics/centrality", params={"graph": "co_responsibility"}).status_code == 200
    assert client.get("/analytics/centrality", params={"per_plan": True}).status_code == 200
