"""``agencynet neo4j start|stop|status`` against a real local Neo4j.

``start`` runs through click's runner; ``status`` and ``stop`` run as separate processes
(the real console script), as a user would run them from another terminal.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from agencynet.cli import cli

AGENCYNET = str(Path(sys.executable).parent / "agencynet")


def _run(*args: str, **extra_env: str) -> subprocess.CompletedProcess:
    return subprocess.run([AGENCYNET, *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **extra_env})


@pytest.mark.neo4j
@pytest.mark.slow
def test_start_status_stop_across_processes(neo4j_env):
    port = neo4j_env["AGENCYNET_NEO4J_PORT"]
    uri = f"bolt://127.0.0.1:{port}"
    result = CliRunner().invoke(cli, ["neo4j", "start", "--password", "cli-Pass-1", "--timeout", "240"])
    assert result.exit_code == 0, result.output
    assert f"Neo4j is running at {uri}" in result.output and "auth on" in result.output
    assert f"export NEO4J_URI={uri}\n" in result.output

    again = CliRunner().invoke(cli, ["neo4j", "start"])
    assert again.exit_code == 0 and f"already running at {uri}" in again.output

    ok = _run("neo4j", "status", NEO4J_PASSWORD="cli-Pass-1")
    assert ok.returncode == 0, ok.stderr
    assert f"running at {uri}" in ok.stdout and "the driver connects" in ok.stdout

    refused = _run("neo4j", "status", NEO4J_PASSWORD="not-the-password")
    assert refused.returncode == 1
    assert f"error: store at {uri} is unavailable: the server refused the credentials" in refused.stderr
    assert "Traceback" not in refused.stderr

    stopped = _run("neo4j", "stop")
    assert stopped.returncode == 0 and f"stopped the local Neo4j at {uri}" in stopped.stdout
    gone = CliRunner().invoke(cli, ["neo4j", "status", "--json"])
    assert gone.exit_code == 3 and '"running": false' in gone.output
    assert "is not running" in CliRunner().invoke(cli, ["neo4j", "stop"]).output


def test_start_without_java_says_so_plainly(neo4j_env, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = CliRunner().invoke(cli, ["neo4j", "start"])
    assert result.exit_code == 1
    assert "error: Java was not found on PATH; the local Neo4j needs Java 17+" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output


def test_start_on_a_busy_port_is_refused(neo4j_env):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["neo4j", "start", "--port", str(port)])
    assert result.exit_code == 1
    assert f"error: port {port} on 127.0.0.1 is already in use" in result.output


def test_status_when_not_running(neo4j_env):
    result = CliRunner().invoke(cli, ["neo4j", "status"])
    assert result.exit_code == 3
    assert f"not running (home {neo4j_env['AGENCYNET_NEO4J_HOME']})" in result.output


def test_help_lists_the_four_commands():
    result = CliRunner().invoke(cli, ["neo4j", "--help"])
    assert result.exit_code == 0
    for name in ("start", "stop", "status", "import"):
        assert f"  {name} " in result.output
