"""Normalising one unit mention: script, width, prefixes, branches, body kind.

A mention such as ``市衛生計生委`` is cleaned (NFKC, no whitespace), converted to
simplified script for matching (OpenCC ``t2s``; the display keeps the source
script), and split into

- a *place* prefix (``嘉兴`` in 嘉兴检验检疫局, ``余杭区`` in 余杭区政府), found by a
  caller-supplied function (see ``loaders.identity.jurisdictions.PlaceFinder``);
- a *level* prefix (省/市/州/盟/区/县/旗/镇/乡/街道), except where the character
  starts a word (市场, 市政, 市民, 区域, ...: the Weihai zone's 市场监管局 has none);
- a Party marker (市委宣传部, 党工委办公室) or a government marker (市政府金融办);
- the *core* name the taxonomy matches (发改委, 市场监管局, 公安分局).

Examples
--------
>>> p = parse_name("市委宣傳部")
>>> p.simplified, p.level_prefix, p.party, p.core, p.body_class
('市委宣传部', '市', True, '宣传部', 'department')
>>> parse_name("市场监管局").level_prefix is None
True
>>> parse_name("区市场监督局").core
'市场监督局'
>>> parse_name("公安分局").branch
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

LEVEL_PREFIXES = ("自治区", "自治州", "自治县", "自治旗", "地区", "街道", "省", "市", "州", "盟", "区", "县", "旗", "镇", "乡")
# A level character that starts a word is not a prefix (市场监管局 in a zone plan).
NOT_PREFIX = re.compile(
    r"^(?:市场|市政(?=局|公用|工程|设施|管理|园林|建设|维护|养护|市容|环卫|处|所|队|集团|公司|院)|"
    r"市民(?=服务|中心|卡|热线|之家|学校|广场)|市容|市区|市县|市直|市级|市属|区域|区县|区级|区直|区属|县域|县市(?!场)|县区|"
    r"县级|县直|省级|省直|省属|乡村|乡镇|镇村|镇街|州府|旗舰)"
)
# 团市委 / 共青团泰州市委: the league committee of that level or place (read as 市团委, 泰州市团委).
_LEAGUE = re.compile(r"^(?:共青)?团(.{0,12}?[省市区县州旗])委(?:员会)?$")
# 县委县政府督查室: a joint Party-and-government office is read as a government body.
_JOINT = re.compile(r"^委(?:[省市区县州旗])?(?:人民)?政府")
# Words an extractor may leave around a name: 由/会同 before it, 牵头/配合/等 after it, quotes.
_WRAP = re.compile(r"^(?:由|会同|联合|协同|配合|请)+|(?:牵头|配合|负责|参与|协助|协办|等)+$|[“”‘’\"'《》「」]")
_CPC = re.compile(r"^(?:中国共产党|中共)(?=.+委)")
_PARTY = re.compile(r"^(?:委(?!员会)|党委|党工委|党组|工委)")
_GOVERNMENT = re.compile(r"^(?:(?:人民)?政府|行政公署|行署)(?!采购)")
_ALIAS_NOTE = re.compile(r"(?<=.)\([^()]*\)")
_BRANCH = re.compile(r"(?:分局|分中心|分院|分所|支局|分部|分理处|分公司)$")

# Body kinds, tried in order on the end of the core name.
BODY_CLASSES: tuple[tuple[str, re.Pattern], ...] = tuple(
    (kind, re.compile(rx))
    for kind, rx in (
        ("branch", r"(?:分局|分中心|分院|分所|支局|分部|分理处|分公司)$"),
        ("committee", r"(?:管委会|管理委员会|管委|常委会|常务委员会|人大|政协)$"),
        ("office", r"(?:办公室|办事处|办)$"),
        ("department", r"(?:局|委|委员会|厅|署|部|部门)$"),
        ("centre", r"中心$"),
        ("division", r"(?:处|科|股|室)$"),
        ("unit", r"(?:支队|大队|中队|队|所|站)$"),
        ("institute", r"(?:院|馆|校)$"),
        ("association", r"(?:会|联|协)$"),
        ("enterprise", r"(?:公司|集团|企业)$"),
        ("media", r"(?:社|台|报|网)$"),
        ("bank", r"行$"),
        ("government", r"政府$"),
        ("customs", r"海关$"),
    )
)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """Traditional -> simplified script (OpenCC ``t2s``); simplified text is unchanged."""
    return _converter().convert(text)


_SPACE = re.compile(r"\s+")
_BRACKETS = str.maketrans({"（": "(", "）": ")", "〔": "(", "〕": ")", "【": "(", "】": ")"})


def clean(mention: str) -> str:
    """NFKC, half-width brackets, whitespace removed. Script is kept."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", mention).translate(_BRACKETS))


def matching_form(mention: str) -> str:
    """``clean`` then simplified script: the form every comparison uses."""
    return to_simplified(clean(mention))


@dataclass(frozen=True)
class ParsedName:
    """One mention taken apart (all fields in simplified script except ``text``)."""

    text: str                 # cleaned, source script
    simplified: str           # cleaned, simplified
    place: str | None         # place-name prefix (嘉兴, 余杭区), or None
    level_prefix: str | None  # 省/市/区/县/..., or None
    party: bool               # Party body marker (市委宣传部, 党工委办公室)
    government: bool          # government marker (市政府金融办, 余杭区政府)
    core: str                 # what the taxonomy matches; "" for a bare 市政府
    branch: bool              # a branch office (公安分局, 环保分局)
    body_class: str           # department, office, centre, branch, ... or "other"

    @property
    def prefixed(self) -> bool:
        return bool(self.place or self.level_prefix)


def level_prefix(name: str) -> str | None:
    """The level prefix ``name`` starts with, or None (words such as 市场 are no prefix)."""
    if NOT_PREFIX.match(name):
        return None
    for p in LEVEL_PREFIXES:
        if name.startswith(p) and len(name) > len(p):
            return p
    return None


def body_class(core: str) -> str:
    """The kind of body a core name ends with (``department``, ``office``, ...)."""
    for kind, rx in BODY_CLASSES:
        if rx.search(core):
            return kind
    return "other"


def parse_name(mention: str, find_place: Callable[[str], str | None] | None = None) -> ParsedName:
    """Take a mention apart.

    Parameters
    ----------
    mention : str
        The unit as written (any script, any width).
    find_place : callable, optional
        ``find_place(simplified) -> prefix or None``: the place-name prefix that
        ``simplified`` starts with, when the rest is still a body name.
    """
    text = clean(mention)
    simplified = to_simplified(text)
    rest = _LEAGUE.sub(r"\1团委", _WRAP.sub("", simplified) or simplified)
    if m := _CPC.match(rest):
        rest = re.sub("委员会$", "委", rest[m.end():])  # 中共广州市委宣传部: the Party body of 广州市
    if rest.startswith("地委") and len(rest) > 2:
        rest = "地区" + rest[1:]  # 地委宣传部: the prefecture's (地区) Party committee
    place = find_place(rest) if find_place else None
    prefix = None
    if place:
        rest = rest[len(place):]
    else:
        prefix = level_prefix(rest)
        if prefix:
            rest = rest[len(prefix):]
    party = government = False
    if m := _JOINT.match(rest):
        government, rest = True, rest[m.end():]
    elif m := _PARTY.match(rest):
        party, rest = True, rest[m.end():]
    elif m := _GOVERNMENT.match(rest):
        government, rest = True, rest[m.end():]
    rest = _ALIAS_NOTE.sub("", rest).strip("()")  # 发改委(物价局), 高新区(滨江)管委会: an aside, not the name
    return ParsedName(
        text=text, simplified=simplified, place=place, level_prefix=prefix, party=party,
        government=government, core=rest, branch=bool(_BRANCH.search(rest)),
        body_class=body_class(rest) if rest else ("committee" if party else "government" if government or place else "other"),
    )


def with_prefix(mention: str, prefix: str) -> str:
    """``mention`` with the level ``prefix`` put in front (prefix inheritance in a list)."""
    return prefix + mention
