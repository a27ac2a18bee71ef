"""EXPLAIN/PROFILE evidence that the Neo4j look-ups use the schema's indexes.

The statements are the project's own ``cypher/*.cypher`` files (loaded by name through
``store.cypher.query``); only the ``PROFILE``/``EXPLAIN`` keyword is put in front, and the
values go in as ``$parameters``. Full-graph reads (``read_tasks``, ``read_edges``) scan by
design and are listed with their operators too, for the record.
"""

from __future__ import annotations

# (cypher file, how to build its parameters from sample ids, PROFILE (runs it) or EXPLAIN only)
LOOKUPS = (
    ("read_plan", lambda ids: {"id": ids["plan"]}, "PROFILE"),
    ("read_plan_text", lambda ids: {"id": ids["plan"]}, "PROFILE"),
    ("read_plan_tasks", lambda ids: {"plan_id": ids["plan"]}, "PROFILE"),
    ("read_plan_edges", lambda ids: {"plan_ids": [ids["plan"]]}, "PROFILE"),
    ("read_task", lambda ids: {"id": ids["task"]}, "PROFILE"),
    ("read_agency", lambda ids: {"id": ids["agency"]}, "PROFILE"),
    ("clear_plan", lambda ids: {"plan_id": ids["plan"], "id": ids["plan"]}, "EXPLAIN"),
    ("read_plans", lambda ids: {}, "EXPLAIN"),
    ("read_tasks", lambda ids: {}, "EXPLAIN"),
)
INDEX_OPERATORS = ("NodeIndexSeek", "NodeUniqueIndexSeek", "NodeIndexContainsScan", "NodeIndexSeekByRange",
                   "MultiNodeIndexSeek", "DirectedRelationshipIndexSeek")


def _operators(plan: dict | None) -> list[dict]:
    out: list[dict] = []
    stack = [plan] if plan else []
    while stack:
        node = stack.pop()
        args = node.get("args", {})
        out.append({"operator": node.get("operatorType", "?").split("@")[0], "details": args.get("Details", ""),
                    "rows": node.get("rows"), "db_hits": node.get("dbHits")})
        stack.extend(node.get("children", []))
    return out


def evidence(driver, database: str, store) -> list[dict]:
    """One row per statement: file, mode, operators, whether an index seek is used, db hits."""
    from store.cypher import query

    plans = store.plans()
    if not plans:
        return []
    plan_id = plans[len(plans) // 2]["id"]
    tasks = store.tasks(plan_id)
    edges = store.edges([plan_id])
    agency = next((e["source_id"] for e in edges if e["type"] in ("LEADS", "SUPPORTS")), "")
    ids = {"plan": plan_id, "task": tasks[0]["id"] if tasks else "", "agency": agency}
    rows = []
    for name, params, mode in LOOKUPS:
        try:
            text = query(name)
        except Exception as exc:  # noqa: BLE001 - a renamed file is reported, not fatal
            rows.append({"file": f"{name}.cypher", "mode": mode, "error": str(exc)})
            continue
        with driver.session(database=database) as session:
            summary = session.run(f"{mode} {text}", params(ids)).consume()
        tree = summary.profile if mode == "PROFILE" else summary.plan
        ops = _operators(tree)
        seeks = [o for o in ops if o["operator"].split("(")[0] in INDEX_OPERATORS]  # e.g. NodeUniqueIndexSeek(Locking)
        rows.append({"file": f"{name}.cypher", "mode": mode, "uses_index": bool(seeks),
                     "index_operators": [f"{o['operator']} {o['details']}".strip() for o in seeks],
                     "operators": [o["operator"] for o in ops],
                     "db_hits": sum(o["db_hits"] or 0 for o in ops) if mode == "PROFILE" else None})
    return rows
