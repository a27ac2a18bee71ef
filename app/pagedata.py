"""The dicts the HTML pages render (and serve as their JSON twins), built from store reads."""

from __future__ import annotations

from collections import Counter, defaultdict

from agencynet.errors import BadFilter
from app import data
from loaders.records import ORPHAN_CATEGORIES
from store.base import GraphStore

ORPHAN_LABELS = {"unassigned": "no clause", "collective_only": "only collective bodies",
                 "leaderless": "several units, none leads", "lead_is_collective": "lead position is collective"}


def _window(rows: list, limit: int, offset: int) -> dict:
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}


def orphan_rows(store: GraphStore) -> list[dict]:
    """Per plan: task count, counts per orphan category, open lists and the orphan rate."""
    out = []
    for p in store.plans():
        tasks = store.tasks(p["id"])
        c = Counter(t["orphan"] for t in tasks if t.get("orphan"))
        n = len(tasks)
        orphaned = sum(c.values())
        out.append({"plan_id": p["id"], "plan": p.get("title") or p["file"], "jurisdiction": p.get("jurisdiction"),
                    "tasks": n, **{cat: c.get(cat, 0) for cat in ORPHAN_CATEGORIES},
                    "open_list": sum(1 for t in tasks if t.get("open_list")),
                    "orphaned": orphaned, "orphan_rate": round(orphaned / n, 3) if n else 0.0})
    return out


def home(store: GraphStore, top: int = 10) -> dict:
    plans = store.plans()
    agencies = data.agencies(store)
    orphans = orphan_rows(store)
    by_plan = {o["plan_id"]: o for o in orphans}
    leaders = sorted((a for a in agencies if a["leads"]), key=lambda a: (-a["leads"], -a["supports"], a["id"]))[:top]
    return {
        "page": "home", "title": "agencynet: agency responsibility networks",
        "counts": {"plans": len(plans), "tasks": sum(o["tasks"] for o in orphans), "agencies": len(agencies),
                   "jurisdictions": len(store.jurisdictions())},
        "plans": [{"id": p["id"], "title": p.get("title") or p["file"], "file": p["file"],
                   "jurisdiction": p.get("jurisdiction"), "level": p.get("level"), "date": p.get("date"),
                   "doc_number": p.get("doc_number"), "tasks": by_plan[p["id"]]["tasks"],
                   "orphan_rate": by_plan[p["id"]]["orphan_rate"]} for p in plans],
        "jurisdictions": data.jurisdictions(store),
        "top_leaders": [{k: a[k] for k in ("id", "name", "jurisdiction", "function", "leads", "supports")}
                        for a in leaders],
        "orphan_summary": {"categories": {cat: sum(o[cat] for o in orphans) for cat in ORPHAN_CATEGORIES},
                           "labels": ORPHAN_LABELS, "plans": orphans},
    }


def plan(store: GraphStore, plan_id: str, limit: int = 200, offset: int = 0) -> dict:
    detail = data.plan_detail(store, plan_id)
    tasks = data.tasks(store, plan_id)
    rows = [{k: t.get(k) for k in ("id", "seq", "path", "heading", "clause", "lead_basis", "orphan", "open_list",
                                    "leads", "supports", "collectives", "section")} for t in tasks]
    return {"page": "plan", "title": detail.get("title") or detail["file"],
            "plan": {k: v for k, v in detail.items() if k != "text"},
            "tasks": _window(rows, limit, offset),
            "links": {"network": f"/views/plan/{plan_id}", "source": f"/source/{plan_id}",
                      "csv": f"/plans/{plan_id}/tasks?format=csv", "api": f"/plans/{plan_id}"}}


def source(store: GraphStore, plan_id: str, task_id: str | None = None) -> dict:
    """The plan's decoded text split around the task's span (``before``/``marked``/``after``)."""
    detail = data.plan(store, plan_id)
    text = store.plan_text(plan_id) or ""
    start = end = None
    heading = None
    if task_id:
        t = data.task(store, task_id)
        if t["plan_id"] != plan_id:
            raise BadFilter(f"task '{task_id}' belongs to plan '{t['plan_id']}', not '{plan_id}'")
        start, end, heading = t.get("span_start"), t.get("span_end"), t.get("heading")
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        parts = {"before": text, "marked": "", "after": ""}
    else:
        parts = {"before": text[:start], "marked": text[start:end], "after": text[end:]}
    return {"page": "source", "title": f"Source: {detail.get('title') or detail['file']}",
            "plan": {"id": plan_id, "title": detail.get("title"), "file": detail["file"]},
            "task": {"id": task_id, "heading": heading, "span": [start, end]} if task_id else None,
            "length": len(text), **parts}


def agency(store: GraphStore, agency_id: str) -> dict:
    detail = data.agency_detail(store, agency_id)
    plans = {p["id"]: p.get("title") or p["file"] for p in store.plans()}
    for duty in detail["led"] + detail["supported"]:
        duty["plan"] = plans.get(duty["plan_id"], duty["plan_id"])
    return {"page": "agency", "title": detail["name"], "agency": detail,
            "links": {"network": f"/views/agency/{agency_id}", "api": f"/agencies/{agency_id}"}}


def orphans(store: GraphStore, category: str | None = None, plan_id: str | None = None,
            limit: int = 100, offset: int = 0) -> dict:
    if category and category not in ORPHAN_CATEGORIES:
        raise BadFilter(f"unknown orphan category '{category}': use one of {', '.join(ORPHAN_CATEGORIES)}")
    plans = {p["id"]: p.get("title") or p["file"] for p in store.plans()}
    rows = [{"plan_id": t["plan_id"], "plan": plans.get(t["plan_id"]), "id": t["id"], "seq": t["seq"],
             "path": t["path"], "heading": t["heading"], "clause": t["clause"], "category": t["orphan"],
             "open_list": t["open_list"], "supports": t["supports"], "collectives": t["collectives"]}
            for t in data.tasks(store, plan_id) if t.get("orphan") and (not category or t["orphan"] == category)]
    return {"page": "orphans", "title": "Orphaned tasks", "filters": {"category": category, "plan": plan_id},
            "categories": list(ORPHAN_CATEGORIES), "labels": ORPHAN_LABELS, "summary": orphan_rows(store),
            "plans": [{"id": k, "title": v} for k, v in plans.items()], "tasks": _window(rows, limit, offset)}


def compare(store: GraphStore, jurisdictions: list[str] | None = None) -> dict:
    """Function x jurisdiction lead counts and shares, and plan metrics side by side."""
    all_j = data.jurisdictions(store)
    with_plans = [j for j in all_j if j["plans"]]
    chosen = [data.resolve_jurisdiction(store, j) for j in jurisdictions] if jurisdictions else \
        [j["id"] for j in with_plans]
    jn = {j["id"]: j["name"] for j in all_j}
    plans = [p for p in store.plans() if p["jurisdiction_id"] in chosen]
    agencies = {a["id"]: a for a in store.agencies()}
    fnames = {f["code"]: f.get("zh") or f.get("en") or f["code"] for f in store.functions()}
    leads: dict[str, Counter] = defaultdict(Counter)
    metrics = []
    for p in plans:
        tasks = store.tasks(p["id"])
        edges = [e for e in store.edges([p["id"]]) if e["type"] in ("LEADS", "SUPPORTS")]
        led = Counter()
        for e in edges:
            if e["type"] == "LEADS" and e["source_id"] in agencies:
                fn = agencies[e["source_id"]]["function"] or "unclassified"
                leads[p["jurisdiction_id"]][fn] += 1
                led[fn] += 1
        lead_counts = Counter(e["source_id"] for e in edges if e["type"] == "LEADS")
        total_leads = sum(lead_counts.values())
        hhi = sum((c / total_leads) ** 2 for c in lead_counts.values()) if total_leads else 0.0
        orphaned = sum(1 for t in tasks if t.get("orphan"))
        metrics.append({"plan_id": p["id"], "plan": p.get("title") or p["file"], "jurisdiction": p.get("jurisdiction"),
                        "tasks": len(tasks), "agencies": len({e["source_id"] for e in edges}), "edges": len(edges),
                        "orphan_rate": round(orphaned / len(tasks), 3) if tasks else 0.0, "lead_hhi": round(hhi, 3),
                        "top_leading_function": fnames.get(led.most_common(1)[0][0], led.most_common(1)[0][0])
                        if led else None})
    codes = sorted({f for c in leads.values() for f in c}, key=lambda f: (-sum(leads[j][f] for j in chosen), f))
    heat = []
    for code in codes:
        cells = []
        for jid in chosen:
            total = sum(leads[jid].values())
            cells.append({"jurisdiction_id": jid, "leads": leads[jid][code],
                          "share": round(leads[jid][code] / total, 3) if total else 0.0})
        heat.append({"function": code, "name": fnames.get(code, code), "cells": cells})
    return {"page": "compare", "title": "Cross-jurisdiction comparison",
            "available": [{"id": j["id"], "name": j["name"], "plans": j["plans"]} for j in with_plans],
            "chosen": [{"id": j, "name": jn.get(j, j)} for j in chosen], "heat": heat, "metrics": metrics}
