"""Answers worked out a batch of plans at a time (``queries.batches``) equal the answers read
at once, on both real stores; the batched reads never ask for more than a batch of plans."""

import sys

import pandas as pd
import pytest

import queries as q
from agencynet.errors import BadFilter
from queries import batches
from queries.frames import snapshot


def _round(rows):
    return [{k: round(v, 9) if isinstance(v, float) else v for k, v in r.items()} for r in rows]


def _context(store) -> dict:
    """A function code and two jurisdictions with lead duties, read from the store."""
    return {"fn": next(r.function for r in q.rank_agencies(store).itertuples() if r.function),
            "two": sorted(set(q.function_matrix(store)["column"]))[:2]}


CALLS = {
    "overload": lambda s, c: q.overload(s),
    "overload_flagged_by_function": lambda s, c: q.overload(
        s, q.OverloadRule(min_leads=1, require=1), only_flagged=True, function=c["fn"], harmonise=True),
    "concentration": lambda s, c: q.concentration(s),
    "concentration_of_a_level": lambda s, c: q.concentration(s, level="city"),
    "matrix": lambda s, c: q.function_matrix(s, harmonise=True),
    "matrix_by_plan_of_a_function": lambda s, c: q.function_matrix(s, by="plan", function=c["fn"]),
    "metrics": lambda s, c: q.plan_metrics(s),
    "similarity": lambda s, c: q.similarity(s),
    "centrality_per_plan": lambda s, c: q.centrality(s, per_plan=True),
    "centrality_per_plan_co_responsibility": lambda s, c: q.centrality(s, graph="co_responsibility", per_plan=True),
    **{f"compare_{part}": (lambda part: lambda s, c: q.compare(s)[part])(part)
       for part in ("matrix", "metrics", "similarity")},
    "compare_two_differences": lambda s, c: q.compare(
        s, jurisdictions=c["two"], top=5)["differences"],
}


@pytest.fixture
def batched(samples_store, monkeypatch):
    """The samples' store with batches of two plans, and the largest plan list any batched
    read was asked for."""
    asked = []
    for read in ("agency_duties", "tasks_of_plans", "edges"):
        original = getattr(samples_store, read)

        def spy(plan_ids=None, *args, _original=original, **kw):
            asked.append(None if plan_ids is None else len(plan_ids))
            return _original(plan_ids, *args, **kw)
        monkeypatch.setattr(samples_store, read, spy)
    monkeypatch.setattr(batches, "BATCH_PLANS", 2)
    return samples_store, asked


@pytest.mark.parametrize("name", sorted(CALLS))
def test_batched_answers_equal_the_answers_read_at_once(batched, monkeypatch, name):
    store, asked = batched
    context = _context(store)
    asked.clear()
    got = CALLS[name](store, context)
    assert asked and all(n is not None and n <= 2 for n in asked), asked  # a batch at a time
    monkeypatch.setattr(batches, "BATCH_PLANS", 10_000)
    at_once = CALLS[name](store, context)
    reference = CALLS[name](snapshot(store), context)
    assert len(reference) > 0
    assert _round(q.rows(got)) == _round(q.rows(at_once)) == _round(q.rows(reference))


@pytest.mark.parametrize("limit,offset", [(3, 0), (4, 5), (100, 7), (5, 1000), (None, 2)])
def test_batched_overload_keeps_only_the_page_and_counts_every_row(batched, limit, offset):
    store, _ = batched
    whole = q.overload(snapshot(store))
    page = q.overload(store, limit=limit, offset=offset)
    want = whole.iloc[offset:None if limit is None else offset + limit]
    assert page.attrs["total"] == len(whole) > 5
    assert _round(q.rows(page)) == _round(q.rows(want))


def test_unknown_plan_filters_are_refused_before_any_batch(batched):
    store, _ = batched
    with pytest.raises(BadFilter, match="jurisdiction: no plan issued in 'nowhere'"):
        q.overload(store, jurisdiction="nowhere")
    with pytest.raises(BadFilter, match="unknown plan 'nope.txt'"):
        q.compare(store, plan=["nope.txt"])


def test_window_walks_frames_keeping_the_page():
    frames = [pd.DataFrame({"x": range(i, i + 3)}) for i in (0, 3, 6)]
    got = batches.window(iter(frames), ["x"], limit=4, offset=2)
    assert list(got["x"]) == [2, 3, 4, 5] and got.attrs["total"] == 9
    assert batches.window(iter(frames), ["x"], limit=None, offset=8)["x"].tolist() == [8]
    empty = batches.window(iter([]), ["x"], limit=3, offset=0)
    assert list(empty.columns) == ["x"] and empty.attrs["total"] == 0


def test_a_pooled_graph_of_too_many_plans_is_refused_clearly(samples_store, monkeypatch):
    """Pooling more than ``MAX_POOLED_PLANS`` plans into one two-mode or directed graph reads
    every task and edge at once: refused, naming the way round; narrower scopes, per-plan
    graphs and the pooled co-responsibility graph (from the store's counts) still answer."""
    monkeypatch.setattr(sys.modules["queries.centrality"], "MAX_POOLED_PLANS", 2)
    for graph in ("two_mode", "directed"):
        with pytest.raises(BadFilter, match=f"graph: a pooled {graph} graph of 5 plans is more than 2 .*per_plan"):
            q.centrality(samples_store, graph=graph)
    one = sorted(set(q.function_matrix(samples_store)["column"]))[0]
    assert len(q.centrality(samples_store, jurisdiction=one)) > 0
    assert len(q.centrality(samples_store, graph="co_responsibility")) > 0
    assert len(q.centrality(snapshot(samples_store))) > 0  # a snapshot holds its rows already
