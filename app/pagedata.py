"""The dicts the HTML pages render (and serve as their JSON twins), built from store reads."""

from __future__ import annotations

from collections import Counter, defaultdict

from agencynet.errors import BadFilter, NotFound
from app import data
from loaders.records import ORPHAN_CATEGORIES
from store.base import GraphStore

ORPHAN_LABELS = {"unassigned": "no clause", "collective_only": "only collective bodies",
                 "leaderless": "several units, none leads", "lead_is_collective": "lead position is collective"}


def _window(rows: list, limit: int, offset: int) -> dict:
    return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}


def _title(p: dict) -> str:
    return p.get("title") or p["file"]


def orphan_rows(plans: list[dict], orphaned: list[dict]) -> list[dict]:
    """Per plan (plan id order): tasks, counts per orphan category, orphaned tasks and the rate.

    Built from the store's aggregated reads (``plans()`` carries ``task_count``,
    ``orphan_tasks()`` only the orphaned tasks), so it never reads every task.
    """
    by_plan: dict[str, Counter] = defaultdict(Counter)
    open_lists: Counter = Counter()
    for t in orphaned:
        by_plan[t["plan_id"]][t["orphan"]] += 1
        open_lists[t["plan_id"]] += bool(t.get("open_list"))
    out = []
    for p in plans:
        c, n = by_plan[p["id"]], int(p.get("task_count") or 0)
        count = sum(c.values())
        out.append({"plan_id": p["id"], "plan": _title(p), "jurisdiction": p.get("jurisdiction"), "tasks": n,
                    **{cat: c.get(cat, 0) for cat in ORPHAN_CATEGORIES}, "orphaned": count,
                    "orphaned_open_list": open_lists[p["id"]], "orphan_rate": round(count / n, 3) if n else 0.0})
    return out


def _jurisdictions(plans: list[dict], agencies: list[dict], jurisdictions: list[dict]) -> list[dict]:
    plan_count = Counter(p["jurisdiction_id"] for p in plans)
    agency_count = Counter(a["jurisdiction_id"] for a in agencies)
    return [{**j, "plans": plan_count[j["id"]], "agencies": agency_count[j["id"]]} for j in jurisdictions]


def home(store: GraphStore, top: int = 10, limit: int = 50, offset: int = 0) -> dict:
    """Counts, the plans (paged), jurisdictions with plans, top leading bureaus, orphan summary.

    One call to each aggregated store read (plans with their task counts, agencies with their
    lead/support counts, orphaned tasks only): no per-plan reads, so it scales with the corpus.
    """
    plans, agencies, places = store.plans(), store.agencies(), store.jurisdictions()
    orphans_ = orphan_rows(plans, store.orphan_tasks())
    by_plan = {o["plan_id"]: o for o in orphans_}
    leaders = sorted((a for a in agencies if a["leads"]), key=lambda a: (-a["leads"], -a["supports"], a["id"]))[:top]
    jnames = {j["id"]: j["name"] for j in places}
    jur = sorted((j for j in _jurisdictions(plans, agencies, places) if j["plans"]),
                 key=lambda j: (-j["plans"], j["id"]))
    rows = [{"id": p["id"], "title": _title(p), "file": p["file"], "jurisdiction": p.get("jurisdiction"),
             "level": p.get("level"), "date": p.get("date"), "doc_number": p.get("doc_number"),
             "tasks": by_plan[p["id"]]["tasks"], "orphaned": by_plan[p["id"]]["orphaned"],
             "orphan_rate": by_plan[p["id"]]["orphan_rate"]} for p in plans]
    return {
        "page": "home", "title": "agencynet: agency responsibility networks",
        "counts": {"plans": len(plans), "tasks": sum(o["tasks"] for o in orphans_), "agencies": len(agencies),
                   "jurisdictions": len(places)},
        "plans": _window(rows, limit, offset),
        "jurisdictions": jur[:20], "jurisdictions_with_plans": len(jur),
        "top_leaders": [{**{k: a[k] for k in ("id", "name", "function", "leads", "supports")},
                         "jurisdiction": jnames.get(a["jurisdiction_id"])} for a in leaders],
        "orphan_summary": {"categories": {cat: sum(o[cat] for o in orphans_) for cat in ORPHAN_CATEGORIES},
                           "orphaned": sum(o["orphaned"] for o in orphans_), "labels": ORPHAN_LABELS},
        "links": {"plans_csv": "/plans?format=csv", "leaders_csv": "/analytics/ranking?format=csv",
                  "orphans_csv": "/analytics/orphans?summary=true&format=csv",
                  "jurisdictions_csv": "/jurisdictions?format=csv"},
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
    start = end = seq = None
    heading = None
    if task_id:
        t = store.task(task_id)
        if t is None:
            raise NotFound(f"no task with id '{task_id}' (task ids look like <plan id>-t<seq>; see /plans/{plan_id}/tasks)")
        if t["plan_id"] != plan_id:
            raise BadFilter(f"task: task '{task_id}' belongs to plan '{t['plan_id']}', not '{plan_id}' "
                            f"(open /source/{t['plan_id']}?task={task_id})")
        start, end, heading, seq = t.get("span_start"), t.get("span_end"), t.get("heading"), t.get("seq")
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        parts = {"before": text, "marked": "", "after": ""}
    else:
        parts = {"before": text[:start], "marked": text[start:end], "after": text[end:]}
    return {"page": "source", "title": f"Source: {detail.get('title') or detail['file']}",
            "plan": {"id": plan_id, "title": detail.get("title"), "file": detail["file"]},
            "task": {"id": task_id, "seq": seq, "heading": heading, "span": [start, end],
                     "found": bool(parts["marked"])} if task_id else None,
            "length": len(text), **parts}


def agency(store: GraphStore, agency_id: str, limit: int = 100, led_offset: int = 0,
           supported_offset: int = 0) -> dict:
    """An agency, its function (with family), and the duties it leads and supports (each list paged)."""
    from app.views.families import family, family_spec

    detail = data.agency_detail(store, agency_id)
    named = sorted({d["plan_id"] for d in detail["led"] + detail["supported"]})
    plans = {p["id"]: _title(p) for p in (store.plan(pid) for pid in named) if p}  # its plans only, by id
    for duty in detail["led"] + detail["supported"]:
        duty["plan"] = plans.get(duty["plan_id"], duty["plan_id"])
    fn = next((f for f in store.functions() if f["code"] == detail.get("function")), None)
    led, supported = detail.pop("led"), detail.pop("supported")
    detail.update(leads=len(led), supports=len(supported), function_zh=fn and fn.get("zh"),
                  function_en=fn and fn.get("en"), family=family_spec(family(detail.get("function")))["label"])
    return {"page": "agency", "title": detail["name"], "agency": detail,
            "led": _window(led, limit, led_offset), "supported": _window(supported, limit, supported_offset),
            "links": {"network": f"/views/agency/{agency_id}", "api": f"/agencies/{agency_id}",
                      "csv": f"/agencies/{agency_id}?format=csv",
                      "agencies": f"/agencies?jurisdiction={detail.get('jurisdiction_id') or ''}"}}


def orphans(store: GraphStore, category: str | None = None, plan_id: str | None = None,
            limit: int = 100, offset: int = 0, plans_limit: int = 50, plans_offset: int = 0) -> dict:
    """The orphan dashboard: per-plan counts by category (paged) and the orphaned tasks (paged).

    Reads the plans and the orphaned tasks once; names on the shown tasks come from the edges
    of the plans on the current page only (as written in the clause).
    """
    if category and category not in ORPHAN_CATEGORIES:
        raise BadFilter(f"category: unknown orphan category '{category}' (use one of {', '.join(ORPHAN_CATEGORIES)}; "
                        "open lists with a lead are at /analytics/orphans?category=open_list)")
    if plan_id:
        data.plan(store, plan_id)
    plans = store.plans()
    titles = {p["id"]: _title(p) for p in plans}
    every = store.orphan_tasks()
    summary = orphan_rows(plans, every)
    chosen = [t for t in every if (not plan_id or t["plan_id"] == plan_id) and (not category or t["orphan"] == category)]
    win = _window(chosen, limit, offset)
    named: dict[str, dict[str, list]] = defaultdict(lambda: {"SUPPORTS": [], "LEADS": [], "NAMED_ON": []})
    shown_plans = sorted({t["plan_id"] for t in win["items"]})
    for e in store.edges(shown_plans) if shown_plans else []:
        named[e["task_id"]][e["type"]].append(e["mention"])
    win["items"] = [{"plan_id": t["plan_id"], "plan": titles.get(t["plan_id"]), "id": t["id"], "seq": t["seq"],
                     "path": t["path"], "heading": t["heading"], "clause": t["clause"], "category": t["orphan"],
                     "open_list": t["open_list"], "supports": named[t["id"]]["SUPPORTS"] + named[t["id"]]["LEADS"],
                     "collectives": named[t["id"]]["NAMED_ON"]} for t in win["items"]]
    query = "&".join(f"{k}={v}" for k, v in (("plan", plan_id), ("category", category)) if v)
    return {"page": "orphans", "title": "Orphaned tasks", "filters": {"category": category, "plan": plan_id},
            "categories": list(ORPHAN_CATEGORIES), "labels": ORPHAN_LABELS,
            "totals": {cat: sum(o[cat] for o in summary) for cat in ORPHAN_CATEGORIES},
            "summary": _window(summary, plans_limit, plans_offset),
            "plans": [{"id": k, "title": v} for k, v in titles.items()], "tasks": win,
            "links": {"tasks_csv": "/analytics/orphans?format=csv&include_open_list=false"
                      + (f"&plan={plan_id}" if plan_id else "") + (f"&category={category}" if category else ""),
                      "summary_csv": "/analytics/orphans?summary=true&format=csv", "json": f"/orphans.json?{query}"}}
