"""``agencynet serve``: refuses unsafe settings without a traceback, and really serves."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from agencynet.cli import cli
from agencynet.neo4j_launcher import free_port
from agencynet.settings import get_settings

ROOT = Path(__file__).resolve().parents[2]


def test_serve_refuses_writes_without_a_token(monkeypatch):
    monkeypatch.setenv("AGENCYNET_WRITES_ENABLED", "true")
    monkeypatch.delenv("AGENCYNET_API_TOKEN", raising=False)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(cli, ["serve", "--port", "1"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 1
    assert "error: AGENCYNET_WRITES_ENABLED is true but AGENCYNET_API_TOKEN is empty" in result.output
    assert "Traceback" not in result.output


def test_serve_answers_on_the_given_port(tmp_path):
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "AGENCYNET_"))}
    env["AGENCYNET_DATA_DIR"] = str(tmp_path / "data")
    proc = subprocess.Popen([str(Path(sys.executable).parent / "agencynet"), "serve", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as r:
                    assert r.status == 200 and b'"store":"embedded"' in r.read()
                    break
            except OSError:
                assert proc.poll() is None, proc.stdout.read().decode(errors="replace")
                assert time.monotonic() < deadline, "agencynet serve did not answer"
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(10)
