"""``agencynet neo4j import`` end to end: documents in, a running local Neo4j holding them out."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from agencynet import neo4j_build, neo4j_import
from agencynet.cli import cli
from agencynet.neo4j_launcher import Neo4jLauncher, free_port
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


def test_csv_only_prints_a_neo4j_admin_command_that_imports_them(neo4j_env, sample_paths, tmp_path):
    """The printed docker command's neo4j-admin arguments, run by the same tool locally (no Docker
    here), build a database; its first ``setup()`` completes it (as the api's start would)."""
    csv_dir = tmp_path / "csv"
    result = CliRunner().invoke(cli, ["neo4j", "import", *map(str, sample_paths), "--csv-only",
                                      "--keep-csv", str(csv_dir)])
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "home" / "data").exists()  # nothing imported, no server started
    line = next(t for t in result.output.splitlines() if t.startswith("docker compose run"))
    words = shlex.split(line)
    assert words[words.index("-v") + 1] == f"{csv_dir}:/import:ro"
    args = [w.replace("/import/", f"{csv_dir}/").replace("/tmp/import.report", str(tmp_path / "report"))
            for w in words[words.index("neo4j-admin") + 1:]]
    data = tmp_path / "data"
    data.mkdir()
    build = neo4j_build.build(Neo4jLauncher.from_settings().build_dir)
    tool = subprocess.run([neo4j_build.find_java(), "-cp", build.classpath, neo4j_import.ADMIN_CLASS, *args],
                          env=dict(os.environ, NEO4J_HOME=str(data)), capture_output=True, text=True, timeout=300)
    assert tool.returncode == 0, tool.stdout[-2000:]
    launcher = Neo4jLauncher(tmp_path / "h2", Neo4jLauncher.from_settings().build_dir, heap_mb=1024, pagecache_mb=128)
    uri = launcher.start(port=free_port(), data_dir=data, timeout=240.0, watch_pid=os.getpid())
    try:
        driver = make_driver(Settings(neo4j_uri=uri, neo4j_password=""))
        try:
            Neo4jStore(driver, "neo4j").setup()
            rows = driver.execute_query("MATCH (p:Plan) RETURN p.warnings AS w").records
            marker = driver.execute_query("MATCH (s:Totals) RETURN s.imported AS imported").records
        finally:
            driver.close()
    finally:
        launcher.stop()
    assert len(rows) == len(sample_paths) and all(isinstance(r["w"], list) for r in rows)
    assert [r["imported"] for r in marker] == [None]
