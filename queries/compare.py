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
from queries.frames import assignments_frame, scoped_snapshot, split_filters, tasks_frame
from queries.graphs import co_responsibility_graph
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
    df = assignments_frame(source, collectives=False, **split_filters(filters))
    df = df[df["type"] == "LEADS"].assign(function=lambda d: d["function"].fillna("unclassified"))
    if df.empty:
        return pd.DataFrame(columns=MATRIX_COLS)
    g = df.groupby([key, "function", "function_zh", "function_en"], dropna=False)["task_id"].nunique()
    out = g.rename("leads").reset_index().rename(columns={key: "column"})
    out["share"] = out["leads"] / out.groupby("column")["leads"].transform("sum")
    out = out.sort_values(["column", "leads", "function"], ascending=[True, False, True], kind="stable")
    return out[MATRIX_COLS].reset_index(drop=True)


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
    wide = matrix_wide(function_matrix(source, by=by, **filters))
    cols = list(wide.columns)
    if len(cols) < 2:
        return pd.DataFrame(columns=["a", "b", "cosine"])
    X = wide.to_numpy(float)
    norms = np.linalg.norm(X, axis=0)
    unit = X / np.where(norms > 0, norms, 1.0)
    cos = unit.T @ unit
    i, j = np.triu_indices(len(cols), k=1)
    return pd.DataFrame({"a": [cols[k] for k in i], "b": [cols[k] for k in j],
                         "cosine": np.clip(cos[i, j], -1.0, 1.0).astype(float)})


def function_differences(source, a: str, b: str, by: str = "jurisdiction", top: int | None = None,
                         **filters) -> pd.DataFrame:
    """Functions ranked by how much their lead share differs between columns ``a`` and ``b``.

    ``difference`` = share in a − share in b; rows sorted by its absolute value.
    """
    m = function_matrix(source, by=by, **filters)
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
    filters = split_filters(filters)
    plan_filters = {k: v for k, v in filters.items() if k in ("plan", "jurisdiction", "level", "year")}
    snap = scoped_snapshot(source, plan_filters)
    tasks = tasks_frame(snap, **plan_filters)
    df = assignments_frame(snap, collectives=False, **filters)
    conc = concentration(snap, **filters).set_index("plan_id")
    orph = orphan_summary(snap, **plan_filters).set_index("plan_id")
    matrix = function_matrix(snap, by="plan", **filters)
    rows = []
    plans = snap.plans[snap.plans["id"].isin(tasks["plan_id"])].sort_values("id")
    n_tasks = tasks.groupby("plan_id").size()
    by_plan = {pid: grp for pid, grp in df.groupby("plan_id", sort=False)}
    tops = {r["column"]: r for r in matrix.drop_duplicates("column").to_dict("records")}  # sorted by leads
    for pid, pfile, jur, level, year in plans[["id", "file", "jurisdiction", "level", "year"]].itertuples(index=False):
        a = by_plan.get(pid, df.iloc[0:0])
        n_ag, n_t = a["source_id"].nunique(), int(n_tasks.get(pid, 0))
        edges = len(a.drop_duplicates(["source_id", "task_id"]))
        top = tops.get(pfile)
        rows.append({
            "plan_id": pid, "plan": pfile, "jurisdiction": jur, "level": level, "year": year, "tasks": n_t,
            "agencies": n_ag, "edges": edges, "density": edges / (n_ag * n_t) if n_ag and n_t else 0.0,
            "centralisation": degree_centralisation(co_responsibility_graph(a)),
            "hhi": conc.at[pid, "hhi"] if pid in conc.index else None,
            "gini": conc.at[pid, "gini"] if pid in conc.index else None,
            "orphan_rate": orph.at[pid, "orphan_rate"] if pid in orph.index else None,
            "top_function": top["function"] if top else None,
            "top_function_en": top["function_en"] if top else None,
            "top_function_share": float(top["share"]) if top else None,
        })
    return pd.DataFrame(rows, columns=METRIC_COLS)


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
    snap = scoped_snapshot(source, filters)  # only the chosen jurisdictions' plans
    matrix = function_matrix(snap, by=by, **filters)
    cols = sorted(set(matrix["column"]))
    diffs = (function_differences(snap, cols[0], cols[1], by=by, top=top, **filters) if len(cols) == 2
             else pd.DataFrame())
    return {"matrix": matrix, "metrics": plan_metrics(snap, **filters),
            "similarity": similarity(snap, by=by, **filters), "differences": diffs}
