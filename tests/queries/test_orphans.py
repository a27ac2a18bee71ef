import pytest

from agencynet.errors import BadFilter
from queries.orphans import orphan_summary, orphans
from queries.testing import TinyStore

two_plans = TinyStore.two_plans


def lead_is_collective() -> TinyStore:
    return TinyStore({"plans": [{"file": "c.txt", "jurisdiction": "丙县"}],
                      "agencies": {"县财政局": ("丙县", "cz")}, "functions": [("cz", "财政", "finance", None)],
                      "tasks": [{"plan": "c.txt", "units": ["各乡镇", "县财政局"], "support": ["县财政局"],
                                 "collective": ["各乡镇"], "lead_basis": "convention_first"},
                                {"plan": "c.txt", "lead": "县财政局", "open_list": True}]})


def test_categories_and_task_details():
    df = orphans(two_plans())
    assert [(r.plan, r.seq, r.category) for r in df.itertuples()] == [
        ("b.txt", 2, "leaderless"), ("b.txt", 3, "unassigned")]
    row = df.iloc[0]
    assert row.units == ["区发改局", "区财政局"] and row.open_list and row.clause.startswith("(责任单位")
    assert df.iloc[1].units == [] and df.iloc[1].clause is None


def test_lead_is_collective_and_soft_open_list():
    df = orphans(lead_is_collective())
    assert [(r.seq, r.category) for r in df.itertuples()] == [(1, "lead_is_collective"), (2, "open_list")]
    assert list(orphans(lead_is_collective(), include_open_list=False)["seq"]) == [1]
    assert list(orphans(lead_is_collective(), category="open_list")["seq"]) == [2]


def test_unknown_category_is_a_bad_filter():
    with pytest.raises(BadFilter, match="category"):
        orphans(two_plans(), category="lost")


def test_summary_counts_and_rates():
    s = orphan_summary(two_plans()).set_index("plan")
    assert s.loc["a.txt", "orphans"] == 0 and s.loc["a.txt", "orphan_rate"] == 0.0
    b = s.loc["b.txt"]
    assert (b.tasks, b.unassigned, b.leaderless, b.collective_only, b.orphans, b.open_list) == (3, 1, 1, 0, 2, 1)
    assert b.orphan_rate == 2 / 3 and b.open_list_rate == 1 / 3
    c = orphan_summary(TinyStore.example()).iloc[0]
    assert (c.collective_only, c.orphans) == (1, 3)


def test_function_filter_keeps_tasks_naming_that_function():
    df = orphans(two_plans(), function="fg")
    assert list(df["seq"]) == [2]
