"""Store fixtures for the tests.

- ``embedded_store``: an ``EmbeddedStore`` in a fresh temporary directory.
- ``neo4j_store``: a ``Neo4jStore`` on the session's real Neo4j (``neo4j_driver`` from
  ``support.neo4j_server``), emptied before each test.
- ``store``: parametrised over ``["embedded", "neo4j"]``; ask for it to run a test on both.
- ``samples_store``: ``store`` with the five sample plans loaded.
- ``sample_graphs()`` / ``load_samples(store)``: the samples' ``PlanGraph`` rows (extracted
  once per session) and a helper that loads them into any store.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from store.embedded import EmbeddedStore
from store.neo4j_store import Neo4jStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "plans"

__all__ = ["embedded_store", "neo4j_store", "store", "samples_store", "sample_graphs", "load_samples"]


@lru_cache(maxsize=1)
def sample_graphs() -> tuple:
    """``PlanGraph`` rows of the five sample plans, in file-name order (built once)."""
    from loaders.extract import extract_document
    from loaders.graph import build_plan_graph

    paths = sorted(SAMPLES.glob("*.txt"))
    return tuple(build_plan_graph(extract_document(p.read_bytes(), p.name)) for p in paths)


def load_samples(store) -> list:
    """Load the five samples into ``store``; returns their ``LoadResult``s."""
    return [store.load(graph) for graph in sample_graphs()]


@pytest.fixture
def embedded_store(tmp_path):
    store = EmbeddedStore(tmp_path / "data")
    yield store
    store.close()


@pytest.fixture
def neo4j_store(request):
    server = request.getfixturevalue("neo4j_server")
    driver = request.getfixturevalue("neo4j_driver")
    store = Neo4jStore(driver, "neo4j", uri=server["uri"])
    store.setup()
    store.reset()
    yield store
    store.close()


@pytest.fixture(params=["embedded", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store(request):
    """Each test that asks for ``store`` runs once per store kind."""
    return request.getfixturevalue(f"{request.param}_store")


@pytest.fixture
def samples_store(store):
    load_samples(store)
    return store
