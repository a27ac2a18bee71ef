"""The app factory: unsafe settings refused, one store opened in the lifespan,
503 while the store is unavailable and recovery without a restart (both stores)."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from fastapi.testclient import TestClient

from agencynet.neo4j_launcher import free_port
from app.errors import AppConfigError
from app.main import check_settings, create_app
from tests_app_helpers import make_settings
from tcp_forward import Forwarder


def test_writes_without_a_token_are_refused_at_start(tmp_path):
    with pytest.raises(AppConfigError, match="AGENCYNET_API_TOKEN"):
        create_app(make_settings(tmp_path, agencynet_writes_enabled=True))


@pytest.mark.parametrize("over, word", [
    ({"agencynet_writes_enabled": True, "agencynet_api_token": "changeme"}, "AGENCYNET_API_TOKEN"),
    ({"agencynet_writes_enabled": True, "agencynet_api_token": "short"}, "AGENCYNET_API_TOKEN"),
    ({"neo4j_uri": "bolt://127.0.0.1:1", "neo4j_password": ""}, "NEO4J_PASSWORD"),
    ({"neo4j_uri": "bolt://127.0.0.1:1", "neo4j_password": "neo4j"}, "NEO4J_PASSWORD"),
])
def test_default_secrets_are_refused_outside_development(tmp_path, over, word):
    settings = make_settings(tmp_path, agencynet_env="production", **over)
    with pytest.raises(AppConfigError, match=word):
        check_settings(settings)
    check_settings(make_settings(tmp_path, agencynet_env="development", **over) if "neo4j_uri" in over
                   else make_settings(tmp_path, **over))  # development accepts them


def test_production_with_real_secrets_starts(tmp_path):
    check_settings(make_settings(tmp_path, agencynet_env="production", agencynet_writes_enabled=True,
                                 agencynet_api_token="k3J9-qL2x-Vv8p-Zt5w-Rr1m"))


def test_lifespan_opens_the_configured_embedded_store(tmp_path):
    settings = make_settings(tmp_path, agencynet_data_dir=tmp_path / "data")
    with TestClient(create_app(settings)) as c:
        body = c.get("/health").json()
        assert body["store"] == "embedded" and body["plans"] == 0
        assert body["where"].startswith(str(tmp_path / "data"))
    assert (tmp_path / "data" / "agencynet.sqlite").exists()


def test_embedded_store_unavailable_then_recovers_without_restart(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the data directory should be")
    settings = make_settings(tmp_path, agencynet_data_dir=blocker / "data")
    with TestClient(create_app(settings)) as c:
        r = c.get("/plans")
        assert r.status_code == 503 and r.headers["retry-after"]
        err = r.json()["error"]
        assert err["code"] == "store_unavailable" and str(blocker) in err["message"]
        h = c.get("/health")
        assert h.status_code == 503 and h.json()["status"] == "unavailable"
        page = c.get("/", headers={"Accept": "text/html"})
        assert page.status_code == 503 and "store_unavailable" in page.text
        blocker.unlink()  # the store's place becomes usable again
        assert c.get("/plans").status_code == 200
        assert c.get("/health").json()["ok"] is True


@pytest.mark.neo4j
def test_neo4j_down_is_503_naming_the_uri_then_recovers(tmp_path, neo4j_server):
    port = free_port()
    uri = f"bolt://127.0.0.1:{port}"
    settings = make_settings(tmp_path, neo4j_uri=uri, neo4j_user=neo4j_server.get("user", "neo4j"),
                             neo4j_password=neo4j_server.get("password") or "")
    real = urlparse(neo4j_server["uri"])
    with TestClient(create_app(settings)) as c:
        r = c.get("/plans")
        assert r.status_code == 503 and uri in r.json()["error"]["message"]
        assert c.get("/health").json()["where"] == uri
        forward = Forwarder(port, (real.hostname, real.port))  # Neo4j "comes back" on that port
        try:
            assert c.get("/plans").status_code == 200
            health = c.get("/health").json()
            assert health["ok"] is True and health["store"] == "neo4j"
        finally:
            forward.close()


def test_nothing_is_built_at_import_and_app_main_app_is_lazy(monkeypatch, tmp_path):
    import app.main as main
    from agencynet.settings import get_settings

    assert "app" not in vars(main)  # no app object created by importing the module
    monkeypatch.setenv("AGENCYNET_DATA_DIR", str(tmp_path / "lazy"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    get_settings.cache_clear()
    try:
        built = main.app
    finally:
        get_settings.cache_clear()
    with TestClient(built) as c:
        assert c.get("/health").json()["where"].startswith(str(tmp_path / "lazy"))


def test_api_docs_are_served_without_a_cdn(tmp_path):
    import re

    with TestClient(create_app(make_settings(tmp_path))) as c:
        html = c.get("/docs").text
        urls = re.findall(r"""(?:src|href|url)\s*[:=]\s*['"]([^'"]+)['"]""", html)
        assert urls and all(u.startswith(("/", "data:")) for u in urls), urls
        for u in urls:
            if u.startswith("/vendor/"):
                assert c.get(u).status_code == 200, u
        assert c.get("/openapi.json").json()["info"]["title"] == "agencynet"
        assert c.get("/redoc").status_code == 404


def test_the_first_pages_are_read_once_in_the_background_after_the_store_opens(tmp_path, monkeypatch):
    from app import deps
    from store.embedded import EmbeddedStore
    from support.graphs import make_graph

    store = EmbeddedStore(tmp_path / "data")
    store.load(make_graph("a"))
    store.close()
    calls = []
    real = deps.warm_up
    monkeypatch.setattr(deps, "warm_up", lambda opened, done: calls.append(opened.kind) or real(opened, done))
    with TestClient(create_app(make_settings(tmp_path, agencynet_data_dir=tmp_path / "data"))) as c:
        assert c.app.state.holder.warmed.wait(30)
        assert calls == ["embedded"]
        assert c.get("/health").json()["plans"] == 1


def test_a_failing_warm_up_read_is_only_logged(caplog):
    import logging
    import threading

    from app.deps import warm_up

    class Broken:
        def agency_totals(self, **kwargs):
            raise OSError("disk went away")

    done = threading.Event()
    with caplog.at_level(logging.INFO, logger="agencynet.app"):
        assert warm_up(Broken(), done) >= 0
    assert done.is_set() and "warm-up read stopped: disk went away" in caplog.text


def test_closing_waits_for_the_warm_up_reads(tmp_path, monkeypatch):
    """The lifespan's close must not pull the store's connections from under a warm-up read
    (closing SQLite connections under a running read crashed the test process once)."""
    import threading

    from app import deps
    from store.embedded import EmbeddedStore

    started, release, events = threading.Event(), threading.Event(), []
    real_warm_up, real_close = deps.warm_up, EmbeddedStore.close

    def slow(opened, done):
        started.set()
        release.wait(10)
        real_warm_up(opened, done)
        events.append("warm-up done")

    def close(self):
        events.append("store closed")
        real_close(self)

    monkeypatch.setattr(deps, "warm_up", slow)
    monkeypatch.setattr(EmbeddedStore, "close", close)
    with TestClient(create_app(make_settings(tmp_path, agencynet_data_dir=tmp_path / "data"))):
        assert started.wait(30)
        threading.Timer(0.5, release.set).start()  # let it go while the close is waiting
    assert events == ["warm-up done", "store closed"]
