"""Concurrent loads of the same plan leave exactly one plan, in each store and through
each door: several ``agencynet load`` processes, several threads on one store, several
HTTP uploads at once."""

from __future__ import annotations

import secrets
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from .faults import AGENCYNET, cli_env, result_lines

pytestmark = pytest.mark.slow
WORKERS = 4


def _processes(paths, env, cwd) -> list[subprocess.CompletedProcess]:
    procs = [subprocess.Popen([AGENCYNET, "load", *map(str, paths)], env=env, cwd=cwd, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL) for _ in range(WORKERS)]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


def _one_plan_each(store, paths) -> None:
    from loaders.extract import extract_document
    from loaders.graph import build_plan_graph

    graphs = [build_plan_graph(extract_document(p.read_bytes(), p.name)) for p in paths]
    plans = store.plans()
    assert sorted(p["id"] for p in plans) == sorted(g.plan["id"] for g in graphs)
    for g in graphs:
        assert len(store.tasks(g.plan["id"])) == len(g.tasks)
        assert len(store.edges([g.plan["id"]])) == len(g.edges)
    ids = [a["id"] for a in store.agencies()]
    assert len(ids) == len(set(ids))


def _check_processes(results, n_files: int) -> None:
    for r in results:
        assert r.returncode == 0, r.stdout + r.stderr
        assert "Traceback" not in r.stderr
    statuses = [s for r in results for s in result_lines(r.stdout).values()]
    assert len(statuses) == WORKERS * n_files
    assert set(statuses) <= {"loaded", "unchanged"}


@pytest.mark.timeout(600)
def test_concurrent_cli_loads_embedded(sample_paths, tmp_path):
    from store.embedded import EmbeddedStore

    paths = sample_paths[:2]
    data = tmp_path / "data"
    results = _processes(paths, cli_env(AGENCYNET_DATA_DIR=str(data)), tmp_path)
    _check_processes(results, len(paths))
    store = EmbeddedStore(data)
    try:
        _one_plan_each(store, paths)
    finally:
        store.close()


@pytest.mark.timeout(600)
def test_concurrent_cli_loads_neo4j(sample_paths, neo4j_store, neo4j_server, tmp_path):
    paths = sample_paths[:2]
    env = cli_env(NEO4J_URI=neo4j_server["uri"], NEO4J_USER=neo4j_server["user"],
                  NEO4J_PASSWORD=neo4j_server["password"] or None)
    _check_processes(_processes(paths, env, tmp_path), len(paths))
    _one_plan_each(neo4j_store, paths)


@pytest.mark.timeout(300)
def test_concurrent_threads_on_one_store(store, sample_paths):
    """Both stores: the same plan loaded from several threads at once is one plan."""
    from loaders.extract import extract_document
    from loaders.graph import build_plan_graph

    path = sample_paths[0]
    graph = build_plan_graph(extract_document(path.read_bytes(), path.name))
    with ThreadPoolExecutor(WORKERS) as pool:
        results = list(pool.map(lambda _: store.load(graph), range(WORKERS * 2)))
    assert sorted(r.status for r in results).count("loaded") <= 1
    assert {r.status for r in results} <= {"loaded", "unchanged"}
    _one_plan_each(store, [path])


@pytest.mark.timeout(300)
def test_concurrent_http_uploads_of_the_same_plan(sample_paths, tmp_path):
    import httpx

    from benchmarks.scale.api_load import Server

    token = secrets.token_urlsafe(24)
    data = tmp_path / "data"
    env = cli_env(AGENCYNET_DATA_DIR=str(data), AGENCYNET_WRITES_ENABLED="true", AGENCYNET_API_TOKEN=token)
    server = Server(env, tmp_path / "serve.log")
    server.start(timeout=120)
    path = sample_paths[0]
    body = path.read_bytes()
    try:
        def upload(_):
            with httpx.Client(base_url=server.base, timeout=120) as client:
                return client.post("/plans", files={"file": (path.name, body, "text/plain")},
                                   headers={"Authorization": f"Bearer {token}"})

        with ThreadPoolExecutor(WORKERS * 2) as pool:
            responses = list(pool.map(upload, range(WORKERS * 2)))
        assert [r.status_code for r in responses] == [201] * len(responses), [r.text for r in responses]
        statuses = sorted(r.json()["status"] for r in responses)
        assert statuses.count("loaded") == 1 and set(statuses) <= {"loaded", "unchanged"}
        plans = httpx.get(server.base + "/plans", timeout=60).json()
        items = plans["items"] if isinstance(plans, dict) else plans
        assert len(items) == 1
    finally:
        server.stop()
