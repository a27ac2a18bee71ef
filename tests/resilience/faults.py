"""Helpers for the fault tests: a Neo4j of their own (so killing it hurts no other test),
the real ``agencynet`` command in a child process, and filling a filesystem.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]
AGENCYNET = str(Path(sys.executable).with_name("agencynet"))


def unavailable(reason: str) -> None:
    """Fail under CI=true, skip loudly elsewhere (as the shared Neo4j fixture does)."""
    if os.environ.get("CI", "").strip().lower() == "true":
        pytest.fail(f"CI=true and this fault test cannot run: {reason}", pytrace=False)
    print(f"\n{'!' * 20} FAULT TEST SKIPPED: {reason}", file=sys.stderr)
    pytest.skip(reason)


def cli_env(**overrides: str | None) -> dict:
    """The environment for an ``agencynet`` child: store settings only from ``overrides``."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("NEO4J_", "AGENCYNET_")) or k.startswith("AGENCYNET_NEO4J_BUILD")}
    env["PYTHONUNBUFFERED"] = "1"
    for key, value in overrides.items():
        if value is not None:
            env[key] = value
    return env


def run_cli(args: list[str], env: dict, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([AGENCYNET, *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def result_lines(stdout: str) -> dict[str, str]:
    """``agencynet load`` per-file lines -> {file name: status} (loaded/replaced/unchanged/failed)."""
    out = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("loaded", "replaced", "unchanged", "failed"):
            out[Path(parts[1].rstrip(":")).name] = parts[0]
    return out


class LocalNeo4j:
    """A Neo4j started by these tests alone: stop it, kill it, start it again on the same
    port and data directory."""

    def __init__(self, home: Path):
        from agencynet.neo4j_launcher import Neo4jLauncher, free_port
        from agencynet.settings import Settings

        self.launcher = Neo4jLauncher(home, build_dir=Neo4jLauncher.from_settings(Settings()).build_dir)
        self.port = free_port()
        self.data_dir = home / "data"
        self.uri = f"bolt://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self.launcher.status()["running"]

    def start(self) -> None:
        if not self.running:
            self.launcher.start(port=self.port, data_dir=self.data_dir, timeout=240, watch_pid=os.getpid())

    def kill(self) -> None:
        """SIGKILL, as a crash or a pulled plug would; waits until the port is closed."""
        info = self.launcher.status()
        if info["running"]:
            os.kill(info["pid"], signal.SIGKILL)
            deadline = time.monotonic() + 30
            while self.running and time.monotonic() < deadline:
                time.sleep(0.1)
        self.launcher.stop(timeout=5)  # forgets the state files

    def driver(self):
        import neo4j

        return neo4j.GraphDatabase.driver(self.uri, auth=None)


def fill(directory: Path) -> Path:
    """Write a file until the filesystem holding ``directory`` is full; returns it."""
    filler = directory / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        for size in (1 << 20, 1 << 16, 4096, 512, 1):
            chunk = b"\0" * size
            try:
                while True:
                    os.write(fd, chunk)
            except OSError:
                continue
    finally:
        os.close(fd)
    return filler
