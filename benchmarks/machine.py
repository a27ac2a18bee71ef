"""What a benchmark ran on: every benchmark prints this next to its figures."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from pathlib import Path


def cpu_model() -> str:
    """The CPU model from /proc/cpuinfo (``platform.processor()`` elsewhere)."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def load_average() -> list[float]:
    """1/5/15-minute load averages: other work on a shared machine skews every figure."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def describe() -> dict:
    """CPU model and count, memory, OS, Python, SQLite and the load average, as a dict."""
    return {"cpu": cpu_model(), "cores": os.cpu_count(), "memory_gb": memory_gb(), "os": platform.platform(),
            "python": sys.version.split()[0], "sqlite": sqlite3.sqlite_version, "load_average": load_average()}


def summary(extra: str | None = None) -> str:
    """One line for a benchmark's output, e.g. ``machine: AMD EPYC, 2 cores, 23.4 GB, ...``."""
    d = describe()
    load = "/".join(f"{x:.1f}" for x in d["load_average"]) or "n/a"
    line = (f"machine: {d['cpu']}, {d['cores']} cores, {d['memory_gb']} GB, {d['os']}, "
            f"Python {d['python']}, SQLite {d['sqlite']}, load average {load}")
    return line + (f", {extra}" if extra else "")


def connect(uri: str, user: str, password: str):
    """The benchmark's one Neo4j driver and the server's version string (``Neo4j/5.26.x``)."""
    from agencynet.settings import Settings
    from store import make_driver

    driver = make_driver(Settings(neo4j_uri=uri, neo4j_user=user, neo4j_password=password))
    return driver, driver.get_server_info().agent
