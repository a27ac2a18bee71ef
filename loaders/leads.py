"""Lead, support and ``lead_basis`` of one clause, per ``samples/gold/CONVENTIONS.md``.

Order of the rules:

1. no clause → ``none``;
2. only collective entries → ``collective_only`` (wins over everything else);
3. a 牵头单位 label or ``A牵头`` wording → ``explicit``;
4. 按职责分工负责-style wording with two or more entries → ``joint`` (no lead);
5. a declaration in force (列第一位的为牵头单位 in this clause, or an earlier one
   with 下同, or a free-standing one) → ``declared_first``: the first entry leads
   when it is specific;
6. one specific entry (collective ones may stand beside it) → ``single``;
7. otherwise → ``convention_first``: the first entry leads when it is specific.

Where there is no lead every specific entry is support.

Examples
--------
>>> decide(["市质监局", "市经信委"], ["市质监局", "市经信委"], [], [], joint=False, declared=True)
(['市质监局'], ['市经信委'], 'declared_first')
>>> decide(["经发局", "财政局"], ["经发局", "财政局"], [], [], joint=True, declared=False)
([], ['经发局', '财政局'], 'joint')
"""

from __future__ import annotations


def _dedupe(names: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for n in names:
        if n not in seen:
            seen.add(n)
            out.append(n)
    return out


def decide(units: list[str], specific: list[str], leads: list[str], supports: list[str], *,
           joint: bool, declared: bool, has_clause: bool = True) -> tuple[list[str], list[str], str]:
    """Return ``(lead, support, lead_basis)`` for one clause.

    Parameters
    ----------
    units : list of str
        All entries, in written order.
    specific : list of str
        The entries that are one specific body (``units`` minus collectives), in order.
    leads, supports : list of str
        Entries labelled as lead (牵头单位 / ``A牵头``) and as support (配合单位 / ``B配合``).
    joint : bool
        The clause says 按职责分工负责 or similar.
    declared : bool
        A first-listed-leads declaration applies to this clause.
    has_clause : bool
        False for an unassigned task.
    """
    if not has_clause or not units:
        return [], [], "none"
    if not specific:
        return [], [], "collective_only"
    spec = set(specific)
    if leads:
        lead = _dedupe([n for n in leads if n in spec])
        # a labelled lead that is collective (牵头单位:各县区政府) leaves the task without a specific lead
        return lead, _dedupe([n for n in specific if n not in lead]), "explicit"
    if joint and len(units) > 1:
        return [], _dedupe(specific), "joint"
    first = units[0]
    if declared:
        if first in spec:
            return [first], _dedupe([n for n in specific if n != first]), "declared_first"
        return [], _dedupe(specific), "declared_first"
    if len(specific) == 1:
        return [specific[0]], [], "single"
    if first in spec:
        return [first], _dedupe([n for n in specific if n != first]), "convention_first"
    return [], _dedupe(specific), "convention_first"
