import math

import pytest

from agencynet.errors import BadFilter
from queries.compare import compare, function_differences, function_matrix, matrix_wide, plan_metrics, similarity
from queries.testing import TinyStore

two_plans = TinyStore.two_plans


def test_matrix_counts_and_shares_as_named():
    m = function_matrix(two_plans())
    got = {(r.column, r.function): (r.leads, r.share) for r in m.itertuples()}
    assert got == {("甲市", "zj"): (3, 0.75), ("甲市", "fg"): (1, 0.25), ("乙区", "sc"): (1, 1.0)}
    wide = matrix_wide(m, "leads")
    assert wide.loc["zj", "乙区"] == 0 and wide.loc["zj", "甲市"] == 3


def test_similarity_as_named_and_harmonised():
    s = two_plans()
    assert similarity(s)["cosine"].tolist() == [0.0]   # no function in common
    h = similarity(s, harmonise=True).iloc[0]
    # 甲市 (sc .75, fg .25), 乙区 (sc 1): cos = .75 / sqrt(.625)
    assert math.isclose(h.cosine, 0.75 / math.sqrt(0.625))


def test_function_differences_sorted_by_absolute_gap():
    d = function_differences(two_plans(), "甲市", "乙区", harmonise=True)
    assert [(r.function, round(r.difference, 2)) for r in d.itertuples()] == [("fg", 0.25), ("sc", -0.25)]
    with pytest.raises(BadFilter, match="丙县"):
        function_differences(two_plans(), "甲市", "丙县")


def test_plan_metrics_side_by_side():
    m = plan_metrics(two_plans()).set_index("plan")
    a = m.loc["a.txt"]
    assert (a.tasks, a.agencies, a.edges) == (4, 3, 7)
    assert math.isclose(a.density, 7 / 12)
    assert a.centralisation == 1.0                   # star around 质监
    assert (a.top_function, a.top_function_share, a.orphan_rate) == ("zj", 0.75, 0.0)
    assert math.isclose(a.hhi, 0.75 ** 2 + 0.25 ** 2)
    b = m.loc["b.txt"]
    assert (b.tasks, b.agencies, b.edges, b.orphan_rate) == (3, 3, 4, 2 / 3)   # 2 + 2 edges


def test_compare_bundle_for_two_jurisdictions():
    out = compare(two_plans(), jurisdictions=["甲市", "乙区"], harmonise=True)
    assert set(out) == {"matrix", "metrics", "similarity", "differences"}
    assert len(out["similarity"]) == 1 and len(out["differences"]) == 2
    only = compare(two_plans(), jurisdictions=["甲市"])
    assert only["differences"].empty and set(only["metrics"]["plan"]) == {"a.txt"}
    with pytest.raises(BadFilter, match="by"):
        compare(two_plans(), by="province")


# -- on a real store with many plans: a few jurisdictions read only their plans --------------------

@pytest.fixture
def logged(store):
    from support.reads import ReadLog, many_plans

    many_plans(store)
    return ReadLog(store)


def test_compare_of_two_jurisdictions_reads_only_their_plans(logged):
    import pandas as pd

    from queries.frames import resolve_plans, snapshot

    whole = snapshot(logged._store)
    chosen = ["城市c1", "j-c3"]
    wanted = set(resolve_plans(whole, jurisdiction=chosen))
    for harmonise in (False, True):
        logged.clear()
        got = compare(logged, jurisdictions=chosen, harmonise=harmonise)
        assert logged.whole_store_reads() == [] and logged.plans_read() == wanted
        want = compare(whole, jurisdictions=chosen, harmonise=harmonise)
        assert not got["differences"].empty and len(got["metrics"]) == len(wanted)
        for name in want:
            pd.testing.assert_frame_equal(got[name], want[name], check_dtype=False, obj=name)
    for fn in (function_matrix, plan_metrics, similarity):
        logged.clear()
        got = fn(logged, jurisdiction=chosen)
        assert logged.whole_store_reads() == [] and logged.plans_read() == wanted, fn.__name__
        pd.testing.assert_frame_equal(got, fn(whole, jurisdiction=chosen), check_dtype=False)


def _random_assignments(seed: int):
    import random

    import pandas as pd

    rnd = random.Random(seed)
    rows = []
    for p in range(6):
        agencies = [f"a{i}" for i in range(rnd.randint(1, 9))]
        for t in range(rnd.randint(1, 8)):
            for a in rnd.sample(agencies, rnd.randint(1, min(3, len(agencies)))):
                rows.append({"plan_id": f"p{p}", "task_id": f"p{p}t{t}", "source_id": a, "kind": "agency",
                             "agency": a, "jurisdiction": None, "function": None, "function_en": None,
                             "type": rnd.choice(["LEADS", "SUPPORTS"])})
            if rnd.random() < 0.3:  # the same agency twice on a task counts once
                rows.append({**rows[-1], "type": "SUPPORTS"})
    return pd.DataFrame(rows)


@pytest.mark.parametrize("seed", range(12))
def test_centralisation_by_plan_equals_the_graph_measure(seed):
    """The per-plan centralisation counted from pairs equals Freeman's measure on each plan's
    co-responsibility graph (networkx), isolated agencies and repeated names included."""
    from queries.compare import centralisation_by_plan, degree_centralisation
    from queries.graphs import co_responsibility_graph

    a = _random_assignments(seed)
    got = centralisation_by_plan(a)
    want = {pid: degree_centralisation(co_responsibility_graph(grp)) for pid, grp in a.groupby("plan_id")}
    assert sorted(got.index) == sorted(want)
    assert {p: round(v, 12) for p, v in got.items()} == {p: round(v, 12) for p, v in want.items()}
    assert any(v > 0 for v in want.values())
