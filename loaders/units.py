"""Unit lists: splitting, wrapper words, collective entries, open lists, prefix shorthand.

All functions work on the *matching form* of the text (``loaders.text``) and
return character spans, so the caller can quote the source script exactly.

Examples
--------
>>> text = "市发改委、国土局、各县(市、区)政府等"
>>> [text[a:b] for a, b in split_entries(text, 0, len(text))[0]]
['市发改委', '国土局', '各县(市、区)政府']
>>> is_collective("各有关单位"), is_collective("市质量强市领导小组办公室")
(True, False)
>>> resolve_prefixes(["市发改委", "国土局", "嘉兴检验检疫局"], places=("嘉兴",))
['市发改委', '市国土局', '嘉兴检验检疫局']
"""

from __future__ import annotations

import re

from loaders.identity.names import NOT_PREFIX

OPEN = "([〔【{"
CLOSE = ")]〕】}"
SEPARATORS = "、,;"

# Words wrapped around a unit name that are not part of it.
_LEAD_WRAP = re.compile(r"(?:\s|由|请)+")
_TAIL_WRAP = re.compile(
    r"(?:等(?:有关|相关)?(?:部门|单位|机构)?)?"
    r"(?:按照?职责分工|按照?各自职责|根据职责分工|按照?职能分工|按照?职责|依职责|分工)?"
    r"(?:共同|分别|各自|具体)?(?:牵头)?(?:负责|落实|实施|推进|承担|配合|参与|协助|协办)?\s*$"
)
_OPEN_TAIL = re.compile(r"等(?:有关|相关)?(?:部门|单位|单位部门|机构)?$")

# A collective (not one specific body) entry.
_COLLECTIVE = re.compile(
    r"^各|有关|相关|成员单位|全体|各级|其他|其它|所属|所有|^(?:市|区|县|省)直(?:各)?(?:部门|单位)|"
    r"^(?:市|区|县|省)级(?:各)?(?:部门|单位)$|^(?:各)?(?:乡镇|镇街|街道|县市区|县区)(?:政府)?$"
)
_NAMED_OFFICE = re.compile(r"办公室$|办$")

# What a body's name ends with.
_BODY_END = re.compile(
    r"(?:局|委|办|厅|部|院|会|处|室|中心|政府|单位|部门|公司|队|所|站|社|台|行|署|馆|团|组|校|"
    r"街道|镇|乡|村|社区|园区|开发区|新区|区|县|市|省|管委会|法院|海关|集团|协会|联合会|工会|妇联|团委|"
    r"科协|办公室|小组|指挥部|委员会|人大|政协|分局|支队|大队|中队|监狱|银行|网|机构|企业|学校|医院|大学|学院)$"
)
# Strong body endings: a bare bracketed list needs at least one entry like this.
_STRONG_END = re.compile(r"(?:局|委|办|厅|部|政府|单位|部门|管委会|委员会|办公室|分局|街道|乡镇|镇)$")

PREFIXES = ("市", "区", "县", "省", "镇", "乡", "州", "旗")
# 市场监管局 / 市政局 / 市民服务中心: a level character that starts a word is no prefix (one rule,
# shared with agency identity).
_NOT_PREFIX = NOT_PREFIX


_BRACKETS = re.compile(r"[(\[〔【{)\]〕】}\n]")
_SPLIT = re.compile(r"[(\[〔【{)\]〕】}、,;]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_NOT_NAME = re.compile(r"\d{3,}|年|月|号$|[。:]")
_PLACE_KIND = re.compile(r"(?:街道|乡镇|镇|乡|街|社区|村|园区|场|管委会|开发区|功能区|平台)")
_PLACE_OFFICE = re.compile(r"(?:乡镇|镇|乡|街道)(?:人民政府|政府|办事处|办)")
_CARRY_BLOCK = re.compile(r"(?:中央|国家|中国|省|驻)")


def bracket_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Outermost matched bracket pairs in ``text[start:end]`` as ``(open, close + 1)``, in one pass.

    Unclosed openers are ignored (pairs inside them still count as outermost);
    stray closers are ignored too.
    """
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _BRACKETS.finditer(text, start, end):
        ch = m.group()
        if ch in OPEN:
            stack.append(m.start())
        elif ch == "\n":
            continue  # a span may hold a hard-wrapped line: brackets pair across it
        elif stack:
            pairs.append((stack.pop(), m.end()))
    pairs.sort()
    out: list[tuple[int, int]] = []
    reach = -1
    for a, b in pairs:
        if a >= reach:
            out.append((a, b))
            reach = b
    return out


def split_entries(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """Split ``text[start:end]`` on 、 , ; at bracket depth 0 into entry spans.

    Wrapper words are trimmed from each entry (由, trailing 等部门按职责分工负责 ...).
    ``各镇、街道``-style entries stay whole: an entry opening with 各 absorbs the
    short, unprefixed place words that follow it after 、.

    Returns
    -------
    (spans, open_list)
        Entry spans in order, and whether 等 follows the last entry.
    """
    raw: list[tuple[int, int, str]] = []  # (start, end, separator before)
    depth, seg, sep = 0, start, ""
    for m in _SPLIT.finditer(text, start, end):
        ch = m.group()
        if ch in OPEN:
            depth += 1
        elif ch in CLOSE:
            depth = max(0, depth - 1)
        elif depth == 0:
            j = m.start()
            raw.append((seg, j, sep))
            seg, sep = j + 1, ch
    raw.append((seg, end, sep))
    spans: list[tuple[int, int]] = []
    open_list = False
    for n, (a, b, sep_before) in enumerate(raw):
        a, b = _trim(text, a, b)
        if n == len(raw) - 1:
            tail = _TAIL_WRAP.search(text, a, b)
            if (tail and "等" in text[tail.start():tail.end()]) or _OPEN_TAIL.search(text, a, b):
                open_list = True
        a, b = _unwrap(text, a, b)
        if b <= a:
            continue
        if spans and sep_before == "、" and _absorbs(text[spans[-1][0]:spans[-1][1]], text[a:b]):
            spans[-1] = (spans[-1][0], b)
            continue
        apart = _space_separated(text, a, b)  # 市经信局　市市场监管局　市科技局: a list written with spaces
        if apart:
            spans += apart
            continue
        joined = text.find("会同", a, b)  # 由A会同B负责: two bodies
        if joined > a + 1 and b - joined > 3 and "(" not in text[a:b]:
            spans += [_trim(text, a, joined), _trim(text, joined + 2, b)]
            continue
        spans.append((a, b))
    return spans, open_list


_GAP = re.compile(r"[ \t\u3000]+")


def _space_separated(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Spans of ``text[a:b]`` split on spaces when every piece reads as a body, else ``[]``.

    A space inside one name (a wrapped PDF line: ``区卫生 健康局``) leaves a piece that
    does not read as a body, so that entry stays whole.
    """
    if not _GAP.search(text, a, b):
        return []
    pieces, pos = [], a
    for m in _GAP.finditer(text, a, b):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, b))
    if all(looks_like_body(text[s:e]) for s, e in pieces):
        return pieces
    return []


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in " \t\r\n\u3000":
        a += 1
    while b > a and text[b - 1] in " \t\r\n\u3000。.":
        b -= 1
    return a, b


def _unwrap(text: str, a: int, b: int) -> tuple[int, int]:
    m = _LEAD_WRAP.match(text, a, b)
    if m and m.end() > a:
        a = m.end()
    m = _TAIL_WRAP.search(text, a, b)
    if m and m.start() < b:
        b = m.start()
    return _trim(text, a, b)


def _absorbs(previous: str, entry: str) -> bool:
    """``各镇`` + ``街道``: a collective 各… entry keeps a bare place-kind word after 、."""
    if not previous.startswith("各") or entry.startswith("各") or "、" in entry:
        return False
    if len(entry) <= 3 and _PLACE_KIND.fullmatch(entry):
        return True
    # 各区、县(市)人民政府 / 各县、市、区: the 各 carries over a list of administrative levels
    if _LEVEL_WORD.fullmatch(entry) and _LEVELS_SO_FAR.fullmatch(previous):
        return True
    # 各镇人民政府、街道办事处 / 各乡镇人民政府、街道办: the 各 carries to the town-level office after 、
    return bool(_PLACE_OFFICE.fullmatch(entry)) and bool(re.match(r"各(?:乡镇|镇街|镇|乡|街道)", previous))


_LEVEL_WORD = re.compile(r"(?:区|县|市|旗)(?:\([^()]{1,6}\))?(?:人民政府|政府)?")
_LEVELS_SO_FAR = re.compile(r"各(?:区|县|市|旗)(?:、(?:区|县|市|旗))*")


def is_collective(name: str) -> bool:
    """True for entries that are not one specific body (各有关单位, …领导小组成员单位)."""
    if _NAMED_OFFICE.search(name) and not name.startswith("各") and "有关" not in name and "相关" not in name:
        return False
    return bool(_COLLECTIVE.search(name))


def looks_like_body(name: str) -> bool:
    """True when ``name`` reads like an organisation (ends with 局, 委, 政府, 中心 ...)."""
    if len(name) < 2 or len(name) > 40 or not _CJK.search(name):
        return False
    if _NOT_NAME.search(name):
        return False
    return bool(_BODY_END.search(name)) or is_collective(name)


def strong_body(name: str) -> bool:
    """Entries that are unmistakably bodies (for bracketed lists without a label)."""
    return bool(_STRONG_END.search(name)) or has_prefix(name)


def has_prefix(name: str) -> bool:
    """Does ``name`` open with a one-character jurisdiction prefix (市发改委, not 市场监管局)?"""
    return bool(name) and name[0] in PREFIXES and not _NOT_PREFIX.match(name) and len(name) > 2


def resolve_prefixes(units: list[str], places=()) -> list[str]:
    """Resolve the shorthand ``市发改委、国土局、财政局`` → 市国土局, 市财政局.

    The one-character prefix of the nearest earlier prefixed entry carries to a
    following entry only when that entry is a bare bureau name: no prefix of its
    own, not collective, not opening with a place name (``places``: stems such
    as ``嘉兴``, or a function telling whether a name opens with a place), and
    ending like a bureau.
    """
    opens_with_place = places if callable(places) else (lambda n: any(n.startswith(p) for p in places if p))
    out: list[str] = []
    carry = None
    for name in units:
        if has_prefix(name):
            carry = name[0]
            out.append(name)
            continue
        if name.startswith("各") or is_collective(name) or not carry:
            out.append(name)
            continue
        if opens_with_place(name) or _CARRY_BLOCK.match(name):
            out.append(name)
            continue
        if _STRONG_END.search(name) and len(name) <= 10:
            out.append(carry + name)
        else:
            out.append(name)
    return out
