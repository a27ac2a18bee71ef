"""/agencies, /jurisdictions, /functions over HTTP on both stores."""

from __future__ import annotations


def test_filter_agencies_by_jurisdiction_id_or_name(client):
    by_id = client.get("/agencies", params={"jurisdiction": "j-c1"}).json()
    by_name = client.get("/agencies", params={"jurisdiction": "城市c1"}).json()
    assert by_id["total"] == by_name["total"] == 4
    assert [a["id"] for a in by_id["items"]] == ["a-c1-0", "a-c1-1", "a-c1-2", "a-c1-3"]
    assert {a["jurisdiction"] for a in by_id["items"]} == {"城市c1"}


def test_filter_agencies_by_function_and_name(client):
    quality = client.get("/agencies", params={"function": "quality"}).json()
    assert sorted(a["id"] for a in quality["items"]) == ["a-c1-1", "a-c2-1"]
    found = client.get("/agencies", params={"q": "市局3", "jurisdiction": "j-c2"}).json()
    assert [a["id"] for a in found["items"]] == ["a-c2-3"]


def test_bad_agency_filters_name_the_known_values(client):
    r = client.get("/agencies", params={"jurisdiction": "火星"})
    assert r.status_code == 422
    msg = r.json()["error"]["message"]
    assert "火星" in msg and "城市c1" in msg
    r = client.get("/agencies", params={"function": "magic"})
    assert r.status_code == 422 and "quality" in r.json()["error"]["message"]


def test_agency_duties_led_and_supported(client):
    body = client.get("/agencies/a-c1-2").json()
    # make_graph: task i led by agency i % 4, supported by the next two
    assert [d["task_id"] for d in body["led"]] == ["p-a-t2", "p-a-t6"]
    assert [d["task_id"] for d in body["supported"]] == ["p-a-t4", "p-a-t5"]
    assert {d["role"] for d in body["led"]} == {"LEADS"}
    assert client.get("/agencies/a-none").status_code == 404


def test_jurisdictions_and_functions(client):
    js = client.get("/jurisdictions").json()
    assert [j["id"] for j in js["items"]] == ["j-c1", "j-c2", "j-prov"]
    assert js["items"][0]["plans"] == 1 and js["items"][0]["agencies"] == 4
    fs = client.get("/functions").json()
    assert [f["code"] for f in fs["items"]] == ["finance", "market", "quality"]
    assert fs["items"][2]["successor"] == "market"
    r = client.get("/functions", params={"format": "csv"})
    assert r.content.decode("utf-8-sig").splitlines()[0] == "code,zh,en,successor,agencies"


def test_agency_duties_as_csv(client):
    r = client.get("/agencies/a-c1-2", params={"format": "csv"})
    lines = r.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("role,plan_id,task_id")
    assert [line.split(",")[0] for line in lines[1:]] == ["LEADS", "LEADS", "SUPPORTS", "SUPPORTS"]


# -- a JSON page is read as a page from the store ------------------------------------------------

def _whole_page(store, limit, offset, **filters) -> dict:
    """Today's answer, from the whole-store read sliced in Python (the oracle)."""
    from app import data
    from app.tables import page
    return page(data.agencies(store, filters.get("jurisdiction"), filters.get("function"), filters.get("q")),
                limit, offset)


def test_agency_pages_equal_slices_of_every_agency(client, web_store):
    cases = [{}, {"limit": 3}, {"limit": 3, "offset": 3}, {"limit": 5, "offset": 1000},
             {"jurisdiction": "城市c2", "limit": 2, "offset": 1}, {"function": "quality"},
             {"q": " 市局1 "}, {"q": "等", "limit": 2}, {"q": " "}, {"jurisdiction": "j-c1", "function": "unclassified"}]
    for params in cases:
        limit, offset = params.get("limit", 100), params.get("offset", 0)
        filters = {k: v for k, v in params.items() if k not in ("limit", "offset")}
        got = client.get("/agencies", params=params).json()
        assert got == _whole_page(web_store, limit, offset, **filters), params
    assert _whole_page(web_store, 100, 0, q="等")["total"] > 0


def test_agency_csv_still_lists_every_agency(client, web_store):
    lines = client.get("/agencies", params={"format": "csv", "limit": 1}).text.strip().splitlines()
    assert len(lines) == 1 + len(web_store.agencies())


def test_agency_json_page_does_not_read_every_agency(store, tmp_path):
    from fastapi.testclient import TestClient

    from app.main import create_app
    from support.reads import ReadLog, many_plans
    from tests_app_helpers import make_settings

    many_plans(store)
    logged = ReadLog(store)
    with TestClient(create_app(make_settings(tmp_path), store=logged)) as c:
        logged.clear()
        body = c.get("/agencies", params={"limit": 4, "offset": 2, "q": "市局"}).json()
        assert len(body["items"]) == 4 and body["total"] == len(store.agencies())
        assert logged.whole_store_reads() == []
        assert c.get("/agencies", params={"format": "csv"}).status_code == 200
        assert "agencies" in logged.whole_store_reads()  # the oracle: CSV does read every agency
