import pytest

from agencynet.errors import BadFilter
from queries.frames import assignments_frame, rows, snapshot, successor_map, tasks_frame
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
