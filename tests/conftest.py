"""Fixtures every test area shares.

- ``sample_dir`` / ``sample_paths``: the five sample plans shipped in ``samples/plans``.
- ``gold_tasks`` / ``gold_plans``: the hand-checked annotations in ``samples/gold``.
- Neo4j and store fixtures come from ``tests/support`` (imported below).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples" / "plans"
GOLD = ROOT / "samples" / "gold"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def sample_paths() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


@pytest.fixture(scope="session")
def gold_tasks() -> list[dict]:
    with (GOLD / "tasks.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def gold_plans() -> list[dict]:
    return json.loads((GOLD / "plans.json").read_text(encoding="utf-8"))


from support.neo4j_server import *  # noqa: E402,F401,F403  (the local Neo4j fixture)
from support.stores import *  # noqa: E402,F401,F403  (embedded/neo4j store fixtures)
