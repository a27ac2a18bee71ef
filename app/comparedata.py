"""The comparison page's dict, built from ``queries.compare`` (the same tables as
``/analytics/compare``), so the page, its JSON twin and the API agree by construction."""

from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

import queries
from app import data
from store.base import GraphStore

DEFAULT_COLUMNS = 5   # with nothing chosen: the jurisdictions with most plans
MAX_PAIRS = 30        # most similar pairs shown (all of them in the similarity CSV)


def heat_table(matrix: list[dict], columns: list[str]) -> list[dict]:
    """Long-form matrix rows (``queries.function_matrix``) as one row per function with a cell
    per column, functions ordered by their lead count over the columns (then code).

    >>> m = [{"column": "A", "function": "f1", "function_zh": "一", "function_en": "one", "leads": 2, "share": 1.0},
    ...      {"column": "B", "function": "f2", "function_zh": "二", "function_en": "two", "leads": 1, "share": 1.0}]
    >>> [(r["function"], [c["leads"] for c in r["cells"]]) for r in heat_table(m, ["A", "B"])]
    [('f1', [2, 0]), ('f2', [0, 1])]
    """
    by_fn: dict[str, dict] = {}
    for r in matrix:
        row = by_fn.setdefault(r["function"], {"function": r["function"], "name": r.get("function_zh") or r["function"],
                                               "en": r.get("function_en"), "cells": {}})
        row["cells"][r["column"]] = {"leads": int(r["leads"]), "share": round(float(r["share"]), 3)}
    out = []
    for row in by_fn.values():
        cells = [{"column": c, **row["cells"].get(c, {"leads": 0, "share": 0.0})} for c in columns]
        out.append({**{k: row[k] for k in ("function", "name", "en")}, "total": sum(c["leads"] for c in cells),
                    "cells": cells})
    return sorted(out, key=lambda r: (-r["total"], r["function"]))


def compare(store: GraphStore, jurisdictions: list[str] | None = None, harmonise: bool = False) -> dict:
    """Function x jurisdiction heat-table, plan metrics, similarity and (two chosen) differences.

    With nothing chosen, the ``DEFAULT_COLUMNS`` jurisdictions with most plans are compared;
    chosen jurisdictions without plans are listed in ``without_plans`` and left out.
    """
    plans = store.plans()
    plan_count = Counter(p["jurisdiction_id"] for p in plans)  # no agency read: only plan counts are shown
    places = [{**j, "plans": plan_count[j["id"]]} for j in store.jurisdictions()]
    with_plans = [j for j in places if j["plans"]]
    busiest = sorted(with_plans, key=lambda j: (-j["plans"], j["id"]))
    chosen = list(dict.fromkeys(data.resolve_jurisdiction(store, j) for j in jurisdictions)) if jurisdictions \
        else sorted(j["id"] for j in busiest[:DEFAULT_COLUMNS])
    names = {j["id"]: j["name"] for j in places}
    empty = [j for j in chosen if not any(w["id"] == j for w in with_plans)]
    picked = [j for j in chosen if j not in empty]
    parts = queries.compare(store, jurisdictions=picked, harmonise=harmonise) if picked else {}
    tables = {name: queries.rows(df) for name, df in parts.items()}
    titles = {p["id"]: p.get("title") or p["file"] for p in plans}
    zh = {f["code"]: f.get("zh") for f in store.functions()} if tables.get("metrics") else {}
    metrics = [{**m, "year": int(m["year"]) if m.get("year") is not None else None,
                "title": titles.get(m["plan_id"], m["plan"]), "top_function_zh": zh.get(m.get("top_function"))}
               for m in tables.get("metrics", [])]
    # queries label a column with the jurisdiction as the plans write it (婁底市), which may differ
    # from the jurisdiction's own name (娄底市): map each chosen id to its plans' label
    written = {}
    for p in sorted(plans, key=lambda p: p["id"]):
        written.setdefault(p["jurisdiction_id"], p.get("jurisdiction") or names.get(p["jurisdiction_id"]))
    columns = [written.get(j, names[j]) for j in picked]
    pairs = sorted(tables.get("similarity", []), key=lambda r: (-r["cosine"], r["a"], r["b"]))
    query = urlencode([("jurisdiction", j) for j in picked] + ([("harmonise", "true")] if harmonise else []))
    sep = "&" if query else ""
    return {"page": "compare", "title": "Cross-jurisdiction comparison",
            "available": [{"id": j["id"], "name": j["name"], "plans": j["plans"]} for j in busiest],
            "chosen": [{"id": j, "name": names.get(j, j), "column": c} for j, c in zip(picked, columns)],
            "harmonise": harmonise,
            "without_plans": [{"id": j, "name": names.get(j, j)} for j in empty],
            "heat": heat_table(tables.get("matrix", []), columns), "metrics": metrics,
            "similarity": pairs[:MAX_PAIRS], "similarity_total": len(pairs),
            "differences": tables.get("differences", []),
            "links": {part: f"/analytics/compare?{query}{sep}part={part}&format=csv"
                      for part in ("matrix", "metrics", "similarity", "differences")}}
