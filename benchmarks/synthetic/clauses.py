"""Responsibility clauses in the shapes real plans use, with the truth each one carries.

A plan has one main *style* (real plans are consistent); ``render`` turns a list of
units into the clause text of that style and returns the expected ``units``, ``lead``,
``support``, ``collective``, ``open_list`` and ``lead_basis`` per
``samples/gold/CONVENTIONS.md`` (``explicit`` for labelled leads, as issue 2 adds).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# Plan-level style shares (a guess at national proportions, from reading many plans).
STYLES = (
    ("declared", 0.24),     # (责任单位:A、B,列第一位的为牵头单位,下同) then (责任单位:A、B)
    ("rank_first", 0.06),   # 排位第一的为牵头单位 (in the first clause or a sentence before the tasks)
    ("labelled", 0.16),     # (责任单位:A、B), no declaration: convention_first
    ("bare", 0.06),         # (A、B): a bare bracketed list of bureaus
    ("joint", 0.14),        # (A、B等部门按职责分工负责) and (A负责)
    ("explicit", 0.12),     # (牵头单位:A;配合单位:B、C) / (牵头单位:A;责任单位:B)
    ("lead_verb", 0.07),    # (A牵头,B、C配合)
    ("own_line", 0.07),     # 责任单位:A、B on its own line after the task
    ("none", 0.08),         # no clause anywhere: every task is unassigned
)

FULL = {"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"}
HALF = {"(": "(", ")": ")", ":": ":", ",": ",", ";": ";"}


@dataclass
class Punct:
    """The punctuation one plan uses (full-width or half-width; both occur)."""

    lp: str
    rp: str
    colon: str
    comma: str
    semi: str

    @classmethod
    def pick(cls, rng: random.Random) -> "Punct":
        t = FULL if rng.random() < 0.45 else HALF
        return cls(t["("], t[")"], t[":"], t[","], t[";"])


@dataclass
class ClauseTruth:
    clause: str | None
    units: list[str]
    lead: list[str]
    support: list[str]
    collective: list[str]
    open_list: bool
    lead_basis: str
    own_line: bool = False

    def as_dict(self) -> dict:
        return {"clause": self.clause, "units": self.units, "lead": self.lead, "support": self.support,
                "collective": self.collective, "open_list": self.open_list, "lead_basis": self.lead_basis}


def pick_style(rng: random.Random) -> str:
    return rng.choices([s for s, _ in STYLES], [w for _, w in STYLES])[0]


def _dedup(items: list[str]) -> list[str]:
    out: list[str] = []
    for it in items:
        if it not in out:
            out.append(it)
    return out


def _wrap(body: str, p: Punct, nested: bool) -> str:
    if nested:
        return f"〔{body}〕"
    return f"{p.lp}{body}{p.rp}"


def render(style: str, specific: list[str], collective: list[str], p: Punct, *, declared: bool,
           declare_here: str | None = None, open_list: bool = False, shorthand: bool = False,
           prefix: str = "", collective_first: bool = False) -> ClauseTruth:
    """One clause of ``style`` naming ``specific`` bodies then ``collective`` entries.

    ``declared``: a lead declaration is in force (this clause, or an earlier one with 下同);
    ``declare_here``: the declaration text to put inside this clause (列第一位的为牵头单位,下同);
    ``shorthand``: drop the level prefix from entries after the first (市发改委、国土局、财政局);
    ``collective_first``: put the first collective entry before the specific ones.
    """
    written = list(specific)
    if shorthand and prefix and len(written) > 1:
        written = [written[0]] + [w[len(prefix):] if w.startswith(prefix) and len(w) > len(prefix) + 1 else w
                                  for w in written[1:]]
    units = ([collective[0]] + written + collective[1:]) if (collective_first and collective) else written + collective
    nested = any("(" in c or "（" in c for c in collective) or any("、" in c for c in collective)
    nested = nested and "〔" not in "".join(units)
    lst = "、".join(written)
    coll = "、".join(collective)
    if collective_first and collective:
        lst = units[0] + p.comma + lst if written else units[0]
        coll = "、".join(collective[1:])
    full = lst + (p.comma + coll if coll and lst else coll)
    etc = "等" if open_list else ""

    if not written:  # collective only
        # a lone bracketed collective is too ambiguous to stand bare: it keeps its label
        body = f"{coll}按职责分工负责" if style == "joint" else f"责任单位{p.colon}{coll}"
        if style == "own_line":
            return ClauseTruth(f"责任单位{p.colon}{coll}", units, [], [], list(collective), False, "collective_only", True)
        return ClauseTruth(_wrap(body, p, nested and style != "joint"), units, [], [], list(collective), False,
                           "collective_only")

    if style == "joint":
        if len(written) == 1 and not collective:
            return ClauseTruth(_wrap(f"{lst}负责", p, False), units, [units[0]], [], [], False,
                               "declared_first" if declared else "single")
        # joint clauses name no collective entries beside the bureaus (the document never asks for it)
        body = f"{lst}等部门按职责分工负责" if open_list else f"{lst}按职责分工负责"
        return ClauseTruth(_wrap(body, p, False), list(written), [], _dedup(written), [], open_list, "joint")

    if style in ("explicit", "lead_verb"):
        lead, rest = written[0], written[1:]
        tail = "、".join(rest) + (p.comma + coll if coll and rest else coll)
        if style == "explicit":
            label = "配合单位" if len(rest) != 1 or rnd_bool(lead) else "责任单位"
            body = f"牵头单位{p.colon}{lead}" + (f"{p.semi}{label}{p.colon}{tail}" if tail else "")
        else:
            body = f"{lead}牵头" + (f"{p.comma}{tail}配合" if tail else "")
        return ClauseTruth(_wrap(body, p, nested), units, [lead], _dedup(rest), list(collective), False, "explicit")

    # declared / rank_first / labelled / bare / own_line: first specific entry leads
    if collective_first and collective and len(written) > 1:
        lead, basis = [], "convention_first"  # several specific units but a collective first: no lead
        support = _dedup(written)
    elif declared:
        lead, basis, support = [written[0]], "declared_first", _dedup(written[1:])
    elif len(written) == 1:
        lead, basis, support = [written[0]], "single", []
    else:
        lead, basis, support = [written[0]], "convention_first", _dedup(written[1:])
    if style == "bare":
        body = full + etc
    else:
        body = f"责任单位{p.colon}{full}{etc}"
        if declare_here:
            body += p.comma + declare_here
    if style == "own_line":
        return ClauseTruth(body, units, lead, support, list(collective), open_list, basis, True)
    return ClauseTruth(_wrap(body, p, nested), units, lead, support, list(collective), open_list, basis)


def rnd_bool(text: str) -> bool:
    """A stable coin from text (keeps ``render`` free of extra rng draws)."""
    return sum(map(ord, text)) % 3 != 0


def no_clause() -> ClauseTruth:
    return ClauseTruth(None, [], [], [], [], False, "none")
