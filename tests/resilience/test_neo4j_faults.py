"""Neo4j faults, on a real Neo4j that only these tests use:

- stopped (SIGKILL) in the middle of ``agencynet load``: no partial plan, the command says
  what happened, and the same command resumes (loaded plans unchanged, the rest loaded);
- down when the API starts, then back: 503 with a clear body, then answers without a restart.
"""

from __future__ import annotations

import subprocess
import time

import pytest

from .faults import AGENCYNET, cli_env, result_lines, run_cli

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def _store(neo):
    from store.neo4j_store import Neo4jStore

    driver = neo.driver()
    return Neo4jStore(driver, "neo4j", uri=neo.uri), driver


def _plan_rows(store) -> dict:
    return {p["id"]: (len(store.tasks(p["id"])), len(store.edges([p["id"]])), p["task_count"], p["source_hash"])
            for p in store.plans()}


@pytest.mark.timeout(900)
def test_neo4j_killed_mid_load_leaves_no_partial_plan_and_load_resumes(local_neo4j, corpus, tmp_path):
    folder, expected = corpus
    local_neo4j.start()
    store, driver = _store(local_neo4j)
    store.setup()
    store.reset()
    driver.close()
    env = cli_env(NEO4J_URI=local_neo4j.uri)

    proc = subprocess.Popen([AGENCYNET, "load", str(folder)], env=env, cwd=tmp_path, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
    seen = []
    for line in proc.stdout:  # kill Neo4j once a few plans are in
        seen.append(line)
        if sum(line.startswith("loaded") for line in seen) >= 8:
            local_neo4j.kill()
            break
    out, err = proc.communicate(timeout=300)
    out = "".join(seen) + out
    assert proc.returncode != 0, out + err
    assert "Traceback" not in err + out
    assert local_neo4j.uri in err and "unavailable" in err
    assert "run the same command again to resume" in err
    first = result_lines(out)
    loaded_first = {f for f, status in first.items() if status == "loaded"}
    assert 8 <= len(loaded_first) < len(expected)

    local_neo4j.start()  # same data directory
    store, driver = _store(local_neo4j)
    try:
        rows = _plan_rows(store)
        files = {expected[pid]["file"] for pid in rows}
        assert loaded_first <= files  # every plan reported loaded survived the crash
        for pid, (tasks, edges, task_count, _) in rows.items():  # and none is partial
            assert (tasks, edges) == (expected[pid]["tasks"], expected[pid]["edges"]), pid
            assert tasks == task_count
        counts_before = store.counts()
    finally:
        driver.close()

    again = run_cli(["load", str(folder)], env, tmp_path)
    assert again.returncode == 0, again.stdout + again.stderr
    second = result_lines(again.stdout)
    assert {f for f, s in second.items() if s == "unchanged"} == files
    assert {f for f, s in second.items() if s == "loaded"} == {e["file"] for e in expected.values()} - files

    store, driver = _store(local_neo4j)
    try:
        after = _plan_rows(store)
        assert set(after) == set(expected)
        for pid in rows:  # already-loaded plans are exactly as they were
            assert after[pid] == rows[pid]
        for pid, (tasks, edges, _, _) in after.items():
            assert (tasks, edges) == (expected[pid]["tasks"], expected[pid]["edges"])
        assert store.counts()["Plan"] == len(expected) > counts_before["Plan"]
    finally:
        driver.close()


def _wait_status(client, path: str, want: int, seconds: float) -> "object":
    deadline = time.monotonic() + seconds
    while True:
        r = client.get(path)
        if r.status_code == want or time.monotonic() > deadline:
            return r
        time.sleep(0.5)


@pytest.mark.timeout(600)
def test_api_with_neo4j_down_answers_503_then_recovers_without_restart(local_neo4j, tmp_path):
    import httpx

    from benchmarks.scale.api_load import Server

    local_neo4j.kill()
    server = Server(cli_env(NEO4J_URI=local_neo4j.uri), tmp_path / "serve.log")
    server.start(timeout=120, expect_ok=False)
    try:
        with httpx.Client(base_url=server.base, timeout=60) as client:
            for path in ("/health", "/plans", "/analytics/ranking"):
                r = client.get(path)
                assert r.status_code == 503, (path, r.status_code, r.text)
                body = r.json()
                text = str(body)
                assert local_neo4j.uri in text and "unavailable" in text.lower(), body
                assert "Traceback" not in r.text
            pid = server.proc.pid

            local_neo4j.start()
            r = _wait_status(client, "/plans", 200, 120)
            assert r.status_code == 200, r.text
            assert client.get("/health").status_code == 200
            assert server.proc.poll() is None and server.proc.pid == pid  # the same process, no restart

            local_neo4j.kill()  # and down again while serving
            r = _wait_status(client, "/plans", 503, 60)
            assert r.status_code == 503 and local_neo4j.uri in r.text
            local_neo4j.start()
            assert _wait_status(client, "/plans", 200, 120).status_code == 200
    finally:
        server.stop()
