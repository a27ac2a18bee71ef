"""Fixtures for the fault tests: a Neo4j of their own, a generated corpus with its
expected rows per plan, and small tmpfs mounts for disk-full and read-only data directories.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from agencynet.errors import AgencynetError

from .faults import LocalNeo4j, unavailable


@pytest.fixture(scope="module")
def local_neo4j(tmp_path_factory):
    try:
        neo = LocalNeo4j(tmp_path_factory.mktemp("fault-neo4j"))
        neo.start()
    except AgencynetError as exc:
        unavailable(f"cannot start a Neo4j for the fault tests: {exc}")
    yield neo
    neo.launcher.stop(timeout=30)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """60 generated plans that the extractor reads, with their expected rows per plan id."""
    extract = pytest.importorskip("loaders.extract").extract_document
    build = pytest.importorskip("loaders.graph").build_plan_graph
    from benchmarks.synthetic import generate_corpus

    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(out, 60, seed=31)
    (out / "manifest.jsonl").unlink()
    expected = {}
    for path in sorted(out.glob("*.txt")):
        try:
            graph = build(extract(path.read_bytes(), path.name))
        except AgencynetError:
            path.unlink()  # these tests are about faults, not extraction
            continue
        expected[graph.plan["id"]] = {"file": path.name, "tasks": len(graph.tasks), "edges": len(graph.edges)}
    return out, expected


@pytest.fixture
def tmpfs(tmp_path):
    """``make(size)`` mounts a tmpfs of that size (e.g. "6m") and returns its path; unmounted after."""
    mounts: list[Path] = []

    def make(size: str) -> Path:
        point = tmp_path / f"mnt{len(mounts)}"
        point.mkdir()
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(point)],
                              capture_output=True, text=True)
        if proc.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here (needs root): {proc.stderr.strip()}")
        mounts.append(point)
        return point

    yield make
    for point in reversed(mounts):
        subprocess.run(["mount", "-o", "remount,rw", str(point)], capture_output=True)
        subprocess.run(["umount", "-l", str(point)], capture_output=True)
