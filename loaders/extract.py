"""One document in, plan facts and task records out: the extractor's entry points.

``extract_document(data, name)`` reads bytes (``loaders.reading``), builds the
matching form (``loaders.text``), the outline (``loaders.outline``), the task
drafts and their clauses (``loaders.tasks``), and turns every clause into units,
lead, support and ``lead_basis`` (``loaders.units``, ``loaders.leads``).
``extract_paths(paths)`` does the same for files and directories, yielding an
``ExtractionError`` in place of a document that could not be read.

Examples
--------
>>> doc = extract_text("二、主要任务\\n1.推进标准化。(责任单位:市质监局、市经信委)\\n", "plan.txt")
>>> t = doc.tasks[0]
>>> t.heading, t.units, t.lead, t.lead_basis
('推进标准化', ['市质监局', '市经信委'], ['市质监局'], 'convention_first')
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pathlib import Path

from agencynet.errors import ExtractionError
from loaders.clauses import Clause
from loaders.declarations import find_declarations
from loaders.facts import find_facts
from loaders.leads import decide
from loaders.outline import parse_outline
from loaders.places import CITIES, PROVINCES
from loaders.reading import SUPPORTED_SUFFIXES, read_document
from loaders.records import ExtractedDocument, PlanRecord, TaskRecord
from loaders.tables import join_wrapped_rows
from loaders.tasks import Draft, draft_tasks
from loaders.text import blank_tags, prepare, simplified, simplified_all
from loaders.identity.collectives import generic_collective
from loaders.units import is_collective, looks_like_body, resolve_prefixes



def extract_document(data: bytes, name: str) -> ExtractedDocument:
    """Extract one document from its bytes; ``name`` is the file (or upload) name.

    Raises
    ------
    ExtractionError
        Unreadable, empty or unsupported input, or a document with no action part.
    """
    decoded = read_document(data, name)
    return extract_text(decoded.text, name, fmt=decoded.format, encoding=decoded.encoding,
                        source_hash=hashlib.sha256(data).hexdigest())


def extract_text(text: str, name: str, *, fmt: str = "txt", encoding: str | None = None,
                 source_hash: str | None = None) -> ExtractedDocument:
    """Extract one document from its decoded text (spans point into ``text``).

    Stray HTML markup in the text is blanked to spaces first (``loaders.text.blank_tags``);
    the returned document's ``text`` is that cleaned text, character for character
    aligned with ``text``, except where table rows wrapped over several lines
    (``loaders.tables.join_wrapped_rows``) had to be put back on one line: spans
    always point into the returned ``text``.
    """
    plan_name = Path(name).name
    if not text.strip():
        raise ExtractionError(name, "the document is empty (no text)")
    text = join_wrapped_rows(text)  # PDF table rows wrapped over lines (unchanged text when there are none)
    prep = prepare(blank_tags(text))  # same length: spans still point into ``text``
    match, source = prep.match, prep.source
    outline = parse_outline(match)
    warnings: list[str] = []
    drafts = draft_tasks(match, outline, warnings, source)
    if not drafts:
        raise ExtractionError(name, "no action part found: no numbered tasks in a 主要任务/重点任务-style "
                                    "section and no responsibility clauses")
    first_heading = min((n.line for n in outline.walk()), default=len(outline.lines))
    facts, fact_warnings = find_facts(match, source, outline.lines, first_heading, outline.end)
    places = _place_test(match, facts.get("jurisdiction"))
    global_decl = _free_declaration(match, outline, drafts)
    carry = False
    tasks: list[TaskRecord] = []
    for seq, d in enumerate(drafts, 1):
        c = d.clause
        declared = bool(c and (c.declared or carry or global_decl))
        if c and c.carries:
            carry = True
        tasks.append(_task(plan_name, seq, d, c, declared, match, source, places, warnings, facts["level"]))
    _fill_simplified(tasks)
    plan = PlanRecord(
        file=plan_name, title=facts["title"], jurisdiction=facts["jurisdiction"], level=facts["level"],
        parent_jurisdiction=facts["parent_jurisdiction"], issuer=facts["issuer"], doc_number=facts["doc_number"],
        date=facts["date"], script=prep.script, lead_convention=facts["lead_convention"],
        source_hash=source_hash or hashlib.sha256(text.encode("utf-8")).hexdigest(), task_count=len(tasks),
        format=fmt, encoding=encoding, warnings=fact_warnings + warnings, issuers=facts["issuers"],
    )
    return ExtractedDocument(plan=plan, tasks=tasks, text=source)


def _task(plan: str, seq: int, d: Draft, c: Clause | None, declared: bool, match: str, source: str,
          places, warnings: list[str], level: str | None = None) -> TaskRecord:
    text = source[d.start:d.end]
    if c is None:
        return TaskRecord(plan=plan, seq=seq, path=d.path, heading=source[d.heading[0]:d.heading[1]],
                          clause=None, units=[], lead=[], support=[], collective=[], open_list=False,
                          lead_basis="none", text=text, span=(d.start, d.end), section=source[d.section[0]:d.section[1]])
    src = [_name(source, a, b) for a, b in c.units]
    mat = [_name(match, a, b) for a, b in c.units]
    # one notion of 'collective' for records and graph: the identity rules also know generic
    # entries such as a bare 街道办事处 in a district plan (every street office).
    coll_mask = [is_collective(m) or generic_collective(m, level) for m in mat]
    specific = [s for s, coll in zip(src, coll_mask) if not coll]
    collective = [s for s, coll in zip(src, coll_mask) if coll]
    leads = [_name(source, a, b) for a, b in c.leads]
    supports = [_name(source, a, b) for a, b in c.supports]
    lead, support, basis = decide(src, specific, leads, supports, joint=c.joint, declared=declared)
    for s, m in zip(src, mat):
        if not looks_like_body(m):
            warnings.append(f"task {seq} ({d.path}): unit {s!r} does not look like a body")
    resolved = resolve_prefixes(mat, places)
    normalised = [s if r == m else r[: len(r) - len(m)] + s for s, m, r in zip(src, mat, resolved)]
    return TaskRecord(
        plan=plan, seq=seq, path=d.path, heading=source[d.heading[0]:d.heading[1]],
        clause=source[c.start:c.end], units=src, lead=lead, support=support, collective=collective,
        open_list=c.open_list, lead_basis=basis, text=text, span=(d.start, d.end),
        clause_span=(c.start, c.end), section=source[d.section[0]:d.section[1]],
        units_normalised=normalised,
    )


def _name(text: str, a: int, b: int) -> str:
    """A unit as written; a line break inside it (a hard-wrapped clause) is dropped."""
    name = text[a:b]
    return "".join(name.split()) if "\n" in name else name


def _fill_simplified(tasks: list[TaskRecord]) -> None:
    """``units_simplified`` of every task, with one OpenCC call for the whole document."""
    names = [u for t in tasks for u in t.units]
    converted = iter(simplified_all(names))
    for t in tasks:
        t.units_simplified = [next(converted) for _ in t.units]


def _place_test(match: str, jurisdiction: str | None):
    """A function telling whether a unit name opens with a place name (嘉兴检验检疫局)."""
    own = simplified(jurisdiction)[:-1] if jurisdiction and len(jurisdiction) > 2 else None

    seen: dict[str, bool] = {}

    def opens_with_place(name: str) -> bool:
        if name not in seen:
            seen[name] = _opens_with_place(name)
        return seen[name]

    def _opens_with_place(name: str) -> bool:
        for k in (2, 3, 4):
            stem = name[:k]
            if len(stem) < k:
                break
            if stem in CITIES or stem in PROVINCES or stem == own:
                return True
            if any(match.find(stem + suffix) >= 0 for suffix in ("市", "县", "省")):
                return True
        return False

    return opens_with_place


def _free_declaration(match: str, outline, drafts: list[Draft]) -> bool:
    """A first-listed-leads declaration standing outside every clause (a note or preamble sentence)."""
    if "第一" not in match and "首位" not in match:
        return False
    spans = sorted((d.clause.start, d.clause.end) for d in drafts if d.clause)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # furthest end among clauses starting here or before
    for m in find_declarations(match, 0, outline.end):
        k = bisect_right(starts, m.start()) - 1  # the clauses starting at or before m: inside one if it reaches past m
        if k < 0 or reach[k] <= m.start():
            return True
    return False


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named in ``paths``, directories expanded to every supported document in them (sorted)."""
    for path, reason in walk_paths(paths):
        if reason is None:
            yield path


def walk_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Every file named in ``paths`` or found under a directory in them, with why it is passed over.

    ``(path, None)`` for a file to extract: one named outright (whatever its type: reading
    it reports what is wrong) or a supported document in a directory (sorted). ``(path,
    reason)`` for a file in a directory that is passed over: ``"hidden"`` (its name or a
    folder on its way starts with a dot) or ``"unsupported type .doc (...)"``.
    """
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            yield path, None
            continue
        for child in sorted(path.rglob("*")):
            if not child.is_file():
                continue
            if any(part.startswith(".") for part in child.relative_to(path).parts):
                yield child, "hidden"
            elif child.suffix.lower() not in SUPPORTED_SUFFIXES:
                kind = child.suffix.lower() or "(no extension)"
                yield child, f"unsupported type {kind} (supported: {', '.join(SUPPORTED_SUFFIXES)})"
            else:
                yield child, None


def extract_paths(paths: Iterable[str | Path]) -> Iterator[tuple[Path, ExtractedDocument | ExtractionError]]:
    """``(path, document)`` for each document, or ``(path, ExtractionError)`` when it fails."""
    for path in iter_documents(paths):
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            yield path, ExtractionError(str(path), "no such file")
            continue
        except OSError as exc:
            yield path, ExtractionError(str(path), f"cannot be read ({exc.strerror or exc})")
            continue
        try:
            yield path, extract_document(data, str(path))
        except ExtractionError as exc:
            yield path, exc
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the other files or show a traceback
            yield path, ExtractionError(str(path), f"could not be parsed (internal error {type(exc).__name__}: {exc}); "
                                                   "please report this file")
