"""/health on both stores."""

from __future__ import annotations


def test_health_reports_the_store(client, web_store):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["ok"] is True
    assert body["store"] == web_store.kind and body["plans"] == 2
