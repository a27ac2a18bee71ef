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
from functools import cached_property, lru_cache

from loaders.identity import jurisdictions as J
from loaders.identity import shapes
from loaders.identity.collectives import generic_collective
from loaders.identity.names import matching_form, parse_name
from loaders.identity.taxonomy import UNCLASSIFIED, load_taxonomy
from loaders.ids import agency_id, collective_id
from loaders.units import is_collective

PREFIX_LEVEL = {"省": "province", "市": "city", "州": "city", "盟": "city", "区": "district", "县": "county",
                "旗": "county", "镇": "town", "乡": "town", "街道": "town", "自治区": "province", "自治州": "city",
                "自治县": "county", "自治旗": "county", "地区": "city"}
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

    def _is_place(self, head: str) -> bool:
        """Is ``head`` a place name: the plan's own or a parent's (full or short), a gazetteer name,
        or a short form (嘉兴) or two-character name (城区) of a division inside the plan's province."""
        gaz = J.gazetteer()
        if head in self._own_names or (head in gaz.by_name and len(head) > 2):
            return True
        province = self._province
        return bool(province) and any(c.startswith(province) for c, _ in gaz.by_short.get(head, gaz.by_name.get(head, [])))

    @cached_property
    def _own_names(self) -> frozenset[str]:
        return frozenset(n for j in self.jurisdiction.chain() for n in j.names())

    @cached_property
    def _province(self) -> str:
        return (self.jurisdiction.chain()[-1].code or "")[:2]

    def find_place(self, simplified: str) -> str | None:
        """The place-name prefix of ``simplified`` when the rest is still a body name.

        A compound prefix (广州市天河区 in 广州市天河区人民政府办公室) is returned whole.
        """
        gaz = J.gazetteer()
        if simplified in {j.name for j in self.jurisdiction.chain()} or (simplified in gaz.by_name and len(simplified) > 2):
            return simplified  # a bare place name: that place's government
        for size in range(min(len(simplified) - 1, 12), 1, -1):
            head, rest = simplified[:size], simplified[size:]
            if not self._is_place(head):
                continue
            if rest.startswith(("政府", "人民政府", "委", "党")):
                return head
            fn = load_taxonomy().match(rest)
            if fn and any(rx.match(rest) for rx in fn.compiled):  # the body word follows the place at once
                return head
            if (inner := self.find_place(rest)) and inner != rest:
                return head + inner
        return None

    def leading_places(self, text: str) -> list[str]:
        """The place names ``text`` opens with, longest first at each step (广州市天河区税务局 -> 广州市, 天河区)."""
        out: list[str] = []
        while len(text) > 2:
            head = next((text[:k] for k in range(min(len(text), 12), 1, -1) if self._is_place(text[:k])), None)
            if head is None:
                break
            out.append(head)
            text = text[len(head):]
        return out

    def locate(self, prefix: str) -> J.Jurisdiction:
        """The jurisdiction a place prefix names; a compound one (广州市天河区) step by step."""
        parts = self.leading_places(prefix)
        if "".join(parts) != prefix:
            return J.place(prefix, self.jurisdiction)
        where = self.jurisdiction
        for part in parts:
            where = J.place(part, where)
        return where


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
    for up in own.chain()[1:]:  # 市X局 in a town plan under a county-level city: that city, not the prefecture
        if up.name.endswith(prefix) and up.known:
            return up
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
    if is_collective(simplified) or generic_collective(simplified, own.level):
        return AgencyRef("collective", collective_id(own.id, simplified), mention.strip(), simplified, simplified,
                         own, UNCLASSIFIED, None, "collective:" + simplified)
    parsed = parse_name(mention, ctx.find_place)
    tax = load_taxonomy()
    core = parsed.core
    if parsed.place:
        where = ctx.locate(parsed.place)
    elif parsed.level_prefix:
        where = _target(parsed.level_prefix, own)
    elif system := shapes.system_prefix(simplified):  # 国网泰州供电公司: the place follows the system name
        places = ctx.leading_places(simplified[len(system):])
        where = ctx.locate("".join(places)) if places else own
        core = simplified
    else:
        where = own
    zone_of = None
    if core and (split := shapes.zone_body(core)) and (inner := tax.match(split[1])) \
            and inner.code != "development_zone_admin" and any(rx.match(split[1]) for rx in inner.compiled):
        zone_of, core = split[0], split[1]  # 高新区财政局: the zone's finance bureau
    fn = tax.match(core) if core else None
    if fn is None and not core and parsed.party:
        fn = tax.get("party_committee")  # 市委, 天河区委, 党工委
    elif fn is None and not core and (parsed.government or parsed.place):
        fn = tax.get("government")
    if fn is not None and not fn.society and fn.priority <= 0 and shapes.is_society(core):
        fn = tax.get("association")  # 市律师协会 is a society, not the justice bureau
    if fn is not None and parsed.party and fn.code in _PARTY_VARIANT:
        fn = tax.get(_PARTY_VARIANT[fn.code])
    core = core or ("政府" if parsed.government else parsed.simplified)
    party = parsed.party or bool(fn and fn.code == "party_committee")
    if fn is not None and fn.code == "party_committee":
        key = "fn:party_committee:committee"  # 区委 = 中共X区委员会 = (zone) 党工委
    elif parsed.body_class == "unit":
        key = "nm:" + shapes.unit_core(core)
    elif fn is not None and fn.one_per_jurisdiction:
        key = f"fn:{fn.code}:{parsed.body_class}"
    else:
        key = "nm:" + ("委" if parsed.party else "") + core
    branch = parsed.branch
    if (placed := shapes.placed_branch(core)) and (bureau := tax.match(placed[0])):
        served = _served_place(placed[1], where, ctx)  # 市生态环境局天河分局 serves 天河区
        if served is not None:
            fn, where, branch, key = bureau, served, True, f"fn:{bureau.code}:branch"
    if zone_of:
        where = _zone(zone_of, parsed.place, where, own)
    if fn is not None and fn.code == "development_zone_admin":
        if zone := shapes.zone_part(core):
            where = _zone(zone, parsed.place, where, own)
        if where.level == "development_zone" and (zone or shapes.is_committee(core)):
            key = "fn:development_zone_admin:committee"  # the zone's one administrative committee
    return AgencyRef(
        kind="agency", id=agency_id(where.id, key), mention=parsed.text, name_simplified=parsed.simplified,
        core=core, jurisdiction=where, function=fn.code if fn else UNCLASSIFIED, function_en=fn.en if fn else None,
        key=key, branch=branch, vertical=bool(fn and fn.vertical), party=party,
    )


def _served_place(name: str, where: J.Jurisdiction, ctx: PlanContext) -> J.Jurisdiction | None:
    """The jurisdiction a place-named branch serves, or None when the place is not recognised."""
    own = ctx.jurisdiction
    if shapes.is_generic_zone(name):  # 开发区分局: the plan's own zone, else a zone of ``where``
        if own.level == "development_zone" and where in own.chain():
            return own
        return J.zone(J.short_name(where.name) + name, where)
    for j in own.chain():
        if name in j.names() or J.short_name(name) in j.names():
            return j
    if where.code and J.gazetteer().find(name, where.code):
        found = J.place(name, where)
        return found if found.parent is not None and found.parent.id == where.id else None
    return None


def _zone(zone: str, place: str | None, where: J.Jurisdiction, own: J.Jurisdiction) -> J.Jurisdiction:
    """The development zone a zone committee's name points to (its own jurisdiction)."""
    generic = shapes.is_generic_zone(zone)
    if own.level == "development_zone" and where in own.chain():
        if generic or J.zone_key(zone) == J.zone_key(own.name):
            return own  # 开发区管委会 / 区管委会 in the zone's own plan
        where = own.parent or own
    elif where.level == "development_zone":
        return where
    name = (place or J.short_name(where.name)) + zone if generic else (place or "") + zone
    return J.zone(name, where)


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
