"""Network view pages, their JSON twins and exports (CSV, GraphML, GEXF) on both stores."""

from __future__ import annotations

import csv
import io
import json
import re

import networkx as nx
import pytest

from tests_app_helpers import HOSTILE

VIEWS = ["/views/plan/p-a", "/views/agency/a-c1-2", "/views/co-responsibility", "/views/functions"]


def _script_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="network-data">(.*?)</script>', html, re.S)
    assert m, "network data block missing"
    return json.loads(m.group(1))


@pytest.mark.parametrize("path", VIEWS)
def test_view_page_draws_locally_with_legend(client, path):
    r = client.get(path)
    assert r.status_code == 200
    html = r.text
    assert "/vendor/vis-9.1.2/vis-network.min.js" in html and 'id="mynetwork"' in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "no resource may come from another host"
    assert "Legend" in html and 'id="select-node"' in html and 'id="filter-menu"' in html
    data = _script_data(html)
    twin = client.get(path + ".json").json()
    assert data["nodes"] == twin["nodes"] and data["edges"] == twin["edges"]
    assert all("x" in n and "y" in n for n in twin["nodes"])  # precomputed layout
    assert twin["options"]["physics"]["enabled"] is False


@pytest.mark.parametrize("path", VIEWS)
@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv"])
def test_every_view_exports(client, path, fmt):
    twin = client.get(path + ".json").json()
    r = client.get(f"{path}.{fmt}")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig"))))
        assert len(rows) == len(twin["edges"]) and {"source", "target", "type"} <= set(rows[0])
        return
    g = (nx.read_graphml if fmt == "graphml" else nx.read_gexf)(io.BytesIO(r.content))
    assert g.number_of_nodes() == len(twin["nodes"]) and g.number_of_edges() == len(twin["edges"])
    assert client.get(path, params={"format": fmt}).content == r.content


def test_plan_view_styles_leads_and_supports_apart(client):
    twin = client.get("/views/plan/p-a.json").json()
    leads = [e for e in twin["edges"] if e["type"] == "LEADS"]
    supports = [e for e in twin["edges"] if e["type"] == "SUPPORTS"]
    assert len(leads) == 5 and supports
    assert all(e["dashes"] is False for e in leads) and all(e["dashes"] is True for e in supports)
    assert {e["color"] for e in leads}.isdisjoint({e["color"] for e in supports})
    nodes = {n["id"]: n for n in twin["nodes"]}
    # node size grows with lead count: 市局2 leads two tasks, 市局3 one
    assert nodes["a-c1-2"]["size"] > nodes["a-c1-3"]["size"]
    assert nodes["a-c1-2"]["color"] != nodes["a-c1-1"]["color"]  # different functions
    codes = {c for f in twin["legend"]["families"] for c in f["codes"]}
    assert codes >= {"finance", "quality"}
    colours = {f["colour"] for f in twin["legend"]["families"]}
    assert {n["color"] for n in twin["nodes"] if n["kind"] == "agency"} <= colours


def test_tooltips_are_plain_text_with_heading_clause_and_basis(client):
    twin = client.get("/views/plan/p-a.json").json()
    tip = next(n["title"] for n in twin["nodes"] if n["id"] == "p-a-t2")
    assert HOSTILE in tip and "(责任单位:2)" in tip and "convention_first" in tip
    html = client.get("/views/plan/p-a").text
    assert "<script>alert" not in html  # inside the JSON block markup is escaped (\u003c)
    assert "\\u003cscript\\u003e" in html


def test_large_views_are_capped_and_say_so(web_store, tmp_path):
    from fastapi.testclient import TestClient

    from app.main import create_app
    from tests_app_helpers import make_settings

    with TestClient(create_app(make_settings(tmp_path, agencynet_view_max_nodes=5), store=web_store)) as c:
        twin = c.get("/views/plan/p-a.json").json()
        assert len(twin["nodes"]) == 5
        assert twin["cap"] == {"shown": 5, "total": 11, "capped": True,
                               "more": [{"top": 10, "url": "/views/plan/p-a?top=10"},
                                        {"top": 11, "url": "/views/plan/p-a?top=11"}]}
        html = c.get("/views/plan/p-a").text
        assert "showing the 5 most connected of 11 nodes" in html and "show all 11" in html
        full = nx.read_graphml(io.BytesIO(c.get("/views/plan/p-a.graphml").content))
        assert full.number_of_nodes() == 11  # exports hold the full graph
        assert len(c.get("/views/plan/p-a.json", params={"top": 11}).json()["nodes"]) == 11  # asked for more
        r = c.get("/views/plan/p-a.json", params={"top": 0})
        assert r.status_code == 422 and "top" in r.json()["error"]["message"]


def test_co_responsibility_view_draws_fewer_nodes_by_default(web_store, tmp_path):
    from fastapi.testclient import TestClient

    from app.main import create_app
    from app.routes.views import CO_VIEW_TOP
    from tests_app_helpers import make_settings

    with TestClient(create_app(make_settings(tmp_path, agencynet_view_max_nodes=1000), store=web_store)) as c:
        assert CO_VIEW_TOP < 1000
        twin = c.get("/views/co-responsibility.json").json()
        assert twin["cap"]["shown"] == min(CO_VIEW_TOP, twin["cap"]["total"])
        small = c.get("/views/co-responsibility.json", params={"top": 3}).json()
        assert small["cap"]["shown"] == 3 and small["cap"]["more"][0]["top"] == 6
        assert "top=6" in c.get("/views/co-responsibility", params={"top": 3}).text


def test_view_errors(client):
    assert client.get("/views/plan/p-zz").status_code == 404
    assert client.get("/views/agency/a-zz.gexf").status_code == 404
    r = client.get("/views/functions.pdf")
    assert r.status_code == 422 and "graphml" in r.json()["error"]["message"]
    r = client.get("/views/co-responsibility", params={"jurisdiction": "nowhere"})
    assert r.status_code == 422


def test_co_responsibility_scope_by_jurisdiction(client):
    pooled = client.get("/views/co-responsibility.json").json()
    one = client.get("/views/co-responsibility.json", params={"jurisdiction": "城市c2"}).json()
    assert {n["id"] for n in one["nodes"]} == {"a-c2-0", "a-c2-1", "a-c2-2", "a-c2-3"}
    assert len(pooled["nodes"]) == 8
    # make_graph: each task names lead + two supports, so three pairs per assigned task share it
    weights = {tuple(sorted((e["from"], e["to"]))): e for e in one["edges"]}
    assert len(weights) == 6
    assert [s["on"] for s in one["scopes"]] == [False, False, True]


def test_co_responsibility_scope_links_are_bounded(client, monkeypatch):
    from app.routes import views

    monkeypatch.setattr(views, "MAX_SCOPES", 1)
    pooled = client.get("/views/co-responsibility.json").json()
    assert [s["name"] for s in pooled["scopes"]] == ["all plans", "城市c1"] and pooled["more_scopes"] == 1
    one = client.get("/views/co-responsibility.json", params={"jurisdiction": "j-c2"}).json()
    assert [s["on"] for s in one["scopes"]] == [False, False, True]  # the chosen one is always listed
    assert "1 more" in client.get("/views/co-responsibility").text
