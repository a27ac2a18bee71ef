"""Jurisdictions: ids, levels and parents, with a gazetteer of Chinese divisions.

A ``Jurisdiction`` is one government territory (province, city, district, county,
development zone, town). Ids are deterministic (``loaders.ids.jurisdiction_id``):
provinces and prefecture-level cities by name alone, everything lower by name and
parent name, so 杭州市 is one node whether it is met in its own plan or as the
parent of 余杭区.

Parents come from the plan (``parent_jurisdiction``), else from the gazetteer
(``loaders/data/divisions.csv``) when the name is unique there. When a parent is
still unknown, a mention that points upward (市X局 in a district plan) goes to an
explicit placeholder, ``未知上级市(余杭区)`` (``known=False``), never silently to
the plan's own jurisdiction. 区X局 in a city plan goes to ``嘉兴市下属区县(未指明)``.

Examples
--------
>>> j = plan_jurisdiction("余杭区", "district", None)
>>> j.parent.name, j.parent.parent.name
('杭州市', '浙江省')
>>> ancestor(plan_jurisdiction("某某区", "district", None), "city").name
'未知上级市(某某区)'
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from loaders.identity.names import matching_form
from loaders.ids import jurisdiction_id, short_hash

DIVISIONS = Path(__file__).resolve().parent.parent / "data" / "divisions.csv"
RANK = {"province": 0, "city": 1, "district": 2, "county": 2, "development_zone": 2, "town": 3}
LEVEL_ZH = {"province": "省", "city": "市", "district": "区县", "county": "区县", "development_zone": "区县", "town": "乡镇街道"}
_SUFFIX = re.compile(r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|地区|林区|省|市|区|县|州|盟|旗)$")
_ZONE = re.compile(r"(?:开发区|高新区|经开区|新区|园区|试验区|示范区|保税区|综保区|工业园|产业园)$")
_TOWN = re.compile(r"(?:镇|乡|街道|街道办事处)$")


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    name: str
    level: str | None
    parent: "Jurisdiction | None" = None
    code: str | None = None   # 12-digit division code when the gazetteer knows it
    known: bool = True        # False for the "unknown parent" / "unspecified lower" placeholders

    @property
    def parent_id(self) -> str | None:
        return self.parent.id if self.parent else None

    def chain(self) -> list["Jurisdiction"]:
        """This jurisdiction and its parents, nearest first."""
        out, j = [], self
        while j is not None:
            out.append(j)
            j = j.parent
        return out

    def row(self) -> dict:
        return {"id": self.id, "name": self.name, "level": self.level, "parent_id": self.parent_id}

    def names(self) -> tuple[str, ...]:
        """Full and short forms (嘉兴市, 嘉兴) used to recognise place prefixes."""
        short = short_name(self.name)
        return (self.name, short) if short != self.name and len(short) >= 2 else (self.name,)


def short_name(name: str) -> str:
    """``嘉兴市`` -> ``嘉兴``; names without a known suffix are returned unchanged."""
    return _SUFFIX.sub("", name)


def guess_level(name: str) -> str | None:
    """Level from the gazetteer, else from the name's ending."""
    entries = gazetteer().by_name.get(name)
    if entries and len({e[1] for e in entries}) == 1:
        return entries[0][1]
    if _ZONE.search(name):
        return "development_zone"
    if _TOWN.search(name):
        return "town"
    if re.search(r"(?:省|自治区|特别行政区)$", name):
        return "province"
    if re.search(r"(?:市|州|盟|地区)$", name):
        return "city"
    if re.search(r"区$", name):
        return "district"
    if re.search(r"(?:县|旗)$", name):
        return "county"
    return None


class Gazetteer:
    """Names and codes of provinces, prefecture-level and county-level divisions."""

    def __init__(self, path: Path = DIVISIONS):
        self.by_code: dict[str, tuple[str, str]] = {}
        self.by_name: dict[str, list[tuple[str, str]]] = {}
        self.by_short: dict[str, list[tuple[str, str]]] = {}
        with path.open(encoding="utf-8") as fh:
            rows = [r for r in csv.reader(line for line in fh if not line.startswith("#"))][1:]
        for code, name in rows:
            if code[2:] == "0" * 10:
                level = "province"
            elif code[4:] == "0" * 8:
                level = "city"
            else:
                level = "district" if name.endswith("区") else "county"
            self.by_code[code] = (name, level)
            self.by_name.setdefault(name, []).append((code, level))
            short = short_name(name)
            if len(short) >= 2 and short != name:
                self.by_short.setdefault(short, []).append((code, level))

    def parent_code(self, code: str) -> str | None:
        if code[2:] == "0" * 10:
            return None
        if code[4:] == "0" * 8:
            return code[:2] + "0" * 10
        city = code[:4] + "0" * 8
        return city if city in self.by_code else code[:2] + "0" * 10

    def find(self, name: str, within: str | None = None) -> str | None:
        """The one division code named ``name`` (full or short), inside ``within`` if given."""
        cands = self.by_name.get(name) or self.by_short.get(name) or []
        if within:
            prefix = within[:2] if within[2:] == "0" * 10 else within[:4]
            cands = [c for c in cands if c[0].startswith(prefix) and c[0] != within] or cands
        if len(cands) > 1:  # 南昌 is 南昌市 and 南昌县: a short form names the higher level when that is unique
            top = min(RANK[c[1]] for c in cands)
            cands = [c for c in cands if RANK[c[1]] == top]
        return cands[0][0] if len(cands) == 1 else None


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()


def from_code(code: str) -> Jurisdiction:
    """A jurisdiction (with its parents) from a gazetteer division code."""
    gaz = gazetteer()
    name, level = gaz.by_code[code]
    pcode = gaz.parent_code(code)
    parent = from_code(pcode) if pcode else None
    return make(name, level, parent, code)


def make(name: str, level: str | None, parent: Jurisdiction | None, code: str | None = None) -> Jurisdiction:
    """A jurisdiction with its deterministic id (a development zone's id from its ``zone_key``)."""
    key = zone_key(name) if level == "development_zone" else name
    return Jurisdiction(jurisdiction_id(key, level, parent.name if parent else None), name, level, parent, code)


_ZONE_SHORT = (("经开区", "经济技术开发区"), ("高新区", "高新技术产业开发区"), ("高新技术开发区", "高新技术产业开发区"),
               ("综保区", "综合保税区"))


def zone_key(name: str) -> str:
    """The form of a development zone's name its id is made from.

    Abbreviations are written out and a place's level suffix before the zone word is
    dropped, so 娄底经开区, 娄底市经开区 and 娄底经济技术开发区 are one zone.

    >>> zone_key("娄底市经开区") == zone_key("娄底经济技术开发区")
    True
    """
    name = matching_form(name)
    for short, full in _ZONE_SHORT:
        if name.endswith(short):
            name = name[: -len(short)] + full
            break
    gaz = gazetteer()
    for k in range(min(len(name) - 2, 8), 2, -1):
        head = name[:k]
        if head in gaz.by_name and short_name(head) != head and len(short_name(head)) >= 2:
            return short_name(head) + name[k:]
    return name


def zone(name: str, parent: Jurisdiction) -> Jurisdiction:
    """A development zone named in a plan (娄底经开区, 万宝新区), under ``parent``.

    Its name is the written-out form (``zone_key``): 娄底经开区 -> 娄底经济技术开发区.
    """
    return make(zone_key(name), "development_zone", parent)


def place(name: str, near: Jurisdiction | None = None) -> Jurisdiction:
    """The jurisdiction called ``name`` (full or short form), seen from ``near``.

    ``near``'s own chain is tried first (嘉兴 in a 嘉兴市 plan), then the gazetteer,
    preferring divisions inside ``near``'s province or city.
    """
    name = matching_form(name)
    for j in (near.chain() if near else []):
        if name in j.names():
            return j
    gaz = gazetteer()
    within = next((j.code for j in (near.chain() if near else []) if j.code), None)
    code = gaz.find(name, within)
    if code:
        return from_code(code)
    level = guess_level(name)
    parent = near if near and level and near.level and RANK.get(level, 9) > RANK.get(near.level, 9) else None
    return make(name, level, parent)


def plan_jurisdiction(name: str | None, level: str | None, parent_name: str | None, file: str = "") -> Jurisdiction:
    """The plan's own jurisdiction, with its parents as far as they can be known.

    A place the gazetteer knows gets the gazetteer's id and parents (so a county-level
    city is one node whether a plan calls it ``city`` or ``county``); a compound name
    (杭州市余杭区) is split into parent and child.
    """
    if not name:
        return Jurisdiction("j-" + short_hash("unknown-plan", file), f"未知辖区({file})", level, None, None, False)
    name = matching_form(name)
    gaz = gazetteer()
    parent = place(parent_name) if parent_name else None
    if parent is None and name not in gaz.by_name:
        for k in range(len(name) - 2, 1, -1):
            head, rest = name[:k], name[k:]
            if head in gaz.by_name and rest in gaz.by_name and guess_level(head) in ("province", "city"):
                parent, name = place(head), rest
                break
    level = level or guess_level(name)
    code = gaz.find(name, parent.code if parent else None)
    if code and (parent is None or (gaz.parent_code(code) or "") in {parent.code, (parent.code or "")[:2] + "0" * 10}):
        own = from_code(code)
        if RANK.get(own.level) == RANK.get(level) or {own.level, level} <= {"city", "county"}:
            return Jurisdiction(own.id, own.name, level or own.level, own.parent, code)
    return make(name, level, parent)


def ancestor(j: Jurisdiction, level: str) -> Jurisdiction:
    """The ancestor of ``j`` at ``level``, or an explicit unknown placeholder."""
    want = RANK[level]
    top = j
    for a in j.chain()[1:]:
        if a.level and RANK.get(a.level) == want:
            return a
        top = a
    if top is not j and top.level and RANK.get(top.level, 9) > want:
        j = top
    return Jurisdiction(
        "j-" + short_hash("unknown-parent", level, j.id), f"未知上级{LEVEL_ZH[level]}({j.name})", level, None, None, False,
    )


def lower(j: Jurisdiction, level: str) -> Jurisdiction:
    """An unspecified jurisdiction below ``j`` (区X局 in a city plan)."""
    return Jurisdiction(
        "j-" + short_hash("unspecified-lower", level, j.id), f"{j.name}下属{LEVEL_ZH[level]}(未指明)", level, j, None, False,
    )
