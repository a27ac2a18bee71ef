"""CSV files for ``neo4j-admin database import``: a new Neo4j database filled in one pass.

``load_many`` writes through Bolt, one transaction after another, at about 7.5k task+edge rows
a second on two cores (docs/performance.md); 100k plans take 15 minutes that way. An EMPTY
database can instead be built offline by Neo4j's import tool, which writes the store files
directly. ``BulkFiles`` turns plan graphs into the tool's CSV files holding exactly what
``load_many`` would have written (same labels, properties, relationships, totals and agency
pair counts, so the store's reads cannot tell the two apart;
``tests/agencynet/test_neo4j_import.py`` compares them node for node). ``agencynet.neo4j_import`` runs the tool; ``agencynet neo4j import`` is the CLI.

Each plan is checked first (``store.rows.check_graph`` and the value types below) and written
whole or not at all: a refused plan comes back ``failed`` with the reason, the others go on.
A plan id met a second time is ``unchanged`` (same source hash) or ``failed`` (a different
version: load it afterwards with ``agencynet load``, which replaces it).

The file layout and typed fields are in ``store.neo4j_csv``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from agencynet.errors import StoreError
from loaders.records import ORPHAN_CATEGORIES, PlanGraph
from store import neo4j_pairs, neo4j_totals
from store.base import LoadResult
from store.neo4j_load import NODE_ROWS, pair_counts, plan_row
from store.neo4j_csv import NODE_FILES, REL_FILES, SPECS, columns, header, line, quoted, quoted_longs
from store.embedded_totals import FLAG_COLS
from store.rows import check_graph, digest, unique_edges

_SHARED = {"jurisdictions": "Jurisdiction", "functions": "Function", "agencies": "Agency",
           "collectives": "Collective"}


def flag_counts(tasks: list[dict]) -> list[int]:
    """``[tasks, one count per orphan category, open list, open list and no category]``, as
    ``refresh_plan_totals`` keeps them."""
    counts = Counter(t["orphan"] for t in tasks)
    return ([len(tasks)] + [counts[c] for c in ORPHAN_CATEGORIES]
            + [sum(1 for t in tasks if t["open_list"] is True),
               sum(1 for t in tasks if t["open_list"] is True and t["orphan"] is None)])


_SHARED_KEYS = {attr: keys for attr, keys, _ in NODE_ROWS}
_CHECKED: set[tuple] = set()  # shared rows whose values passed ``line`` (this process)


def agency_mentions(edges: list[dict]) -> dict[str, set]:
    """``{agency id: its lower-case mentions}`` in these edges (LEADS / SUPPORTS), the
    search text (``search_text``) is built from.

    Examples
    --------
    >>> agency_mentions([{"source_id": "a", "type": "LEADS", "mention": "市Water局"},
    ...                  {"source_id": "c", "type": "NAMED_ON", "mention": "各单位"}])
    {'a': {'市water局'}}
    """
    found: dict[str, set] = {}
    for edge in edges:
        if edge["type"] != "NAMED_ON":
            found.setdefault(edge["source_id"], set()).add(edge["mention"].lower())
    return found


def search_text(agency: dict, mentions) -> str:
    """An agency's ``search`` property as ``refresh_agency_totals`` writes it: lower-case name,
    simplified name and distinct lower-case mentions in UTF-16 code-unit order (Neo4j's string
    order), one a line."""
    head = [agency["name"].lower(), (agency["name_simplified"] or "").lower()]
    return "\n".join(head + sorted(set(mentions), key=lambda m: m.encode("utf-16-be")))


@dataclass
class Part:
    """One plan made ready for the CSV files (``plan_part``; picklable, so built in any process):
    its lines per file, its shared node rows (value tuples in ``store.rows`` key order), agency
    duties, pair counts and flag counts, or the reason it is refused (``error``)."""

    plan_id: str
    source_hash: str | None = None
    tasks: int = 0
    edges: int = 0
    error: str | None = None
    lines: dict[str, str] = field(default_factory=dict)
    shared: dict[str, list[tuple]] = field(default_factory=dict)
    duties: Counter = field(default_factory=Counter)   # (agency id, 0 leads | 1 supports) -> tasks
    mentions: dict[str, set] = field(default_factory=dict)  # agency id -> its lower-case mentions
    pairs: Counter = field(default_factory=Counter)
    counts: list[int] = field(default_factory=list)


def plan_part(graph: PlanGraph) -> Part:
    """Check ``graph`` and build everything its plan adds to the CSV files (or why it is refused)."""
    pid = graph.plan.get("id") if isinstance(graph.plan, dict) else None
    try:
        return _part(graph)
    except StoreError as exc:
        return Part(pid or "?", error=str(exc))


def _part(graph: PlanGraph) -> Part:
    check_graph(graph)
    plan, pid = graph.plan, graph.plan["id"]
    where = f"plan {pid}"
    edges = unique_edges(graph.edges)
    counts = flag_counts(graph.tasks)
    row = dict(plan_row(plan), flag_counts=counts)
    plan_key = quoted(pid)
    lines = {"Plan": plan_key + "," + line(row, SPECS["Plan"][1:], where),
             "Task": "".join(quoted(t["id"]) + "," + line(t, SPECS["Task"][1:], f"{where}, task {t['id']}")
                             for t in graph.tasks),
             "HAS_TASK": "".join(f"{plan_key},{quoted(t['id'])}\n" for t in graph.tasks)}
    if plan["jurisdiction_id"] in {j["id"] for j in graph.jurisdictions}:  # load_nodes MATCHes it
        lines["ISSUED_IN"] = f"{plan_key},{quoted(plan['jurisdiction_id'])}\n"
    spec = SPECS["LEADS"][2:]
    rows: dict[str, list[str]] = {}
    duties: Counter = Counter()
    for edge in edges:
        kind = edge["type"]
        rows.setdefault(kind, []).append(
            f"{quoted(edge['source_id'])},{quoted(edge['task_id'])},"
            + line(edge, spec, f"{where}, {kind} edge of {edge['task_id']}"))
        if kind != "NAMED_ON":
            duties[edge["source_id"], kind == "SUPPORTS"] += 1
    lines.update((kind, "".join(r)) for kind, r in rows.items())
    shared = {}
    for attr, label in _SHARED.items():
        keys, spec = _SHARED_KEYS[attr], SPECS[label][1:len(_SHARED_KEYS[attr])]
        shared[attr] = [tuple(map(r.__getitem__, keys)) for r in getattr(graph, attr)]
        for values in shared[attr]:  # refuse a bad value now, not at finish (each row checked once)
            if values not in _CHECKED:
                line(dict(zip(keys, values)), spec, f"{where}, {attr} {values[0]}")
                if len(_CHECKED) > 500_000:
                    _CHECKED.clear()
                _CHECKED.add(values)
    return Part(pid, plan["source_hash"], len(graph.tasks), len(edges), None, lines, shared, duties,
                agency_mentions(edges), pair_counts(edges), counts)


@dataclass
class BulkFiles:
    """The import tool's CSV files in ``directory``, filled plan by plan (``add`` or, for parts
    built elsewhere, ``add_part``) then closed (``finish``). Plan, task and edge lines are written
    as plans come; shared nodes (last row wins, as MERGE + SET), totals and pairs at the end."""

    directory: Path
    results: list[LoadResult] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.directory = Path(self.directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self._hashes: dict[str, str] = {}  # plan id -> source hash
        self._shared: dict[str, dict] = {attr: {} for attr in _SHARED}
        self._duties: Counter = Counter()
        self._mentions: dict[str, set] = {}
        self._pairs: Counter = Counter()
        self._sums = [0] * len(FLAG_COLS)
        self._with_tasks = 0
        self._files = {name: self._open(name) for name in
                       ("Plan", "Task", "HAS_TASK", "ISSUED_IN", "LEADS", "SUPPORTS", "NAMED_ON")}

    def _open(self, name: str):
        handle = (self.directory / f"{name}.csv").open("w", encoding="utf-8", newline="")
        handle.write(header(columns(name)))
        return handle

    def add(self, graph: PlanGraph) -> LoadResult:
        """Check ``graph`` and write its plan, tasks and edges, or refuse it whole (``failed``)."""
        return self.add_part(plan_part(graph))

    def add_part(self, part: Part) -> LoadResult:
        """Write a plan built by ``plan_part``: ``loaded``, ``unchanged`` (its id is already in
        this import with the same source hash) or ``failed`` (refused, or another version of an
        id already in this import)."""
        pid = part.plan_id
        if part.error is None and pid in self._hashes:
            if self._hashes[pid] != part.source_hash:
                part.error = (f"plan {pid}: another version of this plan is already in this import; "
                              "load it afterwards with `agencynet load` (which replaces it)")
            else:
                result = LoadResult(pid, "unchanged", part.tasks, part.edges)
                self.results.append(result)
                return result
        if part.error is not None:
            result = LoadResult(pid, "failed", 0, 0, error=part.error)
            self.results.append(result)
            return result
        for name, text in part.lines.items():
            self._files[name].write(text)
        for attr, rows in part.shared.items():
            store = self._shared[attr]
            for row in rows:
                store[row[0]] = row
        self._duties.update(part.duties)
        for ident, found in part.mentions.items():
            self._mentions.setdefault(ident, set()).update(found)
        self._pairs.update(part.pairs)
        self._sums = [a + b for a, b in zip(self._sums, part.counts)]
        self._with_tasks += part.counts[0] > 0
        self._hashes[pid] = part.source_hash
        result = LoadResult(pid, "loaded", part.tasks, part.edges)
        self.results.append(result)
        return result

    def finish(self) -> dict[str, list[tuple[str, Path]]]:
        """Write the shared nodes, their relationships, the totals and the pair counts; close
        every file. Returns ``{"nodes": [(label, path)], "relationships": [(type, path)]}``."""
        shared = {}
        for attr, label in _SHARED.items():
            keys = _SHARED_KEYS[attr]
            rows = shared[label] = {t[0]: dict(zip(keys, t)) for t in self._shared[attr].values()}
            out = self._files[label] = self._open(label)
            spec = SPECS[label][1:]
            for ident, row in rows.items():
                row["v"] = digest(row, keys)
                if label == "Agency":
                    leads, supports = self._duties[ident, False], self._duties[ident, True]
                    row.update(duty_leads=leads, duty_supports=supports, duty_total=leads + supports,
                               search=search_text(row, self._mentions.get(ident, ())))
                out.write(quoted(ident) + "," + line(row, spec, f"{label} {ident}"))
        links = {"PART_OF": ("Jurisdiction", "parent_id", "Jurisdiction"),
                 "IN_AGENCY": ("Agency", "jurisdiction_id", "Jurisdiction"),
                 "IN_COLLECTIVE": ("Collective", "jurisdiction_id", "Jurisdiction"),
                 "OF_FUNCTION": ("Agency", "function", "Function"),
                 "SUCCEEDED_BY": ("Function", "successor", "Function")}
        for name, (label, ref, target) in links.items():
            out = self._files[name] = self._open(name)
            out.writelines(f"{quoted(ident)},{quoted(row[ref])}\n" for ident, row in shared[label].items()
                           if row[ref] is not None and row[ref] in shared[target])
        out = self._files["CO_RESPONSIBLE"] = self._open("CO_RESPONSIBLE")
        out.writelines(f"{quoted(a)},{quoted(b)},{n}\n" for (a, b), n in self._pairs.items() if n)
        out = self._files["Totals"] = self._open("Totals")
        if self._hashes:
            # imported: the first Neo4jStore.setup() on the database completes it (cypher/bulk_finish.cypher)
            out.write(f'{quoted("all")},{self._with_tasks},{quoted_longs(self._sums)},true\n')
        out = self._files["PairCounts"] = self._open("PairCounts")
        out.write(f'{quoted("all")},{neo4j_pairs.VERSION}\n')
        out = self._files["AgencySearch"] = self._open("AgencySearch")
        out.write(f'{quoted("all")},{neo4j_totals.SEARCH_VERSION}\n')
        for handle in self._files.values():
            handle.close()
        path = {name: self.directory / f"{name}.csv" for name in self._files}
        return {"nodes": [(label, path[label]) for label in NODE_FILES],
                "relationships": [(kind[0], path[name]) for name, kind in REL_FILES.items()]}

    @property
    def plans(self) -> int:
        """Plans written so far."""
        return len(self._hashes)
