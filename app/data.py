"""Store reads shaped for the API and pages: rows joined with the names a person reads.

Pure functions of a ``GraphStore``; no HTTP here, so pages and API share them.
"""

from __future__ import annotations

from collections import Counter, defaultdict

from agencynet.errors import BadFilter, NotFound
from store.base import GraphStore


def plans(store: GraphStore) -> list[dict]:
    return store.plans()


def plans_page(store: GraphStore, limit: int, offset: int) -> dict:
    """``{"items", "total", "limit", "offset"}``: a page of ``plans()`` read as a page from the store."""
    found = store.plans_page(limit, offset)
    return {"items": found["rows"], "total": found["count"], "limit": limit, "offset": offset}


def plan(store: GraphStore, plan_id: str) -> dict:
    row = store.plan(plan_id)
    if row is None:
        raise NotFound(f"no plan with id '{plan_id}' (list them at /plans)")
    return row


def plan_detail(store: GraphStore, plan_id: str) -> dict:
    row = dict(plan(store, plan_id))
    tasks_ = store.tasks(plan_id)
    edges = store.edges([plan_id])
    row["orphans"] = dict(Counter(t["orphan"] for t in tasks_ if t.get("orphan")))
    row["agencies"] = len({e["source_id"] for e in edges if e["type"] in ("LEADS", "SUPPORTS")})
    row["edges"] = len(edges)
    return row


def names_by_id(store: GraphStore, ids: list[str] | None = None) -> dict[str, str]:
    """Agency and collective ids -> their names: those of ``ids`` (read by index), else all."""
    if ids is not None:
        return {s["id"]: s["name"] for s in store.sources_by_id(sorted(set(ids)))}
    out = {a["id"]: a["name"] for a in store.agencies()}
    out.update({c["id"]: c["name"] for c in store.collectives()})
    return out


def _with_units(rows: list[dict], edges: list[dict], names: dict[str, str]) -> list[dict]:
    """Task rows with ``leads``/``supports``/``collectives``: the names of their edges' sources."""
    by_task: dict[str, dict[str, list]] = defaultdict(lambda: {"LEADS": [], "SUPPORTS": [], "NAMED_ON": []})
    for e in edges:
        by_task[e["task_id"]][e["type"]].append(names.get(e["source_id"], e["mention"]))
    out = []
    for t in rows:
        roles = by_task[t["id"]]
        out.append({**t, "leads": roles["LEADS"], "supports": roles["SUPPORTS"], "collectives": roles["NAMED_ON"]})
    return out


def tasks(store: GraphStore, plan_id: str | None = None, orphan: str | None = None) -> list[dict]:
    """Tasks in (plan, seq) order with ``leads``/``supports``/``collectives`` as names.

    One plan reads only its tasks, edges and the sources they name (by index).
    """
    if plan_id is not None:
        plan(store, plan_id)
    rows = store.tasks(plan_id)
    if orphan:
        rows = [t for t in rows if (t.get("orphan") or "none") == orphan]
    edges = store.edges([plan_id] if plan_id else None)
    names = names_by_id(store, [e["source_id"] for e in edges] if plan_id else None)
    return _with_units(rows, edges, names)


def task(store: GraphStore, task_id: str) -> dict:
    """One task as ``tasks`` gives it (its plan's edges and the sources they name only)."""
    row = store.task(task_id)
    if row is None:
        raise NotFound(f"no task with id '{task_id}' (task ids look like <plan id>-t<seq>)")
    edges = [e for e in store.edges([row["plan_id"]]) if e["task_id"] == task_id]
    return _with_units([row], edges, names_by_id(store, [e["source_id"] for e in edges]))[0]


def jurisdiction_names(store: GraphStore) -> dict[str, str]:
    return {j["id"]: j["name"] for j in store.jurisdictions()}


def resolve_jurisdiction(store: GraphStore, value: str) -> str:
    """A jurisdiction id from its id or name; ``BadFilter`` naming the known ones otherwise."""
    known = store.jurisdictions()
    for j in known:
        if value in (j["id"], j["name"]):
            return j["id"]
    names = ", ".join(f"{j['name']} ({j['id']})" for j in known) or "none loaded"
    raise BadFilter(f"unknown jurisdiction '{value}': use an id or name from /jurisdictions ({names})")


def check_function(store: GraphStore, code: str) -> str:
    codes = [f["code"] for f in store.functions()]
    if code in codes or code == "unclassified":
        return code
    raise BadFilter(f"unknown function '{code}': use a code from /functions ({', '.join(codes) or 'none loaded'})")


def agencies(store: GraphStore, jurisdiction: str | None = None, function: str | None = None,
             q: str | None = None) -> list[dict]:
    """Agencies (id order) with their jurisdiction name; filters by jurisdiction, function, name."""
    rows = store.agencies()
    jnames = jurisdiction_names(store)
    if jurisdiction:
        jid = resolve_jurisdiction(store, jurisdiction)
        rows = [a for a in rows if a["jurisdiction_id"] == jid]
    if function:
        check_function(store, function)
        rows = [a for a in rows if a["function"] == function]
    if q:
        needle = q.strip().lower()
        rows = [a for a in rows if needle in a["name"].lower() or needle in (a.get("name_simplified") or "").lower()
                or any(needle in m.lower() for m in a.get("aliases") or [])]
    return [{**a, "jurisdiction": jnames.get(a["jurisdiction_id"])} for a in rows]


def agencies_page(store: GraphStore, jurisdiction: str | None = None, function: str | None = None,
                  q: str | None = None, limit: int = 100, offset: int = 0) -> dict:
    """A page (``{"items", "total", "limit", "offset"}``) of ``agencies()`` with the same filters,
    filtered and paged in the store: aliases and counts are read for the page's agencies only."""
    jid = resolve_jurisdiction(store, jurisdiction) if jurisdiction else None
    if function:
        check_function(store, function)
    found = store.agencies_page(jid, function or None, q.strip().lower() if q else None, limit, offset)
    jnames = jurisdiction_names(store) if found["rows"] else {}
    items = [{**a, "jurisdiction": jnames.get(a["jurisdiction_id"])} for a in found["rows"]]
    return {"items": items, "total": found["count"], "limit": limit, "offset": offset}


def agency_detail(store: GraphStore, agency_id: str) -> dict:
    """An agency with the tasks it leads and supports, in (plan, seq) order (its own edges and
    those tasks only, read by index)."""
    row = store.agency(agency_id)
    if row is None:
        raise NotFound(f"no agency with id '{agency_id}' (search them at /agencies?q=...)")
    jnames = jurisdiction_names(store)
    mine = store.source_edges(agency_id)
    task_rows = {t["id"]: t for t in store.tasks_by_id(sorted({e["task_id"] for e in mine}))}
    led, supported = [], []
    for e in mine:
        t = task_rows.get(e["task_id"])
        if t is None:
            continue
        duty = {"task_id": t["id"], "plan_id": t["plan_id"], "seq": t["seq"], "path": t["path"],
                "heading": t["heading"], "clause": t["clause"], "lead_basis": t["lead_basis"],
                "role": e["type"], "mention": e["mention"]}
        (led if e["type"] == "LEADS" else supported).append(duty)
    key = lambda d: (d["plan_id"], d["seq"])  # noqa: E731
    return {**row, "jurisdiction": jnames.get(row["jurisdiction_id"]),
            "led": sorted(led, key=key), "supported": sorted(supported, key=key)}


def jurisdictions(store: GraphStore) -> list[dict]:
    plan_count = Counter(p["jurisdiction_id"] for p in store.plans())
    agency_count = Counter(a["jurisdiction_id"] for a in store.agencies())
    return [{**j, "plans": plan_count[j["id"]], "agencies": agency_count[j["id"]]} for j in store.jurisdictions()]


def functions(store: GraphStore) -> list[dict]:
    agency_count = Counter(a["function"] for a in store.agencies())
    return [{**f, "agencies": agency_count[f["code"]]} for f in store.functions()]
