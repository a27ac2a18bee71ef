import math

import pytest

from agencynet.errors import BadFilter
from queries.overload import OverloadRule, concentration, gini, hhi, overload
from queries.testing import TinyStore

two_plans = TinyStore.two_plans


def one_dominant() -> TinyStore:
    """10 tasks: X leads 6, A, B, C, D lead one each."""
    names = ["X局", "A局", "B局", "C局", "D局"]
    leads = ["X局"] * 6 + ["A局", "B局", "C局", "D局"]
    return TinyStore({"plans": [{"file": "d.txt", "jurisdiction": "丁县", "level": "county"}],
                      "agencies": {n: ("丁县", "f") for n in names}, "functions": [("f", "", "f", None)],
                      "tasks": [{"plan": "d.txt", "lead": n} for n in leads]})


def test_gini_and_hhi_by_hand():
    assert gini([6, 1, 1, 1, 1]) == pytest.approx(40 / (2 * 25 * 2))
    assert gini([5]) == 0.0 and gini([0, 0]) == 0.0
    assert hhi([6, 1, 1, 1, 1]) == pytest.approx(0.4)
    assert hhi([1, 1, 1, 1]) == pytest.approx(0.25)


def test_dominant_agency_crosses_all_three_thresholds():
    df = overload(one_dominant()).set_index("agency")
    x = df.loc["X局"]
    assert (x.leads, x.tasks, x.share, x.ratio_to_median, x.z) == (6, 10, 0.6, 6.0, 2.0)
    assert x.overloaded and x.reasons == ["share 0.60 >= 0.25", "ratio to median 6.00 >= 3", "z 2.00 >= 2"]
    assert not df.loc["A局", "overloaded"] and df.loc["A局", "reasons"] == []
    assert df.loc["A局", "z"] == -0.5


def test_rule_is_configurable():
    s = two_plans()
    a = overload(s, plan="a.txt").set_index("agency")      # 质监 leads 3 of 4: share only
    assert a.loc["市质监局", "share"] == 0.75 and a.loc["市质监局", "ratio_to_median"] == 1.5
    assert not a.loc["市质监局", "overloaded"]
    loose = overload(s, OverloadRule(require=1), plan="a.txt").set_index("agency")
    assert loose.loc["市质监局", "reasons"] == ["share 0.75 >= 0.25"]
    assert overload(one_dominant(), OverloadRule(min_leads=7))["overloaded"].sum() == 0
    flagged = overload(one_dominant(), only_flagged=True)
    assert list(flagged["agency"]) == ["X局"]


def test_bad_rule_is_a_bad_filter():
    with pytest.raises(BadFilter, match="require"):
        OverloadRule(require=4)


def test_concentration_by_hand():
    r = concentration(one_dominant()).iloc[0]
    assert (r.tasks, r.led_tasks, r.leading_agencies, r.top_agency, r.top_agency_leads) == (10, 10, 5, "X局", 6)
    assert math.isclose(r.hhi, 0.4) and math.isclose(r.gini, 0.4)
    assert (r.top1_share, r.top3_share) == (0.6, 0.8)


def test_concentration_of_a_plan_nobody_leads():
    s = TinyStore({"plans": [{"file": "e.txt", "jurisdiction": "戊县"}], "tasks": [{"plan": "e.txt"}]})
    r = concentration(s).iloc[0]
    assert r.tasks == 1 and r.led_tasks == 0 and r.hhi is None and r.top_agency is None
    assert overload(s).empty


# -- on a real store with many plans: counted in the store, scoped calls read only their plans ------

@pytest.fixture
def logged(store):
    from support.reads import ReadLog, many_plans

    many_plans(store)
    return ReadLog(store)


def _same(got, want):
    import pandas as pd

    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize("scope", [{}, {"jurisdiction": "城市c2"}, {"plan": "7.txt"}])
def test_overload_and_concentration_read_no_task_or_edge_rows(logged, scope):
    from queries.frames import snapshot

    whole = snapshot(logged._store)
    rule = OverloadRule(min_leads=1, require=1)
    for fn, kwargs in ((overload, {"rule": rule}), (concentration, {})):
        logged.clear()
        got = fn(logged, **kwargs, **scope)
        read = {name for name, *_ in logged.calls}
        assert not read & {"tasks", "edges", "agencies", "collectives", "source_facts"}, (fn.__name__, read)
        if scope:
            assert logged.whole_store_reads() == [], fn.__name__
        assert not got.empty
        _same(got, fn(whole, **kwargs, **scope))


def test_concentration_of_every_plan_at_once_equals_the_formulas_plan_by_plan(samples_store):
    """The concentration counted for all plans at once equals :func:`hhi`, :func:`gini` and the
    top shares applied to each plan's lead counts (from the overload rows)."""
    conc = concentration(samples_store)
    leads = overload(samples_store, OverloadRule(min_leads=1))
    checked = 0
    for r in conc.itertuples():
        x = sorted(leads.loc[leads["plan_id"] == r.plan_id, "leads"], reverse=True)
        assert (r.led_tasks, r.leading_agencies) == (sum(x), len(x))
        if not x:
            assert r.hhi is None and r.gini is None and r.top_agency is None
            continue
        assert r.hhi == pytest.approx(hhi(x)) and r.gini == pytest.approx(gini(x))
        assert r.top1_share == pytest.approx(x[0] / sum(x)) and r.top3_share == pytest.approx(sum(x[:3]) / sum(x))
        assert r.top_agency_leads == x[0]
        checked += 1
    assert checked >= 3 and len({round(r.gini, 6) for r in conc.itertuples() if r.gini is not None}) >= 3
