"""Analytics on the five sample plans, on each store (embedded and Neo4j).

Facts from the analytics issue: Jiaxing's quality-supervision bureau (市质监局) leads 13 of
22 tasks; Yuhang's market-regulation bureau leads 13 of 18 once its two name forms are one
agency; every Pan'an task is unassigned; almost every Weihai task is leaderless (joint).
Both stores must give identical answers.
"""

import pytest

import queries as q
from store.embedded import EmbeddedStore
from support.stores import load_samples

JIAXING, YUHANG, WEIHAI, PANAN = ("000_0833acab45604a9b.txt", "002_2c6b46a3fd0f362e.txt",
                                  "003_d47cfc8dc3939d8e.txt", "004_bfa0d2e85e167f4c.txt")


def _plan_row(df, plan):
    return df[df["plan"] == plan].iloc[0]


def test_lead_facts(samples_store):
    snap = q.snapshot(samples_store)
    top = q.rank_agencies(snap, plan=JIAXING).iloc[0]
    assert (top.agency, top.leads, top.tasks) == ("市质监局", 13, 22)
    assert top.function == "quality_supervision"
    top = q.rank_agencies(snap, plan=YUHANG).iloc[0]
    assert (top.leads, top.tasks, top.function) == (13, 18, "market_regulation")
    aliases = next(a["aliases"] for a in samples_store.agencies() if a["id"] == top.agency_id)
    assert len(aliases) == 2                       # 区市场监督局 and 区市场监管局, one agency


def test_orphan_facts(samples_store):
    summary = q.orphan_summary(samples_store)
    panan = _plan_row(summary, PANAN)
    assert panan.tasks > 0 and panan.unassigned == panan.tasks and panan.orphan_rate == 1.0
    weihai = _plan_row(summary, WEIHAI)
    assert weihai.leaderless / weihai.tasks >= 0.85
    jiaxing = _plan_row(summary, JIAXING)
    assert jiaxing.orphans == 0
    listed = q.orphans(samples_store, plan=PANAN)
    assert len(listed) == panan.tasks and set(listed["category"]) == {"unassigned"}
    assert listed["heading"].map(bool).all()


def test_overload_and_concentration(samples_store):
    flagged = q.overload(samples_store, only_flagged=True)
    jx = flagged[flagged["plan"] == JIAXING]
    assert list(jx["agency"]) == ["市质监局"]
    assert any(r.startswith("share 0.59") for r in jx["reasons"].iloc[0])
    conc = q.concentration(samples_store)
    assert _plan_row(conc, JIAXING).top1_share == pytest.approx(13 / 22)
    assert _plan_row(conc, PANAN).led_tasks == 0


def test_harmonising_makes_pre_and_post_reform_plans_alike(samples_store):
    snap = q.snapshot(samples_store)
    plans = snap.plans.set_index("file")
    jx, yh = plans.at[JIAXING, "jurisdiction"], plans.at[YUHANG, "jurisdiction"]

    def cos(harmonise):
        sim = q.similarity(snap, harmonise=harmonise)
        hit = sim[((sim["a"] == jx) & (sim["b"] == yh)) | ((sim["a"] == yh) & (sim["b"] == jx))]
        return float(hit["cosine"].iloc[0])

    assert cos(True) > 0.9 > 0.2 > cos(False)
    diff = q.function_differences(snap, jx, yh)
    assert set(diff.head(2)["function"]) == {"quality_supervision", "market_regulation"}


CALLS = {
    "rank": lambda s: q.rank_agencies(s, by_plan=True),
    "rank_functions": lambda s: q.rank_functions(s, harmonise=True),
    "centrality": lambda s: q.centrality(s, per_plan=True),
    "co_responsibility": lambda s: q.centrality(s, graph="co_responsibility"),
    "directed": lambda s: q.centrality(s, graph="directed"),
    "overload": lambda s: q.overload(s),
    "concentration": lambda s: q.concentration(s),
    "orphans": lambda s: q.orphans(s),
    "orphan_summary": lambda s: q.orphan_summary(s),
    "matrix": lambda s: q.function_matrix(s, by="plan"),
    "metrics": lambda s: q.plan_metrics(s),
    "similarity": lambda s: q.similarity(s, harmonise=True),
}


def _round(rows):
    return [{k: round(v, 9) if isinstance(v, float) else v for k, v in r.items()} for r in rows]


def test_identical_answers_from_both_stores(samples_store, tmp_path):
    reference = EmbeddedStore(tmp_path / "reference")
    reference.setup()
    load_samples(reference)
    got, want = q.snapshot(samples_store), q.snapshot(reference)
    for name, call in CALLS.items():
        assert _round(q.rows(call(got))) == _round(q.rows(call(want))), name
    reference.close()
