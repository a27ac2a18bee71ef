"""``agencynet agencies [PATH...] [--format table|jsonl|csv|json]``: the agencies named in plans.

With paths, the documents are extracted and resolved here (no database): one row per
agency (one body in one jurisdiction, aliases collapsed) and per collective entry.
With no path, the rows come from the configured store (``store.open_store``).
Unclassified names are kept (``function: "unclassified"``) and summarised on stderr,
as are agencies placed in an "unknown parent" jurisdiction. Collectives have
``function: null``.
"""

from __future__ import annotations

from collections import Counter, defaultdict

import click

from agencynet.cli.common import ExtractRun, echo_rows, fail
from agencynet.errors import AgencynetError
from agencynet.settings import get_settings

FIELDS = ["name", "jurisdiction", "level", "function", "function_en", "function_current", "aliases", "alias_counts",
          "mentions",
          "leads", "supports", "kind", "id", "jurisdiction_id", "name_simplified"]
TABLE = ["name", "jurisdiction", "level", "function", "leads", "supports", "mentions", "aliases", "kind"]
UNKNOWN_MARKS = ("未知上级", "未指明", "未知辖区")


def graphs_reads(graphs: list) -> dict:
    """What a store's reads would give for these ``PlanGraph``s (agencies, collectives, jurisdictions, functions)."""
    from loaders.graph import display_name

    agencies: dict[str, dict] = {}
    collectives: dict[str, dict] = {}
    jurisdictions: dict[str, dict] = {}
    functions: dict[str, dict] = {}
    forms: dict[str, Counter] = defaultdict(Counter)
    counts: dict[str, Counter] = defaultdict(Counter)
    edges: list[dict] = []
    for g in graphs:
        edges += g.edges
        for j in g.jurisdictions:
            jurisdictions.setdefault(j["id"], j)
        for f in g.functions:
            functions.setdefault(f["code"], f)
        for a in g.agencies:
            agencies.setdefault(a["id"], dict(a))
        for c in g.collectives:
            collectives.setdefault(c["id"], dict(c))
        for e in g.edges:
            forms[e["source_id"]][e["mention"]] += 1
            counts[e["source_id"]][e["type"]] += 1
    for aid, a in agencies.items():
        seen = forms[aid]
        a["name"] = display_name(seen) if seen else a["name"]
        a["aliases"] = sorted(seen)
        a["mentions"] = sum(seen.values())
        a["leads"], a["supports"] = counts[aid]["LEADS"], counts[aid]["SUPPORTS"]
    for cid, c in collectives.items():
        c["mentions"] = counts[cid]["NAMED_ON"]
    return {"agencies": list(agencies.values()), "collectives": list(collectives.values()),
            "jurisdictions": list(jurisdictions.values()), "functions": list(functions.values()), "edges": edges}


def agency_rows(reads: dict) -> list[dict]:
    """Output rows from store-shaped reads, agencies first (most leads first), then collectives."""
    jur = {j["id"]: j for j in reads["jurisdictions"]}
    fns = {f["code"]: f for f in reads["functions"]}
    alias_counts: dict[str, Counter] = defaultdict(Counter)
    for e in reads.get("edges", []):
        alias_counts[e["source_id"]][e["mention"]] += 1

    def current(code):
        seen = [code]
        while code in fns and fns[code]["successor"] and fns[code]["successor"] not in seen:
            code = fns[code]["successor"]
            seen.append(code)
        return code

    rows = []
    for a in reads["agencies"]:
        j = jur.get(a["jurisdiction_id"], {})
        fn = a["function"]
        rows.append({
            "name": a["name"], "jurisdiction": j.get("name"), "level": j.get("level"), "function": fn,
            "function_en": fns.get(fn, {}).get("en"), "function_current": current(fn) if fn in fns else fn,
            "aliases": list(a.get("aliases") or []), "alias_counts": dict(sorted(alias_counts[a["id"]].items())),
            "mentions": a.get("mentions", 0), "leads": a.get("leads", 0),
            "supports": a.get("supports", 0), "kind": "agency", "id": a["id"], "jurisdiction_id": a["jurisdiction_id"],
            "name_simplified": a.get("name_simplified"),
        })
    for c in reads["collectives"]:
        j = jur.get(c["jurisdiction_id"], {})
        rows.append({
            "name": c["name"], "jurisdiction": j.get("name"), "level": j.get("level"), "function": None,
            "function_en": None, "function_current": None, "aliases": [c["name"]],
            "alias_counts": dict(sorted(alias_counts[c["id"]].items())), "mentions": c.get("mentions", 0),
            "leads": 0, "supports": 0, "kind": "collective", "id": c["id"], "jurisdiction_id": c["jurisdiction_id"],
            "name_simplified": None,
        })
    rows.sort(key=lambda r: (r["kind"] != "agency", -r["leads"], -r["mentions"], r["jurisdiction"] or "", r["name"]))
    return rows


def _from_paths(paths: tuple[str, ...]) -> tuple[dict, int, int]:
    from loaders.graph import build_plan_graph

    run = ExtractRun(paths)
    graphs = [build_plan_graph(doc) for _path, doc in run]
    return graphs_reads(graphs), run.seen, run.failed


def _from_store() -> dict:
    from store import open_store

    store = open_store(get_settings())
    try:
        return {"agencies": store.agencies(), "collectives": store.collectives(),
                "jurisdictions": store.jurisdictions(), "functions": store.functions(), "edges": store.edges()}
    finally:
        store.close()
        driver = getattr(store, "driver", None)
        if driver is not None:
            driver.close()


def _summary(rows: list[dict], source: str) -> None:
    agencies = [r for r in rows if r["kind"] == "agency"]
    click.echo(f"{len(agencies)} agencies and {len(rows) - len(agencies)} collective entries from {source}", err=True)
    unclassified = [r["name"] for r in agencies if r["function"] == "unclassified"]
    if unclassified:
        click.echo(f"unclassified ({len(unclassified)}): " + "、".join(unclassified), err=True)
    placeholders = [f"{r['name']} ({r['jurisdiction']})" for r in agencies
                    if any(m in (r["jurisdiction"] or "") for m in UNKNOWN_MARKS)]
    if placeholders:
        click.echo(f"in a jurisdiction not evident from the plan ({len(placeholders)}): " + "、".join(placeholders),
                   err=True)


@click.command("agencies")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--kind", type=click.Choice(["all", "agency", "collective"]), default="all", show_default=True,
              help="Agencies, collective entries, or both.")
def agencies(paths: tuple[str, ...], fmt: str, kind: str) -> None:
    """List agencies (with aliases, function, leads and supports) from documents, or from the store."""
    failed = 0
    try:
        if paths:
            reads, seen, failed = _from_paths(paths)
            source = f"{seen - failed} of {seen} documents"
            if seen == 0:
                fail("no documents found in " + ", ".join(paths))
        else:
            reads, source = _from_store(), "the store"
    except AgencynetError as exc:
        fail(str(exc))
    rows = [r for r in agency_rows(reads) if kind == "all" or r["kind"] == kind]
    if paths and failed == seen:
        raise SystemExit(1)
    if rows or fmt == "table":
        echo_rows(rows, fmt, FIELDS if fmt != "table" else TABLE)
    _summary(rows, source)
    if failed:
        raise SystemExit(1)


COMMANDS = [agencies]
