"""Web test fixtures: an app served over TestClient on each store kind (the ``store``
fixture), filled with hand-made plans including hostile task text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from tests_app_helpers import TOKEN, make_settings, web_graphs


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
    """A client whose app allows writes with ``TOKEN`` and a 0.05 MB upload limit."""
    settings = make_settings(tmp_path, agencynet_writes_enabled=True, agencynet_api_token=TOKEN,
                             agencynet_max_upload_mb=0.05)
    with TestClient(create_app(settings, store=web_store)) as c:
        yield c
