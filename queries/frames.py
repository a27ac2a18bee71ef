"""Store reads turned into pandas DataFrames: the only place ``queries`` touches a store.

Every analytics function takes a *source*: either a store (anything with the
``store.base.GraphStore`` read methods) or a :class:`Snapshot` made once with
:func:`snapshot` and reused, so a notebook or a benchmark reads the store once.

Filters (validated; a bad value raises :class:`agencynet.errors.BadFilter`):

``plan``          plan id or source file name (one value or a list)
``jurisdiction``  the plan's jurisdiction, by id or name (one value or a list)
``level``         the plan's jurisdiction level (``city``, ``district``, ...)
``function``      agency function code (one value or a list); matched after harmonising
``year``          the plan's year (int)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from agencynet.errors import BadFilter
from loaders.records import LEVELS

PLAN_COLS = ["id", "file", "title", "jurisdiction_id", "jurisdiction", "level", "parent_jurisdiction",
             "issuer", "doc_number", "date", "year", "script", "lead_convention", "source_hash",
             "task_count", "format", "encoding", "warnings"]
TASK_COLS = ["id", "plan_id", "seq", "path", "heading", "text", "clause", "lead_basis", "open_list",
             "orphan", "span_start", "span_end", "clause_start", "clause_end", "section"]
AGENCY_COLS = ["id", "name", "name_simplified", "jurisdiction_id", "function", "kind", "aliases",
               "mentions", "leads", "supports"]
COLLECTIVE_COLS = ["id", "name", "jurisdiction_id", "kind", "mentions"]
JURISDICTION_COLS = ["id", "name", "level", "parent_id"]
FUNCTION_COLS = ["code", "zh", "en", "successor", "taxonomy_version"]
EDGE_COLS = ["source_id", "task_id", "plan_id", "type", "mention", "position"]
FILTER_KEYS = ("plan", "jurisdiction", "level", "function", "year")


@dataclass(frozen=True)
class Snapshot:
    """Every read of a store, once, as DataFrames with the store contract's columns."""

    plans: pd.DataFrame
    tasks: pd.DataFrame
    agencies: pd.DataFrame
    collectives: pd.DataFrame
    jurisdictions: pd.DataFrame
    functions: pd.DataFrame
    edges: pd.DataFrame


def _frame(rows: list[dict], cols: list[str]) -> pd.DataFrame:
    df = pd.DataFrame(list(rows), columns=cols)
    return df.astype(object).where(df.notna(), None) if len(df) else df


PER_ID_PLANS = 500  # up to this many plans a scoped snapshot reads plan rows one by one (by index), else plans()


def snapshot(source, plan_ids: list[str] | None = None) -> Snapshot:
    """Read everything once from a store (a :class:`Snapshot` is returned unchanged).

    With ``plan_ids`` only those plans are read: their plan rows, tasks (``tasks(plan_id)``)
    and edges (``edges(plan_ids)``), the agencies and collectives those edges name
    (``source_facts``: id, name, jurisdiction, function, kind; their whole-store counts
    ``aliases``/``mentions``/``leads``/``supports`` are left None), and the small
    ``jurisdictions()`` and ``functions()``. Every query over those plans gives the same answer
    as on the whole snapshot; a Snapshot given is cut down to the same frames.
    """
    if plan_ids is not None:
        return _scoped(source, sorted(set(plan_ids)))
    if isinstance(source, Snapshot):
        return source
    return Snapshot(
        plans=_frame(source.plans(), PLAN_COLS),
        tasks=_frame(source.tasks(), TASK_COLS),
        agencies=_frame(source.agencies(), AGENCY_COLS),
        collectives=_frame(source.collectives(), COLLECTIVE_COLS),
        jurisdictions=_frame(source.jurisdictions(), JURISDICTION_COLS),
        functions=_frame(source.functions(), FUNCTION_COLS),
        edges=_frame(source.edges(), EDGE_COLS),
    )


def scoped_snapshot(source, filters: dict | None = None) -> Snapshot:
    """The snapshot the plan filters need: only the matching plans when a filter narrows them.

    Plan ids are resolved in the store (``queries.aggregates.scope``: ``plans_matching``,
    or every plan when a value matches nothing, so the error lists what is known); no plan
    filter, a :class:`Snapshot` or an in-memory source give :func:`snapshot` (everything).
    Raises :class:`agencynet.errors.BadFilter` for an unknown plan, jurisdiction, level or year.
    """
    from queries import aggregates as agg  # aggregates imports this module

    if isinstance(source, Snapshot) or not (agg.pushes_down(source) and hasattr(source, "source_facts")):
        return snapshot(source)
    filters = filters or {}
    small = agg.scope(source, filters)
    ids = agg.plan_ids(small, filters)
    return snapshot(source) if ids is None else _scoped(source, sorted(set(ids)), small)


def _scoped(source, ids: list[str], small: Snapshot | None = None, plans: list[dict] | None = None) -> Snapshot:
    """The snapshot of the plans ``ids`` (sorted); ``plans``: their plan rows when already read."""
    if isinstance(source, Snapshot) or not hasattr(source, "source_facts"):
        return _cut(snapshot(source), ids)
    wanted = set(ids)
    if plans is not None:
        plans = [p for p in plans if p["id"] in wanted]
    elif len(ids) <= PER_ID_PLANS:
        plans = [p for p in (source.plan(pid) for pid in ids) if p is not None]
    else:
        plans = [p for p in source.plans() if p["id"] in wanted]
    tasks = source.tasks_of_plans(ids) if ids else []
    edges = source.edges(ids) if ids else []
    facts = source.source_facts(sorted({e["source_id"] for e in edges}))
    blank = dict.fromkeys(("name_simplified", "aliases", "mentions", "leads", "supports"))
    return Snapshot(
        plans=_frame(plans, PLAN_COLS),
        tasks=_frame(tasks, TASK_COLS),
        agencies=_frame([{**blank, **f} for f in facts if f["kind"] != "collective"], AGENCY_COLS),
        collectives=_frame([{**f, "mentions": None} for f in facts if f["kind"] == "collective"], COLLECTIVE_COLS),
        jurisdictions=_frame(source.jurisdictions(), JURISDICTION_COLS) if small is None else small.jurisdictions,
        functions=_frame(source.functions(), FUNCTION_COLS) if small is None else small.functions,
        edges=_frame(edges, EDGE_COLS),
    )


def _cut(snap: Snapshot, ids: list[str]) -> Snapshot:
    """A snapshot's frames cut down to the plans ``ids`` and the bodies their edges name."""
    def where(df: pd.DataFrame, col: str, values) -> pd.DataFrame:
        return df[df[col].isin(values)] if len(df) else df

    edges = where(snap.edges, "plan_id", ids)
    named = set(edges["source_id"]) if len(edges) else set()
    return Snapshot(plans=where(snap.plans, "id", ids), tasks=where(snap.tasks, "plan_id", ids),
                    agencies=where(snap.agencies, "id", named), collectives=where(snap.collectives, "id", named),
                    jurisdictions=snap.jurisdictions, functions=snap.functions, edges=edges)


def _values(value) -> list:
    if value is None:
        return []
    if isinstance(value, (str, int)):
        return [value]
    return list(value)


def resolve_plans(snap: Snapshot, plan=None, jurisdiction=None, level=None, year=None) -> list[str]:
    """Ids of the plans matching the plan-level filters, in id order; BadFilter on unknown values."""
    plans = snap.plans
    keep = pd.Series(True, index=plans.index)
    wanted = _values(plan)
    if wanted:  # by id or by source file name; one pass however many are asked for
        named = set(plans["id"]) | set(plans["file"])
        for p in wanted:
            if p not in named:
                known = ", ".join(sorted(plans["file"].astype(str))) or "none loaded"
                raise BadFilter(f"plan: unknown plan {p!r} (give a plan id or a source file name; known files: {known})")
        keep &= plans["id"].isin(wanted) | plans["file"].isin(wanted)
    wanted = _values(jurisdiction)
    if wanted:
        for j in wanted:
            if not ((plans["jurisdiction"] == j) | (plans["jurisdiction_id"] == j)).any():
                known = ", ".join(sorted(set(plans["jurisdiction"].dropna().astype(str)))) or "none"
                raise BadFilter(f"jurisdiction: no plan issued in {j!r} (known: {known})")
        keep &= plans["jurisdiction"].isin(wanted) | plans["jurisdiction_id"].isin(wanted)
    wanted = _values(level)
    if wanted:
        for lv in wanted:
            if lv not in LEVELS:
                raise BadFilter(f"level: {lv!r} is not a level (one of {', '.join(LEVELS)})")
        keep &= plans["level"].isin(wanted)
    wanted = _values(year)
    if wanted:
        try:
            years = [int(y) for y in wanted]
        except (TypeError, ValueError):
            raise BadFilter(f"year: {year!r} is not a year (give a number such as 2018)") from None
        keep &= plans["year"].isin(years)
    return sorted(plans.loc[keep, "id"])


def check_functions(snap: Snapshot, function) -> list[str]:
    """The function codes asked for, each checked against the taxonomy."""
    wanted = [str(f) for f in _values(function)]
    known = set(snap.functions["code"]) | {"unclassified"}
    for code in wanted:
        if code not in known:
            raise BadFilter(f"function: unknown function code {code!r} (see `agencynet agencies` or /functions)")
    return wanted


def successor_map(snap: Snapshot) -> dict[str, str]:
    """Function code -> today's code, following ``successor`` links to their end (cycle-safe)."""
    nxt = {r.code: r.successor for r in snap.functions.itertuples() if r.successor}
    out = {}
    for code in snap.functions["code"]:
        seen, cur = {code}, code
        while cur in nxt and nxt[cur] not in seen:
            cur = nxt[cur]
            seen.add(cur)
        out[code] = cur
    return out


def _function_names(snap: Snapshot) -> tuple[dict, dict]:
    f = snap.functions
    return dict(zip(f["code"], f["zh"])), dict(zip(f["code"], f["en"]))


def tasks_frame(source, plan=None, jurisdiction=None, level=None, year=None) -> pd.DataFrame:
    """One row per task of the matching plans, with plan facts next to it.

    Columns: the task columns of the store contract (``id`` renamed ``task_id``) plus
    ``plan`` (source file), ``plan_title``, ``jurisdiction_id``, ``jurisdiction``, ``level``, ``year``.
    Sorted by plan id and seq.
    """
    snap = scoped_snapshot(source, {"plan": plan, "jurisdiction": jurisdiction, "level": level, "year": year})
    ids = resolve_plans(snap, plan, jurisdiction, level, year)
    plans = snap.plans[["id", "file", "title", "jurisdiction_id", "jurisdiction", "level", "year"]].rename(
        columns={"id": "plan_id", "file": "plan", "title": "plan_title"})
    tasks = snap.tasks[snap.tasks["plan_id"].isin(ids)].rename(columns={"id": "task_id"})
    out = tasks.merge(plans, on="plan_id", how="left")
    return out.sort_values(["plan_id", "seq"], kind="stable").reset_index(drop=True)


ASSIGNMENT_COLS = ["plan_id", "plan", "plan_title", "plan_jurisdiction_id", "plan_jurisdiction", "level", "year",
                   "task_id", "seq", "path", "heading", "clause", "lead_basis", "orphan", "open_list",
                   "source_id", "kind", "type", "mention", "position", "agency", "jurisdiction_id",
                   "jurisdiction", "function", "function_zh", "function_en", "function_as_named"]


def assignments_frame(source, plan=None, jurisdiction=None, level=None, function=None, year=None,
                      harmonise: bool = False, collectives: bool = True) -> pd.DataFrame:
    """One row per edge (LEADS, SUPPORTS, NAMED_ON) joined with its task, plan, agency and function.

    Parameters
    ----------
    source : GraphStore or Snapshot
    plan, jurisdiction, level, function, year : filters (see the module docstring)
    harmonise : bool
        Map each agency's function to today's successor through the reform lineage
        (``functions()[successor]``); ``function_as_named`` keeps the original code.
    collectives : bool
        Keep NAMED_ON rows of collective nodes (``kind == "collective"``, no function).
        Dropped whenever a ``function`` filter is given.

    Returns
    -------
    DataFrame with columns ``ASSIGNMENT_COLS``: ``plan_jurisdiction`` is where the plan was
    issued; ``agency``/``jurisdiction`` are the named body and its own jurisdiction.
    """
    snap = scoped_snapshot(source, {"plan": plan, "jurisdiction": jurisdiction, "level": level, "year": year})
    wanted_fn = check_functions(snap, function)
    tasks = tasks_frame(snap, plan, jurisdiction, level, year).rename(
        columns={"jurisdiction_id": "plan_jurisdiction_id", "jurisdiction": "plan_jurisdiction"})
    jur = dict(zip(snap.jurisdictions["id"], snap.jurisdictions["name"]))
    ag = snap.agencies[["id", "name", "jurisdiction_id", "function", "kind"]]
    co = snap.collectives[["id", "name", "jurisdiction_id", "kind"]].assign(function=None)
    nodes = pd.concat([ag, co], ignore_index=True) if len(co) else ag
    nodes = nodes.rename(columns={"id": "source_id", "name": "agency"})
    edges = snap.edges[snap.edges["task_id"].isin(tasks["task_id"])].drop(columns=["plan_id"])
    df = edges.merge(nodes, on="source_id", how="left")
    df = df.merge(tasks[["task_id", "plan_id", "plan", "plan_title", "plan_jurisdiction_id", "plan_jurisdiction",
                         "level", "year", "seq", "path", "heading", "clause", "lead_basis", "orphan", "open_list"]],
                  on="task_id", how="left")
    df["kind"] = df["kind"].fillna("agency")
    df["jurisdiction"] = df["jurisdiction_id"].map(jur)
    df["function_as_named"] = df["function"]
    if harmonise:  # the function filter is harmonised too: quality_supervision -> market_regulation
        succ = successor_map(snap)
        df["function"] = df["function"].map(lambda c: succ.get(c, c) if c else c)
        wanted_fn = [succ.get(c, c) for c in wanted_fn]
    zh, en = _function_names(snap)
    df["function_zh"] = df["function"].map(zh)
    df["function_en"] = df["function"].map(en)
    if wanted_fn:
        df = df[df["function"].isin(wanted_fn)]
    if wanted_fn or not collectives:
        df = df[df["kind"] == "agency"]
    df = df.sort_values(["plan_id", "seq", "position", "type"], kind="stable").reset_index(drop=True)
    return df[ASSIGNMENT_COLS]


def agencies_frame(source) -> pd.DataFrame:
    """One row per agency with its jurisdiction name and function names (store order)."""
    snap = snapshot(source)
    jur = dict(zip(snap.jurisdictions["id"], snap.jurisdictions["name"]))
    zh, en = _function_names(snap)
    df = snap.agencies.copy()
    df["jurisdiction"] = df["jurisdiction_id"].map(jur)
    df["function_zh"] = df["function"].map(zh)
    df["function_en"] = df["function"].map(en)
    return df


def split_filters(filters: dict) -> dict:
    """Check that only known filter names are given (for ``**filters`` signatures)."""
    unknown = sorted(set(filters) - set(FILTER_KEYS) - {"harmonise"})
    if unknown:
        raise BadFilter(f"unknown filter {', '.join(unknown)} (known: {', '.join(FILTER_KEYS)}, harmonise)")
    return filters


def rows(df: pd.DataFrame) -> list[dict]:
    """A DataFrame as plain row dicts (NaN -> None, numpy scalars -> Python), for JSON and the CLI."""
    out = []
    for rec in df.to_dict(orient="records"):
        out.append({k: _plain(v) for k, v in rec.items()})
    return out


def _plain(v):
    if isinstance(v, Iterable) and not isinstance(v, (str, bytes, dict)):
        return [_plain(x) for x in v]
    if v is None:
        return None
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    return v.item() if hasattr(v, "item") else v
