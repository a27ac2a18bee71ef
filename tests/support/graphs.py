"""Small hand-made ``PlanGraph`` rows for store tests (no extractor needed).

``make_graph`` builds a deterministic plan: a city and its province, ``n_tasks``
tasks, a pool of agencies (lead + supports per task) and one collective.
"""

from __future__ import annotations

from loaders.records import PlanGraph

FUNCTIONS = [
    {"code": "market", "zh": "市场监管", "en": "Market regulation", "successor": None, "taxonomy_version": "t1"},
    {"code": "quality", "zh": "质监", "en": "Quality supervision", "successor": "market", "taxonomy_version": "t1"},
    {"code": "finance", "zh": "财政", "en": "Finance", "successor": None, "taxonomy_version": "t1"},
]


def make_graph(key: str = "a", n_tasks: int = 3, source_hash: str = "h1", n_agencies: int = 4,
               city: str = "c1", supports: int = 2, text: str | None = None) -> PlanGraph:
    """A plan ``p-<key>`` in city ``j-<city>`` (province ``j-prov``) with ``n_tasks`` tasks.

    Task i is led by agency ``i % n_agencies`` and supported by the next ``supports``
    agencies; every third task also names the collective; task 0 of a plan is
    unassigned when ``n_tasks`` > 3.
    """
    pid = f"p-{key}"
    jid = f"j-{city}"
    agencies = [{"id": f"a-{city}-{i}", "name": f"市局{i}", "name_simplified": f"市局{i}",
                 "jurisdiction_id": jid, "function": FUNCTIONS[i % 3]["code"] if i % 4 else "unclassified",
                 "kind": "agency"} for i in range(n_agencies)]
    collective = {"id": f"c-{city}", "name": "各有关单位", "jurisdiction_id": jid, "kind": "collective"}
    tasks, edges = [], []
    for seq in range(1, n_tasks + 1):
        tid = f"{pid}-t{seq}"
        unassigned = n_tasks > 3 and seq == 1
        tasks.append({"id": tid, "plan_id": pid, "seq": seq, "path": f"({seq})", "heading": f"任务{seq}",
                      "text": f"任务{seq}正文 {source_hash}", "clause": None if unassigned else f"(责任单位:{seq})",
                      "lead_basis": "none" if unassigned else "convention_first", "open_list": seq % 2 == 0,
                      "orphan": "unassigned" if unassigned else None, "span_start": seq * 10,
                      "span_end": seq * 10 + 9, "clause_start": None if unassigned else seq * 10 + 5,
                      "clause_end": None if unassigned else seq * 10 + 9, "section": "主要任务"})
        if unassigned:
            continue
        lead = agencies[seq % n_agencies]
        edges.append({"source_id": lead["id"], "task_id": tid, "type": "LEADS", "mention": lead["name"], "position": 0})
        for k in range(1, supports + 1):
            agency = agencies[(seq + k) % n_agencies]
            if agency is not lead:
                edges.append({"source_id": agency["id"], "task_id": tid, "type": "SUPPORTS",
                              "mention": agency["name"] + ("" if k % 2 else "等"), "position": k})
        if seq % 3 == 0:
            edges.append({"source_id": collective["id"], "task_id": tid, "type": "NAMED_ON",
                          "mention": collective["name"], "position": supports + 1})
    plan = {"id": pid, "file": f"{key}.txt", "title": f"计划{key}", "jurisdiction_id": jid,
            "jurisdiction": f"城市{city}", "level": "city", "parent_jurisdiction": "省", "issuer": "市政府",
            "doc_number": None, "date": "2018-05-01", "year": 2018, "script": "simplified",
            "lead_convention": None, "source_hash": source_hash, "task_count": n_tasks, "format": "txt",
            "encoding": "utf-8", "warnings": ["no doc number"], "text": text or f"全文 {key} {source_hash}"}
    jurisdictions = [{"id": "j-prov", "name": "省", "level": "province", "parent_id": None},
                     {"id": jid, "name": f"城市{city}", "level": "city", "parent_id": "j-prov"}]
    return PlanGraph(plan=plan, jurisdictions=jurisdictions, tasks=tasks, agencies=agencies,
                     collectives=[collective], functions=[dict(f) for f in FUNCTIONS], edges=edges)
