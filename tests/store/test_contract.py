"""The contract both stores keep (``store.base.GraphStore``): every test runs on each store.

Hand-made graphs (``support.graphs.make_graph``) give hand-computed answers; the five
samples check both stores answer identically.
"""

from __future__ import annotations

import threading

import pytest

from agencynet.errors import StoreError
from store.base import GraphStore
from support.graphs import make_graph
from support.stores import load_samples, sample_graphs


def test_store_satisfies_protocol(store):
    assert isinstance(store, GraphStore)
    assert store.kind in ("embedded", "neo4j")


def test_round_trip_of_a_tiny_plan(store):
    graph = make_graph("a", n_tasks=3)
    result = store.load(graph)
    assert (result.plan_id, result.status, result.tasks, result.edges) == ("p-a", "loaded", 3, 10)
    plan = store.plan("p-a")
    assert plan == {k: v for k, v in graph.plan.items() if k != "text"}
    assert store.plan_text("p-a") == graph.plan["text"]
    assert store.tasks("p-a") == graph.tasks
    assert store.task("p-a-t2") == graph.tasks[1]
    assert store.jurisdictions() == sorted(graph.jurisdictions, key=lambda j: j["id"])
    assert store.functions() == sorted(graph.functions, key=lambda f: f["code"])
    # task 1: lead 1, supports 2 3; task 2: lead 2, supports 3 0; task 3: lead 3, supports 0 1 + collective
    agency = store.agency("a-c1-0")
    assert (agency["leads"], agency["supports"], agency["mentions"]) == (0, 2, 2)
    assert agency["aliases"] == ["市局0", "市局0等"]
    assert store.agency("a-c1-3")["leads"] == 1 and store.agency("a-c1-3")["supports"] == 2
    assert store.collectives() == [{"id": "c-c1", "name": "各有关单位", "jurisdiction_id": "j-c1",
                                    "kind": "collective", "mentions": 1}]
    edges = store.edges()
    assert [(e["task_id"], e["position"], e["type"]) for e in edges[:3]] == [
        ("p-a-t1", 0, "LEADS"), ("p-a-t1", 1, "SUPPORTS"), ("p-a-t1", 2, "SUPPORTS")]
    assert all(e["plan_id"] == "p-a" for e in edges)
    assert store.counts() == {
        "Plan": 1, "Task": 3, "Agency": 4, "Collective": 1, "Jurisdiction": 2, "Function": 3,
        "LEADS": 3, "SUPPORTS": 6, "NAMED_ON": 1, "HAS_TASK": 3, "ISSUED_IN": 1, "IN": 5,
        "OF_FUNCTION": 3, "PART_OF": 1, "SUCCEEDED_BY": 1}
    assert store.plan("p-none") is None and store.task("nope") is None and store.agency("nope") is None


def test_same_source_hash_again_changes_nothing(store):
    assert store.load(make_graph("a")).status == "loaded"
    before = (store.counts(), store.edges(), store.agencies())
    assert store.load(make_graph("a")).status == "unchanged"
    assert (store.counts(), store.edges(), store.agencies()) == before


def test_new_version_replaces_old(store):
    store.load(make_graph("a", n_tasks=3, source_hash="v1"))
    store.load(make_graph("b", n_tasks=2, city="c2"))
    result = store.load(make_graph("a", n_tasks=6, n_agencies=5, source_hash="v2"))
    assert result.status == "replaced"
    assert store.plan("p-a")["source_hash"] == "v2"
    assert [t["seq"] for t in store.tasks("p-a")] == [1, 2, 3, 4, 5, 6]
    assert store.tasks("p-a")[0]["text"] == "任务1正文 v2"
    assert {e["plan_id"] for e in store.edges(["p-a"])} == {"p-a"}
    store.delete_plan("p-b")
    counts = store.counts()  # as if v2 alone had been loaded: 6 tasks (task 1 unassigned), 5 agencies
    assert (counts["Plan"], counts["Task"], counts["Agency"]) == (1, 6, 5)
    assert (counts["LEADS"], counts["SUPPORTS"], counts["NAMED_ON"]) == (5, 10, 2)


def test_replace_drops_agencies_the_new_version_no_longer_names(store):
    store.load(make_graph("a", n_agencies=6, n_tasks=6, source_hash="v1"))
    store.load(make_graph("a", n_agencies=3, n_tasks=3, source_hash="v2"))
    assert [a["id"] for a in store.agencies()] == ["a-c1-0", "a-c1-1", "a-c1-2"]


def test_delete_keeps_what_other_plans_use(store):
    store.load(make_graph("a", city="c1"))
    store.load(make_graph("b", city="c2"))
    assert store.delete_plan("p-a") is True
    assert store.delete_plan("p-a") is False
    assert [p["id"] for p in store.plans()] == ["p-b"]
    assert [j["id"] for j in store.jurisdictions()] == ["j-c2", "j-prov"]
    assert all(a["jurisdiction_id"] == "j-c2" for a in store.agencies())
    assert store.tasks("p-a") == [] and store.edges(["p-a"]) == []
    assert store.delete_plan("p-b") is True
    counts = store.counts()
    assert counts["Jurisdiction"] == 0 and counts["Agency"] == 0 and counts["Collective"] == 0
    assert counts["Function"] == 3  # the taxonomy stays


def test_reset_empties_the_store(store):
    store.load(make_graph("a"))
    store.reset()
    assert all(v == 0 for v in store.counts().values())
    assert store.health()["ok"] and store.health()["plans"] == 0


def test_failure_in_last_batch_leaves_no_partial_plan(store):
    store.load(make_graph("a", n_tasks=3, source_hash="v1"))
    before = (store.counts(), store.tasks(), store.edges())
    bad = make_graph("a", n_tasks=1200, source_hash="v2")  # > 1 batch of tasks and of edges
    bad.edges[-1]["mention"] = {"not": "a value a store can hold"}
    with pytest.raises(StoreError):
        store.load(bad)
    assert (store.counts(), store.tasks(), store.edges()) == before
    new = make_graph("b", n_tasks=1200, city="c2")
    new.edges[-1]["mention"] = {"not": "a value a store can hold"}
    with pytest.raises(StoreError):
        store.load(new)
    assert store.plan("p-b") is None and store.tasks("p-b") == []
    assert store.counts() == before[0]



def load_in_threads(store, graphs):
    """Load each graph from its own thread at once; (results, errors) once all have finished."""
    results, errors = [], []

    def work(graph):
        try:
            results.append(store.load(graph))
        except Exception as exc:  # noqa: BLE001 (the callers assert there are none)
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(g,)) for g in graphs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results, errors

def test_concurrent_loads_of_one_plan_leave_exactly_one(store):
    graph = make_graph("a", n_tasks=40)
    results, errors = load_in_threads(store, [graph] * 4)
    assert errors == []
    assert sorted(r.status for r in results) == ["loaded", "unchanged", "unchanged", "unchanged"]
    counts = store.counts()
    assert counts["Plan"] == 1 and counts["Task"] == 40 and counts["HAS_TASK"] == 40


def test_concurrent_new_versions_leave_one_complete_version(store):
    graphs = [make_graph("a", n_tasks=20 + i, source_hash=f"v{i}") for i in range(3)]
    _, errors = load_in_threads(store, graphs)
    assert errors == []
    plan = store.plan("p-a")
    assert store.counts()["Plan"] == 1
    assert len(store.tasks("p-a")) == plan["task_count"] == 20 + int(plan["source_hash"][1:])


def test_multi_batch_plan_round_trips(store):
    graph = make_graph("a", n_tasks=2500, n_agencies=30)
    result = store.load(graph)
    assert result.tasks == 2500 and store.counts()["Task"] == 2500
    edges = store.edges()  # > 5,000 rows: Neo4j returns them in several lists
    assert len(edges) == result.edges == len(graph.edges)
    assert edges == sorted(edges, key=lambda e: (e["task_id"], e["position"], e["type"], e["source_id"]))
    assert len({(e["task_id"], e["type"], e["source_id"]) for e in edges}) == len(edges)


# -- the five samples ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def graphs():
    pytest.importorskip("loaders.graph", reason="build_plan_graph not written yet")
    pytest.importorskip("loaders.extract", reason="extractor not written yet")
    return sample_graphs()


def _reads(store) -> dict:
    return {"plans": store.plans(), "tasks": store.tasks(), "agencies": store.agencies(),
            "collectives": store.collectives(), "jurisdictions": store.jurisdictions(),
            "functions": store.functions(), "edges": store.edges(), "counts": store.counts(),
            "duty_counts": store.duty_counts(), "orphan_tasks": store.orphan_tasks(),
            "agency_duties": store.agency_duties(), "agency_duties_by_plan": store.agency_duties(by_plan=True),
            "function_duties": store.function_duties(by_plan=True), "flagged_tasks": store.flagged_tasks(),
            "task_flag_counts": store.task_flag_counts(), "agency_pairs": store.agency_pairs(),
            "texts": [store.plan_text(p["id"]) for p in store.plans()],
            "sources_by_id": store.sources_by_id([a["id"] for a in store.agencies()]
                                                 + [c["id"] for c in store.collectives()] + ["nope"]),
            "source_edges": [store.source_edges(a["id"]) for a in store.agencies()]
                            + [store.source_edges(c["id"]) for c in store.collectives()]}


@pytest.mark.neo4j
def test_both_stores_give_identical_reads_of_the_samples(graphs, embedded_store, neo4j_store):
    assert [r.status for r in load_samples(embedded_store)] == ["loaded"] * len(graphs)
    assert [r.status for r in load_samples(neo4j_store)] == ["loaded"] * len(graphs)
    embedded, neo4j = _reads(embedded_store), _reads(neo4j_store)
    for key in embedded:
        assert embedded[key] == neo4j[key], key
    assert len(embedded["plans"]) == 5 and embedded["counts"]["LEADS"] > 0
    first = embedded["plans"][0]["id"]
    assert embedded_store.edges([first]) == neo4j_store.edges([first]) != []
    assert embedded_store.tasks(first) == neo4j_store.tasks(first) != []


def test_reloading_the_samples_is_idempotent(graphs, store):
    load_samples(store)
    before = _reads(store)
    assert {r.status for r in load_samples(store)} == {"unchanged"}
    assert _reads(store) == before
    assert before["counts"]["Plan"] == len({g.plan["id"] for g in graphs})
    assert before["counts"]["Task"] == sum(len(g.tasks) for g in graphs)


def test_load_many_reports_each_plan_and_isolates_a_bad_one(store):
    bad = make_graph("bad", n_tasks=4, city="c3")
    bad.tasks[-1]["text"] = {"not": "storable"}
    graphs = [make_graph("a"), bad, make_graph("b", city="c2"), make_graph("a")]
    results = store.load_many(graphs)
    assert [(r.plan_id, r.status) for r in results] == [
        ("p-a", "loaded"), ("p-bad", "failed"), ("p-b", "loaded"), ("p-a", "unchanged")]
    assert results[1].error and results[0].error is None
    assert [p["id"] for p in store.plans()] == ["p-a", "p-b"]
    assert store.tasks("p-bad") == [] and "j-c3" not in {j["id"] for j in store.jurisdictions()}


def test_load_many_equals_loading_one_by_one(store):
    graphs = [make_graph(str(i), city=f"c{i % 3}", n_tasks=5 + i) for i in range(8)]
    store.load_many(graphs)
    bulk = (store.counts(), store.edges(), store.agencies(), store.tasks())
    store.reset()
    for graph in graphs:
        store.load(graph)
    assert (store.counts(), store.edges(), store.agencies(), store.tasks()) == bulk


def _duties_from_edges(edges) -> list[dict]:
    counts: dict[str, dict] = {}
    for e in edges:
        if e["type"] in ("LEADS", "SUPPORTS"):
            row = counts.setdefault(e["source_id"], {"agency_id": e["source_id"], "leads": 0, "supports": 0})
            row["leads" if e["type"] == "LEADS" else "supports"] += 1
    return [counts[k] for k in sorted(counts)]


def test_aggregated_reads_agree_with_the_rows(store):
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(5)])
    assert store.duty_counts() == _duties_from_edges(store.edges()) != []
    some = ["p-1", "p-3"]
    assert store.duty_counts(some) == _duties_from_edges(store.edges(some)) != []
    assert store.duty_counts([]) == []
    assert store.orphan_tasks() == [t for t in store.tasks() if t["orphan"]] != []
    assert store.orphan_tasks(["p-1"]) == [t for t in store.tasks("p-1") if t["orphan"]]


def test_per_id_reads_agree_with_the_whole_store_reads(store):
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(3)])
    agencies, collectives, edges = store.agencies(), store.collectives(), store.edges()
    every = sorted([{"id": a["id"], "name": a["name"], "kind": a["kind"]} for a in agencies]
                   + [{"id": c["id"], "name": c["name"], "kind": c["kind"]} for c in collectives],
                   key=lambda r: r["id"])
    assert store.sources_by_id([r["id"] for r in reversed(every)]) == every != []
    some = [every[0]["id"], collectives[0]["id"], "nope"]
    assert store.sources_by_id(some) == [r for r in every if r["id"] in some] != []
    assert store.sources_by_id([]) == [] and store.sources_by_id(["nope"]) == []
    for source in [a["id"] for a in agencies] + [c["id"] for c in collectives]:
        mine = store.source_edges(source)
        assert mine == [e for e in edges if e["source_id"] == source] != []
    assert store.source_edges("nope") == []


def _agency_duties(store, edges, by_plan=False) -> list[dict]:
    agencies = {a["id"]: a for a in store.agencies()}
    counts: dict[tuple, dict] = {}
    for e in edges:
        if e["type"] in ("LEADS", "SUPPORTS"):
            a = agencies[e["source_id"]]
            key = (e["plan_id"] if by_plan else None, a["id"])
            row = counts.setdefault(key, {"plan_id": key[0], "agency_id": a["id"], "name": a["name"],
                                          "jurisdiction_id": a["jurisdiction_id"], "function": a["function"],
                                          "leads": 0, "supports": 0})
            row["leads" if e["type"] == "LEADS" else "supports"] += 1
    return [counts[k] for k in sorted(counts, key=lambda k: (k[0] or "", k[1]))]


def _function_duties(store, edges, successors) -> list[dict]:
    function = {a["id"]: a["function"] for a in store.agencies()}
    sets: dict[str, dict] = {}
    for e in edges:
        if e["type"] in ("LEADS", "SUPPORTS"):
            code = successors.get(function[e["source_id"]], function[e["source_id"]])
            row = sets.setdefault(code, {"agencies": set(), "LEADS": set(), "SUPPORTS": set()})
            row["agencies"].add(e["source_id"])
            row[e["type"]].add(e["task_id"])
    return [{"plan_id": None, "function": code, "agencies": len(r["agencies"]), "leads": len(r["LEADS"]),
             "supports": len(r["SUPPORTS"]), "total": len(r["LEADS"] | r["SUPPORTS"])}
            for code, r in sorted(sets.items())]


def _flagged(store, tasks, edges) -> list[dict]:
    units: dict[str, list] = {}
    for e in sorted(edges, key=lambda e: (e["task_id"], e["position"], e["type"], e["source_id"])):
        units.setdefault(e["task_id"], []).append(e["mention"])
    return [{**t, "units": units.get(t["id"], [])} for t in tasks if t["orphan"] or t["open_list"]]


def test_analytics_reads_agree_with_the_rows(store):
    graphs = [make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(5)]
    store.load_many(graphs)
    some, edges = ["p-1", "p-3"], store.edges()
    assert store.agency_duties() == _agency_duties(store, edges) != []
    assert store.agency_duties(by_plan=True) == _agency_duties(store, edges, by_plan=True)
    assert store.agency_duties(some, by_plan=True) == _agency_duties(store, store.edges(some), by_plan=True) != []
    assert store.agency_duties(some) == _agency_duties(store, store.edges(some)) != []
    assert store.agency_duties([]) == []
    codes = sorted({f["code"] for f in store.functions()})
    moved = {codes[0]: codes[1]}  # count the first function under the second
    assert store.function_duties() == _function_duties(store, edges, {}) != []
    assert store.function_duties(some, successors=moved) == _function_duties(store, store.edges(some), moved) != []
    per_plan = store.function_duties(by_plan=True)
    assert {r["plan_id"] for r in per_plan} == {p["id"] for p in store.plans()}
    assert [r for r in per_plan if r["plan_id"] == "p-3"] == [
        {**r, "plan_id": "p-3"} for r in _function_duties(store, store.edges(["p-3"]), {})]
    flagged = store.flagged_tasks()
    assert flagged == _flagged(store, store.tasks(), edges) != []
    assert any(t["orphan"] is None and t["open_list"] for t in flagged)
    assert store.flagged_tasks(["p-1"]) == _flagged(store, store.tasks("p-1"), store.edges(["p-1"])) != []
    counts = store.task_flag_counts()
    assert sum(r["tasks"] for r in counts) == len(store.tasks())
    assert {(r["plan_id"], r["orphan"], r["open_list"]): r["tasks"] for r in store.task_flag_counts(["p-2"])} == {
        k: sum(1 for t in store.tasks("p-2") if (t["plan_id"], t["orphan"], t["open_list"]) == k)
        for k in {(t["plan_id"], t["orphan"], t["open_list"]) for t in store.tasks("p-2")}}
    fn = store.agencies()[0]["function"]
    naming = {e["task_id"] for e in edges if e["type"] != "NAMED_ON"
              and store.agency(e["source_id"])["function"] == fn}
    assert [t["id"] for t in store.flagged_tasks(functions=[fn])] == [t["id"] for t in flagged if t["id"] in naming]
    assert sum(r["tasks"] for r in store.task_flag_counts(functions=[fn])) == len(naming)
    assert store.flagged_tasks(functions=["no-such-code"]) == [] == store.task_flag_counts(some, functions=[])


def _pairs(edges) -> list[dict]:
    named: dict[str, set] = {}
    for e in edges:
        if e["type"] in ("LEADS", "SUPPORTS"):
            named.setdefault(e["task_id"], set()).add(e["source_id"])
    shared: dict[tuple, int] = {}
    for members in named.values():
        for u in members:
            for v in members:
                if u < v:
                    shared[(u, v)] = shared.get((u, v), 0) + 1
    return [{"source_id": u, "target_id": v, "tasks": n} for (u, v), n in sorted(shared.items())]


def test_agency_pairs_count_shared_tasks(store):
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(5)])
    pairs = store.agency_pairs()
    assert pairs == _pairs(store.edges()) != []
    assert max(p["tasks"] for p in pairs) > 1            # pairs pooled across plans of one city
    assert store.agency_pairs(["p-0", "p-4"]) == _pairs(store.edges(["p-0", "p-4"])) != []
    assert store.agency_pairs([]) == []
    if store.kind == "neo4j":  # counted over groups of plans, then added up
        store.PAIR_CHUNK = 2
        assert store.agency_pairs() == pairs


def test_plans_matching_filters_in_the_store(store):
    store.load_many([make_graph(str(i), city=f"c{i % 3}", n_tasks=4 + i) for i in range(6)])
    keys = ("id", "file", "jurisdiction_id", "jurisdiction", "level", "year", "task_count")
    plans = [{k: p[k] for k in keys} for p in store.plans()]
    assert store.plans_matching() == plans
    assert store.plans_matching(plans=["p-1", "4.txt"]) == [p for p in plans if p["id"] in ("p-1", "p-4")]
    in_c1 = [p for p in plans if p["jurisdiction_id"] == "j-c1"]
    assert store.plans_matching(jurisdictions=["城市c1"]) == in_c1 == store.plans_matching(jurisdictions=["j-c1"])
    assert len(in_c1) == 2
    assert store.plans_matching(plans=["p-1", "p-2"], jurisdictions=["j-c1"], levels=["city"], years=[2018]) == [
        p for p in in_c1 if p["id"] == "p-1"]
    assert store.plans_matching(levels=["county"]) == [] == store.plans_matching(years=[2017])
    assert store.plans_matching(plans=[]) == []
    assert store.plans_matching(plans=["p-1", "1.txt", "p-1"]) == [p for p in plans if p["id"] == "p-1"]  # once
    assert store.plans_matching(jurisdictions=["j-c1", "城市c1"], levels=["city"]) == in_c1
    assert store.plans_matching(jurisdictions=["j-c1"], years=[2017]) == [] == store.plans_matching(jurisdictions=[])


def test_concurrent_loads_of_plans_sharing_agencies(store):
    graphs = [make_graph(f"s{i}", city="c1", n_tasks=30) for i in range(4)]  # same city: same agencies
    results, errors = load_in_threads(store, graphs)
    assert errors == []
    assert [r.status for r in results] == ["loaded"] * len(graphs)
    counts = store.counts()
    assert (counts["Plan"], counts["Task"], counts["Agency"], counts["IN"]) == (4, 120, 4, 5)
    assert sum(a["leads"] for a in store.agencies()) == 4 * 29  # task 1 of each plan is unassigned


def test_tasks_by_id_and_source_facts_agree_with_the_whole_store_reads(store):
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(3)])
    tasks, agencies, collectives = store.tasks(), store.agencies(), store.collectives()
    picked = [tasks[-1]["id"], tasks[0]["id"], tasks[len(tasks) // 2]["id"], "nope"]
    assert store.tasks_by_id(picked) == [t for t in tasks if t["id"] in picked] != []
    assert store.tasks_by_id([t["id"] for t in tasks]) == tasks
    assert store.tasks_by_id([]) == [] and store.tasks_by_id(["nope"]) == []
    plan_ids = sorted({t["plan_id"] for t in tasks})
    assert store.tasks_of_plans([plan_ids[2], plan_ids[0], "nope"]) == [t for t in tasks if t["plan_id"] != plan_ids[1]]
    assert store.tasks_of_plans(plan_ids) == tasks and store.tasks_of_plans([]) == []
    every = sorted([{k: a[k] for k in ("id", "name", "jurisdiction_id", "function", "kind")} for a in agencies]
                   + [{"id": c["id"], "name": c["name"], "jurisdiction_id": c["jurisdiction_id"], "function": None,
                       "kind": c["kind"]} for c in collectives], key=lambda r: r["id"])
    assert store.source_facts([r["id"] for r in reversed(every)]) == every != []
    some = [agencies[-1]["id"], collectives[0]["id"], "nope"]
    assert store.source_facts(some) == [r for r in every if r["id"] in some] and len(some) == 3
    assert store.source_facts([]) == [] and store.source_facts(["nope"]) == []


# -- totals kept at write time (whole-store ranking and orphan pages) -------------------------

FLAG_CATEGORIES = ("unassigned", "collective_only", "leaderless", "lead_is_collective")


def _ranked(store) -> list[dict]:
    """The whole-store ranking order computed from ``agency_duties``: leads, total (desc), name, id."""
    rows = sorted(store.agency_duties(), key=lambda r: (-r["leads"], -r["leads"] - r["supports"], r["name"],
                                                        r["agency_id"]))
    names = {j["id"]: j["name"] for j in store.jurisdictions()}
    return [{**{k: r[k] for k in ("agency_id", "name", "jurisdiction_id", "function", "leads", "supports")},
             "jurisdiction": names[r["jurisdiction_id"]]} for r in rows]


def _plan_facts(store) -> dict:
    return {p["id"]: {"plan": p["file"], "jurisdiction": p["jurisdiction"]} for p in store.plans()}


def _plan_flags(store, tasks) -> list[dict]:
    out: dict[str, dict] = {}
    facts = _plan_facts(store)
    for t in tasks:
        row = out.setdefault(t["plan_id"], {"plan_id": t["plan_id"], **facts[t["plan_id"]], "tasks": 0,
                                            **dict.fromkeys(FLAG_CATEGORIES, 0), "open_list": 0, "open_only": 0})
        row["tasks"] += 1
        if t["orphan"]:
            row[t["orphan"]] += 1
        row["open_list"] += bool(t["open_list"])
        row["open_only"] += bool(t["open_list"]) and t["orphan"] is None
    return [out[p] for p in sorted(out)]


def _check_totals(store) -> None:
    ranked, tasks = _ranked(store), store.tasks()
    assert store.agency_totals() == {"count": len(ranked), "tasks": len(tasks), "rows": ranked}
    assert store.agency_totals(limit=3, offset=2)["rows"] == ranked[2:5]
    for fn in {r["function"] for r in ranked}:
        mine = [r for r in ranked if r["function"] == fn]
        assert store.agency_totals(functions=[fn], limit=2) == {"count": len(mine), "tasks": len(tasks),
                                                               "rows": mine[:2]}
    assert store.agency_totals(functions=[])["rows"] == []
    facts = _plan_facts(store)
    flagged = [{**t, **facts[t["plan_id"]]} for t in store.flagged_tasks()]
    for cats in (["unassigned"], ["leaderless", "open_list"], ["open_list"], [*FLAG_CATEGORIES, "open_list"]):
        want = [t for t in flagged if t["orphan"] in cats
                or ("open_list" in cats and t["orphan"] is None and t["open_list"])]
        assert store.flagged_page(cats) == want, cats
        assert store.flagged_page(cats, limit=2, offset=1) == want[1:3]
    per_plan = _plan_flags(store, tasks)
    totals = {k: sum(r[k] for r in per_plan) for k in ("tasks", *FLAG_CATEGORIES, "open_list", "open_only")}
    assert store.plan_flags() == {"count": len(per_plan), "totals": totals, "rows": per_plan}
    assert store.plan_flags(limit=1, offset=1)["rows"] == per_plan[1:2]


def test_totals_kept_at_write_time_agree_with_the_rows(store):
    store.load_many([make_graph(str(i), city=f"c{i % 2}", n_tasks=4 + i) for i in range(5)])
    _check_totals(store)
    assert store.agency_totals()["count"] > 3 and store.flagged_page(["unassigned"]) != []
    # a new version naming fewer agencies, with other tasks and flags
    assert store.load(make_graph("2", city="c0", n_tasks=9, n_agencies=3, source_hash="v2")).status == "replaced"
    _check_totals(store)
    assert store.delete_plan("p-3") is True
    _check_totals(store)
    store.delete_plan("p-1")  # the last plan of city c1: its agencies go
    _check_totals(store)
    assert {r["jurisdiction_id"] for r in store.agency_totals()["rows"]} == {"j-c0"}
    store.reset()
    assert store.agency_totals() == {"count": 0, "tasks": 0, "rows": []}
    assert store.plan_flags() == {"count": 0, "totals": dict.fromkeys(
        ("tasks", *FLAG_CATEGORIES, "open_list", "open_only"), 0), "rows": []}
    assert store.flagged_page([*FLAG_CATEGORIES, "open_list"]) == []


def test_totals_of_concurrent_loads_sharing_agencies(store):
    results, errors = load_in_threads(store, [make_graph(str(i), city="c1", n_tasks=5 + i % 3) for i in range(6)])
    assert errors == [] and len(results) == 6
    _check_totals(store)


def _matches(agency: dict, needle: str) -> bool:
    return (needle in agency["name"].lower() or needle in (agency.get("name_simplified") or "").lower()
            or any(needle in m.lower() for m in agency["aliases"]))


def test_list_pages_equal_slices_of_the_whole_store_reads(store):
    graphs = [make_graph(str(i), city=f"c{i % 3}", n_tasks=4 + i, n_agencies=5 + i % 2) for i in range(7)]
    for graph in graphs[::3]:  # city c0: an ASCII simplified name, matched ignoring case
        graph.agencies[1]["name_simplified"] = "Water Bureau"
    store.load_many(graphs)
    plans, agencies = store.plans(), store.agencies()
    assert len(plans) == 7 and len(agencies) > 12
    for limit, offset in ((3, 0), (3, 3), (3, 6), (3, 7), (5, 100), (None, 0), (0, 0)):
        end = None if limit is None else offset + limit
        assert store.plans_page(limit, offset) == {"count": 7, "rows": plans[offset:end]}
        assert store.agencies_page(limit=limit, offset=offset) == {"count": len(agencies),
                                                                   "rows": agencies[offset:end]}
    filters = [({"jurisdiction_id": "j-c1"}, lambda a: a["jurisdiction_id"] == "j-c1"),
               ({"function": "unclassified"}, lambda a: a["function"] == "unclassified"),
               ({"q": "局1"}, lambda a: _matches(a, "局1")),
               ({"q": "等"}, lambda a: _matches(a, "等")),             # only aliases ("市局0等") say 等
               ({"q": "water"}, lambda a: _matches(a, "water")),
               ({"q": "nothing"}, lambda a: False),
               ({"jurisdiction_id": "j-c2", "function": "unclassified", "q": "市局"},
                lambda a: a["jurisdiction_id"] == "j-c2" and a["function"] == "unclassified")]
    for kwargs, keep in filters:
        want = [a for a in agencies if keep(a)]
        assert store.agencies_page(**kwargs) == {"count": len(want), "rows": want}, kwargs
        for offset in (0, 1, len(want)):
            assert store.agencies_page(**kwargs, limit=2, offset=offset) == {
                "count": len(want), "rows": want[offset:offset + 2]}, (kwargs, offset)
    assert [a["id"] for a in store.agencies_page(q="等")["rows"]]  # the alias-only filter found some
    assert [a["id"] for a in store.agencies_page(q="water")["rows"]] == ["a-c0-1"]
    assert store.agencies_page(jurisdiction_id="j-none") == {"count": 0, "rows": []}


def test_the_agency_search_follows_loads_replacements_and_deletions(store):
    def with_mention(text: str, source_hash: str):
        graph = make_graph("s", source_hash=source_hash)
        lead = next(e for e in graph.edges if e["type"] == "LEADS")
        lead["mention"] = text
        return graph, lead["source_id"]

    def found(q: str) -> list[str]:
        return [a["id"] for a in store.agencies_page(q=q)["rows"]]

    graph, agency = with_mention("旧称呼Bureau", "h1")
    store.load(graph)
    assert found("旧称呼") == found("bureau") == [agency]  # a mention, matched ignoring case
    graph, _ = with_mention("新称呼局", "h2")
    assert store.load(graph).status == "replaced"
    assert found("旧称呼") == [] and found("新称呼") == [agency]  # the old version's alias is gone
    store.load(make_graph("t", source_hash="h1"))  # same agencies, another plan
    assert store.delete_plan("p-s")
    assert found("新称呼") == []
    name = next(a["name"] for a in graph.agencies if a["id"] == agency)
    assert agency in found(name.lower())  # still named on plan t, by its name
