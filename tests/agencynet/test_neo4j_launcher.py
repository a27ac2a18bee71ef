"""The local Neo4j launcher against a real embedded Neo4j over Bolt (no mocks)."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import neo4j
import pytest

from agencynet.errors import Neo4jLauncherError, StoreUnavailable
from agencynet.neo4j_launcher import Neo4jLauncher, _port_free, check_bolt, free_port
from agencynet.settings import Settings


@pytest.fixture
def launcher(tmp_path):
    """A launcher with its own home (state, data) and the shared build cache."""
    build_dir = Neo4jLauncher.from_settings(Settings()).build_dir
    made = Neo4jLauncher(tmp_path / "home", build_dir=build_dir, port=free_port())
    yield made
    made.stop(timeout=30)


@pytest.mark.neo4j
def test_session_fixture_gives_a_real_neo4j(neo4j_server, neo4j_driver):
    neo4j_driver.verify_connectivity()
    info = neo4j_driver.get_server_info()
    assert info.agent.startswith("Neo4j/5.26") or os.environ.get("AGENCYNET_TEST_NEO4J_URI")
    assert info.address.port == int(neo4j_server["uri"].rsplit(":", 1)[1])


@pytest.mark.neo4j
@pytest.mark.slow
def test_start_connect_refuse_stop_from_another_handle(launcher):
    uri = launcher.start(password="s3cret-Pass", timeout=240)
    assert uri == f"bolt://127.0.0.1:{launcher.port}"
    info = launcher.status()
    assert info["running"] and info["auth"] is True and info["uri"] == uri
    assert launcher.pid_file.read_text().strip() == str(info["pid"])

    with neo4j.GraphDatabase.driver(uri, auth=("neo4j", "s3cret-Pass")) as driver:
        driver.verify_connectivity()
        assert driver.get_server_info().agent.startswith("Neo4j/5.26")
    check_bolt(uri, "neo4j", "s3cret-Pass")
    with pytest.raises(StoreUnavailable) as refused:
        check_bolt(uri, "neo4j", "wrong-password")
    assert uri in str(refused.value) and "refused the credentials of user 'neo4j'" in str(refused.value)

    with pytest.raises(Neo4jLauncherError, match="already running at " + uri):
        launcher.start(port=launcher.port)

    other = Neo4jLauncher(launcher.home, build_dir=launcher.build_dir)  # as `agencynet neo4j stop` would
    assert other.stop(timeout=60) is True
    assert not other.status()["running"] and not launcher.status()["running"]
    assert not launcher.state_file.exists() and not launcher.pid_file.exists()
    assert _port_free(launcher.port)
    with pytest.raises(StoreUnavailable, match="no Neo4j answers there"):
        check_bolt(uri, "neo4j", "s3cret-Pass", timeout=3)
    assert other.stop() is False


@pytest.mark.neo4j
def test_start_failure_reports_the_log(launcher, tmp_path):
    not_a_dir = tmp_path / "data-is-a-file"
    not_a_dir.write_text("x")
    with pytest.raises(Neo4jLauncherError) as info:
        launcher.start(data_dir=not_a_dir, timeout=120)
    message = str(info.value)
    assert "exited during start-up (exit 3)" in message
    assert "failed to start Neo4j" in message and str(launcher.log_file) in message
    assert not launcher.status()["running"] and not launcher.state_file.exists()


def test_port_in_use_is_refused_before_anything_starts(launcher):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        with pytest.raises(Neo4jLauncherError, match=f"port {port} on 127.0.0.1 is already in use"):
            launcher.start(port=port)


def test_missing_java_is_said_plainly(launcher, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(Neo4jLauncherError, match="Java was not found on PATH"):
        launcher.start()
    assert not launcher.status()["running"]


def test_status_ignores_a_stale_or_reused_pid(launcher):
    launcher.home.mkdir(parents=True)
    assert launcher.status()["running"] is False
    launcher.state_file.write_text(f'{{"pid": {os.getpid()}, "port": 1, "uri": "bolt://127.0.0.1:1"}}')
    assert launcher.status()["running"] is False  # alive, but not our Java launcher
    launcher.state_file.write_text("not json")
    info = launcher.status()
    assert info["running"] is False and info["pid"] is None and info["uri"] is None


def test_check_bolt_names_the_uri_when_nothing_listens():
    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable) as info:
        check_bolt(uri, "neo4j", "", timeout=3)
    assert str(info.value).startswith(f"store at {uri} is unavailable: no Neo4j answers there")


def test_from_settings_reads_home_port_and_build_dir(tmp_path):
    settings = Settings(agencynet_neo4j_home=tmp_path / "h", agencynet_neo4j_port=17999)
    made = Neo4jLauncher.from_settings(settings)
    assert (made.home, made.port, made.build_dir) == (tmp_path / "h", 17999, tmp_path / "h" / "build")
    settings = Settings(agencynet_neo4j_home=tmp_path / "h", agencynet_neo4j_build_dir=tmp_path / "cache")
    assert Neo4jLauncher.from_settings(settings).build_dir == tmp_path / "cache"


def test_heap_and_page_cache_come_from_settings(tmp_path):
    settings = Settings(agencynet_neo4j_home=tmp_path / "h", agencynet_neo4j_heap_mb=3072,
                        agencynet_neo4j_pagecache_mb=1536)
    made = Neo4jLauncher.from_settings(settings)
    assert (made.heap_mb, made.pagecache_mb) == (3072, 1536)
    assert "-Xmx3072m" in made.jvm_flags() and not any(f.startswith("-Xmx") and f != "-Xmx3072m"
                                                       for f in made.jvm_flags())
    defaults = Settings()
    plain = Neo4jLauncher(tmp_path / "p", heap_mb=None, pagecache_mb=700)
    assert (plain.heap_mb, plain.pagecache_mb) == (defaults.agencynet_neo4j_heap_mb, 700)


@pytest.mark.neo4j
@pytest.mark.slow
def test_started_server_runs_with_the_configured_heap_and_page_cache(tmp_path):
    build_dir = Neo4jLauncher.from_settings(Settings()).build_dir
    made = Neo4jLauncher(tmp_path / "home", build_dir=build_dir, port=free_port(), heap_mb=640, pagecache_mb=96)
    try:
        uri = made.start(timeout=240)
        cmdline = (Path(f"/proc/{made.status()['pid']}/cmdline").read_bytes().split(b"\0"))
        assert b"-Xmx640m" in cmdline and cmdline[cmdline.index(b"--pagecache-mb") + 1] == b"96"
        check_bolt(uri, "neo4j", "")
        debug_log = (tmp_path / "home" / "data" / "logs" / "debug.log").read_text(encoding="utf-8")
        assert "server.memory.pagecache.size=96.00MiB" in debug_log  # Neo4j's own record of its config
    finally:
        made.stop(timeout=30)
