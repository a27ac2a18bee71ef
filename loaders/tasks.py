"""From an outline and its clauses to task drafts, per ``samples/gold/CONVENTIONS.md``.

- Tasks live in action parts (and in safeguard parts only where an item carries
  its own clause); framing parts never hold tasks.
- A task is the smallest block carrying its own clause: a numbered item, or one
  paragraph of an item whose paragraphs each end in their own clause (path ends
  ``¶n``, heading repeats the item's).
- A numbered leaf item in an action part with no clause of its own and none
  covering it is one unassigned task; a container whose sub-items carry the
  clauses is not a task.
- Task-division table rows (``loaders.tables``) are tasks too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.clauses import Clause, find_clauses
from loaders.outline import Node, Outline, classify
from loaders.tables import TableRow, find_tables

_TITLE_VERBS = re.compile(r"发挥|深入|加强|推进|建立|完善|强化|加快|坚持|积极|全面|大力|开展|实施|推动|健全|提升|提高|落实|做好|"
                          r"鼓励|支持|引导|围绕|按照|依托|结合|着力|持续|不断|进一步|切实|严格|组织|加大|培育|探索")


_CONTENT = re.compile(r"[^ \t。.;,]")


@dataclass
class Draft:
    """A task before its units are read: where it is and which clause it carries."""

    path: str
    heading: tuple[int, int]   # span of the short title in the text
    start: int
    end: int
    clause: Clause | None
    section: tuple[int, int]   # span of the heading of the part the task sits in
    node: Node | None = None
    row: TableRow | None = None


def draft_tasks(match: str, outline: Outline, warnings: list[str], source: str | None = None) -> list[Draft]:
    """All task drafts of a document in document order (main text, then annexes).

    Warnings (action parts without clauses, brackets not understood) are appended
    to ``warnings``, quoting ``source`` (the text as written) when given.
    """
    quote = source if source is not None else match
    lines = outline.lines
    table_rows, table_lines = find_tables(match, lines)
    rejected: list[tuple[int, int]] = []
    clauses: dict[int, list[Clause]] = {}
    for idx, (a, b) in enumerate(lines):
        if idx in table_lines:
            continue
        found = find_clauses(match, a, b, rejected)
        if found:
            clauses[idx] = found
    drafts: list[Draft] = []
    for root in outline.roots:
        _settle_kinds(root, clauses)
        for top in root.children:
            kind = top.kind
            if kind == "action" and not any(i in clauses for i in top.all_lines()) and not _has_rows(top, table_rows):
                head = quote[top.head_start:top.head_start + min(len(top.heading), 20)]
                warnings.append(f"action part {top.path} {head} has no responsibility clauses")
            if kind in ("action", "safeguard"):
                _visit(top, kind, match, lines, clauses, table_lines, drafts)
    for start, end in rejected:
        if any(start >= d.start and start <= d.end for d in drafts):
            warnings.append(f"bracket not understood as a clause: {quote[start:end][:40]}")
    line_node = {i: n for root in outline.roots for n in (root, *root.walk()) for i in n.own_lines}
    row_drafts = []
    for row in table_rows:
        node = line_node.get(row.line)
        if node is not None and node.effective_kind() == "framing":
            continue
        base = node.path if node is not None else ""
        path = " > ".join(p for p in (base, row.number) if p)
        row_drafts.append(Draft(path=path, heading=row.heading, start=row.start, end=row.end, clause=row.clause,
                                section=_section(node) if node else (0, 0), row=row))
    if row_drafts:
        before = len(drafts)
        drafts = [d for d in drafts if d.clause is not None]
        if len(drafts) < before:
            warnings.append(f"{before - len(drafts)} clause-less items left out: a task-division table assigns the tasks")
        drafts += row_drafts
    drafts.sort(key=lambda d: d.start)
    _fix_titles(match, drafts)
    return drafts


def _has_rows(node: Node, rows: list[TableRow]) -> bool:
    own = set(node.all_lines())
    return any(r.line in own for r in rows)


def _settle_kinds(root: Node, clauses: dict[int, list[Clause]]) -> None:
    """Give unclassified top-level parts a kind from their content."""
    tops = root.children
    explicit_action = any(t.kind == "action" for t in tops)
    for top in tops:
        if top.kind is not None:
            continue
        if any(i in clauses for i in top.all_lines()):
            top.kind = "action"
        elif not explicit_action and top.children:
            top.kind = "action"
        else:
            top.kind = "other"


def _section(node: Node) -> tuple[int, int]:
    """Span of the heading of the top-level part holding ``node`` (at most 40 characters)."""
    while node.parent is not None and node.parent.rank > 0:
        node = node.parent
    return node.head_start, node.head_start + min(len(node.heading), 40)


def _subtree_has_clause(node: Node, clauses) -> bool:
    return any(i in clauses for child in node.children for i in child.all_lines())


def _visit(node: Node, kind: str, match: str, lines, clauses, table_lines, out: list[Draft]) -> None:
    own = [i for i in node.own_lines if i not in table_lines]
    own_has = any(i in clauses for i in own)
    if node.children:
        if _subtree_has_clause(node, clauses):
            if own_has:
                _emit_groups(node, own, match, lines, clauses, out)
            for child in node.children:
                _visit(child, kind, match, lines, clauses, table_lines, out)
        elif own_has:
            every = [i for i in node.all_lines() if i not in table_lines]
            _emit_groups(node, every, match, lines, clauses, out)
        elif kind == "action":
            for child in node.children:
                _visit(child, kind, match, lines, clauses, table_lines, out)
        return
    if own_has:
        _emit_groups(node, own, match, lines, clauses, out)
    elif kind == "action" and own and (node.parent.rank > 0 or classify(node.heading) is None):
        a, b = lines[own[0]][0], lines[own[-1]][1]
        out.append(Draft(node.path, heading_of(match, node.head_start, lines[own[0]][1], None), a, b, None, _section(node), node))


def _emit_groups(node: Node, own: list[int], match: str, lines, clauses, out: list[Draft]) -> None:
    """Split the node's lines into clause-closed blocks; one draft per block."""
    groups: list[list] = []   # [start, end, clause]
    cur_start = None
    prev_line_clause_idx = None
    for idx in own:
        a, b = lines[idx]
        seg = a
        found = clauses.get(idx, [])
        for c in found:
            if (c.shape == "line" and groups and cur_start is None and prev_line_clause_idx == idx - 1
                    and groups[-1][2] is not None and groups[-1][2].shape == "line"):
                _merge(groups[-1][2], c)
                groups[-1][1] = c.end
            else:
                groups.append([cur_start if cur_start is not None else seg, c.end, c])
            cur_start = None
            seg = c.end
            prev_line_clause_idx = idx
        rest = _CONTENT.search(match, seg, b)
        if rest:
            if cur_start is None and not found:
                cur_start = a
            elif cur_start is None and found:
                cur_start = seg
    if cur_start is not None:
        if groups:
            groups[-1][1] = lines[own[-1]][1]
        else:
            groups.append([cur_start, lines[own[-1]][1], None])
    first_line_end = lines[node.own_lines[0]][1]
    heading = heading_of(match, node.head_start, first_line_end, groups[0][2] if groups else None)
    many = len(groups) > 1
    for n, (a, b, clause) in enumerate(groups, 1):
        path = f"{node.path} > ¶{n}" if many else node.path
        if n == 1:
            a = min(a, lines[node.own_lines[0]][0])
        out.append(Draft(path, heading, a, b, clause, _section(node), node))


def _merge(into: Clause, extra: Clause) -> None:
    into.end = extra.end
    into.units += extra.units
    into.leads += extra.leads
    into.supports += extra.supports
    into.open_list = extra.open_list or into.open_list
    into.joint = into.joint or extra.joint
    into.declared = into.declared or extra.declared
    into.carries = into.carries or extra.carries


def heading_of(match: str, a: int, b: int, clause: Clause | None) -> tuple[int, int]:
    """Span of the item's short title: its text up to the first 。 (or the clause), trimmed."""
    stop = b
    if clause is not None and a <= clause.start < stop:
        stop = clause.start
    full = match.find("。", a, stop)
    if full >= 0:
        stop = full
    while a < stop and match[a] in " \t,;:、":
        a += 1
    while stop > a and match[stop - 1] in " \t,;:、":
        stop -= 1
    return a, stop


def _fix_titles(match: str, drafts: list[Draft]) -> None:
    """Short-titled item lists where one title lost its 。: cut it where the body's verb starts."""
    by_parent: dict[tuple, list[Draft]] = {}
    for d in drafts:
        if d.node is not None and d.node.parent is not None and d.row is None and "¶" not in d.path:
            top = d.node
            while top.parent is not None and top.parent.rank > 0:
                top = top.parent
            by_parent.setdefault((id(top), d.node.rank), []).append(d)
    for sibs in by_parent.values():
        if len(sibs) < 3:
            continue
        lengths = sorted(d.heading[1] - d.heading[0] for d in sibs)
        median = lengths[len(lengths) // 2]
        if median > 16:
            continue
        for d in sibs:
            h = match[d.heading[0]:d.heading[1]]
            if len(h) <= max(2 * median, median + 8):
                continue
            comma = min([i for i in (h.find(","), h.find(";")) if i >= 0] or [len(h)])
            for m in _TITLE_VERBS.finditer(h, 4, min(comma, median * 2 + 2)):
                d.heading = (d.heading[0], d.heading[0] + m.start())
                break
