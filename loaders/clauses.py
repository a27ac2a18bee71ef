"""Responsibility clauses: finding them in a paragraph and reading their parts.

Shapes understood (all on the matching form of the text, see ``loaders.text``):

- labelled: ``(责任单位:A、B,列第一位的为牵头单位,下同)``, ``(牵头单位:A;配合单位:B、C)``,
  ``(牵头单位:A;责任单位:B)``, nested ``〔责任单位:A,各县(市、区)政府〕``;
- worded: ``(A、B等部门按职责分工负责)`` (joint), ``(A负责)``;
- lead/support wording: ``(A牵头,B、C配合)`` and the same at the end of a sentence without brackets;
- a bare bracketed list of bodies at the end of a sentence: ``(市商务局、市经信委)``;
- a label line on its own after the task: ``责任单位:A、B``.

Bracketed asides that are not clauses ((QC), 区(县), (GMP、GSP), (2017~2019年)) are
rejected because their entries do not read as bodies.

Examples
--------
>>> t = "推进标准化。(责任单位:市质监局、市经信委,列第一位的为牵头单位,下同)"
>>> c = find_clauses(t, 0, len(t))[0]
>>> t[c.start:c.end][:6], c.declared, c.carries
('(责任单位:', True, True)
>>> [t[a:b] for a, b in c.units]
['市质监局', '市经信委']
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.declarations import CARRY, find_declaration
from loaders.units import OPEN, bracket_pairs, looks_like_body, split_entries, strong_body

_LABEL_WORDS = (r"牵头单位|牵头部门|主责单位|主责部门|主办单位|主办部门|主要责任单位|牵头责任单位|"
                r"责任单位|责任部门|责任科室|责任处室|主体责任单位|实施单位|落实单位|责任主体|"
                r"配合单位|配合部门|配合责任单位|协办单位|协办部门|协助单位|协助部门|参与单位|参与部门|"
                r"协同单位|协同部门|协作单位|协作部门|"
                r"完成时限|完成时间|时间节点|时间要求|时限要求|进度要求|时限|责任领导|牵头领导|分管领导|联系领导|督办领导|责任人")
# ``责任单位:`` or, in 【】/[]/〔〕 and followed by a name, ``【责任单位】A`` (a mark such as
# ``A(牵头单位)、B`` is followed by a separator, not a name, and stays a mark).
_BOXED = r"[【\[〔]\s*(" + _LABEL_WORDS + r")\s*[】\]〕]\s*:?(?=\s*[^\s、,;)\]〕】])"
LABEL = re.compile(r"(" + _LABEL_WORDS + r")\s*:|" + _BOXED)
LABEL_LINE = re.compile(r"\s*(?:[\[(【〔]?\s*(?:" + _LABEL_WORDS + r")\s*:|" + _BOXED + ")")
BOXED_LABEL = re.compile(r"[【\[〔]\s*(?:" + _LABEL_WORDS + r")\s*[】\]〕]")
_LEAD_LABELS = ("牵头单位", "牵头部门", "主责单位", "主责部门", "主办单位", "主办部门", "主要责任单位", "牵头责任单位")
_SUPPORT_LABELS = ("配合单位", "配合部门", "配合责任单位", "协办单位", "协办部门", "协助单位", "协助部门", "参与单位",
                   "参与部门", "协同单位", "协同部门", "协作单位", "协作部门")
_TIME_LABELS = ("完成时限", "完成时间", "时间节点", "时间要求", "时限要求", "进度要求", "时限",
                "责任领导", "牵头领导", "分管领导", "联系领导", "督办领导", "责任人")  # not units
_LEAD_MARK = re.compile(r"\s*[(\[〔【](?:牵头|牵头单位|牵头部门|主责|总牵头)[)\]〕】]$")
_DUTY_SPLIT = re.compile(r"\s*(?:由)?([^,;()]{2,60}?)(?:具体)?(?:负责|主责|主抓)\s*[,;]\s*([^;]{2,200}?)"
                         r"(?:配合|协助|协同|参与)(?:实施|落实|推进)?\s*")
_NAMED_LEAD = re.compile(r"\s*(.{2,30}?)\s*(?:为|是|作为)\s*(?:总)?(?:牵头单位|牵头部门|牵头)\s*")
_MARK_INSIDE = re.compile(r"[(\[〔【](?:牵头|牵头单位|牵头部门|主责|总牵头)[)\]〕】]")
_TIME_ENTRY = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|年底|年内|底前|长期|持续|每年|常态化|逐年")

JOINT = re.compile(r"按照?职责分工|按照?各自职责|根据职责分工|按照?职能分工|按照?职责|依职责|分工负责|共同负责|分别负责|各负其责|齐抓共管")
_RESPONSIBLE = re.compile(r"(?:负责|落实|实施|推进|承担)\s*$")
_LEAD_WORD = re.compile(r"牵头")
_SUPPORT_WORD = re.compile(r"(?:配合|参与|协助|协同|协办)(?:实施|落实|推进)?\s*$")
_INLINE_LEAD = re.compile(r"(?:^|[。;:])\s*((?:由)?[^。;()\n]{2,120}?牵头[^。;()\n]*?)[。;]?\s*$")
_INLINE_LABEL = re.compile(r"(?:^|[。;])\s*((?:" + LABEL.pattern + r")[^。\n]*?)[。;]?\s*$")
_INLINE_BY = re.compile(r"(?:^|[。;])\s*(由[^。;()\n]{2,80}?(?:按职责分工|共同|分别)?负责(?:落实|实施)?)[。;]?\s*$")
_INLINE_DUTY = re.compile(r"(?:^|[。;:])\s*([^。;:()\n]{2,60}?负责\s*[,;]\s*[^。;()\n]{2,120}?(?:配合|协助)(?:实施|落实|推进)?)[。;]?\s*$")
_AFTER_OK = re.compile(r"[\s。.;,、]*$")


@dataclass
class Clause:
    """One responsibility clause found in the text.

    Attributes
    ----------
    start, end : int
        Span of the clause (brackets included) in the text.
    leads, supports, units : list of (int, int)
        Entry spans: labelled leads (牵头单位 / ``A牵头``), labelled supports
        (配合单位 / ``B配合``), and all entries in written order.
    open_list : bool
        等 follows the last entry.
    joint : bool
        Wording such as 按职责分工负责.
    declared, carries : bool
        The clause declares its first unit the lead (列第一位的为牵头单位);
        ``carries`` when it adds 下同 (applies to every later clause).
    declaration : (int, int) or None
        Span of the declaration words.
    shape : str
        ``labelled``, ``lead_support``, ``worded``, ``bare`` or ``line``.
    """

    start: int
    end: int
    units: list[tuple[int, int]] = field(default_factory=list)
    leads: list[tuple[int, int]] = field(default_factory=list)
    supports: list[tuple[int, int]] = field(default_factory=list)
    open_list: bool = False
    joint: bool = False
    declared: bool = False
    carries: bool = False
    declaration: tuple[int, int] | None = None
    shape: str = "bare"
    odd_units: list[str] = field(default_factory=list)


def parse_body(text: str, a: int, b: int) -> Clause | None:
    """Read the inside ``text[a:b]`` of a bracket (or a label line) as a clause, or None."""
    clause = Clause(a, b)
    pieces = [(a, b)]
    dm = find_declaration(text, a, b)
    if dm:
        clause.declared = True
        clause.declaration = (dm.start(), dm.end())
        clause.carries = bool(CARRY.search(text, dm.start(), dm.end()))
        pieces = [(a, dm.start()), (dm.end(), b)]
    elif CARRY.search(text, a, b):
        clause.carries = True
    labels = [(m, e) for s, e in pieces for m in LABEL.finditer(text, s, e)]
    if labels:
        clause.shape = "labelled"
        if text[a:labels[0][0].start()].strip(" ([〔【"):
            return None
        for n, (m, piece_end) in enumerate(labels):
            nxt = labels[n + 1][0].start() if n + 1 < len(labels) else piece_end
            stop = min(nxt, piece_end)
            role = m.group(1) or m.group(2)
            if role in _TIME_LABELS:
                continue
            inner = _LEAD_WORD.search(text, m.end(), stop)
            if inner and role not in _LEAD_LABELS and role not in _SUPPORT_LABELS:
                sub = parse_body(text, m.end(), stop)
                if sub is not None and sub.shape == "lead_support":
                    clause.leads += sub.leads
                    clause.supports += sub.supports
                    clause.units += sub.units
                    clause.open_list = sub.open_list
                    continue
            spans, open_list = split_entries(text, m.end(), stop)
            spans = [sp for sp in spans if not _TIME_ENTRY.search(text, sp[0], sp[1])]
            if role in _LEAD_LABELS:
                clause.leads += spans
            elif role in _SUPPORT_LABELS:
                clause.supports += spans
            clause.units += spans
            if spans:
                clause.open_list = open_list
        clause.joint = bool(JOINT.search(text, a, b))
        _named_leads(text, clause)
        _lead_marks(text, clause)
        return clause if clause.units else None
    body_a, body_b = pieces[0]
    duty = _DUTY_SPLIT.fullmatch(text, body_a, body_b) if text.find("负责", body_a, body_b) >= 0 else None
    if duty:  # (A负责,B、C配合): the one said to be in charge leads, like A牵头,B配合
        lead_spans, _ = split_entries(text, duty.start(1), duty.end(1))
        support_spans, open_list = split_entries(text, duty.start(2), duty.end(2))
        if lead_spans and support_spans and all(looks_like_body(text[s:e]) for s, e in lead_spans + support_spans):
            clause.shape = "lead_support"
            clause.leads, clause.supports = lead_spans, support_spans
            clause.units, clause.open_list = lead_spans + support_spans, open_list
            return clause
    marked = _MARK_INSIDE.search(text, body_a, body_b)  # (A(牵头)、B): a mark, not A牵头 wording
    lm = None if marked else _LEAD_WORD.search(text, body_a, body_b)
    if lm:
        lead_spans, _ = split_entries(text, body_a, lm.start())
        rest_a = lm.end()
        while rest_a < body_b and text[rest_a] in ",;、 ":
            rest_a += 1
        sm = _SUPPORT_WORD.search(text, rest_a, body_b)
        rest_b = sm.start() if sm else body_b
        support_spans, open_list = split_entries(text, rest_a, rest_b) if rest_b > rest_a else ([], False)
        if not lead_spans or not all(looks_like_body(text[s:e]) for s, e in lead_spans + support_spans):
            return None
        if support_spans and not sm and not _RESPONSIBLE.search(text, rest_a, body_b):
            return None
        clause.shape = "lead_support"
        clause.leads, clause.supports = lead_spans, support_spans
        clause.units = lead_spans + support_spans
        clause.open_list = open_list
        return clause
    spans, open_list = split_entries(text, body_a, body_b)
    while spans and _TIME_ENTRY.search(text, spans[-1][0], spans[-1][1]):
        spans.pop()  # (市发改委,2018年底前完成): a deadline is not a unit
    clause.units, clause.open_list = spans, open_list
    if marked:
        _lead_marks(text, clause)
        spans = clause.units
    if not spans or not all(looks_like_body(text[s:e]) for s, e in spans):
        return None
    clause.joint = bool(JOINT.search(text, body_a, body_b))
    if clause.joint or _RESPONSIBLE.search(text, body_a, body_b):
        clause.shape = "worded"
    elif not any(strong_body(text[s:e]) for s, e in spans):
        return None
    return clause


def _named_leads(text: str, clause: Clause) -> None:
    """``(责任单位:A、B,A为牵头单位)``: the entry naming the lead is not a unit; it makes A the lead."""
    for s, e in list(clause.units):
        m = _NAMED_LEAD.fullmatch(text, s, e)
        if not m:
            continue
        clause.units.remove((s, e))
        name = text[m.start(1):m.end(1)]
        same = [sp for sp in clause.units if text[sp[0]:sp[1]] == name]
        lead = same[0] if same else (m.start(1), m.end(1))
        if not same:
            clause.units.append(lead)
        clause.supports = [sp for sp in clause.supports if sp != lead]
        clause.leads.append(lead)


def _lead_marks(text: str, clause: Clause) -> None:
    """``市发改委(牵头)``: the mark makes the entry a lead and is not part of its name."""
    marked = []
    for n, (s, e) in enumerate(clause.units):
        m = _LEAD_MARK.search(text, s, e)
        if m:
            clause.units[n] = (s, m.start())
            marked.append((s, m.start()))
    if marked:
        strip = {s: e for s, e in marked}
        clause.supports = [(s, strip.get(s, e)) for s, e in clause.supports if (s, strip.get(s, e)) not in marked]
        clause.leads = [sp for sp in clause.leads if sp[0] not in strip] + marked


def find_clauses(text: str, start: int, end: int, rejected: list[tuple[int, int]] | None = None) -> list[Clause]:
    """Every clause in the paragraph ``text[start:end]`` (one line), in order.

    A bare bracketed list counts only where a clause sits: after a full stop or
    at the end of the paragraph. Label lines and unbracketed ``A牵头,B配合`` /
    ``责任单位:A`` endings are found too. Brackets that read like a clause but
    could not be parsed are appended to ``rejected`` (for the warnings report).
    """
    found: list[Clause] = []
    if LABEL_LINE.match(text, start, end):
        a = start
        while a < end and text[a] in " \t":
            a += 1
        b = end
        while b > a and text[b - 1] in " \t。.;":
            b -= 1
        boxed = bool(BOXED_LABEL.match(text, a, b))  # 【牵头单位】A【配合单位】B: the brackets are the labels'
        inner_a = a + 1 if text[a] in OPEN and not boxed else a
        inner_b = b - 1 if b > inner_a and text[b - 1] in ")]〕】" and text[a] in OPEN and not boxed else b
        c = parse_body(text, inner_a, inner_b)
        if c:
            c.start, c.end, c.shape = a, b, "line"
            return [c]
    for i, j in bracket_pairs(text, start, end):
        if BOXED_LABEL.fullmatch(text, i, j):
            continue  # 【责任单位】: a label, its names follow (read below as a labelled ending)
        if _worth_parsing(text, i + 1, j - 1):
            c = parse_body(text, i + 1, j - 1)
            if c and (c.shape != "bare" or _bare_position_ok(text, start, end, i, j)):
                c.start, c.end = i, j
                found.append(c)
            elif rejected is not None and clause_like(text, i + 1, j - 1):
                rejected.append((i, j))
    if found:
        return _join_support_brackets(text, found)
    for rx, shapes in ((_INLINE_LABEL, ("labelled",)), (_INLINE_LEAD, ("lead_support",)), (_INLINE_DUTY, ("lead_support",)),
                       (_INLINE_BY, ("worded",))):
        tail = rx.search(text, start, end)
        if tail:
            a, b = tail.start(1), tail.end(1)
            c = parse_body(text, a, b)
            if c and c.shape in shapes:
                c.start, c.end = a, b
                return [c]
    return []


def _join_support_brackets(text: str, found: list[Clause]) -> list[Clause]:
    """``(牵头单位:A)(配合单位:B)``: a bracket right after a clause holding only labelled support is part of it."""
    out = [found[0]]
    for c in found[1:]:
        prev = out[-1]
        if (c.shape == "labelled" and c.units and not c.leads and c.supports == c.units and not c.joint
                and not text[prev.end:c.start].strip()):
            prev.end = c.end
            prev.units += c.units
            prev.supports += c.supports
            prev.open_list = c.open_list
            prev.declared, prev.carries = prev.declared or c.declared, prev.carries or c.carries
            continue
        out.append(c)
    return out


_OPENER = re.compile(r"[(\[〔【{]")
_CLUE = re.compile(r"单位|部门|负责|牵头|配合|完成|:")
_BODY_LAST = set("局委办厅部院会处室心府位门司队所站社台行署馆团组校道镇乡村区县市省关业协联妇政大网构学")


def _worth_parsing(text: str, a: int, b: int) -> bool:
    """Cheap pre-check: a clause has a label/wording clue or ends like a body's name."""
    if b - a < 2 or b - a > 400:
        return False
    k = b - 1
    while k > a and text[k] in " 等。.":
        k -= 1
    if text[k] == ")":  # 各乡镇人民政府(街道办事处): the name before the aside counts
        opener = text.rfind("(", a, k)
        if opener > a:
            k = opener - 1
    return text[k] in _BODY_LAST or bool(_CLUE.search(text, a, b))


def _bare_position_ok(text: str, start: int, end: int, i: int, j: int) -> bool:
    k = i - 1
    while k >= start and text[k] in " \t":
        k -= 1
    return k < start or text[k] in "。;:" or bool(_AFTER_OK.match(text, j, end))


def clause_like(text: str, a: int, b: int) -> bool:
    """A bracket that reads like a clause attempt (for warnings when it did not parse)."""
    inner = text[a:b]
    return bool(re.search(r"单位|部门|负责|牵头|配合", inner)) and len(inner) < 200
