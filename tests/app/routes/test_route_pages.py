"""HTML pages and their JSON twins on both stores; markup in task text is shown as text."""

from __future__ import annotations

import pytest

from tests_app_helpers import HOSTILE

PAGES = ["/", "/plan/p-a", "/source/p-a", "/agency/a-c1-2", "/orphans", "/compare"]


@pytest.mark.parametrize("path", PAGES)
def test_page_and_json_twin_come_from_the_same_dict(client, path):
    html = client.get(path)
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    twin_url = ("/index.json" if path == "/" else path + ".json")
    twin = client.get(twin_url)
    assert twin.status_code == 200 and twin.headers["content-type"].startswith("application/json")
    page = twin.json()
    assert client.get(path, params={"format": "json"}).json() == page
    assert page["title"] and page["page"]
    assert f"<title>{page['title'].replace('&', '&amp;')} · agencynet</title>" in html.text


def test_home_lists_plans_leaders_and_orphans(client):
    page = client.get("/index.json").json()
    assert page["counts"] == {"plans": 2, "tasks": 11, "agencies": 8, "jurisdictions": 3}
    assert [p["id"] for p in page["plans"]["items"]] == ["p-a", "p-b"] and page["plans"]["total"] == 2
    assert page["orphan_summary"]["categories"]["unassigned"] == 2
    top = page["top_leaders"][0]
    assert top["leads"] == max(a["leads"] for a in page["top_leaders"])
    html = client.get("/").text
    assert "/plan/p-a" in html and top["name"] in html
    for url in page["links"].values():
        assert url in html.replace("&amp;", "&") and client.get(url).status_code == 200, url


def test_home_plans_are_paged_in_id_order(client):
    page = client.get("/index.json", params={"limit": 1, "offset": 1}).json()
    assert [p["id"] for p in page["plans"]["items"]] == ["p-b"] and page["plans"]["total"] == 2
    html = client.get("/", params={"limit": 1}).text
    assert "1–1 of 2" in html and "offset=1" in html


def test_home_orphan_counts_match_the_analytics(client):
    page = client.get("/index.json").json()
    summary = client.get("/analytics/orphans", params={"summary": "true"}).json()["rows"]
    for cat, n in page["orphan_summary"]["categories"].items():
        assert n == sum(r[cat] for r in summary), cat
    rates = {r["plan_id"]: round(r["orphan_rate"], 3) for r in summary}
    assert {p["id"]: p["orphan_rate"] for p in page["plans"]["items"]} == rates


def test_plan_page_shows_tasks_with_flags_and_source_links(client):
    page = client.get("/plan/p-a.json").json()
    assert page["tasks"]["total"] == 6
    assert page["tasks"]["items"][0]["orphan"] == "unassigned"
    html = client.get("/plan/p-a").text
    assert "/source/p-a?task=p-a-t3#mark" in html and "/views/plan/p-a" in html
    assert "unassigned" in html


def test_plan_page_is_paged(client):
    page = client.get("/plan/p-a.json", params={"limit": 2, "offset": 2}).json()
    assert [t["seq"] for t in page["tasks"]["items"]] == [3, 4] and page["tasks"]["total"] == 6
    html = client.get("/plan/p-a", params={"limit": 2, "offset": 2}).text
    assert "3–4 of 6" in html and "offset=4" in html and "offset=0" in html


def test_markup_in_task_text_is_escaped_in_pages(client):
    for path in ("/plan/p-a", "/orphans", "/agency/a-c1-2", "/source/p-a?task=p-a-t2"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<b>质量</b>" not in html, path
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in client.get("/plan/p-a").text
    assert client.get("/plan/p-a.json").json()["tasks"]["items"][1]["heading"] == HOSTILE


def test_source_page_highlights_the_task_span(client, web_store):
    page = client.get("/source/p-a.json", params={"task": "p-a-t2"}).json()
    text = web_store.plan_text("p-a")
    assert page["marked"] == text[5:12] and page["before"] == text[:5]
    assert page["before"] + page["marked"] + page["after"] == text
    assert f'<mark id="mark">{text[5:12]}</mark>' in client.get("/source/p-a", params={"task": "p-a-t2"}).text
    r = client.get("/source/p-a", params={"task": "p-b-t2"})
    assert r.status_code == 422 and "p-b" in r.json()["error"]["message"]


def test_orphans_dashboard_filters(client):
    page = client.get("/orphans.json", params={"plan": "p-b"}).json()
    assert [t["id"] for t in page["tasks"]["items"]] == ["p-b-t1"]
    assert {r["plan_id"]: r["unassigned"] for r in page["summary"]["items"]} == {"p-a": 1, "p-b": 1}
    r = client.get("/orphans.json", params={"category": "lost"})
    assert r.status_code == 422 and "leaderless" in r.json()["error"]["message"]
    r = client.get("/orphans.json", params={"plan": "p-zz"})
    assert r.status_code == 404 and "/plans" in r.json()["error"]["message"]


def test_orphans_dashboard_agrees_with_the_analytics(client):
    page = client.get("/orphans.json").json()
    api = client.get("/analytics/orphans", params={"include_open_list": "false"}).json()["rows"]
    assert [t["id"] for t in page["tasks"]["items"]] == [r["task_id"] for r in api]
    assert [t["category"] for t in page["tasks"]["items"]] == [r["category"] for r in api]
    assert page["totals"] == {c: sum(1 for r in api if r["category"] == c) for c in page["categories"]}
    named = {t["id"]: t["supports"] + t["collectives"] for t in page["tasks"]["items"]}
    assert {r["task_id"]: sorted(r["units"]) for r in api} == {k: sorted(v) for k, v in named.items()}


def test_orphans_dashboard_pages_plans_and_tasks_separately(client):
    page = client.get("/orphans.json", params={"plans_limit": 1, "plans_offset": 1, "limit": 1}).json()
    assert [r["plan_id"] for r in page["summary"]["items"]] == ["p-b"] and page["summary"]["total"] == 2
    assert len(page["tasks"]["items"]) == 1 and page["tasks"]["total"] > 1
    html = client.get("/orphans", params={"plans_limit": 1, "limit": 1}).text
    assert "plans_offset=1" in html and "offset=1" in html and "1–1 of 2" in html


def test_compare_page_heat_table(client):
    page = client.get("/compare.json", params={"j": ["城市c1", "j-c2"]}).json()
    assert [c["id"] for c in page["chosen"]] == ["j-c1", "j-c2"]
    for row in page["heat"]:
        assert len(row["cells"]) == 2
    # each jurisdiction's shares add up to 1 over the functions that lead there
    for i in range(2):
        assert abs(sum(r["cells"][i]["share"] for r in page["heat"]) - 1.0) < 0.01
    assert {m["plan_id"]: m["tasks"] for m in page["metrics"]} == {"p-a": 6, "p-b": 5}
    assert client.get("/compare", params={"j": "nowhere"}).status_code == 422


def test_compare_page_shows_the_tables_of_the_analytics_route(client):
    page = client.get("/compare.json", params={"j": ["j-c1", "j-c2"]}).json()
    params = {"jurisdiction": ["j-c1", "j-c2"]}
    matrix = client.get("/analytics/compare", params={**params, "part": "matrix"}).json()["rows"]
    cells = {(c["column"], r["function"]): (c["leads"], c["share"]) for r in page["heat"] for c in r["cells"]
             if c["leads"]}
    assert cells == {(m["column"], m["function"]): (m["leads"], round(m["share"], 3)) for m in matrix}
    metrics = client.get("/analytics/compare", params={**params, "part": "metrics"}).json()["rows"]
    assert [{k: v for k, v in m.items() if k not in ("title", "top_function_zh")} for m in page["metrics"]] == metrics
    sim = client.get("/analytics/compare", params={**params, "part": "similarity"}).json()["rows"]
    assert page["similarity"] == sim and len(sim) == 1
    html = client.get("/compare", params={"j": ["j-c1", "j-c2"]}).text.replace("&amp;", "&")
    for url in page["links"].values():
        assert url in html or not page[url.split("part=")[1].split("&")[0]], url
        assert client.get(url).status_code == 200


def test_compare_page_with_nothing_to_compare(client):
    page = client.get("/compare.json", params={"j": "j-prov"}).json()
    assert page["heat"] == [] and page["metrics"] == [] and page["without_plans"]


def test_unknown_pages_are_404(client):
    assert client.get("/plan/p-zz").status_code == 404
    assert client.get("/agency/a-zz.json").status_code == 404
    r = client.get("/nothing-here", headers={"Accept": "text/html"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]


class _Reads:
    """The store, counting the reads a page makes (a real store underneath)."""

    def __init__(self, store):
        self._store, self.calls = store, []

    def __getattr__(self, name):
        attr = getattr(self._store, name)
        if callable(attr):
            def counted(*args, **kwargs):
                self.calls.append(name)
                return attr(*args, **kwargs)
            return counted
        return attr


def test_home_and_orphans_use_aggregated_reads_not_tasks_per_plan(web_store, tmp_path):
    from fastapi.testclient import TestClient

    from app.main import create_app
    from tests_app_helpers import make_settings

    reads = _Reads(web_store)
    with TestClient(create_app(make_settings(tmp_path), store=reads)) as c:
        reads.calls.clear()
        assert c.get("/").status_code == 200
        assert "tasks" not in reads.calls and reads.calls.count("orphan_tasks") == 1
        assert reads.calls.count("plans") == 1
        reads.calls.clear()
        assert c.get("/orphans", params={"limit": 1}).status_code == 200
        assert "tasks" not in reads.calls and reads.calls.count("orphan_tasks") == 1


def test_compare_page_defaults_to_the_jurisdictions_with_most_plans(client, monkeypatch):
    from app import comparedata

    monkeypatch.setattr(comparedata, "DEFAULT_COLUMNS", 1)
    page = client.get("/compare.json").json()
    assert [c["id"] for c in page["chosen"]] == ["j-c1"]  # both have one plan: id order breaks the tie
    assert [c["column"] for c in page["heat"][0]["cells"]] == ["城市c1"]
    assert [m["plan_id"] for m in page["metrics"]] == ["p-a"]


def test_agency_page_pages_its_duties(client):
    full = client.get("/agency/a-c1-2.json").json()
    assert full["agency"]["leads"] == full["led"]["total"] > 1
    assert full["agency"]["function_zh"] and full["agency"]["family"]
    page = client.get("/agency/a-c1-2.json", params={"limit": 1, "led_offset": 1}).json()
    assert page["led"]["items"] == full["led"]["items"][1:2]
    assert page["supported"]["items"] == full["supported"]["items"][:1]
    html = client.get("/agency/a-c1-2", params={"limit": 1}).text
    assert "led_offset=1" in html and "supported_offset=1" in html


def test_source_page_unknown_task_and_missing_span(client):
    r = client.get("/source/p-a.json", params={"task": "p-a-t99"})
    assert r.status_code == 404 and "/plans/p-a/tasks" in r.json()["error"]["message"]
    page = client.get("/source/p-a.json", params={"task": "p-a-t1"}).json()
    assert page["task"]["seq"] == 1
    if not page["task"]["found"]:
        assert "has no recorded position" in client.get("/source/p-a", params={"task": "p-a-t1"}).text


def test_compare_heat_table_when_plans_write_the_place_differently(web_store, tmp_path):
    """A plan may write its jurisdiction in another script (婁底市) than the place's name (娄底市)."""
    from fastapi.testclient import TestClient

    from app.main import create_app
    from support.graphs import make_graph
    from tests_app_helpers import make_settings

    g = make_graph("c", n_tasks=4, city="c3", source_hash="h3")
    g.plan["jurisdiction"] = "城巿c3（写法）"
    web_store.load(g)
    with TestClient(create_app(make_settings(tmp_path), store=web_store)) as c:
        page = c.get("/compare.json", params={"j": ["j-c1", "j-c3"]}).json()
        assert [x["column"] for x in page["chosen"]] == ["城市c1", "城巿c3（写法）"]
        for i in range(2):  # every column holds its leads: shares add up to 1
            assert abs(sum(r["cells"][i]["share"] for r in page["heat"]) - 1.0) < 0.01, i
        assert "as written: 城巿c3（写法）" in c.get("/compare", params={"j": ["j-c1", "j-c3"]}).text


def test_html_errors_are_site_pages_with_the_message_escaped(client):
    r = client.get("/plan/<b>nope</b>", headers={"Accept": "text/html"})
    assert r.status_code == 404 and 'class="topbar"' in r.text and 'href="/orphans"' in r.text
    assert "&lt;b&gt;nope&lt;/b&gt;" in r.text and "<b>nope</b>" not in r.text
    r = client.get("/orphans", params={"category": "zzz"}, headers={"Accept": "text/html"})
    assert r.status_code == 422 and "leaderless" in r.text and "Change the address" in r.text
    assert client.get("/plan/nope.json").json()["error"]["code"] == "not_found"
