"""build_plan_graph: rows as documented in PlanGraph, edges, dedup, aliases, jurisdictions."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from loaders.graph import build_plan_graph
from loaders.identity.taxonomy import load_taxonomy
from loaders.ids import task_id
from loaders.records import ExtractedDocument, PlanRecord, TaskRecord

KEYS = {
    "jurisdictions": {"id", "name", "level", "parent_id"},
    "tasks": {"id", "plan_id", "seq", "path", "heading", "text", "clause", "lead_basis", "open_list", "orphan",
              "span_start", "span_end", "clause_start", "clause_end", "section"},
    "agencies": {"id", "name", "name_simplified", "jurisdiction_id", "function", "kind"},
    "collectives": {"id", "name", "jurisdiction_id", "kind"},
    "functions": {"code", "zh", "en", "successor", "taxonomy_version"},
    "edges": {"source_id", "task_id", "type", "mention", "position"},
}
PLAN_KEYS = {"id", "file", "title", "jurisdiction_id", "jurisdiction", "level", "parent_jurisdiction", "issuer",
             "doc_number", "date", "year", "script", "lead_convention", "source_hash", "task_count", "format",
             "encoding", "warnings", "text"}


def _plan(jurisdiction="余杭区", level="district", parent="杭州市", **kw) -> PlanRecord:
    base = dict(file="p.txt", title="某某行动计划", jurisdiction=jurisdiction, level=level,
                parent_jurisdiction=parent, issuer=None, doc_number=None, date="2018-03-01",
                script="simplified", lead_convention=None, source_hash="h", task_count=0)
    base.update(kw)
    return PlanRecord(**base)


def _task(seq, units, lead=(), collective=(), basis="declared_first") -> TaskRecord:
    lead = list(lead)
    support = []
    for u in units:
        if u not in collective and u not in lead and u not in support:
            support.append(u)
    return TaskRecord("p.txt", seq, str(seq), f"任务{seq}", "(责任单位:" + "、".join(units) + ")", list(units), lead,
                      support, list(collective), False, basis, f"任务{seq}。", (0, 5), (1, 4))


def _doc(tasks, **plan_kw) -> ExtractedDocument:
    return ExtractedDocument(_plan(task_count=len(tasks), **plan_kw), tasks, "全文")


def test_every_documented_key_is_present():
    g = build_plan_graph(_doc([_task(1, ["区市场监管局", "市发改委", "各有关单位"], ["区市场监管局"], ["各有关单位"])]))
    assert PLAN_KEYS <= set(g.plan)
    for kind, keys in KEYS.items():
        rows = getattr(g, kind)
        assert rows, kind
        for row in rows:
            assert keys <= set(row), (kind, keys - set(row))
    assert g.plan["year"] == 2018 and g.plan["jurisdiction_id"] == g.jurisdictions[0]["id"]


def test_edges_types_mentions_positions():
    g = build_plan_graph(_doc([_task(1, ["区市场监管局", "区科技局", "各有关单位"], ["区市场监管局"], ["各有关单位"])]))
    got = [(e["type"], e["mention"], e["position"], e["task_id"]) for e in g.edges]
    tid = task_id(g.plan["id"], 1)
    assert got == [("LEADS", "区市场监管局", 0, tid), ("SUPPORTS", "区科技局", 1, tid), ("NAMED_ON", "各有关单位", 2, tid)]
    assert g.collectives[0]["kind"] == "collective" and g.collectives[0]["name"] == "各有关单位"
    sources = {a["id"] for a in g.agencies} | {c["id"] for c in g.collectives}
    assert all(e["source_id"] in sources for e in g.edges)


def test_duplicates_and_variants_in_one_clause_give_one_edge_per_agency():
    units = ["区市场监管局", "区发改局", "区市场监督局", "区发改局"]
    g = build_plan_graph(_doc([_task(1, units, ["区市场监管局"])]))
    assert [(e["type"], e["position"]) for e in g.edges] == [("LEADS", 0), ("SUPPORTS", 1)]


def test_joint_clause_has_no_leads():
    g = build_plan_graph(_doc([_task(1, ["经发局", "财政局"], [], basis="joint")],
                              jurisdiction="威海火炬高技术产业开发区", level="development_zone", parent="威海市"))
    assert [e["type"] for e in g.edges] == ["SUPPORTS", "SUPPORTS"]


def test_variants_collapse_with_aliases_counted_and_canonical_name():
    tasks = [_task(i, ["区市场监管局", "区科技局"], ["区市场监管局"]) for i in range(1, 4)]
    tasks.append(_task(4, ["区市场监督局", "区发改局"], ["区市场监督局"]))
    g = build_plan_graph(_doc(tasks))
    msa = [a for a in g.agencies if a["function"] == "market_regulation"]
    assert len(msa) == 1
    a = msa[0]
    assert a["name"] == "区市场监管局" and a["aliases"] == ["区市场监督局", "区市场监管局"] and a["mentions"] == 4
    leads = Counter(e["source_id"] for e in g.edges if e["type"] == "LEADS")
    assert leads[a["id"]] == 4


def test_jurisdictions_are_the_plans_and_its_parents():
    g = build_plan_graph(_doc([_task(1, ["市发改委", "区财政局"], ["市发改委"])]))
    by = {j["name"]: j for j in g.jurisdictions}
    assert set(by) == {"余杭区", "杭州市", "浙江省"}
    assert by["余杭区"]["parent_id"] == by["杭州市"]["id"] and by["杭州市"]["parent_id"] == by["浙江省"]["id"]
    assert by["浙江省"]["parent_id"] is None
    city = next(a for a in g.agencies if a["function"] == "development_reform")
    assert city["jurisdiction_id"] == by["杭州市"]["id"]


def test_unknown_parent_city_row_is_written():
    g = build_plan_graph(_doc([_task(1, ["市发改委"], ["市发改委"])], jurisdiction="朝阳区", parent=None))
    names = {j["name"] for j in g.jurisdictions}
    assert names == {"朝阳区", "未知上级市(朝阳区)"}


def test_functions_are_the_whole_taxonomy():
    g = build_plan_graph(_doc([]))
    tax = load_taxonomy()
    assert [f["code"] for f in g.functions] == [f.code for f in tax.functions]
    assert {f["taxonomy_version"] for f in g.functions} == {tax.version}
    assert g.agencies == [] and g.edges == [] and g.tasks == []


def test_tasks_rows():
    g = build_plan_graph(_doc([_task(1, [], basis="none"), _task(2, ["区科技局"], ["区科技局"])]))
    t1, t2 = g.tasks
    assert t1["id"] == task_id(g.plan["id"], 1) and t1["orphan"] == "unassigned"
    assert (t2["span_start"], t2["span_end"], t2["clause_start"], t2["clause_end"]) == (0, 5, 1, 4)
    assert t2["orphan"] is None


def test_gold_plans_every_unit_is_an_edge_source(gold_tasks, gold_plans):
    for plan in gold_plans:
        tasks = [t for t in gold_tasks if t["plan"] == plan["file"]]
        records = [TaskRecord(plan["file"], t["seq"], t["path"], t["heading"], t["clause"], t["units"], t["lead"],
                              t["support"], t["collective"], t["open_list"], t["lead_basis"], t["heading"], (0, 1))
                   for t in tasks]
        doc = ExtractedDocument(_plan(plan["jurisdiction"], plan["level"], plan["parent_jurisdiction"],
                                      file=plan["file"], title=plan["title"], task_count=len(records)), records, "")
        g = build_plan_graph(doc)
        assert all(a["function"] != "unclassified" for a in g.agencies)
        leads = sum(1 for t in tasks if t["lead"])
        assert sum(e["type"] == "LEADS" for e in g.edges) == leads
        for e in g.edges:
            t = next(t for t in tasks if task_id(g.plan["id"], t["seq"]) == e["task_id"])
            assert t["units"][e["position"]] == e["mention"]


HAS_EXTRACTOR = importlib.util.find_spec("loaders.extract") is not None
SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "plans"


@pytest.mark.skipif(not HAS_EXTRACTOR, reason="loaders.extract (the extractor) has not landed yet")
def test_samples_yuhang_variants_collapse_and_weihai_zone_body():
    from loaders.extract import extract_document

    graphs = {p.name[:3]: build_plan_graph(extract_document(p.read_bytes(), p.name)) for p in sorted(SAMPLES.glob("*.txt"))}
    for g in graphs.values():
        assert all(a["function"] != "unclassified" for a in g.agencies), [a["name"] for a in g.agencies
                                                                        if a["function"] == "unclassified"]
    yuhang = graphs["002"]
    msa = [a for a in yuhang.agencies if a["function"] == "market_regulation"]
    assert len(msa) == 1 and set(msa[0]["aliases"]) == {"区市场监督局", "区市场监管局"}
    leads = sum(e["type"] == "LEADS" and e["source_id"] == msa[0]["id"] for e in yuhang.edges)
    assert leads == 13
    zone = graphs["003"]
    weihai_msa = next(a for a in zone.agencies if a["name"] == "市场监管局")
    assert weihai_msa["jurisdiction_id"] == zone.plan["jurisdiction_id"]
