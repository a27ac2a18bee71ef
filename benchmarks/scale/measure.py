"""Small measuring helpers: percentiles, peak memory, directory size, machine facts."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import sys
from pathlib import Path


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (``q`` in 0..100) of ``values``; None when empty.

    >>> percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95)
    10
    >>> percentile([3.0, 1.0, 2.0], 50)
    2.0
    """
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))  # ceil(n*q/100), at least 1
    return ordered[int(rank) - 1]


def summary_ms(seconds: list[float]) -> dict:
    """p50/p95/mean/max in milliseconds, and the sample count."""
    ms = [s * 1000 for s in seconds]
    return {"n": len(ms), "p50_ms": _r(percentile(ms, 50)), "p95_ms": _r(percentile(ms, 95)),
            "mean_ms": _r(statistics.fmean(ms)) if ms else None, "max_ms": _r(max(ms)) if ms else None}


def _r(v):
    return None if v is None else round(v, 1)


def peak_rss_mb() -> float:
    """This process's peak resident memory so far, in MB (Linux ru_maxrss is in KB)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def dir_size_mb(path: str | Path) -> float:
    total = 0
    for root, _, files in os.walk(path):
        for f in files:
            try:
                total += os.path.getsize(os.path.join(root, f))
            except OSError:
                pass
    return round(total / 1024 / 1024, 2)


def machine() -> dict:
    """What the figures ran on: CPU model and count, memory, OS, Python."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": mem_gb, "os": platform.platform(),
            "python": sys.version.split()[0], "load_average": load_average()}


def load_average() -> list[float]:
    """1/5/15-minute load averages: other work on a shared machine skews every figure."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []
