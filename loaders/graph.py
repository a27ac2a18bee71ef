"""From one extracted document to the rows a store writes (``PlanGraph``).

``build_plan_graph(doc)`` resolves every unit of every task (``loaders.identity``)
and returns plain rows: the plan, its jurisdiction and parents, tasks, agencies,
collectives, the whole function taxonomy (so Function nodes and SUCCEEDED_BY exist
in every store) and the edges LEADS / SUPPORTS / NAMED_ON, each with the mention
as written and its 0-based position in the clause's unit list.

One edge per agency per task: the lead's agency gets LEADS (and no SUPPORTS, even
when a variant of its name is listed again); every other agency gets one SUPPORTS at
its first position; each collective one NAMED_ON at its first position.

Examples
--------
>>> from loaders.records import ExtractedDocument, PlanRecord, TaskRecord
>>> plan = PlanRecord("p.txt", "T", "余杭区", "district", "杭州市", None, None, None,
...                   "simplified", None, "h", 1)
>>> task = TaskRecord("p.txt", 1, "1", "h", "(责任单位:区市场监管局、市发改委)",
...                   ["区市场监管局", "市发改委"], ["区市场监管局"], ["市发改委"], [], False,
...                   "declared_first", "t", (0, 1))
>>> g = build_plan_graph(ExtractedDocument(plan, [task], "t"))
>>> [(e["type"], e["mention"], e["position"]) for e in g.edges]
[('LEADS', '区市场监管局', 0), ('SUPPORTS', '市发改委', 1)]
>>> sorted(j["name"] for j in g.jurisdictions)
['余杭区', '杭州市', '浙江省']
"""

from __future__ import annotations

import re
from collections import Counter

from loaders.identity.names import matching_form
from loaders.identity.resolve import AgencyRef, PlanContext, inherit_prefixes, resolve_mention
from loaders.identity.taxonomy import UNCLASSIFIED, load_taxonomy
from loaders.ids import collective_id, task_id
from loaders.records import ExtractedDocument, PlanGraph, PlanRecord, TaskRecord


def _plan_row(plan: PlanRecord, ctx: PlanContext, text: str) -> dict:
    year = int(plan.date[:4]) if plan.date and re.match(r"\d{4}", plan.date) else None
    return {
        "id": plan.plan_id, "file": plan.file, "title": plan.title,
        "jurisdiction_id": ctx.jurisdiction.id, "jurisdiction": plan.jurisdiction, "level": plan.level,
        "parent_jurisdiction": plan.parent_jurisdiction, "issuer": plan.issuer, "doc_number": plan.doc_number,
        "date": plan.date, "year": year, "script": plan.script, "lead_convention": plan.lead_convention,
        "source_hash": plan.source_hash, "task_count": plan.task_count, "format": plan.format,
        "encoding": plan.encoding, "warnings": list(plan.warnings), "text": text,
    }


def _task_row(task: TaskRecord, pid: str) -> dict:
    clause = task.clause_span or (None, None)
    return {
        "id": task_id(pid, task.seq), "plan_id": pid, "seq": task.seq, "path": task.path,
        "heading": task.heading, "text": task.text, "clause": task.clause, "lead_basis": task.lead_basis,
        "open_list": task.open_list, "orphan": task.orphan, "span_start": task.span[0], "span_end": task.span[1],
        "clause_start": clause[0], "clause_end": clause[1], "section": task.section,
    }


def resolve_task_units(task: TaskRecord, ctx: PlanContext) -> list[AgencyRef]:
    """One ``AgencyRef`` per entry of ``task.units`` (same order and length).

    Entries the extractor marked collective are collectives; prefixes spread along
    the list (市发改委、国土局 -> 市国土局) before resolving.
    """
    collective = set(task.collective)
    spread = inherit_prefixes(list(task.units), ctx, list(collective))
    refs = []
    for unit, spread_unit in zip(task.units, spread):
        ref = resolve_mention(spread_unit, ctx)
        if unit in collective and ref.kind != "collective":
            simp = matching_form(unit)
            own = ctx.jurisdiction
            ref = AgencyRef("collective", collective_id(own.id, simp), unit, simp, simp, own, UNCLASSIFIED, None,
                            "collective:" + simp)
        refs.append(ref)
    return refs


def display_name(forms: Counter) -> str:
    """The canonical display name among the forms seen: most frequent, then longest, then by code point."""
    return max(forms, key=lambda f: (forms[f], len(f), f))


def build_plan_graph(doc: ExtractedDocument) -> PlanGraph:
    """All rows for one plan (see ``loaders.records.PlanGraph`` for the keys).

    Agency rows carry, beyond the documented keys: ``function_en``, ``aliases`` (the
    forms seen in this plan, source script, sorted), ``mentions`` (edges in this plan),
    ``branch`` and ``vertical`` (bools) and ``key`` (the identity key of the id).
    """
    plan = doc.plan
    ctx = PlanContext.from_plan(plan)
    pid = plan.plan_id
    tax = load_taxonomy()

    jurisdictions: dict[str, dict] = {}
    agencies: dict[str, dict] = {}
    forms: dict[str, Counter] = {}
    collectives: dict[str, dict] = {}
    edges: list[dict] = []

    def add_jurisdiction(j) -> None:
        for a in j.chain():
            jurisdictions.setdefault(a.id, a.row())

    add_jurisdiction(ctx.jurisdiction)
    for task in doc.tasks:
        tid = task_id(pid, task.seq)
        refs = resolve_task_units(task, ctx)
        lead_ids = {refs[i].id for i, u in enumerate(task.units) if task.lead and u == task.lead[0]}
        done: set[tuple[str, str]] = set()
        for pos, (unit, ref) in enumerate(zip(task.units, refs)):
            add_jurisdiction(ref.jurisdiction)
            if ref.kind == "collective":
                collectives.setdefault(ref.id, {"id": ref.id, "name": unit, "jurisdiction_id": ref.jurisdiction.id,
                                                "kind": "collective"})
                etype = "NAMED_ON"
            else:
                etype = "LEADS" if ref.id in lead_ids else "SUPPORTS"
                forms.setdefault(ref.id, Counter())[unit] += 1
                agencies.setdefault(ref.id, {
                    "id": ref.id, "name_simplified": None, "jurisdiction_id": ref.jurisdiction.id,
                    "function": ref.function, "kind": "agency", "function_en": ref.function_en,
                    "branch": ref.branch, "vertical": ref.vertical, "key": ref.key, "mentions": 0,
                })
            if (ref.id, "any") in done:
                continue
            done.add((ref.id, "any"))
            edges.append({"source_id": ref.id, "task_id": tid, "type": etype, "mention": unit, "position": pos})
            if etype != "NAMED_ON":
                agencies[ref.id]["mentions"] += 1

    for aid, row in agencies.items():
        name = display_name(forms[aid])
        row["name"] = name
        row["name_simplified"] = matching_form(name)
        row["aliases"] = sorted(forms[aid])
    ordered = [{k: row[k] for k in ("id", "name", "name_simplified", "jurisdiction_id", "function", "kind",
                                    "function_en", "aliases", "mentions", "branch", "vertical", "key")}
               for row in agencies.values()]
    return PlanGraph(
        plan=_plan_row(plan, ctx, doc.text),
        jurisdictions=list(jurisdictions.values()),
        tasks=[_task_row(t, pid) for t in doc.tasks],
        agencies=ordered,
        collectives=list(collectives.values()),
        functions=tax.rows(),
        edges=edges,
    )
