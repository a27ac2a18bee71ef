"""``agencynet neo4j import`` end to end: documents in, a running local Neo4j holding them out."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from agencynet.cli import cli
from agencynet.settings import Settings
from store import make_driver
from store.neo4j_store import Neo4jStore

pytestmark = [pytest.mark.neo4j, pytest.mark.slow]


def _plans(uri: str) -> list[dict]:
    driver = make_driver(Settings(neo4j_uri=uri, neo4j_password=""))
    try:
        store = Neo4jStore(driver, "neo4j")
        return store.plans(), store.agency_totals(limit=3)
    finally:
        driver.close()


def test_import_builds_a_database_reports_bad_files_and_refuses_to_overwrite(neo4j_env, sample_paths, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sample_paths:
        shutil.copy(path, docs / path.name)
    (docs / "broken.txt").write_bytes(b"\x00\x01\x02 not a plan")
    runner = CliRunner()

    result = runner.invoke(cli, ["neo4j", "import", str(docs), "--workers", "2"])
    assert result.exit_code == 1, result.output  # one file failed, the others are in
    assert "failed     " in result.output and "broken.txt" in result.output
    assert result.output.count("loaded     ") == len(sample_paths)
    port = neo4j_env["AGENCYNET_NEO4J_PORT"]
    assert f"export NEO4J_URI=bolt://127.0.0.1:{port}" in result.output
    plans, ranking = _plans(f"bolt://127.0.0.1:{port}")
    assert len(plans) == len(sample_paths)
    assert ranking["rows"] and ranking["rows"][0]["leads"] > 0  # kept totals came with the import

    running = runner.invoke(cli, ["neo4j", "import", str(docs)])
    assert running.exit_code == 1 and "needs it stopped" in running.output
    assert runner.invoke(cli, ["neo4j", "stop"]).exit_code == 0
    there = runner.invoke(cli, ["neo4j", "import", str(docs)])
    assert there.exit_code == 1 and "already holds a database" in there.output

    (docs / "broken.txt").unlink()
    (docs / sample_paths[0].name).unlink()
    replaced = runner.invoke(cli, ["neo4j", "import", str(docs), "--replace"])
    assert replaced.exit_code == 0, replaced.output
    plans, _ = _plans(f"bolt://127.0.0.1:{port}")
    assert len(plans) == len(sample_paths) - 1
