"""Web test fixtures: an app served over TestClient on each store kind, filled with
hand-made plans (``support.graphs.make_graph``) including hostile task text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from agencynet.settings import Settings
from app.main import create_app
from support.graphs import make_graph
from tests_app_helpers import HOSTILE, TOKEN

def web_graphs():
    """Two plans in two cities; plan a's task 2 heading and text carry markup."""
    a = make_graph("a", n_tasks=6, city="c1", text="全文开始。任务一。任务二正文在此。" * 4)
    a.tasks[1]["heading"] = HOSTILE
    a.tasks[1]["text"] = HOSTILE + " 正文"
    a.tasks[1]["span_start"], a.tasks[1]["span_end"] = 5, 12
    b = make_graph("b", n_tasks=5, city="c2", source_hash="h2")
    return [a, b]

def make_settings(tmp_path, **over) -> Settings:
    base = {"agencynet_data_dir": tmp_path / "unused", "agencynet_view_max_nodes": 300, "neo4j_uri": None}
    base.update(over)
    return Settings(_env_file=None, **base)

@pytest.fixture
def web_store(store):
    for g in web_graphs():
        store.load(g)
    return store

@pytest.fixture
def client(web_store, tmp_path):
    app = create_app(make_settings(tmp_path), store=web_store)
    with TestClient(app) as c:
        yield c

@pytest.fixture
def writer(web_store, tmp_path):
    """A client whose app allows writes with ``TOKEN``."""
    settings = make_settings(tmp_path, agencynet_writes_enabled=True, agencynet_api_token=TOKEN,
                             agencynet_max_upload_mb=0.05)
    with TestClient(create_app(settings, store=web_store)) as c:
        yield c
