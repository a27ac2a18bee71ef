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
    assert [p["id"] for p in page["plans"]] == ["p-a", "p-b"]
    assert page["orphan_summary"]["categories"]["unassigned"] == 2
    top = page["top_leaders"][0]
    assert top["leads"] == max(a["leads"] for a in page["top_leaders"])
    html = client.get("/").text
    assert "/plan/p-a" in html and top["name"] in html


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
    assert {r["plan_id"]: r["unassigned"] for r in page["summary"]} == {"p-a": 1, "p-b": 1}
    r = client.get("/orphans.json", params={"category": "lost"})
    assert r.status_code == 422 and "leaderless" in r.json()["error"]["message"]


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


def test_unknown_pages_are_404(client):
    assert client.get("/plan/p-zz").status_code == 404
    assert client.get("/agency/a-zz.json").status_code == 404
    r = client.get("/nothing-here", headers={"Accept": "text/html"})
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
