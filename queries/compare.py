"""Cross-jurisdiction (or cross-plan) comparison of who leads what.

- :func:`function_matrix`: function × jurisdiction (or plan) lead counts and shares, where
  ``share`` = tasks led by agencies of the function / tasks led in that column;
- :func:`plan_metrics`: plan-level figures side by side;
- :func:`similarity`: cosine similarity between columns over their function lead-share vectors,
  cos(a, b) = a·b / (‖a‖ ‖b‖) (Salton & McGill 1983); 1 = same division of lead duties;
- :func:`function_differences`: the functions whose lead share differs most between two columns.

Pass ``harmonise=True`` to compare plans from before and after the 2018 reform under today's
functions (质监 + 工商 + 食药监 → 市场监管 ...).
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd

from agencynet.errors import BadFilter
from queries import batches
from queries.aggregates import PLAN_FILTERS
from queries.frames import Snapshot, assignments_frame, split_filters, tasks_frame
from queries.orphans import orphan_summary
from queries.overload import concentration

BY = {"jurisdiction": "plan_jurisdiction", "plan": "plan"}
MATRIX_COLS = ["column", "function", "function_zh", "function_en", "leads", "share"]
METRIC_COLS = ["plan_id", "plan", "jurisdiction", "level", "year", "tasks", "agencies", "edges", "density",
               "centralisation", "hhi", "gini", "orphan_rate", "top_function", "top_function_en",
               "top_function_share"]


def _by(by: str) -> str:
    if by not in BY:
        raise BadFilter(f"by: compare by 'jurisdiction' or 'plan', not {by!r}")
    return BY[by]


def _lead_counts(snap: Snapshot, key: str, filters: dict, assigned: pd.DataFrame | None = None) -> pd.DataFrame:
    """Distinct tasks led per (column, function) in one snapshot (``assigned``: its
    ``assignments_frame(collectives=False)`` when already made)."""
    df = assignments_frame(snap, collectives=False, **filters) if assigned is None else assigned
    df = df[df["type"] == "LEADS"].assign(function=lambda d: d["function"].fillna("unclassified"))
    g = df.groupby([key, "function", "function_zh", "function_en"], dropna=False)["task_id"].nunique()
    return g.rename("leads").reset_index().rename(columns={key: "column"})


def _matrix(counts: list[pd.DataFrame]) -> pd.DataFrame:
    """The matrix from lead counts of one or more snapshots: a task is in one plan, so the
    counts of batches of plans add up."""
    counts = [c for c in counts if len(c)]
    if not counts:
        return pd.DataFrame(columns=MATRIX_COLS)
    out = pd.concat(counts, ignore_index=True) if len(counts) > 1 else counts[0]
    if len(counts) > 1:
        keys = ["column", "function", "function_zh", "function_en"]
        out = out.groupby(keys, dropna=False, sort=False)["leads"].sum().reset_index()
    out["share"] = out["leads"] / out.groupby("column")["leads"].transform("sum")
    out = out.sort_values(["column", "leads", "function"], ascending=[True, False, True], kind="stable")
    return out[MATRIX_COLS].reset_index(drop=True)


def function_matrix(source, by: str = "jurisdiction", **filters) -> pd.DataFrame:
    """Long-form function × column matrix of lead counts and shares.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> df = function_matrix(TinyStore.example())
    >>> [(r.column, r.function, r.leads, round(r.share, 3)) for r in df.itertuples()]
    [('甲市', 'fa', 2, 0.667), ('甲市', 'fb', 1, 0.333)]
    """
    key = _by(by)
    snaps, f = batches.snapshots_in_scope(source, split_filters(filters))
    return _matrix([_lead_counts(snap, key, f) for snap in snaps])


def matrix_wide(matrix: pd.DataFrame, value: str = "share") -> pd.DataFrame:
    """Pivot :func:`function_matrix` output: one row per function, one column per jurisdiction/plan."""
    if matrix.empty:
        return pd.DataFrame()
    return matrix.pivot_table(index="function", columns="column", values=value, aggfunc="sum", fill_value=0)


def similarity(source, by: str = "jurisdiction", **filters) -> pd.DataFrame:
    """Cosine similarity of every pair of columns over function lead-share vectors.

    Examples
    --------
    >>> from queries.testing import TinyStore
    >>> similarity(TinyStore.example(), by="plan").empty   # one plan: no pairs
    True
    """
    return similarity_of(function_matrix(source, by=by, **filters))


def similarity_of(matrix: pd.DataFrame) -> pd.DataFrame:
    """:func:`similarity` from a :func:`function_matrix` answer: every pair of its columns
    (``a`` before ``b``, in column order)."""
    wide = matrix_wide(matrix)
    cols = list(wide.columns)
    if len(cols) < 2:
        return pd.DataFrame(columns=["a", "b", "cosine"])
    X = wide.to_numpy(float)
    norms = np.linalg.norm(X, axis=0)
    unit = X / np.where(norms > 0, norms, 1.0)
    cos = unit.T @ unit
    i, j = np.triu_indices(len(cols), k=1)
    names = np.array(cols, dtype=object)
    return pd.DataFrame({"a": names[i], "b": names[j], "cosine": np.clip(cos[i, j], -1.0, 1.0).astype(float)})


def function_differences(source, a: str, b: str, by: str = "jurisdiction", top: int | None = None,
                         **filters) -> pd.DataFrame:
    """Functions ranked by how much their lead share differs between columns ``a`` and ``b``.

    ``difference`` = share in a − share in b; rows sorted by its absolute value.
    """
    return differences_of(function_matrix(source, by=by, **filters), a, b, by, top)


def differences_of(m: pd.DataFrame, a: str, b: str, by: str = "jurisdiction", top: int | None = None) -> pd.DataFrame:
    """:func:`function_differences` from a :func:`function_matrix` answer ``m``."""
    for name in (a, b):
        if name not in set(m["column"]):
            known = ", ".join(sorted(set(m["column"]))) or "none"
            raise BadFilter(f"{by}: no lead duties found for {name!r} (known: {known})")
    names = m.drop_duplicates("function").set_index("function")[["function_zh", "function_en"]]
    sa = m[m["column"] == a].set_index("function")
    sb = m[m["column"] == b].set_index("function")
    out = names.copy()
    out["leads_a"] = sa["leads"].reindex(out.index).fillna(0).astype(int)
    out["leads_b"] = sb["leads"].reindex(out.index).fillna(0).astype(int)
    out["share_a"] = sa["share"].reindex(out.index).fillna(0.0)
    out["share_b"] = sb["share"].reindex(out.index).fillna(0.0)
    out["difference"] = out["share_a"] - out["share_b"]
    out = out.reset_index().assign(a=a, b=b, abs_difference=lambda d: d["difference"].abs())
    out = out.sort_values(["abs_difference", "function"], ascending=[False, True], kind="stable")
    out = out[["a", "b", "function", "function_zh", "function_en", "leads_a", "leads_b", "share_a", "share_b",
               "difference"]].reset_index(drop=True)
    return out.head(top) if top else out


def degree_centralisation(G: nx.Graph) -> float:
    """Freeman degree centralisation: Σ (d_max − d_i) / ((n − 1)(n − 2)); 1 for a star, 0 for a
    regular graph (Freeman 1979, Social Networks 1:215). 0 for fewer than three nodes.

    >>> degree_centralisation(nx.star_graph(4))
    1.0
    >>> degree_centralisation(nx.cycle_graph(5))
    0.0
    """
    n = G.number_of_nodes()
    if n < 3:
        return 0.0
    d = [deg for _, deg in G.degree()]
    return float(sum(max(d) - x for x in d) / ((n - 1) * (n - 2)))


def plan_metrics(source, **filters) -> pd.DataFrame:
    """Plan-level figures side by side.

    ``agencies``: distinct specific agencies named; ``edges``: LEADS + SUPPORTS edges;
    ``density`` = edges / (agencies × tasks) of the two-mode graph; ``centralisation``: Freeman
    degree centralisation of the co-responsibility graph; ``hhi``/``gini`` of lead duties
    (``queries.overload``); ``orphan_rate`` (``queries.orphans``); the top leading function
    and its share of led tasks.
    """
    snaps, f = batches.snapshots_in_scope(source, split_filters(filters))
    return batches.joined((_plan_metrics(snap, f) for snap in snaps), METRIC_COLS)


def _plan_metrics(snap: Snapshot, filters: dict, assigned: pd.DataFrame | None = None) -> pd.DataFrame:
    """:func:`plan_metrics` of the plans of one snapshot, every figure counted per plan at once
    (no per-plan graph is built: see :func:`centralisation_by_plan`)."""
    plan_filters = {k: v for k, v in filters.items() if k in PLAN_FILTERS}
    tasks = tasks_frame(snap, **plan_filters)
    df = assignments_frame(snap, collectives=False, **filters) if assigned is None else assigned
    conc = concentration(snap, **filters).set_index("plan_id")
    orph = orphan_summary(snap, **plan_filters).set_index("plan_id")
    matrix = _matrix([_lead_counts(snap, BY["plan"], filters, df)])
    plans = snap.plans[snap.plans["id"].isin(tasks["plan_id"])].sort_values("id")
    if plans.empty:
        return pd.DataFrame(columns=METRIC_COLS)
    out = plans[["id", "file", "jurisdiction", "level", "year"]].rename(columns={"id": "plan_id", "file": "plan"})
    out = out.reset_index(drop=True)
    pid = out["plan_id"]
    by_plan = df.groupby("plan_id")
    out["tasks"] = pid.map(tasks.groupby("plan_id").size()).fillna(0).astype(int)
    out["agencies"] = pid.map(by_plan["source_id"].nunique()).fillna(0).astype(int)
    out["edges"] = pid.map(df.drop_duplicates(["plan_id", "source_id", "task_id"]).groupby("plan_id").size())
    out["edges"] = out["edges"].fillna(0).astype(int)
    both = (out["agencies"] > 0) & (out["tasks"] > 0)
    out["density"] = (out["edges"] / (out["agencies"] * out["tasks"]).where(both)).fillna(0.0).astype(float)
    out["centralisation"] = pid.map(centralisation_by_plan(df)).fillna(0.0).astype(float)
    for col, frame in (("hhi", conc), ("gini", conc), ("orphan_rate", orph)):
        out[col] = pid.map(frame[col]).astype(object).where(pid.isin(frame.index), None)
    tops = matrix.drop_duplicates("column").set_index("column")  # sorted by leads: the top function first
    for col, src in (("top_function", "function"), ("top_function_en", "function_en"), ("top_function_share", "share")):
        out[col] = out["plan"].map(tops[src]).astype(object).where(out["plan"].isin(tops.index), None)
    return out[METRIC_COLS]


def centralisation_by_plan(assignments: pd.DataFrame) -> pd.Series:
    """:func:`degree_centralisation` of each plan's co-responsibility graph, by plan id, counted
    from the agency-task pairs (an agency's degree: the other agencies it shares a task with).

    >>> a = pd.DataFrame({"plan_id": ["p"] * 4, "task_id": ["t1", "t1", "t1", "t2"],
    ...                   "source_id": ["x", "y", "z", "w"], "kind": ["agency"] * 4})
    >>> float(centralisation_by_plan(a)["p"])   # x-y, x-z, y-z and w alone: Σ(2 - d) / (3 · 2)
    0.3333333333333333
    """
    named = assignments[assignments["kind"] == "agency"][["plan_id", "task_id", "source_id"]].drop_duplicates()
    nodes = named.groupby("plan_id")["source_id"].nunique()
    pairs = named.merge(named, on=["plan_id", "task_id"])
    pairs = pairs[pairs["source_id_x"] != pairs["source_id_y"]].drop_duplicates(["plan_id", "source_id_x", "source_id_y"])
    degree = pairs.groupby(["plan_id", "source_id_x"]).size()
    top = degree.groupby(level="plan_id").max().reindex(nodes.index, fill_value=0)
    linked = degree.groupby(level="plan_id").agg(["sum", "size"]).reindex(nodes.index, fill_value=0)
    # Σ (d_max − d_i) over every node, the isolated ones (degree 0) included
    spread = top * nodes - linked["sum"]
    n = nodes.astype(float)
    return (spread / ((n - 1) * (n - 2))).where(nodes >= 3, 0.0).astype(float)


def compare(source, jurisdictions=None, by: str = "jurisdiction", harmonise: bool = False, top: int = 10,
            **filters) -> dict[str, pd.DataFrame]:
    """Everything of this module at once for the chosen jurisdictions (default: all).

    Returns
    -------
    dict with ``matrix`` (long form), ``metrics``, ``similarity``, and ``differences`` (only
    when exactly two columns are compared; else an empty frame).
    """
    filters = split_filters(filters)
    if jurisdictions:
        filters["jurisdiction"] = list(jurisdictions)
    filters["harmonise"] = harmonise
    key = _by(by)
    snaps, f = batches.snapshots_in_scope(source, filters)  # only the chosen jurisdictions' plans, a batch at a time
    counts, metrics = [], []
    for snap in snaps:
        assigned = assignments_frame(snap, collectives=False, **f)
        counts.append(_lead_counts(snap, key, f, assigned))
        metrics.append(_plan_metrics(snap, f, assigned))
    matrix = _matrix(counts)
    cols = sorted(set(matrix["column"]))
    diffs = differences_of(matrix, cols[0], cols[1], by=by, top=top) if len(cols) == 2 else pd.DataFrame()
    return {"matrix": matrix, "metrics": batches.joined(metrics, METRIC_COLS), "similarity": similarity_of(matrix), "differences": diffs}
