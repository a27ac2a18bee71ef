"""A tiny read-only in-memory graph for docstring examples and hand-computed tests.

``TinyStore`` answers the read half of ``store.base.GraphStore`` from a small
specification, so an analytics function can be shown (and checked by hand) on a
plan of a few tasks. It is not a store: it cannot load documents.
"""

from __future__ import annotations

from loaders.ids import short_hash


def _orphan(lead, units, collective, basis) -> str | None:
    if lead:
        return None
    if basis == "none" or not units:
        return "unassigned"
    if basis == "collective_only":
        return "collective_only"
    if units[0] in collective:
        return "lead_is_collective"
    return "leaderless"


class TinyStore:
    """In-memory rows in the store contract's shapes.

    Parameters
    ----------
    spec : dict
        ``plans``: list of {file, jurisdiction, level, year[, parent]};
        ``agencies``: {name: (jurisdiction name, function code)};
        ``functions``: list of (code, zh, en, successor);
        ``tasks``: list of {plan, lead (name or None), support (names), collective (names),
        lead_basis, open_list, heading}; units are lead + support + collective in that
        order unless ``units`` is given.
    """

    kind = "tiny"

    def __init__(self, spec: dict):
        self._jur = {}
        for p in spec["plans"]:
            self._jurisdiction(p["jurisdiction"], p.get("level"), p.get("parent"))
        for name, (jname, _fn) in spec.get("agencies", {}).items():
            self._jurisdiction(jname, None, None)
        self._plans = []
        for p in spec["plans"]:
            pid = "p-" + short_hash("file", p["file"])
            self._plans.append({
                "id": pid, "file": p["file"], "title": p.get("title", p["file"]),
                "jurisdiction_id": self._jur[p["jurisdiction"]]["id"], "jurisdiction": p["jurisdiction"],
                "level": p.get("level"), "parent_jurisdiction": p.get("parent"), "issuer": None,
                "doc_number": None, "date": None, "year": p.get("year"), "script": "simplified",
                "lead_convention": None, "source_hash": short_hash(p["file"]), "task_count": 0,
                "format": "txt", "encoding": "utf-8", "warnings": []})
        by_file = {p["file"]: p for p in self._plans}
        self._functions = [{"code": c, "zh": zh, "en": en, "successor": s, "taxonomy_version": "tiny"}
                           for c, zh, en, s in spec.get("functions", [])]
        self._agencies = {}
        for name, (jname, fn) in spec.get("agencies", {}).items():
            self._agencies[name] = {"id": "a-" + short_hash(jname, name), "name": name, "name_simplified": name,
                                    "jurisdiction_id": self._jur[jname]["id"], "function": fn, "kind": "agency",
                                    "aliases": [name], "mentions": 0, "leads": 0, "supports": 0}
        self._collectives, self._tasks, self._edges = {}, [], []
        for t in spec["tasks"]:
            self._task(by_file[t["plan"]], t)

    def _jurisdiction(self, name, level, parent):
        if name not in self._jur:
            self._jur[name] = {"id": "j-" + short_hash(name), "name": name, "level": level, "parent_id": None}
        if level and not self._jur[name]["level"]:
            self._jur[name]["level"] = level
        if parent:
            self._jurisdiction(parent, None, None)
            self._jur[name]["parent_id"] = self._jur[parent]["id"]

    def _task(self, plan, t):
        plan["task_count"] += 1
        seq = plan["task_count"]
        tid = f"{plan['id']}-t{seq}"
        lead = [t["lead"]] if t.get("lead") else []
        support, collective = list(t.get("support", [])), list(t.get("collective", []))
        units = t.get("units") or lead + support + collective
        basis = t.get("lead_basis") or ("single" if lead and not support else "declared_first" if lead
                                        else "collective_only" if collective and not support
                                        else "joint" if units else "none")
        heading = t.get("heading", f"任务{seq}")
        clause = ("(责任单位:" + "、".join(units) + ")") if units else None
        self._tasks.append({
            "id": tid, "plan_id": plan["id"], "seq": seq, "path": str(seq), "heading": heading,
            "text": heading + "。" + (clause or ""), "clause": clause, "lead_basis": basis,
            "open_list": bool(t.get("open_list", False)), "orphan": _orphan(lead, units, collective, basis),
            "span_start": 0, "span_end": 0, "clause_start": None, "clause_end": None, "section": "主要任务"})
        for pos, name in enumerate(units):
            if name in collective:
                c = self._collectives.setdefault(name, {"id": "c-" + short_hash(plan["jurisdiction"], name),
                                                        "name": name, "jurisdiction_id": plan["jurisdiction_id"],
                                                        "kind": "collective", "mentions": 0})
                c["mentions"] += 1
                self._edges.append(self._edge(c["id"], tid, plan["id"], "NAMED_ON", name, pos))
                continue
            a = self._agencies[name]
            kind = "LEADS" if name in lead else "SUPPORTS"
            a["mentions"] += 1
            a["leads" if kind == "LEADS" else "supports"] += 1
            self._edges.append(self._edge(a["id"], tid, plan["id"], kind, name, pos))

    @staticmethod
    def _edge(source, task, plan, kind, mention, pos):
        return {"source_id": source, "task_id": task, "plan_id": plan, "type": kind, "mention": mention,
                "position": pos}

    @classmethod
    def example(cls) -> "TinyStore":
        """One city plan of six tasks, three bureaus (A局 leads two, B局 one), three orphans."""
        return cls({
            "plans": [{"file": "p1.txt", "jurisdiction": "甲市", "level": "city", "year": 2018}],
            "agencies": {"A局": ("甲市", "fa"), "B局": ("甲市", "fb"), "C局": ("甲市", "fb")},
            "functions": [("fa", "甲职能", "function a", None), ("fb", "乙职能", "function b", None)],
            "tasks": [
                {"plan": "p1.txt", "lead": "A局", "support": ["B局"]},
                {"plan": "p1.txt", "lead": "A局", "support": ["C局"]},
                {"plan": "p1.txt", "lead": "B局"},
                {"plan": "p1.txt"},
                {"plan": "p1.txt", "support": ["B局", "C局"], "open_list": True},
                {"plan": "p1.txt", "collective": ["各有关单位"]},
            ],
        })

    @classmethod
    def two_plans(cls) -> "TinyStore":
        """Two plans in two jurisdictions, one with a pre-reform function (zj -> sc).

        甲市 (city, 2017), plan a.txt, 4 tasks:
          1 质监局 leads, 发改委 supports      2 质监局 leads, 财政局 supports
          3 质监局 leads                       4 发改委 leads, 质监局 supports
        乙区 (district, 2019), plan b.txt, 3 tasks:
          1 市场局 leads, 财政局 supports      2 joint: 发改局, 财政局 (leaderless)
          3 no clause (unassigned)
        """
        return cls({
            "plans": [{"file": "a.txt", "jurisdiction": "甲市", "level": "city", "year": 2017},
                      {"file": "b.txt", "jurisdiction": "乙区", "level": "district", "year": 2019, "parent": "甲市"}],
            "agencies": {"市质监局": ("甲市", "zj"), "市发改委": ("甲市", "fg"), "市财政局": ("甲市", "cz"),
                         "区市场局": ("乙区", "sc"), "区发改局": ("乙区", "fg"), "区财政局": ("乙区", "cz")},
            "functions": [("zj", "质量技术监督", "quality supervision", "sc"),
                          ("sc", "市场监督管理", "market regulation", None),
                          ("fg", "发展改革", "development and reform", None),
                          ("cz", "财政", "finance", None)],
            "tasks": [
                {"plan": "a.txt", "lead": "市质监局", "support": ["市发改委"]},
                {"plan": "a.txt", "lead": "市质监局", "support": ["市财政局"]},
                {"plan": "a.txt", "lead": "市质监局"},
                {"plan": "a.txt", "lead": "市发改委", "support": ["市质监局"]},
                {"plan": "b.txt", "lead": "区市场局", "support": ["区财政局"]},
                {"plan": "b.txt", "support": ["区发改局", "区财政局"], "open_list": True},
                {"plan": "b.txt"},
            ],
        })

    def plan_graphs(self) -> list:
        """The same content as ``loaders.records.PlanGraph`` rows, one per plan, to load into a real store."""
        from loaders.records import PlanGraph

        jur_by_id = {j["id"]: j for j in self._jur.values()}
        graphs = []
        for plan in self.plans():
            tasks = [t for t in self._tasks if t["plan_id"] == plan["id"]]
            tids = {t["id"] for t in tasks}
            edges = [e for e in self._edges if e["task_id"] in tids]
            used = {e["source_id"] for e in edges}
            agencies = [{k: a[k] for k in ("id", "name", "name_simplified", "jurisdiction_id", "function", "kind")}
                        for a in self.agencies() if a["id"] in used]
            collectives = [{k: c[k] for k in ("id", "name", "jurisdiction_id", "kind")}
                           for c in self.collectives() if c["id"] in used]
            jids, todo = set(), [plan["jurisdiction_id"], *(a["jurisdiction_id"] for a in agencies)]
            while todo:
                j = todo.pop()
                if j and j not in jids:
                    jids.add(j)
                    todo.append(jur_by_id[j]["parent_id"])
            graphs.append(PlanGraph(
                plan={**plan, "text": "\n".join(t["text"] for t in tasks)},
                jurisdictions=[jur_by_id[j] for j in sorted(jids)], tasks=tasks, agencies=agencies,
                collectives=collectives, functions=self.functions(), edges=[
                    {k: e[k] for k in ("source_id", "task_id", "type", "mention", "position")} for e in edges]))
        return graphs

    # --- the read half of store.base.GraphStore -------------------------------------------
    def plans(self):
        return sorted(self._plans, key=lambda r: r["id"])

    def tasks(self, plan_id=None):
        rows = [t for t in self._tasks if plan_id is None or t["plan_id"] == plan_id]
        return sorted(rows, key=lambda r: (r["plan_id"], r["seq"]))

    def agencies(self):
        return sorted(self._agencies.values(), key=lambda r: r["id"])

    def collectives(self):
        return sorted(self._collectives.values(), key=lambda r: r["id"])

    def jurisdictions(self):
        return sorted(self._jur.values(), key=lambda r: r["id"])

    def functions(self):
        return sorted(self._functions, key=lambda r: r["code"])

    def edges(self, plan_ids=None):
        rows = [e for e in self._edges if plan_ids is None or e["plan_id"] in plan_ids]
        return sorted(rows, key=lambda r: (r["task_id"], r["position"], r["type"]))
