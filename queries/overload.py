"""Lead-duty overload: each agency's lead count against its peers, and each plan's concentration.

Per plan, over the *leading agencies* (those leading at least one task):

- ``share`` = tasks led / tasks in the plan;
- ``ratio_to_median`` = tasks led / median tasks led by the leading agencies;
- ``z`` = (tasks led − mean) / standard deviation (population, over leading agencies; 0 when
  all lead equally).

Plan concentration of lead duties (``x_i`` = tasks led by agency i, ``s_i = x_i / Σx``):

- ``hhi`` = Σ s_i² (Herfindahl–Hirschman index; 1 = one agency leads everything,
  1/n = n agencies lead equally; Hirschman 1964, AER 54:761);
- ``gini`` = Σ_i Σ_j |x_i − x_j| / (2 n² x̄) (0 = equal, → 1 = one agency leads all;
  Gini 1912), over the leading agencies;
- ``top1_share`` / ``top3_share``: share of led tasks held by the first / first three agencies.

The overload rule (:class:`OverloadRule`) flags an agency when it leads at least ``min_leads``
tasks and crosses at least ``require`` of three thresholds: share ≥ ``share``, ratio to median
≥ ``ratio``, z ≥ ``z``. ``reasons`` lists the thresholds crossed, e.g. ``share 0.59 >= 0.25``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from agencynet.errors import BadFilter
from queries import aggregates as agg
from queries import batches
from queries.ranking import rank_agencies


@dataclass(frozen=True)
class OverloadRule:
    """Thresholds of the overload rule (defaults shown; every one can be changed)."""

    min_leads: int = 3          # never flag an agency leading fewer tasks
    share: float = 0.25         # leads a quarter of the plan's tasks or more
    ratio: float = 3.0          # leads three times the median leading agency or more
    z: float = 2.0              # two standard deviations above the mean lead count or more
    require: int = 2            # how many of the three thresholds must be crossed

    def __post_init__(self):
        if not 1 <= self.require <= 3:
            raise BadFilter(f"overload rule: require must be 1, 2 or 3, not {self.require}")
        if self.min_leads < 1 or self.share < 0 or self.ratio < 0:
            raise BadFilter("overload rule: min_leads must be >= 1 and share/ratio thresholds >= 0")

    def reasons(self, leads: int, share: float, ratio: float, z: float) -> list[str]:
        """The thresholds crossed, or [] when the agency is not overloaded."""
        if leads < self.min_leads:
            return []
        crossed = []
        if share >= self.share:
            crossed.append(f"share {share:.2f} >= {self.share:g}")
        if ratio >= self.ratio:
            crossed.append(f"ratio to median {ratio:.2f} >= {self.ratio:g}")
        if z >= self.z:
            crossed.append(f"z {z:.2f} >= {self.z:g}")
        return crossed if len(crossed) >= self.require else []

    def describe(self) -> str:
        return (f"leads >= {self.min_leads} and at least {self.require} of: share >= {self.share:g}, "
                f"ratio to median >= {self.ratio:g}, z >= {self.z:g}")

    def as_dict(self) -> dict:
        return asdict(self)


def gini(values) -> float:
    """Gini coefficient of non-negative values (0 for fewer than two values or all zero).

    Examples
    --------
    >>> gini([1, 1, 1, 1])
    0.0
    >>> gini([0, 0, 0, 4])    # mean 1, Σ|xi-xj| = 24, 24 / (2 · 16 · 1)
    0.75
    """
    x = np.asarray(list(values), dtype=float)
    if len(x) < 2 or x.sum() == 0:
        return 0.0
    diff = np.abs(x[:, None] - x[None, :]).sum()
    return float(diff / (2 * len(x) ** 2 * x.mean()))


def hhi(values) -> float:
    """Herfindahl–Hirschman index of the shares of ``values`` (0 when all are zero).

    >>> hhi([1, 1])
    0.5
    >>> hhi([3, 1])           # 0.75² + 0.25²
    0.625
    """
    x = np.asarray(list(values), dtype=float)
    if x.sum() == 0:
        return 0.0
    s = x / x.sum()
    return float((s ** 2).sum())


OVERLOAD_COLS = ["plan_id", "plan", "agency_id", "agency", "jurisdiction", "function", "function_en", "leads",
                 "tasks", "share", "ratio_to_median", "z", "overloaded", "reasons"]
CONCENTRATION_COLS = ["plan_id", "plan", "tasks", "led_tasks", "leading_agencies", "hhi", "gini", "top1_share",
                      "top3_share", "top_agency", "top_agency_leads"]


def _plan_sizes(source, plan_filters: dict) -> pd.Series:
    """Tasks per (plan id, plan file) of the plans in scope that have tasks, by plan id.

    A store gives each plan's ``task_count`` (from ``plans_matching``, through
    ``queries.aggregates.scope``) so no task row is read; a snapshot or an in-memory source
    counts its task rows (the reference the store's counts are tested against)."""
    if not agg.pushes_down(source):
        from queries.frames import tasks_frame

        return tasks_frame(source, **plan_filters).groupby(["plan_id", "plan"], sort=True).size()
    snap = agg.scope(source, plan_filters)
    ids = agg.plan_ids(snap, plan_filters)
    if ids is None:  # every plan: their facts, one row each
        plans = pd.DataFrame.from_records(source.plans(), columns=["id", "file", "task_count"])
    else:
        plans = snap.plans[snap.plans["id"].isin(ids)]
    plans = plans.assign(n=plans["task_count"].fillna(0).astype(int))
    plans = plans[plans["n"] > 0].sort_values(["id", "file"], kind="stable")
    return pd.Series(plans["n"].to_numpy(), index=pd.MultiIndex.from_arrays(
        [plans["id"].to_numpy(), plans["file"].to_numpy()], names=["plan_id", "plan"]), dtype=int)


def _leaders(source, filters) -> pd.DataFrame:
    df = rank_agencies(source, by_plan=True, **filters)
    return df[df["leads"] > 0]


def overload(source, rule: OverloadRule | None = None, only_flagged: bool = False, limit: int | None = None,
             offset: int = 0, **filters) -> pd.DataFrame:
    """Each leading agency of each plan against its peers, flagged by ``rule``.

    Over more than ``queries.batches.BATCH_PLANS`` plans of a store the rows are worked out a
    batch of plans at a time and only the page asked for (``limit``, ``offset``) is kept.

    Returns
    -------
    DataFrame with ``OVERLOAD_COLS``, by plan id and, per plan, by leads (descending);
    ``reasons`` is a list of the thresholds crossed (empty when not overloaded);
    ``attrs["total"]``: the row count before paging.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> df = overload(TinyStore.example(), OverloadRule(min_leads=2, require=1))
    >>> [(r.agency, r.leads, round(r.share, 3), r.ratio_to_median, r.z, r.reasons) for r in df.itertuples()]
    [('A局', 2, 0.333, 1.333, 1.0, ['share 0.33 >= 0.25']), ('B局', 1, 0.167, 0.667, -1.0, [])]
    """
    rule = rule or OverloadRule()
    parts = batches.per_batch(source, filters, lambda f: _overload(source, rule, only_flagged, f))
    if parts is not None:
        return batches.window(parts, OVERLOAD_COLS, limit, offset)
    return agg.page(_overload(source, rule, only_flagged, filters), limit, offset)


def _overload(source, rule: OverloadRule, only_flagged: bool, filters: dict) -> pd.DataFrame:
    lead = _leaders(source, filters)
    if lead.empty:
        return pd.DataFrame(columns=OVERLOAD_COLS)
    x = lead["leads"].astype(float)
    g = x.groupby(lead["plan_id"])
    med, mean, std = g.transform("median"), g.transform("mean"), g.transform("std", ddof=0)
    out = lead.assign(share=lead["lead_share"].astype(float), ratio_to_median=(x / med).round(3),
                      z=((x - mean) / std.where(std > 0)).fillna(0.0).round(3))
    out["reasons"] = [rule.reasons(int(r.leads), r.share, r.ratio_to_median, r.z) for r in out.itertuples()]
    out["overloaded"] = out["reasons"].map(bool)
    if only_flagged:
        out = out[out["overloaded"]]
    return out[OVERLOAD_COLS].reset_index(drop=True)


def concentration(source, **filters) -> pd.DataFrame:
    """Per plan: HHI, Gini, top-1 and top-3 share of lead duties, and the top agency.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> r = concentration(TinyStore.example()).iloc[0]
    >>> int(r.led_tasks), int(r.leading_agencies), round(float(r.hhi), 4), round(float(r.gini), 4), r.top_agency
    (3, 2, 0.5556, 0.1667, 'A局')
    """
    parts = batches.per_batch(source, filters, lambda f: _concentration(source, f))
    if parts is not None:
        return batches.joined(parts, CONCENTRATION_COLS)
    return _concentration(source, filters)


def _concentration(source, filters: dict) -> pd.DataFrame:
    """:func:`concentration`, every plan's figures counted at once (the same formulas as
    :func:`hhi` and :func:`gini`, the Gini from the sorted values: (2 Σ i·x₍ᵢ₎) / (n Σx) − (n + 1) / n)."""
    plan_filters = {k: v for k, v in filters.items() if k in agg.PLAN_FILTERS}
    tasks = _plan_sizes(source, plan_filters)
    out = pd.DataFrame({"plan_id": tasks.index.get_level_values("plan_id"),
                        "plan": tasks.index.get_level_values("plan"), "tasks": tasks.to_numpy(dtype=int)})
    lead = _leaders(source, filters).sort_values(["plan_id", "leads", "agency"], ascending=[True, False, True])
    pid, x = lead["plan_id"], lead["leads"].astype(float)
    g = x.groupby(pid, sort=False)
    total, n = g.sum(), g.size()
    rank = lead.groupby("plan_id", sort=False).cumcount()  # 0 for the plan's top agency
    ascending = pid.map(n) - rank                         # position in ascending order, from 1
    figures = pd.DataFrame({
        "led_tasks": total, "leading_agencies": n,
        "hhi": ((x / pid.map(total)) ** 2).groupby(pid, sort=False).sum(),
        "gini": ((2 * (ascending * x).groupby(pid, sort=False).sum() / (n * total)) - (n + 1) / n).where(n >= 2, 0.0),
        "top1_share": x.where(rank < 1, 0.0).groupby(pid, sort=False).sum() / total,
        "top3_share": x.where(rank < 3, 0.0).groupby(pid, sort=False).sum() / total,
    })
    top = lead.drop_duplicates("plan_id").set_index("plan_id")
    figures["top_agency"], figures["top_agency_leads"] = top["agency"], top["leads"]
    out = out.join(figures, on="plan_id")
    for col in ("led_tasks", "leading_agencies", "top_agency_leads"):
        out[col] = out[col].fillna(0).astype(int)
    for col in ("hhi", "gini", "top1_share", "top3_share", "top_agency"):
        out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out[CONCENTRATION_COLS]
