"""``agencynet rank|centrality|overload|orphans|compare`` through click's runner on a real
embedded store (the hand-made plans of tests/queries, then the five samples)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from agencynet.cli import cli
from agencynet.settings import get_settings
from store.embedded import EmbeddedStore
from queries.testing import TinyStore

two_plans = TinyStore.two_plans


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("AGENCYNET_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    get_settings.cache_clear()
    store = EmbeddedStore(tmp_path / "data")
    store.setup()
    for graph in two_plans().plan_graphs():
        store.load(graph)
    store.close()
    yield tmp_path / "data"
    get_settings.cache_clear()


def run(*args):
    result = CliRunner().invoke(cli, list(args))
    return result


def as_json(*args):
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_rank_rows_carry_names_and_counts(data_dir):
    rows = as_json("rank")
    top = rows[0]
    for key in ("agency", "jurisdiction", "function", "function_en", "leads", "supports", "lead_share"):
        assert key in top
    assert (top["agency"], top["leads"], top["supports"], top["jurisdiction"]) == ("市质监局", 3, 1, "甲市")
    assert top["lead_share"] == pytest.approx(3 / 7)


def test_plan_filter_takes_file_name_or_id(data_dir):
    by_file = as_json("rank", "--plan", "a.txt")
    plan_id = as_json("orphans", "--summary", "--plan", "a.txt")[0]["plan_id"]
    assert as_json("rank", "--plan", plan_id) == by_file
    assert by_file[0]["lead_share"] == 0.75


def test_rank_by_function_harmonised(data_dir):
    rows = {r["function"]: r for r in as_json("rank", "--by", "function", "--harmonise")}
    assert rows["sc"]["leads"] == 4 and "zj" not in rows


def test_table_is_the_default_and_csv_has_every_column(data_dir):
    table = run("rank")
    assert table.exit_code == 0
    assert table.output.splitlines()[0].split()[:3] == ["agency", "jurisdiction", "function"]
    assert "市质监局" in table.output
    out = run("rank", "--format", "csv").output
    header = next(csv.reader(io.StringIO(out)))
    assert {"agency_id", "lead_support_ratio", "tasks"} <= set(header)


def test_centrality_graph_choice_and_sample_size(data_dir):
    rows = as_json("centrality", "--graph", "co_responsibility", "--plan", "a.txt")
    z = next(r for r in rows if r["agency"] == "市质监局")
    assert z["betweenness"] == 1.0 and z["weighted_degree"] == 3.0 and z["betweenness_k"] == 3
    sampled = as_json("centrality", "--k", "2")
    assert {r["betweenness_k"] for r in sampled} == {2}


def test_overload_rule_options_and_reasons(data_dir):
    assert not any(r["overloaded"] for r in as_json("overload"))
    rows = as_json("overload", "--require", "1", "--flagged")
    assert [(r["agency"], r["reasons"]) for r in rows] == [("市质监局", ["share 0.75 >= 0.25"])]
    conc = {r["plan"]: r for r in as_json("overload", "--view", "concentration")}
    assert conc["a.txt"]["hhi"] == pytest.approx(0.625) and conc["a.txt"]["top_agency"] == "市质监局"
    assert "rule: leads >= 3" in run("overload").output


def test_orphans_rows_and_summary(data_dir):
    rows = as_json("orphans")
    for key in ("plan", "seq", "path", "heading", "category"):
        assert key in rows[0]
    assert [(r["plan"], r["seq"], r["category"]) for r in rows] == [("b.txt", 2, "leaderless"), ("b.txt", 3, "unassigned")]
    assert [r["seq"] for r in as_json("orphans", "--category", "unassigned")] == [3]
    summary = {r["plan"]: r for r in as_json("orphans", "--summary")}
    assert summary["b.txt"]["orphans"] == 2 and summary["a.txt"]["orphans"] == 0


def test_compare_views(data_dir):
    matrix = as_json("compare", "--harmonise")
    assert {(r["column"], r["function"], r["leads"]) for r in matrix} == {
        ("甲市", "sc", 3), ("甲市", "fg", 1), ("乙区", "sc", 1)}
    metrics = {r["plan"]: r for r in as_json("compare", "--view", "metrics")}
    assert metrics["a.txt"]["edges"] == 7
    sim = as_json("compare", "--view", "similarity", "--harmonise")
    assert sim[0]["cosine"] == pytest.approx(0.75 / 0.625 ** 0.5)
    diff = as_json("compare", "--view", "differences", "--harmonise", "--jurisdiction", "甲市", "--jurisdiction", "乙区")
    assert diff[0]["a"] == "甲市" and diff[0]["function"] == "fg" and diff[0]["difference"] == 0.25


@pytest.mark.parametrize("args, words", [
    (["rank", "--plan", "nope.txt"], ["plan", "nope.txt", "a.txt"]),
    (["rank", "--function", "zz"], ["function", "zz"]),
    (["orphans", "--jurisdiction", "丙县"], ["jurisdiction", "丙县"]),
    (["compare", "--view", "differences", "--jurisdiction", "甲市"], ["two", "甲市"]),
    (["overload", "--share", "-1"], ["share"]),
])
def test_bad_input_is_one_line_without_traceback(data_dir, args, words):
    result = run(*args)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith("error: ")
    for w in words:
        assert w in result.output


def test_help_lists_the_analytics_commands():
    out = CliRunner().invoke(cli, ["--help"]).output
    for name in ("rank", "centrality", "overload", "orphans", "compare"):
        assert name in out


@pytest.fixture
def samples_dir(tmp_path, monkeypatch):
    from support.stores import load_samples

    monkeypatch.setenv("AGENCYNET_DATA_DIR", str(tmp_path / "samples"))
    monkeypatch.delenv("NEO4J_URI", raising=False)
    get_settings.cache_clear()
    store = EmbeddedStore(tmp_path / "samples")
    store.setup()
    load_samples(store)
    store.close()
    yield
    get_settings.cache_clear()


def test_samples_through_the_cli(samples_dir):
    top = as_json("rank", "--plan", "000_0833acab45604a9b.txt")[0]
    assert (top["agency"], top["leads"], top["tasks"]) == ("市质监局", 13, 22)
    panan = as_json("orphans", "--plan", "004_bfa0d2e85e167f4c.txt")
    assert panan and {r["category"] for r in panan} == {"unassigned"}
    flagged = as_json("overload", "--flagged", "--plan", "000_0833acab45604a9b.txt")
    assert [r["agency"] for r in flagged] == ["市质监局"]
    table = run("rank", "--by", "function", "--harmonise", "--top", "3")
    assert table.exit_code == 0 and "market_regulation" in table.output
