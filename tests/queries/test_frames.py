import pandas as pd
import pytest

from agencynet.errors import BadFilter
from queries.frames import assignments_frame, resolve_plans, rows, snapshot, successor_map, tasks_frame
from queries.testing import TinyStore

two_plans = TinyStore.two_plans


def test_assignments_one_row_per_edge_with_names():
    df = assignments_frame(TinyStore.example())
    assert len(df) == 8  # 7 agency edges + 1 NAMED_ON of the collective
    first = df.iloc[0]
    assert (first["seq"], first["agency"], first["type"], first["function_en"], first["jurisdiction"]) == (
        1, "A局", "LEADS", "function a", "甲市")
    assert set(df.loc[df["kind"] == "collective", "agency"]) == {"各有关单位"}


def test_collectives_dropped_on_request_and_with_function_filter():
    assert "collective" not in set(assignments_frame(TinyStore.example(), collectives=False)["kind"])
    df = assignments_frame(TinyStore.example(), function="fb")
    assert set(df["agency"]) == {"B局", "C局"}


def test_plan_filter_by_id_or_file_and_other_plan_filters():
    s = two_plans()
    by_file = assignments_frame(s, plan="b.txt")
    pid = by_file["plan_id"].iloc[0]
    assert assignments_frame(s, plan=pid).equals(by_file)
    assert set(by_file["plan"]) == {"b.txt"}
    assert set(assignments_frame(s, jurisdiction="甲市")["plan"]) == {"a.txt"}
    assert set(assignments_frame(s, level="district")["plan"]) == {"b.txt"}
    assert set(assignments_frame(s, year=2017)["plan"]) == {"a.txt"}
    assert set(assignments_frame(s, year="2019")["plan"]) == {"b.txt"}


@pytest.mark.parametrize("kwargs, words", [
    ({"plan": "nope.txt"}, ["plan", "nope.txt", "a.txt"]),
    ({"jurisdiction": "丙县"}, ["jurisdiction", "丙县"]),
    ({"level": "village"}, ["level", "village"]),
    ({"function": "xx"}, ["function", "xx"]),
    ({"year": "soon"}, ["year", "soon"]),
])
def test_bad_filters_name_the_field_and_value(kwargs, words):
    with pytest.raises(BadFilter) as err:
        assignments_frame(two_plans(), **kwargs)
    for w in words:
        assert w in str(err.value)


def test_harmonise_maps_through_the_reform_lineage():
    s = two_plans()
    assert successor_map(snapshot(s))["zj"] == "sc"
    named = assignments_frame(s, function="zj")
    assert set(named["agency"]) == {"市质监局"}
    today = assignments_frame(s, function="sc", harmonise=True)
    assert set(today["agency"]) == {"市质监局", "区市场局"}
    assert set(today.loc[today["agency"] == "市质监局", "function_as_named"]) == {"zj"}
    assert set(today["function_en"]) == {"market regulation"}
    # with harmonise a pre-reform code in the filter means its successor
    assert set(assignments_frame(s, function="zj", harmonise=True)["agency"]) == {"市质监局", "区市场局"}


def test_successor_chain_is_followed_to_the_end_and_cycles_stop():
    s = TinyStore({"plans": [{"file": "x.txt", "jurisdiction": "甲市"}], "tasks": [],
                   "functions": [("a", "", "", "b"), ("b", "", "", "c"), ("c", "", "", None),
                                 ("x", "", "", "y"), ("y", "", "", "x")]})
    m = successor_map(snapshot(s))
    assert m["a"] == "c" and m["b"] == "c" and m["c"] == "c"
    assert m["x"] in {"x", "y"}


def test_tasks_frame_keeps_every_task_with_plan_facts():
    t = tasks_frame(two_plans())
    assert len(t) == 7
    assert list(t.loc[t["plan"] == "b.txt", "orphan"]) == [None, "leaderless", "unassigned"]


def test_rows_are_plain_json_values():
    import json

    r = rows(assignments_frame(TinyStore.example()).head(1))
    json.dumps(r)
    assert isinstance(r[0]["seq"], int)


# -- scoped reads: a real store with many plans, each call reading only its plans -----------------

SCOPES = [{"jurisdiction": "城市c1"}, {"plan": "5.txt"}, {"plan": ["p-2", "p-7"]},
          {"jurisdiction": "j-c3", "year": 2018, "level": "city"}]


@pytest.fixture
def logged(store):
    from support.reads import ReadLog, many_plans

    many_plans(store)
    return ReadLog(store)


@pytest.mark.parametrize("scope", SCOPES)
def test_scoped_frames_equal_the_whole_store_frames_and_read_only_their_plans(logged, scope):
    whole = snapshot(logged._store)
    wanted = set(resolve_plans(whole, **scope))
    assert 0 < len(wanted) < len(whole.plans)
    for fn in (tasks_frame, assignments_frame):
        logged.clear()
        got = fn(logged, **scope)
        assert logged.whole_store_reads() == [] and logged.plans_read() == wanted, fn.__name__
        assert set(got["plan_id"]) == wanted
        pd.testing.assert_frame_equal(got, fn(whole, **scope))
    logged.clear()
    harmonised = assignments_frame(logged, function="market", harmonise=True, **scope)
    assert logged.whole_store_reads() == [] and not harmonised.empty
    pd.testing.assert_frame_equal(harmonised, assignments_frame(whole, function="market", harmonise=True, **scope))


def test_snapshot_of_some_plans_holds_their_rows_and_the_bodies_they_name(logged):
    store, ids = logged._store, ["p-3", "p-8"]
    part = snapshot(logged, plan_ids=ids)
    assert logged.whole_store_reads() == [] and logged.plans_read() == set(ids)
    assert [p["id"] for p in store.plans() if p["id"] in ids] == list(part.plans["id"])
    assert rows(part.tasks) == [t for t in store.tasks() if t["plan_id"] in ids]
    assert rows(part.edges) == store.edges(ids)
    named = {e["source_id"] for e in store.edges(ids)}
    assert list(part.agencies["id"]) == sorted(a["id"] for a in store.agencies() if a["id"] in named)
    assert list(part.collectives["id"]) == sorted(c["id"] for c in store.collectives() if c["id"] in named)
    cut = snapshot(snapshot(store), plan_ids=ids)  # a snapshot cut down gives the same rows
    for frame in ("plans", "tasks", "edges"):
        assert rows(getattr(cut, frame)) == rows(getattr(part, frame)), frame
    assert list(cut.agencies["id"]) == list(part.agencies["id"])
    empty = snapshot(logged, plan_ids=[])
    assert empty.tasks.empty and empty.edges.empty and assignments_frame(empty).empty


def test_scoped_filters_that_match_nothing_still_name_what_is_known(logged):
    with pytest.raises(BadFilter) as err:
        assignments_frame(logged, jurisdiction="nowhere")
    assert "nowhere" in str(err.value) and "城市c0" in str(err.value)
    with pytest.raises(BadFilter) as err:
        tasks_frame(logged, plan="nope.txt")
    assert "nope.txt" in str(err.value) and "11.txt" in str(err.value)


@pytest.mark.parametrize("graph", ["two_mode", "directed", "co_responsibility"])
def test_per_plan_centrality_of_a_jurisdiction_reads_only_its_plans(logged, graph):
    from queries.centrality import centrality

    whole = snapshot(logged._store)
    scope = {"jurisdiction": "城市c2"}
    got = centrality(logged, graph=graph, per_plan=True, **scope)
    assert logged.whole_store_reads() == [] and logged.plans_read() == set(resolve_plans(whole, **scope))
    assert set(got["plan_id"]) == logged.plans_read()
    pd.testing.assert_frame_equal(got, centrality(whole, graph=graph, per_plan=True, **scope))
