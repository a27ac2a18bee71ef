"""``agencynet extract``: jsonl/csv/--plans output, directories, per-file errors and warnings on stderr."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from agencynet.cli import cli

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples" / "plans"
JIAXING = str(SAMPLES / "000_0833acab45604a9b.txt")
PANAN = str(SAMPLES / "004_bfa0d2e85e167f4c.txt")
TASK_FIELDS = {"plan", "seq", "path", "heading", "clause", "units", "lead", "support", "collective", "open_list",
               "lead_basis", "text", "span"}
PLAN_FIELDS = {"file", "title", "jurisdiction", "level", "parent_jurisdiction", "issuer", "doc_number", "date",
               "script", "lead_convention", "task_count", "warnings"}


def run(*args):
    return CliRunner().invoke(cli, ["extract", *args])


def test_jsonl_tasks_have_the_interface_fields():
    result = run(JIAXING)
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 22
    assert all(TASK_FIELDS <= set(r) for r in rows)
    assert rows[0]["plan"] == "000_0833acab45604a9b.txt" and rows[0]["lead"] == ["市质监局"]
    assert [r["seq"] for r in rows] == list(range(1, 23))


def test_plans_mode_and_warnings_on_stderr():
    result = run(JIAXING, PANAN, "--plans")
    assert result.exit_code == 0
    plans = [json.loads(line) for line in result.stdout.splitlines()]
    assert [p["file"] for p in plans] == ["000_0833acab45604a9b.txt", "004_bfa0d2e85e167f4c.txt"]
    assert all(PLAN_FIELDS <= set(p) for p in plans)
    assert plans[1]["task_count"] == 16 and plans[1]["date"] == "2018-08-21"
    assert "warning: " in result.stderr and "has no responsibility clauses" in result.stderr
    assert run(JIAXING, "--plans", "--quiet").stderr == ""


def test_csv_output():
    result = run(PANAN, "--format", "csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 16 and rows[0]["heading"] == "提倡标准引领" and rows[0]["lead_basis"] == "none"
    assert rows[0]["open_list"] == "false"


def test_directory_means_every_document_and_failures_do_not_stop_the_run(tmp_path):
    (tmp_path / "a.txt").write_bytes(Path(JIAXING).read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    result = run(str(tmp_path), str(tmp_path / "scan.doc"), str(tmp_path / "nope.txt"), "--plans")
    assert result.exit_code == 1
    assert [json.loads(l)["file"] for l in result.stdout.splitlines()] == ["a.txt"]
    errors = [l for l in result.stderr.splitlines() if l.startswith("error:")]
    assert len(errors) == 3
    assert any("empty.txt" in e for e in errors) and any("scan.doc" in e for e in errors)
    assert any("nope.txt" in e and "no such file" in e for e in errors)
    assert "Traceback" not in result.stderr


def test_real_process_exit_status_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\xff\xfe" * 50)
    exe = Path(sys.executable).with_name("agencynet")
    proc = subprocess.run([str(exe), "extract", JIAXING, str(bad)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert len(proc.stdout.splitlines()) == 22
    assert "bad.txt" in proc.stderr and "Traceback" not in proc.stderr


def test_help_names_the_options():
    result = run("--help")
    assert result.exit_code == 0
    for word in ("--format", "--plans", "jsonl", "csv"):
        assert word in result.stdout


def test_directory_names_each_skipped_file_and_counts_it_in_the_summary(tmp_path):
    (tmp_path / "a.txt").write_bytes(Path(JIAXING).read_bytes())
    (tmp_path / "notes.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "README").write_text("not a plan")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "b.txt").write_bytes(Path(JIAXING).read_bytes())
    result = run(str(tmp_path), "--plans")
    assert result.exit_code == 0, result.stderr  # skipping is not failing
    assert [json.loads(l)["file"] for l in result.stdout.splitlines()] == ["a.txt"]
    skipped = [l for l in result.stderr.splitlines() if l.startswith("skipped:")]
    assert len(skipped) == 2
    assert any("notes.doc" in l and "unsupported type .doc" in l for l in skipped)
    assert any("README" in l and "no extension" in l for l in skipped)
    assert not any("b.txt" in l for l in skipped)  # hidden folders are counted, not listed
    [summary] = [l for l in result.stderr.splitlines() if l.startswith("summary:")]
    assert summary == ("summary: 1 document extracted (22 tasks), 0 failed, 2 skipped, "
                       "1 hidden file passed over")


def test_summary_counts_failures_and_quiet_leaves_it_out(tmp_path):
    (tmp_path / "a.txt").write_bytes(Path(PANAN).read_bytes())
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "summary: 1 document extracted (16 tasks), 1 failed, 0 skipped"
    assert "summary:" not in run(str(tmp_path), "--quiet").stderr


def test_a_directory_with_only_unsupported_files_says_what_was_skipped(tmp_path):
    (tmp_path / "scan.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert "skipped: " in result.stderr and "scan.doc" in result.stderr
    assert "error: no documents found in the paths given (1 skipped, 0 hidden)" in result.stderr
    assert "Traceback" not in result.stderr
