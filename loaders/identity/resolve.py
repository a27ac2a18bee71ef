"""Resolving a unit mention to an agency (or a collective) in a plan's context.

Rules, in order:

1. Collective entries (各有关单位, 各县(市、区)政府, …成员单位) are collectives, never agencies.
2. A place-name prefix names the jurisdiction (嘉兴检验检疫局 -> 嘉兴市; 余杭区政府 -> 余杭区).
3. A level prefix is read against the plan: the plan's own level (or the last
   character of its name, so 市 in a county-level city's plan) is the plan itself;
   a higher level is the plan's ancestor (市X局 in a district plan is the parent
   city's bureau, the same agency as in the city's own plan), or an explicit
   "unknown parent" placeholder; a lower level is an unspecified lower jurisdiction.
4. No prefix: the plan's own jurisdiction (zone and county plans write bare names).
5. The function comes from the taxonomy on the core name; bodies of which a
   jurisdiction has one (``one_per_jurisdiction``) are keyed by function and body
   kind, so short, full and near-variant forms (市发改委 = 市发展和改革委员会;
   区市场监督局 = 区市场监管局) are one agency; other bodies by their core name.

Examples
--------
>>> ctx = PlanContext.of("余杭区", "district", "杭州市")
>>> a, b = resolve_mention("区市场监督局", ctx), resolve_mention("区市场监管局", ctx)
>>> a.id == b.id, a.jurisdiction.name, a.function
(True, '余杭区', 'market_regulation')
>>> resolve_mention("市发改委", ctx).jurisdiction.name
'杭州市'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from loaders.identity import jurisdictions as J
from loaders.identity.names import matching_form, parse_name
from loaders.identity.taxonomy import UNCLASSIFIED, load_taxonomy
from loaders.ids import agency_id, collective_id
from loaders.units import is_collective

PREFIX_LEVEL = {"省": "province", "市": "city", "州": "city", "盟": "city", "区": "district", "县": "county",
                "旗": "county", "镇": "town", "乡": "town", "街道": "town"}
_PARTY_VARIANT = {"government_office": "party_office"}


@dataclass(frozen=True)
class PlanContext:
    """What a mention is read against: the plan's jurisdiction (with its parents)."""

    jurisdiction: J.Jurisdiction

    @classmethod
    def of(cls, name: str | None, level: str | None, parent: str | None = None, file: str = "") -> "PlanContext":
        return cls(J.plan_jurisdiction(name, level, parent, file))

    @classmethod
    def from_plan(cls, plan) -> "PlanContext":
        """From a ``loaders.records.PlanRecord``."""
        return cls.of(plan.jurisdiction, plan.level, plan.parent_jurisdiction, plan.file)

    def find_place(self, simplified: str) -> str | None:
        """The place-name prefix of ``simplified`` when the rest is still a body name."""
        gaz = J.gazetteer()
        chain = self.jurisdiction.chain()
        full = {j.name for j in chain}
        own = {n for j in chain for n in j.names()}
        province = (chain[-1].code or "")[:2]
        if simplified in full or (simplified in gaz.by_name and len(simplified) > 2):
            return simplified  # a bare place name: that place's government
        for size in range(min(len(simplified) - 2, 12), 1, -1):
            head, rest = simplified[:size], simplified[size:]
            if head in own or (head in gaz.by_name and len(head) > 2):
                pass
            elif province and any(c.startswith(province) for c, _ in gaz.by_short.get(head, gaz.by_name.get(head, []))):
                pass  # a short form (嘉兴) or a two-character name (城区) only within the plan's own province
            else:
                continue
            if rest.startswith(("政府", "人民政府", "委", "党")):
                return head
            fn = load_taxonomy().match(rest)
            if fn and any(rx.match(rest) for rx in fn.compiled):  # the body word follows the place at once
                return head
        return None


@dataclass(frozen=True)
class AgencyRef:
    """The node a mention resolves to."""

    kind: str                    # "agency" | "collective"
    id: str
    mention: str                 # cleaned, source script
    name_simplified: str
    core: str                    # simplified, prefix-stripped
    jurisdiction: J.Jurisdiction
    function: str                # taxonomy code or "unclassified"
    function_en: str | None
    key: str
    branch: bool = False
    vertical: bool = False
    party: bool = False


def _target(prefix: str, own: J.Jurisdiction) -> J.Jurisdiction:
    level = PREFIX_LEVEL[prefix]
    if own.level is None or own.name.endswith(prefix):
        return own
    mine, theirs = J.RANK.get(own.level, 2), J.RANK[level]
    if theirs == mine:
        return own
    if theirs < mine:
        return J.ancestor(own, level)
    return J.lower(own, level)


def resolve_mention(mention: str, ctx: PlanContext) -> AgencyRef:
    """The agency or collective ``mention`` names, read in the plan ``ctx`` (results are cached)."""
    return _resolve(mention, ctx)


@lru_cache(maxsize=65536)
def _resolve(mention: str, ctx: PlanContext) -> AgencyRef:
    simplified = matching_form(mention)
    own = ctx.jurisdiction
    if is_collective(simplified):
        return AgencyRef("collective", collective_id(own.id, simplified), mention.strip(), simplified, simplified,
                         own, UNCLASSIFIED, None, "collective:" + simplified)
    parsed = parse_name(mention, ctx.find_place)
    if parsed.place:
        where = J.place(parsed.place, own)
    elif parsed.level_prefix:
        where = _target(parsed.level_prefix, own)
    else:
        where = own
    tax = load_taxonomy()
    fn = tax.match(parsed.core) if parsed.core else None
    if fn is None and not parsed.core and (parsed.government or parsed.place):
        fn = tax.get("government")
    if fn is not None and parsed.party and fn.code in _PARTY_VARIANT:
        fn = tax.get(_PARTY_VARIANT[fn.code])
    core = parsed.core or ("政府" if parsed.government else parsed.simplified)
    if fn is not None and fn.one_per_jurisdiction:
        key = f"fn:{fn.code}:{parsed.body_class}"
    else:
        key = "nm:" + ("委" if parsed.party else "") + core
    return AgencyRef(
        kind="agency", id=agency_id(where.id, key), mention=parsed.text, name_simplified=parsed.simplified,
        core=core, jurisdiction=where, function=fn.code if fn else UNCLASSIFIED, function_en=fn.en if fn else None,
        key=key, branch=parsed.branch, vertical=bool(fn and fn.vertical), party=parsed.party,
    )


def inherit_prefixes(units: list[str], ctx: PlanContext | None = None, collective: list[str] | tuple = ()) -> list[str]:
    """Spread a list's level prefix to the unprefixed entries after it.

    ``["市发改委", "国土局"]`` -> ``["市发改委", "市国土局"]``. Collective entries and
    entries with a place-name prefix neither take nor give a prefix.

    >>> inherit_prefixes(["区发改局", "经信局", "各有关单位", "科技局"], None, ["各有关单位"])
    ['区发改局', '区经信局', '各有关单位', '区科技局']
    """
    out, current = [], None
    for unit in units:
        simp = matching_form(unit)
        if unit in collective or is_collective(simp):
            out.append(unit)
            continue
        parsed = parse_name(unit, ctx.find_place if ctx else None)
        if parsed.level_prefix:
            current = parsed.level_prefix
            out.append(unit)
        elif current and not parsed.place and not parsed.party:
            out.append(current + unit)
        else:
            out.append(unit)
    return out
