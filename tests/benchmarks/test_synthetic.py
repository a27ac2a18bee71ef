"""The synthetic corpus generator: reproducible, streaming, encodings and truth that
matches the text. Extraction is compared with the manifest in test_synthetic_extraction."""

from __future__ import annotations

import collections
import doctest
import json
import tracemalloc

import pytest
from click.testing import CliRunner

from agencynet.cli import cli
from agencynet.errors import AgencynetError
from benchmarks.synthetic import corpus, generate_corpus, iter_documents, iter_plans, make_plan, read_manifest
from benchmarks.synthetic.places import JurisdictionTree


def _decode(data: bytes, entry: dict) -> str:
    return data.decode(entry["encoding"]).replace("\r\n", "\n")


def test_same_seed_same_bytes_other_seed_other_bytes():
    a = list(iter_documents(15, seed=7))
    b = list(iter_documents(15, seed=7))
    c = list(iter_documents(15, seed=8))
    assert a == b
    assert [d for _, d in a] != [d for _, d in c]


def test_plan_i_does_not_depend_on_corpus_size():
    ten = list(iter_documents(10, seed=2))
    assert list(iter_documents(3, seed=2)) == ten[:3]
    assert list(iter_plans(2, seed=2, start=5))[1][:2] == ten[6]


def test_generate_corpus_writes_files_and_manifest(tmp_path):
    summary = generate_corpus(tmp_path / "c", 25, seed=1)
    entries = list(read_manifest(tmp_path / "c"))
    files = sorted(p.name for p in (tmp_path / "c").glob("*.txt"))
    assert summary.plans == len(entries) == len(files) == 25
    assert sorted(e["file"] for e in entries) == files
    assert summary.tasks == sum(e["task_count"] for e in entries) == sum(len(e["tasks"]) for e in entries)
    assert summary.bytes == sum((tmp_path / "c" / f).stat().st_size for f in files)
    for e in entries:
        assert e["task_count"] == len(e["tasks"])
        assert [t["seq"] for t in e["tasks"]] == list(range(1, e["task_count"] + 1))


def test_manifest_truth_is_in_the_text():
    """Every clause, unit and heading in the manifest is written in the document as stated."""
    for name, data, entry in iter_plans(120, seed=4):
        text = _decode(data, entry)
        assert entry["title"] in "".join(text.split())  # the title may be split over two lines
        for t in entry["tasks"]:
            assert t["heading"] in text, (name, t["heading"])
            if t["clause"] is None:
                assert t["lead_basis"] == "none" and not t["units"]
                continue
            assert t["clause"] in text, (name, t["clause"])
            for unit in t["units"]:
                assert unit in t["clause"], (name, unit, t["clause"])
            assert set(t["lead"]) | set(t["support"]) | set(t["collective"]) == set(t["units"])
            assert not (set(t["lead"]) & set(t["support"]))


def test_lead_rules_follow_the_conventions():
    seen = collections.Counter()
    for _, _, entry in iter_plans(200, seed=5):
        declared = False
        for t in entry["tasks"]:
            basis = t["lead_basis"]
            seen[basis] += 1
            if basis in ("declared_first", "single", "explicit"):
                assert len(t["lead"]) == 1
            if basis == "convention_first":
                assert t["lead"] == t["units"][:1] or (t["units"][0] in t["collective"] and not t["lead"])
            if basis in ("joint", "collective_only", "none"):
                assert t["lead"] == []
            if basis == "collective_only":
                assert t["units"] == t["collective"]
            if basis == "declared_first":
                declared = True
            if declared:  # a declaration carries to every later clause with several specific units
                assert basis not in ("convention_first", "single")
        if entry["style"] in ("declared", "rank_first"):
            assert entry["lead_convention"]
    # every shape is generated, in a sensible spread
    for basis in ("declared_first", "convention_first", "single", "explicit", "joint", "collective_only", "none"):
        assert seen[basis] > 20, seen


def test_levels_parents_scripts_and_encodings():
    tree = JurisdictionTree(0)
    assert 2500 < len(tree) < 4500
    for level, places in tree.by_level.items():
        assert places, level
        for p in places:
            assert (p.parent is None) == (level == "province")
    c = collections.Counter()
    for name, data, entry in iter_plans(300, seed=6):
        c[entry["level"]] += 1
        c[entry["encoding"]] += 1
        c[entry["script"]] += 1
        if entry["encoding"] == "gb18030":
            with pytest.raises(UnicodeDecodeError):
                data.decode("utf-8")
        if entry["encoding"] == "utf-16":
            assert data[:2] in (b"\xff\xfe", b"\xfe\xff")
    for key in ("province", "city", "district", "county", "development_zone", "gb18030", "utf-8", "traditional"):
        assert c[key] > 0, c


def test_traditional_file_is_traditional_and_truth_follows():
    for name, data, entry in iter_plans(200, seed=9, traditional_share=1.0, encodings=(("utf-8", 1.0),)):
        text = _decode(data, entry)
        assert entry["script"] == "traditional"
        assert "发展" not in text and "质量" not in text  # no simplified-only forms left
        for t in entry["tasks"]:
            for unit in t["units"]:
                assert unit in text
        break


def test_plans_are_distinct_plans():
    """(jurisdiction, title) never repeats, so every generated file is its own plan."""
    seen = set()
    for _, _, e in iter_plans(500, seed=12):
        key = (e["jurisdiction"], e["title"])
        assert key not in seen, key
        seen.add(key)
    tree = JurisdictionTree(12)
    assert tree.capacity > 100_000
    with pytest.raises(AgencynetError, match="past the"):
        make_plan(tree.capacity, seed=12)


def test_full_width_and_half_width_both_occur():
    widths = {e["full_width"] for _, _, e in iter_plans(40, seed=3)}
    assert widths == {True, False}


def test_sizes_and_constant_memory():
    """Generation streams: memory for 80 plans is not much above that for 8."""
    sizes = [len(d) for _, d in iter_documents(60, seed=11)]
    assert 1_000 < min(sizes) and max(sizes) < 120_000
    assert 5_000 < sum(sizes) / len(sizes) < 40_000
    make_plan(0, 11)  # warm caches (tree, converter)

    def peak(n):
        tracemalloc.start()
        for _ in iter_documents(n, seed=11):
            pass
        result = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        return result

    assert peak(80) < 2 * peak(8) + 1_000_000


def test_cli_generate(tmp_path):
    out = tmp_path / "corpus"
    result = CliRunner().invoke(cli, ["generate", str(out), "--plans", "12", "--seed", "3", "--quiet"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["plans"] == 12 and len(list(out.glob("*.txt"))) == 12
    again = tmp_path / "again"
    CliRunner().invoke(cli, ["generate", str(again), "--plans", "12", "--seed", "3", "--quiet"])
    for p in out.glob("*.txt"):
        assert (again / p.name).read_bytes() == p.read_bytes()


def test_cli_generate_bad_input(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["generate", str(blocker / "sub"), "--plans", "2", "--quiet"])
    assert result.exit_code == 1
    assert "cannot write the corpus" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(cli, ["generate", str(tmp_path / "x"), "--plans", "0"])
    assert result.exit_code == 2 and "--plans" in result.output


def test_docstring_examples():
    assert doctest.testmod(corpus).failed == 0


def test_extraction_agrees_with_the_manifest():
    """Sanity check (never an accuracy claim): the extractor finds the generator's tasks and leads."""
    extract = pytest.importorskip("loaders.extract").extract_document
    plans = tasks = plan_ok = task_ok = 0
    misses = []
    for name, data, entry in iter_plans(80, seed=21):
        plans += 1
        doc = extract(data, name)
        if len(doc.tasks) != entry["task_count"]:
            misses.append((name, "task count", len(doc.tasks), entry["task_count"]))
            continue
        plan_ok += 1
        for got, want in zip(doc.tasks, entry["tasks"]):
            tasks += 1
            if (got.lead, got.lead_basis, got.units) == (want["lead"], want["lead_basis"], want["units"]):
                task_ok += 1
            elif len(misses) < 20:
                misses.append((name, want["clause"], got.lead, want["lead"], got.lead_basis, want["lead_basis"]))
    assert plan_ok / plans >= 0.95, misses
    assert task_ok / tasks >= 0.95, misses
