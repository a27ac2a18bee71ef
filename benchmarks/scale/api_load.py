"""A bounded loopback load on the API: ``agencynet serve`` in a child process on 127.0.0.1,
a fixed number of requests per endpoint from a few client threads, then it stops.

Only 127.0.0.1 is ever contacted; every loop is bounded by a request count and a deadline.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.scale.measure import summary_ms

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def endpoints(sample_plan: str | None, sample_task: str | None, sample_agency: str | None) -> list[str]:
    """The main read endpoints (paths), with real ids where the path needs one."""
    paths = ["/health", "/plans", "/agencies", "/analytics/ranking", "/analytics/orphans"]
    if sample_plan:
        paths += [f"/plans/{sample_plan}", f"/plans/{sample_plan}/tasks"]
    if sample_task:
        paths.append(f"/tasks/{sample_task}")
    if sample_agency:
        paths.append(f"/agencies/{sample_agency}")
    return paths


class Server:
    """``agencynet serve`` as a child process with the given environment (store settings)."""

    def __init__(self, env: dict, log: Path, port: int | None = None):
        self.port = port or free_port()
        self.env = {**os.environ, **env}
        self.log = log
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    def start(self, timeout: float = 120.0, expect_ok: bool = True) -> None:
        import httpx

        exe = Path(sys.executable).with_name("agencynet")
        with self.log.open("wb") as fh:
            self.proc = subprocess.Popen([str(exe), "serve", "--host", HOST, "--port", str(self.port)],
                                         env=self.env, stdout=fh, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"agencynet serve exited ({self.proc.returncode}); log {self.log}")
            try:
                r = httpx.get(self.base + "/health", timeout=5)
                if r.status_code == 200 or not expect_ok:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"agencynet serve did not answer on {self.base} in {timeout}s; log {self.log}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def load(base: str, paths: list[str], requests_per_path: int = 200, concurrency: int = 4,
         seconds_per_path: float = 60.0) -> dict:
    """Send up to ``requests_per_path`` GETs to each path from ``concurrency`` threads.

    Returns {path: {requests, errors, not_sent, rps, n, p50_ms, p95_ms, ...}}: an error is
    any non-2xx status or transport failure; requests not yet started when
    ``seconds_per_path`` has passed are not sent (``not_sent``), so slow endpoints stay bounded.
    """
    import httpx

    out = {}
    with httpx.Client(base_url=base, timeout=120) as client:
        for path in paths:
            client.get(path)  # warm-up (caches, first import), not counted
            stop_at = time.monotonic() + seconds_per_path

            def one(_):
                if time.monotonic() > stop_at:
                    return None, None
                t = time.perf_counter()
                try:
                    r = client.get(path)
                    ok = 200 <= r.status_code < 300
                    return time.perf_counter() - t, None if ok else f"HTTP {r.status_code}"
                except httpx.HTTPError as exc:
                    return time.perf_counter() - t, type(exc).__name__

            started = time.perf_counter()
            with ThreadPoolExecutor(concurrency) as pool:
                results = list(pool.map(one, range(requests_per_path)))
            wall = time.perf_counter() - started
            sent = [(t, err) for t, err in results if t is not None]
            times = [t for t, err in sent if err is None]
            errors = [err for _, err in sent if err is not None]
            out[path] = {"requests": len(sent), "errors": len(errors), "not_sent": len(results) - len(sent),
                         "error_kinds": sorted(set(errors)), "rps": round(len(times) / wall, 1) if wall else None,
                         **summary_ms(times)}
    return out
