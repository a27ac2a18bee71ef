from queries.ranking import rank_agencies, rank_functions
from queries.testing import TinyStore

two_plans = TinyStore.two_plans


def _by_name(df):
    return {r.agency: r for r in df.itertuples()}


def test_pooled_ranking_hand_counts():
    df = rank_agencies(two_plans())
    assert df["agency"].iloc[0] == "市质监局"          # leads 3 of the 7 tasks in scope
    r = _by_name(df)
    assert (r["市质监局"].leads, r["市质监局"].supports, r["市质监局"].total, r["市质监局"].tasks) == (3, 1, 4, 7)
    assert abs(r["市质监局"].lead_share - 3 / 7) < 1e-12
    assert r["市质监局"].lead_support_ratio == 3.0
    assert (r["区财政局"].leads, r["区财政局"].supports) == (0, 2)
    assert r["区财政局"].lead_support_ratio == 0.0


def test_lead_share_uses_the_plans_tasks_when_one_plan_or_by_plan():
    r = _by_name(rank_agencies(two_plans(), plan="a.txt"))
    assert r["市质监局"].lead_share == 3 / 4
    per = rank_agencies(two_plans(), by_plan=True)
    row = per[(per["plan"] == "b.txt") & (per["agency"] == "区市场局")].iloc[0]
    assert (row.leads, row.tasks, row.lead_share) == (1, 3, 1 / 3)


def test_ratio_is_missing_when_the_agency_supports_nothing():
    r = _by_name(rank_agencies(two_plans(), plan="b.txt"))
    assert r["区市场局"].supports == 0
    assert r["区市场局"].lead_support_ratio != r["区市场局"].lead_support_ratio  # NaN


def test_function_filter_keeps_the_plan_denominator():
    df = rank_agencies(two_plans(), function="cz")
    assert set(df["agency"]) == {"市财政局", "区财政局"}
    assert set(df["tasks"]) == {7}


def test_rank_functions_as_named_and_harmonised():
    named = {r.function: r for r in rank_functions(two_plans()).itertuples()}
    assert (named["zj"].leads, named["sc"].leads, named["fg"].leads) == (3, 1, 1)
    assert named["cz"].agencies == 2 and named["cz"].supports == 3
    today = {r.function: r for r in rank_functions(two_plans(), harmonise=True).itertuples()}
    assert "zj" not in today
    assert (today["sc"].leads, today["sc"].agencies, today["sc"].function_en) == (4, 2, "market regulation")


def test_empty_scope_gives_empty_frame_with_columns():
    df = rank_agencies(two_plans(), function="sc", plan="a.txt")
    assert df.empty and "lead_share" in df.columns
