"""Neo4jStore specifics on a real Neo4j: connection errors, schema, open_store, auth refused."""

from __future__ import annotations

import os
import socket

import neo4j
import pytest

from agencynet.errors import AgencynetError, StoreUnavailable
from agencynet.settings import Settings
from store import make_driver, open_store
from store.neo4j_store import Neo4jStore
from support.graphs import make_graph
from support.neo4j_server import plan_operators


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_driver_on_a_down_server_names_uri_and_cause():
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    with pytest.raises(StoreUnavailable) as info:
        make_driver(Settings(neo4j_uri=uri), timeout=3)
    assert uri in str(info.value) and "refused" in str(info.value).lower()


def test_bad_uri_is_a_clear_error():
    with pytest.raises(StoreUnavailable, match="bad Neo4j URI"):
        make_driver(Settings(neo4j_uri="http//nonsense"))


def test_store_on_a_down_server_raises_store_unavailable_and_health_says_so():
    uri = f"bolt://127.0.0.1:{_closed_port()}"
    driver = neo4j.GraphDatabase.driver(uri, connection_timeout=3, max_transaction_retry_time=1)
    try:
        store = Neo4jStore(driver, "neo4j", uri=uri)
        with pytest.raises(StoreUnavailable, match=uri):
            store.plans()
        with pytest.raises(StoreUnavailable, match=uri):
            store.load(make_graph("a"))
        health = store.health()
        assert health["ok"] is False and health["where"] == uri and uri in health["detail"]
    finally:
        driver.close()


@pytest.mark.neo4j
def test_open_store_uses_neo4j_when_uri_set(neo4j_server, neo4j_store):
    settings = Settings(neo4j_uri=neo4j_server["uri"], neo4j_user=neo4j_server["user"],
                        neo4j_password=neo4j_server["password"] or "")
    store = open_store(settings)
    try:
        assert store.kind == "neo4j" and store.health()["ok"]
        store.setup()  # schema set-up is re-runnable
        store.load(make_graph("a"))
        assert [p["id"] for p in neo4j_store.plans()] == ["p-a"]
    finally:
        store.driver.close()


@pytest.mark.neo4j
def test_unknown_database_is_a_store_error(neo4j_driver, neo4j_server):
    store = Neo4jStore(neo4j_driver, "no-such-db", uri=neo4j_server["uri"])
    with pytest.raises(AgencynetError) as info:
        store.plans()
    assert neo4j_server["uri"] in str(info.value)


@pytest.fixture(scope="module")
def auth_server(tmp_path_factory, neo4j_server):
    """A second local Neo4j with authentication on (password ``right-password``)."""
    if os.environ.get("AGENCYNET_TEST_NEO4J_AUTH_URI"):
        yield os.environ["AGENCYNET_TEST_NEO4J_AUTH_URI"]
        return
    from agencynet.neo4j_launcher import Neo4jLauncher, free_port

    home = tmp_path_factory.mktemp("neo4j-auth")
    launcher = Neo4jLauncher(home, build_dir=Neo4jLauncher.from_settings(Settings()).build_dir)
    try:
        uri = launcher.start(port=free_port(), data_dir=home / "data", password="right-password",
                             timeout=240, watch_pid=os.getpid())
    except AgencynetError as exc:
        pytest.skip(f"could not start an auth-enabled Neo4j: {exc}")
    try:
        yield uri
    finally:
        launcher.stop(timeout=60)


@pytest.mark.neo4j
@pytest.mark.slow
def test_refused_credentials_name_uri_and_cause(auth_server, monkeypatch, tmp_path):
    with pytest.raises(StoreUnavailable) as info:
        make_driver(Settings(neo4j_uri=auth_server, neo4j_password="wrong-password"))
    message = str(info.value)
    assert auth_server in message and "credentials refused" in message
    driver = make_driver(Settings(neo4j_uri=auth_server, neo4j_password="right-password"))
    driver.close()

    # the CLI says the same in one line, no traceback
    from click.testing import CliRunner

    from agencynet.cli import cli
    from agencynet.settings import get_settings

    monkeypatch.setenv("NEO4J_URI", auth_server)
    monkeypatch.setenv("NEO4J_PASSWORD", "wrong-password")
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["reset", "--yes"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip().startswith("error: store at " + auth_server)
    assert "credentials refused" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.neo4j
def test_load_many_in_many_small_transactions_equals_one_transaction(neo4j_driver, neo4j_server):
    """Chunks prepared ahead in the worker thread: results in order, a bad plan isolated, reloads
    of a chunk that mixes unchanged and new plans write only the new ones' nodes."""
    graphs = [make_graph(str(i), city=f"c{i % 3}", n_tasks=3 + i % 4) for i in range(9)]
    bad = make_graph("bad", n_tasks=4, city="c9")
    bad.tasks[-1]["text"] = {"not": "storable"}
    one = Neo4jStore(neo4j_driver, "neo4j", uri=neo4j_server["uri"], chunk_rows=10 ** 9)
    one.setup()
    one.reset()
    assert {r.status for r in one.load_many(graphs)} == {"loaded"}
    whole = (one.counts(), one.edges(), one.agencies(), one.tasks(), one.plans())
    one.reset()

    small = Neo4jStore(neo4j_driver, "neo4j", uri=neo4j_server["uri"], chunk_rows=25)  # 1-2 plans a chunk
    results = small.load_many(graphs[:4] + [bad] + graphs[4:])
    assert [(r.plan_id, r.status) for r in results] == (
        [(g.plan["id"], "loaded") for g in graphs[:4]] + [("p-bad", "failed")]
        + [(g.plan["id"], "loaded") for g in graphs[4:]])
    assert "storable" in results[4].error or results[4].error
    assert (small.counts(), small.edges(), small.agencies(), small.tasks(), small.plans()) == whole

    small.reset()
    assert {r.status for r in small.load_many(graphs[:5])} == {"loaded"}
    mixed = small.load_many(graphs)  # chunks holding unchanged and new plans together
    assert [r.status for r in mixed] == ["unchanged"] * 5 + ["loaded"] * 4
    assert (small.counts(), small.edges(), small.agencies(), small.tasks(), small.plans()) == whole
    small.reset()



@pytest.mark.neo4j
@pytest.mark.parametrize("name, params", [
    ("read_plans_matching_named", {"plans": ["p-1", "1.txt"], "jurisdictions": None, "levels": None, "years": None}),
    ("read_plans_matching_in", {"plans": None, "jurisdictions": ["j-c1"], "levels": None, "years": None}),
])
def test_scoped_plan_lookups_start_from_an_index_not_every_plan(neo4j_driver, neo4j_store, name, params):
    """plans_matching with plans or jurisdictions named must not scan every Plan node (at 100k
    plans that scan is most of a scoped query's time)."""
    from store.cypher import query

    neo4j_store.load_many([make_graph(str(i), city=f"c{i % 3}") for i in range(4)])
    with neo4j_driver.session(database="neo4j") as session:
        plan = session.run("EXPLAIN " + query(name), **params).consume().plan
    ops = plan_operators(plan)
    assert ops & {"NodeIndexSeek", "NodeUniqueIndexSeek"}, ops
    assert not ops & {"NodeByLabelScan", "AllNodesScan"}, ops


@pytest.mark.neo4j
def test_an_empty_database_gives_no_notification_warnings(neo4j_server, caplog):
    """Setting up and reading an empty database names property keys no node has yet: the
    server's UNRECOGNIZED notifications are expected and must not reach the user's log."""
    settings = Settings(neo4j_uri=neo4j_server["uri"], neo4j_user=neo4j_server["user"],
                        neo4j_password=neo4j_server["password"] or "")
    driver = make_driver(settings)
    try:
        store = Neo4jStore(driver, "neo4j", uri=neo4j_server["uri"])
        store.reset()
        with caplog.at_level("INFO", logger="neo4j"):
            store.setup()
            store.setup()                                        # again: every index exists
            store.plans()
            with driver.session(database="neo4j") as session:    # the driver still reports others
                session.run("MATCH (n:Plan) WHERE n.no_such_key_anywhere = 1 RETURN n").consume()
    finally:
        driver.close()
    assert not [r for r in caplog.records if "notification" in r.getMessage().lower()]
