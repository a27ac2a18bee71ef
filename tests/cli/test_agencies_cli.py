"""``agencynet agencies`` through click's runner: documents mode, store mode (embedded and a
real Neo4j), formats, unclassified reporting and errors without tracebacks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from agencynet.cli import cli
from agencynet.settings import get_settings
from store.embedded import EmbeddedStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "plans"
YUHANG = str(SAMPLES / "002_2c6b46a3fd0f362e.txt")
WEIHAI = str(SAMPLES / "003_d47cfc8dc3939d8e.txt")


def run(*args):
    return CliRunner().invoke(cli, ["agencies", *args])


def jsonl(result) -> list[dict]:
    assert result.exit_code == 0, (result.stdout, result.stderr)
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def test_jsonl_fields_and_yuhang_variants():
    rows = jsonl(run(YUHANG, "--format", "jsonl"))
    for row in rows:
        assert {"name", "jurisdiction", "level", "function", "function_en", "aliases", "mentions", "leads",
                "supports", "kind"} <= set(row)
    msa = [r for r in rows if r["kind"] == "agency" and r["function"] == "market_regulation"]
    assert len(msa) == 1
    assert msa[0]["name"] == "区市场监管局" and msa[0]["aliases"] == ["区市场监督局", "区市场监管局"]
    assert msa[0]["alias_counts"] == {"区市场监督局": 2, "区市场监管局": 12}
    assert (msa[0]["leads"], msa[0]["jurisdiction"], msa[0]["level"]) == (13, "余杭区", "district")
    assert msa[0]["function_en"] == "Market regulation"
    coll = [r for r in rows if r["kind"] == "collective"]
    assert [c["name"] for c in coll] == ["各有关单位"] and coll[0]["function"] is None


def test_weihai_zone_market_regulator_and_reform_harmonisation():
    rows = jsonl(run(WEIHAI, str(SAMPLES / "000_0833acab45604a9b.txt"), "--format", "jsonl", "--kind", "agency"))
    zone = next(r for r in rows if r["name"] == "市场监管局")
    assert zone["jurisdiction"] == "威海火炬高技术产业开发区" and zone["level"] == "development_zone"
    zhijian = next(r for r in rows if r["name"] == "市质监局")
    assert (zhijian["function"], zhijian["function_current"]) == ("quality_supervision", "market_regulation")
    assert all(r["kind"] == "agency" for r in rows)


def test_all_samples_every_agency_has_a_function():
    result = run(str(SAMPLES), "--format", "jsonl")
    rows = jsonl(result)
    agencies = [r for r in rows if r["kind"] == "agency"]
    assert len(agencies) > 80 and all(r["function"] != "unclassified" for r in agencies)
    assert "unclassified" not in result.stderr and "agencies and" in result.stderr


def test_table_format_and_unclassified_report(tmp_path):
    doc = tmp_path / "plan.txt"
    doc.write_text(
        "某某市人民政府办公室关于印发某某市质量提升行动计划的通知\n二、主要任务\n"
        "(一)提升质量。加强质量工作。(责任单位:市质监局、市奇特物事局)\n"
        "(二)加强标准。推进标准化。(责任单位:市发改委、各有关单位)\n", encoding="utf-8")
    result = run(str(doc))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].split()[:4] == ["name", "jurisdiction", "level", "function"]
    assert "市质监局" in result.stdout
    assert "unclassified (1): 市奇特物事局" in result.stderr


def test_missing_file_is_an_error_without_traceback():
    result = run("no/such/plan.txt")
    assert result.exit_code == 1
    assert "error:" in result.stderr and "Traceback" not in result.stderr + result.stdout


@pytest.fixture
def settings_env(tmp_path, monkeypatch):
    monkeypatch.setenv("AGENCYNET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def _by_id(rows):
    return {r["id"]: {k: r[k] for k in ("name", "jurisdiction", "level", "function", "aliases", "alias_counts",
                                        "mentions", "leads",
                                        "supports", "kind")} for r in rows}


def test_store_mode_embedded_equals_documents_mode(settings_env, tmp_path):
    from support.stores import load_samples

    store = EmbeddedStore(tmp_path / "data")
    store.setup()
    load_samples(store)
    store.close()
    from_store = jsonl(run("--format", "jsonl"))
    from_docs = jsonl(run(str(SAMPLES), "--format", "jsonl"))
    assert from_store and _by_id(from_store) == _by_id(from_docs)


@pytest.mark.neo4j
def test_store_mode_neo4j_equals_documents_mode(settings_env, neo4j_store, neo4j_server):
    from support.stores import load_samples

    load_samples(neo4j_store)
    settings_env.setenv("NEO4J_URI", neo4j_server["uri"])
    settings_env.setenv("NEO4J_USER", neo4j_server["user"])
    settings_env.setenv("NEO4J_PASSWORD", neo4j_server["password"])
    get_settings.cache_clear()
    from_store = jsonl(run("--format", "jsonl"))
    from_docs = jsonl(run(str(SAMPLES), "--format", "jsonl"))
    assert from_store and _by_id(from_store) == _by_id(from_docs)


def test_store_unavailable_is_one_line(settings_env):
    settings_env.setenv("NEO4J_URI", "bolt://127.0.0.1:1")
    get_settings.cache_clear()
    result = run("--format", "jsonl")
    assert result.exit_code == 1
    assert result.stderr.startswith("error:") and "127.0.0.1:1" in result.stderr and "Traceback" not in result.stderr
