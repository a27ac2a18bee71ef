"""Local Neo4j fixtures for the tests: a real server over Bolt, never a mock.

- ``neo4j_server`` (session): ``{"uri", "user", "password"}`` of a real Neo4j. When
  ``AGENCYNET_TEST_NEO4J_URI`` is set, that already-running server is used (credentials from
  ``AGENCYNET_TEST_NEO4J_USER`` / ``AGENCYNET_TEST_NEO4J_PASSWORD``, default ``neo4j`` / empty).
  Otherwise the launcher (``agencynet.neo4j_launcher``) is built on first use (cached in
  ``AGENCYNET_NEO4J_BUILD_DIR``, default ``var/neo4j/build``) and started on a free 127.0.0.1
  port with a throwaway data directory and no authentication; it is stopped at session end
  (and stops by itself if the test process dies).
- ``neo4j_session_driver`` (session): one ``neo4j.Driver`` on that server, closed at the end.
- ``neo4j_driver`` (function): that same driver, for a test to ask for.

When Neo4j cannot be had, tests that need it are skipped with a loud reason, except under
``CI=true`` where they fail (ERROR) with the reason. Tests that use these fixtures get the
``neo4j`` marker automatically (``-m "not neo4j"`` deselects them).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import neo4j
import pytest

from agencynet.errors import AgencynetError
from agencynet.neo4j_launcher import Neo4jLauncher, check_bolt, free_port
from agencynet.settings import Settings, get_settings

__all__ = ["neo4j_server", "neo4j_session_driver", "neo4j_driver", "neo4j_env", "pytest_itemcollected"]

NEO4J_FIXTURES = {"neo4j_server", "neo4j_session_driver", "neo4j_driver", "neo4j_store"}
START_TIMEOUT = 240.0  # seconds to wait for Bolt once the launcher is built


def _unavailable(reason: str) -> None:
    """Fail under CI=true, skip loudly elsewhere."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"CI=true and the Neo4j tests cannot run: {reason}", pytrace=False)
    message = f"NEO4J UNAVAILABLE, Neo4j tests SKIPPED: {reason}"
    print(f"\n{'!' * 20} {message}", file=sys.stderr)
    pytest.skip(message)


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """A real Neo4j for this test session: ``{"uri", "user", "password"}``."""
    uri = os.environ.get("AGENCYNET_TEST_NEO4J_URI", "").strip()
    user = os.environ.get("AGENCYNET_TEST_NEO4J_USER", "neo4j")
    password = os.environ.get("AGENCYNET_TEST_NEO4J_PASSWORD", "")
    if uri:
        try:
            check_bolt(uri, user, password)
        except AgencynetError as exc:
            _unavailable(f"AGENCYNET_TEST_NEO4J_URI is set but {exc}")
        yield {"uri": uri, "user": user, "password": password}
        return

    home = tmp_path_factory.mktemp("neo4j")
    build_dir = Neo4jLauncher.from_settings(Settings()).build_dir
    launcher = Neo4jLauncher(home, build_dir=build_dir)
    uri = None
    for attempt in range(3):  # a free port can be taken between the probe and the bind
        try:
            started = time.monotonic()
            uri = launcher.start(port=free_port(), data_dir=home / "data", timeout=START_TIMEOUT,
                                 watch_pid=os.getpid())
            break
        except AgencynetError as exc:
            if attempt < 2 and "in use" in str(exc):
                continue
            _unavailable(str(exc))
    print(f"\n[neo4j fixture] {uri} ready in {time.monotonic() - started:.1f} s (home {home})", file=sys.stderr)
    try:
        yield {"uri": uri, "user": "neo4j", "password": ""}
    finally:
        launcher.stop(timeout=60.0)


@pytest.fixture(scope="session")
def neo4j_session_driver(neo4j_server):
    """One driver per test session on ``neo4j_server``; closed at the end."""
    driver = neo4j.GraphDatabase.driver(neo4j_server["uri"],
                                        auth=(neo4j_server["user"], neo4j_server["password"]))
    try:
        yield driver
    finally:
        driver.close()


@pytest.fixture
def neo4j_driver(neo4j_session_driver) -> neo4j.Driver:
    """The session's driver (do not close it; it is shared)."""
    return neo4j_session_driver


def pytest_itemcollected(item) -> None:
    """Give every test that uses a Neo4j fixture the ``neo4j`` marker."""
    if NEO4J_FIXTURES & set(getattr(item, "fixturenames", ())):
        item.add_marker(pytest.mark.neo4j)


def plan_operators(plan) -> set[str]:
    """Every operator of an ``EXPLAIN``/``PROFILE`` plan (the driver's object or its dict form),
    without the runtime suffix (``NodeIndexSeek@neo4j`` -> ``NodeIndexSeek``)."""
    found = {plan.operator_type if hasattr(plan, "operator_type") else plan["operatorType"]}
    for child in (plan.children if hasattr(plan, "children") else plan.get("children", [])):
        found |= plan_operators(child)
    return {op.split("@")[0] for op in found}


@pytest.fixture
def neo4j_env(tmp_path, monkeypatch):
    """Environment pointing the launcher at a throwaway home, a free port, the shared build cache
    (for tests of the ``agencynet neo4j`` commands); the server is stopped at the end."""
    build_dir = Neo4jLauncher.from_settings(Settings()).build_dir
    env = {"AGENCYNET_NEO4J_HOME": str(tmp_path / "home"), "AGENCYNET_NEO4J_PORT": str(free_port()),
           "AGENCYNET_NEO4J_BUILD_DIR": str(build_dir), "NEO4J_PASSWORD": "", "NEO4J_USER": "neo4j"}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)  # no project .env in the way
    get_settings.cache_clear()
    yield env
    Neo4jLauncher(Path(env["AGENCYNET_NEO4J_HOME"])).stop(timeout=30)
    get_settings.cache_clear()


def graph_dump(driver, database: str = "neo4j") -> tuple[set, set]:
    """Every node (labels, properties) and relationship (start key, type, end key, properties)
    of a database, as sets of comparable tuples: two databases holding the same graph dump equal."""
    def frozen(props: dict) -> tuple:
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in props.items()))

    nodes = {(tuple(sorted(r["labels"])), frozen(r["props"])) for r in driver.execute_query(
        "MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", database_=database).records}
    rels = {(r["a"], r["type"], r["b"], frozen(r["props"])) for r in driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.code) AS a, type(r) AS type, coalesce(b.id, b.code) AS b, "
        "properties(r) AS props", database_=database).records}
    return nodes, rels
