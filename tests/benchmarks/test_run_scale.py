"""benchmarks/run_scale.py end to end on a tiny corpus (embedded store, no API), and its
measuring helpers."""

from __future__ import annotations

import doctest
import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.scale import measure

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.timeout(600)
def test_run_scale_tiny_embedded(tmp_path):
    out = tmp_path / "results.json"
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run_scale.py"), "--sizes", "6",
                           "--stores", "embedded", "--no-api", "--reps", "1", "--batch", "4",
                           "--workdir", str(tmp_path / "w"), "--json", str(out)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(out.read_text())
    assert report["machine"]["cores"] >= 1
    run = report["runs"][0]
    assert run["plans"] == 6 and run["extract"]["documents"] + run["extract"]["failed"] == 6
    load = run["load"]["embedded"]
    assert load["plans"] == run["extract"]["documents"]
    assert load["rows"] == run["rows"]["tasks"] + run["rows"]["edges"] > 0
    assert set(load["statuses"]) == {"loaded"}
    assert run["embedded_store_mb"] > 0
    q = run["queries"]["embedded"]
    for name in ("snapshot", "ranking", "orphans", "orphan_summary", "overload", "compare", "centrality",
                 "centrality_two_mode", "ranking@plan", "orphans@plan", "overload@plan", "centrality@plan",
                 "ranking@jurisdiction", "orphans@jurisdiction", "overload@jurisdiction",
                 "centrality@jurisdiction"):
        assert q[name]["n"] == 1, (name, q[name])
    assert q["scope"]["plan"] in run["sample_plan_ids"] and q["scope"]["jurisdictions"]
    assert "== 6 plans" in proc.stdout and "rows/s" in proc.stdout


@pytest.mark.timeout(600)
def test_run_scale_from_graph_cache_skips_whole_store_reads_above_whole_max(tmp_path):
    """--cache extracts once (two processes) and loads from the pickled graphs; with
    --whole-max below the size the queries that read every row are left out."""
    out = tmp_path / "results.json"
    cmd = [sys.executable, str(ROOT / "benchmarks" / "run_scale.py"), "--sizes", "8", "--stores", "embedded",
           "--no-api", "--no-measures", "--reps", "1", "--batch", "3", "--workdir", str(tmp_path / "w"),
           "--cache", str(tmp_path / "cache"), "--whole-max", "5", "--json", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    run = json.loads(out.read_text())["runs"][0]
    meta = json.loads((tmp_path / "cache" / "cache-8-seed0" / "meta.json").read_text())
    assert run["extract"] == meta["extract"] and meta["extract"]["documents"] == 8
    load = run["load"]["embedded"]
    assert load["plans"] == 8 and load["rows"] == meta["rows"]["total"] > 0
    assert sum(s["rows"] for s in load["slices"]) <= load["rows"]
    q = run["queries"]["embedded"]
    assert {"ranking", "orphans", "centrality", "ranking@plan"} <= set(q)
    assert not {"snapshot", "overload", "compare", "centrality_two_mode"} & set(q)


def test_run_scale_refuses_long_runs_without_flag():
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run_scale.py"), "--sizes", "100000"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and "--long" in proc.stderr


def test_measure_helpers(tmp_path):
    assert doctest.testmod(measure).failed == 0
    assert measure.percentile([], 50) is None
    s = measure.summary_ms([0.001, 0.002, 0.003, 0.004])
    assert s["n"] == 4 and s["p50_ms"] == 2.0 and s["p95_ms"] == 4.0 and s["max_ms"] == 4.0
    (tmp_path / "a").write_bytes(b"x" * 1024 * 1024)
    assert measure.dir_size_mb(tmp_path) == 1.0
    assert measure.peak_rss_mb() > 10


@pytest.mark.timeout(600)
def test_run_scale_load_only_then_reuse_measures_the_stores_left_behind(tmp_path):
    base = [sys.executable, str(ROOT / "benchmarks" / "run_scale.py"), "--sizes", "5", "--stores", "embedded",
            "--no-api", "--no-measures", "--reps", "1", "--workdir", str(tmp_path / "w")]
    first = subprocess.run(base + ["--no-queries", "--json", str(tmp_path / "a.json")], capture_output=True,
                           text=True, timeout=600)
    assert first.returncode == 0, first.stdout + first.stderr
    run = json.loads((tmp_path / "a.json").read_text())["runs"][0]
    assert run["queries"] == {} and run["load"]["embedded"]["plans"] == 5
    again = subprocess.run(base + ["--reuse", "--json", str(tmp_path / "b.json")], capture_output=True,
                           text=True, timeout=600)
    assert again.returncode == 0, again.stdout + again.stderr
    run = json.loads((tmp_path / "b.json").read_text())["runs"][0]
    assert run["reused"] and "load" not in run and len(run["sample_plan_ids"]) == 5
    assert run["queries"]["embedded"]["ranking"]["rows"] > 0          # the store of the first run, not an empty one
    assert run["queries"]["embedded"]["ranking"]["first_ms"] > 0
    only = subprocess.run(base + ["--reuse", "--only", "ranking,orphans@plan", "--json", str(tmp_path / "c.json")],
                          capture_output=True, text=True, timeout=600)
    assert only.returncode == 0, only.stdout + only.stderr
    q = json.loads((tmp_path / "c.json").read_text())["runs"][0]["queries"]["embedded"]
    assert set(q) == {"scope", "ranking", "orphans@plan"}
    assert "stores left by an earlier run" in again.stdout
