"""Ranking, orphans and pooled co-responsibility counted in the store equal the same measures computed from frames.

``queries.aggregates`` sends a real store's counting to its aggregated reads and computes
the same rows from a ``Snapshot`` otherwise; on the five samples, on each store, both
paths must give identical answers for every filter, and the store path must never read
the whole-store frames (edges, tasks, agencies).
"""

from dataclasses import replace

import pytest

import queries as q
from queries.aggregates import pushes_down

JIAXING, YUHANG = "000_0833acab45604a9b.txt", "002_2c6b46a3fd0f362e.txt"

CALLS = {
    "rank_agencies": lambda s: q.rank_agencies(s),
    "rank_agencies_plan": lambda s: q.rank_agencies(s, plan=JIAXING),
    "rank_agencies_by_plan_harmonised": lambda s: q.rank_agencies(s, by_plan=True, harmonise=True),
    "rank_agencies_function": lambda s: q.rank_agencies(s, function="market_regulation", harmonise=True),
    "rank_agencies_two_plans": lambda s: q.rank_agencies(s, plan=[JIAXING, YUHANG], function="finance"),
    "rank_functions": lambda s: q.rank_functions(s),
    "rank_functions_harmonised": lambda s: q.rank_functions(s, harmonise=True),
    "rank_functions_by_plan": lambda s: q.rank_functions(s, by_plan=True, level="district"),
    "rank_functions_unclassified": lambda s: q.rank_functions(s, function="unclassified"),
    "orphans": lambda s: q.orphans(s),
    "orphans_no_open_list": lambda s: q.orphans(s, include_open_list=False, plan=YUHANG),
    "orphans_category": lambda s: q.orphans(s, category=["leaderless", "open_list"]),
    "orphans_function": lambda s: q.orphans(s, function="quality_supervision", harmonise=True),
    "orphan_summary": lambda s: q.orphan_summary(s),
    "orphan_summary_function": lambda s: q.orphan_summary(s, function="development_reform"),
    "centrality_co_pooled": lambda s: q.centrality(s, graph="co_responsibility"),
    "centrality_co_pooled_filtered": lambda s: q.centrality(s, graph="co_responsibility", level="city",
                                                            harmonise=True),
    "orphan_summary_year": lambda s: q.orphan_summary(s, year=[2016, 2017, 2018, 2019, 2020]),
}


class FramesForbidden:
    """A store whose whole-store reads fail: proves the counting happened in the store."""

    def __init__(self, store):
        self._store = store

    def __getattr__(self, name):
        if name in ("edges", "tasks", "agencies", "collectives", "duty_counts", "orphan_tasks"):
            raise AssertionError(f"{name}() read: ranking and orphans must use the aggregated reads")
        return getattr(self._store, name)


def _round(rows):
    return [{k: round(v, 9) if isinstance(v, float) else v for k, v in r.items()} for r in rows]


@pytest.fixture
def both(samples_store):
    return FramesForbidden(samples_store), q.snapshot(samples_store)


def test_a_real_store_counts_and_a_snapshot_does_not(samples_store):
    assert pushes_down(samples_store)
    assert not pushes_down(q.snapshot(samples_store))


@pytest.mark.parametrize("name", sorted(CALLS))
def test_store_counts_equal_frame_counts(both, name):
    pushed, snap = both
    try:
        want = CALLS[name](snap)
    except q.frames.BadFilter:  # a filter value the samples do not have: both must refuse it
        with pytest.raises(q.frames.BadFilter):
            CALLS[name](pushed)
        return
    got = CALLS[name](pushed)
    assert list(got.columns) == list(want.columns)
    assert _round(q.rows(got)) == _round(q.rows(want))


def test_sampled_pooled_co_responsibility_states_its_sample(both):
    """Sampled betweenness/closeness depend on which nodes are drawn (node order differs between
    the two builds); everything else is exact and equal."""
    pushed, snap = both
    got, want = (q.centrality(s, graph="co_responsibility", k=40, sample_threshold=10) for s in (pushed, snap))
    assert set(got["betweenness_k"]) == {40} == set(want["betweenness_k"])
    exact = ["agency_id", "degree", "weighted_degree", "eigenvector", "pagerank", "graph_nodes"]
    by_id = lambda df: _round(q.rows(df[exact].sort_values("agency_id")))  # noqa: E731
    assert by_id(got) == by_id(want)
    assert got["betweenness"].max() > 0


class PlansForbidden(FramesForbidden):
    """Also refuses the every-plan read: a plan or jurisdiction filter is resolved in the store."""

    def plans(self):
        raise AssertionError("plans() read: plan filters must be resolved by plans_matching")


@pytest.mark.parametrize("call", [
    lambda s: q.rank_agencies(s, plan=JIAXING),
    lambda s: q.rank_functions(s, jurisdiction="嘉兴市", by_plan=True),
    lambda s: q.orphans(s, plan=[JIAXING, "003_d47cfc8dc3939d8e.txt"], category="leaderless"),
    lambda s: q.orphan_summary(s, level=["city", "county"], year=[2017, 2018]),
])
def test_plan_filters_read_only_matching_plans(samples_store, call):
    got, want = call(PlansForbidden(samples_store)), call(q.snapshot(samples_store))
    assert len(want) > 0
    assert _round(q.rows(got)) == _round(q.rows(want))


def test_unknown_plan_says_what_is_known(samples_store):
    with pytest.raises(q.frames.BadFilter, match="known files: 000_"):
        q.rank_agencies(samples_store, plan="nope.txt")
    with pytest.raises(q.frames.BadFilter, match="no plan issued in"):
        q.orphans(samples_store, jurisdiction="无此市")


def test_sample_facts_through_the_store_counts(both):
    pushed, _ = both
    top = q.rank_agencies(pushed, plan=JIAXING).iloc[0]
    assert (top.agency, top.leads, top.tasks) == ("市质监局", 13, 22)
    top = q.rank_agencies(pushed, plan=YUHANG).iloc[0]
    assert (top.leads, top.tasks, top.function) == (13, 18, "market_regulation")


# -- whole-store answers a page at a time, from the totals kept at write time -----------------


class PageOnly(PlansForbidden):
    """Also refuses the whole-store counting reads: whole-store answers come from the totals."""

    def agency_duties(self, plan_ids=None, by_plan=False):
        if plan_ids is None:
            raise AssertionError("agency_duties() over every plan: the ranking must read agency_totals")
        return self._store.agency_duties(plan_ids, by_plan=by_plan)

    def flagged_tasks(self, plan_ids=None, functions=None):
        if plan_ids is None and functions is None:
            raise AssertionError("flagged_tasks() over every plan: orphans must read flagged_page")
        return self._store.flagged_tasks(plan_ids, functions=functions)

    def task_flag_counts(self, plan_ids=None, functions=None):
        if plan_ids is None and functions is None:
            raise AssertionError("task_flag_counts() over every plan: the summary must read plan_flags")
        return self._store.task_flag_counts(plan_ids, functions=functions)


PAGED = {
    "rank_agencies": lambda s, **p: q.rank_agencies(s, **p),
    "rank_agencies_function": lambda s, **p: q.rank_agencies(s, function="market_regulation", **p),
    "rank_agencies_harmonised": lambda s, **p: q.rank_agencies(s, function="market_regulation", harmonise=True, **p),
    "orphans": lambda s, **p: q.orphans(s, **p),
    "orphans_category": lambda s, **p: q.orphans(s, category=["leaderless", "open_list"], **p),
    "orphans_no_open_list": lambda s, **p: q.orphans(s, include_open_list=False, **p),
    "orphan_summary": lambda s, **p: q.orphan_summary(s, **p),
}


def _check_pages(store, name):
    call = PAGED[name]
    want = _round(q.rows(call(q.snapshot(store))))
    got = call(PageOnly(store))
    assert _round(q.rows(got)) == want and got.attrs["total"] == len(want) > 0
    for offset, limit in ((0, 3), (2, 5), (len(want) - 1, 10), (len(want) + 2, 4)):
        page = call(PageOnly(store), limit=limit, offset=offset)
        assert _round(q.rows(page)) == want[offset:offset + limit], (offset, limit)
        assert page.attrs["total"] == len(want)


@pytest.mark.parametrize("name", sorted(PAGED))
def test_whole_store_pages_equal_the_frame_answer(samples_store, name):
    _check_pages(samples_store, name)


def _new_version(graph, keep: int):
    """The plan with only its first ``keep`` tasks (and their edges), under a new source hash."""
    tasks = graph.tasks[:keep]
    ids = {t["id"] for t in tasks}
    plan = dict(graph.plan, source_hash=graph.plan["source_hash"] + "-v2", task_count=len(tasks))
    return replace(graph, plan=plan, tasks=tasks, edges=[e for e in graph.edges if e["task_id"] in ids])


def test_whole_store_pages_after_a_plan_is_replaced_and_one_deleted(samples_store):
    from support.stores import sample_graphs

    first, second = sample_graphs()[:2]
    assert samples_store.load(_new_version(first, len(first.tasks) // 2)).status == "replaced"
    assert samples_store.delete_plan(second.plan["id"]) is True
    for name in sorted(PAGED):
        _check_pages(samples_store, name)
