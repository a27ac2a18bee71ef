"""The embedded store on a real full disk and a real read-only filesystem (small tmpfs
mounts; needs root, as these machines have): ``agencynet load`` gives a clear error, no
traceback, and what was loaded before is intact and readable.

Without root the tests skip (chmod cannot stand in for them: root ignores permissions).
"""

from __future__ import annotations

import sqlite3
import subprocess

import pytest

from .faults import cli_env, fill, result_lines, run_cli

pytestmark = pytest.mark.slow


def _state(data_dir):
    from store.embedded import EmbeddedStore

    store = EmbeddedStore(data_dir)
    try:
        return store.counts(), [(p["id"], p["source_hash"]) for p in store.plans()], len(store.tasks())
    finally:
        store.close()


def _integrity(data_dir) -> list[str]:
    out = []
    for db in sorted(data_dir.glob("*.sqlite*")) + sorted(data_dir.glob("*.db")):
        if db.suffix in (".sqlite", ".db", ".sqlite3"):
            con = sqlite3.connect(db)
            out.append(con.execute("PRAGMA integrity_check").fetchone()[0])
            con.close()
    return out


@pytest.mark.timeout(600)
def test_disk_full_gives_clear_error_and_keeps_previous_data(tmpfs, corpus, sample_paths, tmp_path):
    folder, expected = corpus
    mnt = tmpfs("12m")
    data = mnt / "data"
    env = cli_env(AGENCYNET_DATA_DIR=str(data))
    first = run_cli(["load", *map(str, sample_paths[:2])], env, tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    before = _state(data)

    filler = fill(mnt)
    full = run_cli(["load", str(folder)], env, tmp_path)
    text = full.stdout + full.stderr
    assert full.returncode != 0, text
    assert "Traceback" not in text
    assert str(data) in text, text
    assert "full" in text.lower() or "no space" in text.lower(), text

    filler.unlink()
    assert _state(data) == before  # nothing half-written, the earlier plans read back
    assert set(_integrity(data)) <= {"ok"}

    again = run_cli(["load", str(folder)], env, tmp_path)  # with space again, the load completes
    assert again.returncode == 0, again.stdout + again.stderr
    assert set(result_lines(again.stdout).values()) <= {"loaded", "unchanged"}
    counts, plans, _ = _state(data)
    assert len(plans) == len(before[1]) + len(expected)


def _load_read_only(tmpfs, sample_paths, tmp_path):
    """Load one sample, remount the filesystem read-only, try to load another."""
    mnt = tmpfs("32m")
    data = mnt / "data"
    env = cli_env(AGENCYNET_DATA_DIR=str(data))
    assert run_cli(["load", str(sample_paths[0])], env, tmp_path).returncode == 0
    before = _state(data)
    assert subprocess.run(["mount", "-o", "remount,ro", str(mnt)], capture_output=True).returncode == 0
    ro = run_cli(["load", str(sample_paths[1])], env, tmp_path)
    return mnt, data, env, before, ro


@pytest.mark.timeout(300)
def test_read_only_data_dir_gives_error_naming_it_and_keeps_previous_data(tmpfs, sample_paths, tmp_path):
    mnt, data, env, before, ro = _load_read_only(tmpfs, sample_paths, tmp_path)
    text = ro.stdout + ro.stderr
    assert ro.returncode != 0, text
    assert "Traceback" not in text
    assert str(data) in text, text

    subprocess.run(["mount", "-o", "remount,rw", str(mnt)], check=True)
    assert _state(data) == before
    assert set(_integrity(data)) <= {"ok"}
    assert run_cli(["load", str(sample_paths[1])], env, tmp_path).returncode == 0
    assert len(_state(data)[1]) == len(before[1]) + 1


@pytest.mark.timeout(300)
def test_read_only_data_dir_error_says_read_only(tmpfs, sample_paths, tmp_path):
    _, _, _, _, ro = _load_read_only(tmpfs, sample_paths, tmp_path)
    text = (ro.stdout + ro.stderr).lower()
    assert "read-only" in text or "readonly" in text or "read only" in text, text


@pytest.mark.timeout(300)
def test_data_dir_that_is_a_file_is_named_in_the_error(sample_paths, tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a directory")
    result = run_cli(["load", str(sample_paths[0])], cli_env(AGENCYNET_DATA_DIR=str(blocker)), tmp_path)
    assert result.returncode != 0
    assert str(blocker) in result.stderr and "Traceback" not in result.stderr + result.stdout
    assert blocker.read_text() == "not a directory"
