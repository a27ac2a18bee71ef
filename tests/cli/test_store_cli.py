"""``agencynet load`` and ``agencynet reset`` through the real CLI and real stores."""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from agencynet.cli import cli
from agencynet.settings import get_settings
from store.embedded import EmbeddedStore


@pytest.fixture
def run(tmp_path, monkeypatch):
    """Invoke the CLI with the embedded store in a temporary data dir (or ``env`` overrides)."""
    data = tmp_path / "data"

    def invoke(args, env=None, input=None):
        monkeypatch.delenv("NEO4J_URI", raising=False)
        monkeypatch.setenv("AGENCYNET_DATA_DIR", str(data))
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        get_settings.cache_clear()
        try:
            return CliRunner().invoke(cli, args, input=input)
        finally:
            get_settings.cache_clear()

    invoke.data = data
    return invoke


def _plans(data) -> list[str]:
    store = EmbeddedStore(data)
    try:
        return [p["file"] for p in store.plans()]
    finally:
        store.close()


def test_load_directory_shows_progress_and_one_line_per_file(run, sample_dir, sample_paths):
    result = run(["load", str(sample_dir)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert [line.split()[0] for line in lines] == ["loaded"] * len(sample_paths)
    assert [line.split()[1] for line in lines] == [str(p) for p in sample_paths]
    assert "tasks" in lines[0] and "edges" in lines[0]
    assert f"{len(sample_paths)}/{len(sample_paths)}" in result.stderr  # the progress bar
    assert "0 failed" in result.stderr
    assert sorted(_plans(run.data)) == sorted(p.name for p in sample_paths)
    again = run(["load", str(sample_dir)])
    assert again.exit_code == 0
    assert [line.split()[0] for line in again.stdout.splitlines()] == ["unchanged"] * len(sample_paths)


def test_bad_file_among_good_ones_fails_alone(run, tmp_path, sample_paths):
    docs = tmp_path / "docs"
    docs.mkdir()
    for path in sample_paths[:2]:
        shutil.copy(path, docs / path.name)
    bad = docs / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 this is not really a docx")
    result = run(["load", str(docs), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    failed = [line for line in result.stdout.splitlines() if line.startswith("failed")]
    assert len(failed) == 2
    assert any("broken.docx" in line for line in failed)
    assert any("missing.txt" in line and "no such file" in line for line in failed)
    assert sorted(_plans(run.data)) == sorted(p.name for p in sample_paths[:2])
    assert "2 failed" in result.stderr


def test_reset_asks_first(run, sample_paths):
    assert run(["load", str(sample_paths[0])]).exit_code == 0
    declined = run(["reset"], input="n\n")
    assert declined.exit_code == 1 and "Delete every plan" in declined.output
    assert len(_plans(run.data)) == 1
    accepted = run(["reset"], input="y\n")
    assert accepted.exit_code == 0 and "emptied" in accepted.output
    assert _plans(run.data) == []
    assert run(["load", str(sample_paths[0])]).exit_code == 0
    assert run(["reset", "--yes"]).exit_code == 0
    assert _plans(run.data) == []


def test_neo4j_down_is_one_clear_line(run, sample_paths):
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    uri = f"bolt://127.0.0.1:{port}"
    for args in (["load", str(sample_paths[0])], ["reset", "--yes"]):
        result = run(args, env={"NEO4J_URI": uri})
        assert result.exit_code == 1
        assert "Traceback" not in result.output
        errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and uri in errors[0] and "unavailable" in errors[0]


@pytest.mark.neo4j
def test_load_into_neo4j(run, sample_paths, neo4j_server, neo4j_store):
    env = {"NEO4J_URI": neo4j_server["uri"], "NEO4J_USER": neo4j_server["user"],
           "NEO4J_PASSWORD": neo4j_server["password"] or ""}
    result = run(["load", *map(str, sample_paths[:2])], env=env)
    assert result.exit_code == 0, result.output
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["loaded", "loaded"]
    assert sorted(p["file"] for p in neo4j_store.plans()) == sorted(p.name for p in sample_paths[:2])
    assert run(["reset", "--yes"], env=env).exit_code == 0
    assert neo4j_store.plans() == []
