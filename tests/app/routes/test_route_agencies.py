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
