"""Plan facts: title, issuer, document number, date, jurisdiction, level, parent, lead convention.

Everything is read from the matching form (``loaders.text``) and quoted from the
source, so names keep their script. Facts that cannot be found are None and
reported in the returned warnings, never guessed silently.

Where facts come from, in order of trust:

- title: the 《…》 a covering notice says it issues (``《X》已经市政府同意``), confirmed by or
  else taken from a stand-alone title line before the first heading (two lines joined
  when the title is split); the plan named in ``关于印发X的通知``; else None.
- issuer: the signature block (a body's name followed by a date line); the ``X关于…``
  of the covering notice or the title; the page's 发布机构 field. Joint issuers
  (``中共X县委`` / ``X县人民政府`` on lines of their own, or on one line apart by spaces)
  are all kept, in the order written, in ``issuers``; ``issuer`` is the government's
  (人民政府, 管委会 …: the body whose place is the plan's jurisdiction), else the last.
- date: the signature date; the date beside the 文号; the page's 成文/生成/发布 date.
- doc number: the page's 文号 field; a 〔year〕N号 before the first heading that is not
  a citation (not right after 》).
- jurisdiction: the place opening the title or issuer; else, for a text that calls
  itself 我区/我县/我市, the place it names most. Level from its suffix, and for a 市
  outside the gazetteer from the front matter's evidence (``loaders.places.settle_level``);
  parent from the places the text names (``loaders.places``).
- lead convention: the first 列第一位的为牵头单位-style declaration, in a clause or in a
  preamble sentence before the first heading.
- title: a line holding a signature's body or date never opens the title.
"""

from __future__ import annotations

import re

from loaders.declarations import find_declaration
from loaders.places import level_of, parent_of, place_from, self_named_place, settle_level

PLAN_KIND = r"(?:行动计划|计划|实施方案|工作方案|方案|实施意见|意见|规划|办法|细则|要点|纲要|措施|决定|通知|任务分工)"
_TITLE_END = re.compile(PLAN_KIND + r"(?:\([^()]{2,20}\))?$")
_NOTICE_BOOK = re.compile(r"《([^《》\n]{4,80})》\s*(?:已经|已|经|印发给|印发)|现将《([^《》\n]{4,80})》")
_NOTICE = re.compile(r"关于印发(?:《)?([^\n《》]{4,80}?)(?:》)?的通知")
_ISSUER_OF = re.compile(r"^((?:[\u4e00-\u9fff]{2,30}?[ \t、]+){0,3}[\u4e00-\u9fff]{2,30}?)(?:关于)")
_BODY_NAME = re.compile(r"^[\u4e00-\u9fff()]{2,30}(?:人民政府|政府|办公室|办公厅|管委会|管理委员会|委员会|常委会|政协|人民法院|人民检察院|局|厅|委|办|部|中心)$")
_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_ISO = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_CN_DATE = re.compile(r"([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日")
_META_DATE = re.compile(r"(成文日期|生成日期|印发日期|发文日期|发布日期|发布时间|公开日期)\s*:\s*")
_META_ISSUER = re.compile(r"(?:发布机构|发文机关|发文单位|发布单位|制发机关)\s*:\s*([^\s:]{2,30})")
_META_DOCNO = re.compile(r"文\s*号\s*:\s*([^\s:]{4,30}号)")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,8}[〔\[(【]\s*\d{4}\s*[〕\])】]\s*第?\s*\d{1,4}\s*号")



def _date_text(y: str, m: str, d: str) -> str | None:
    try:
        yi, mi, di = int(y), int(m), int(d)
    except ValueError:
        return None
    if 1949 < yi < 2100 and 1 <= mi <= 12 and 1 <= di <= 31:
        return f"{yi:04d}-{mi:02d}-{di:02d}"
    return None


def _cn_number(s: str) -> int:
    digits = {c: i for i, c in enumerate("〇一二三四五六七八九")}
    digits.update({"○": 0, "零": 0})
    if "十" in s:
        left, _, right = s.partition("十")
        return (digits.get(left, 1) if left else 1) * 10 + (digits.get(right, 0) if right else 0)
    return int("".join(str(digits.get(c, 0)) for c in s))


def parse_date(text: str) -> str | None:
    """First date in ``text`` as YYYY-MM-DD (2017年7月4日, 2017-07-04, 二〇一七年七月四日)."""
    for rx in (_DATE, _ISO):
        m = rx.search(text)
        if m:
            return _date_text(*m.groups())
    m = _CN_DATE.search(text)
    if m:
        y = "".join(str(_cn_number(c)) for c in m.group(1))
        return _date_text(y, str(_cn_number(m.group(2))), str(_cn_number(m.group(3))))
    return None


def _is_date_line(s: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)\s*", s))


def find_facts(match: str, source: str, lines: list[tuple[int, int]], front_end: int, body_end: int) -> tuple[dict, list[str]]:
    """Plan facts of one document.

    Parameters
    ----------
    match, source : str
        The matching form and the decoded source (same length).
    lines : list of (int, int)
        Non-blank line spans (``loaders.outline.Outline.lines``).
    front_end : int
        Index in ``lines`` of the first outline heading of the main text.
    body_end : int
        Offset where the document body ends (footer noise excluded).

    Returns
    -------
    (facts, warnings)
        ``facts`` has title, issuer, doc_number, date, jurisdiction, level,
        parent_jurisdiction, lead_convention; each None when not found.
    """
    warnings: list[str] = []
    body_lines = [(a, b) for a, b in lines if a < body_end]
    front = body_lines[:front_end]
    facts: dict = {}
    title = _title(match, front)
    facts["title"] = re.sub(r"\s*\n\s*", "", source[title[0]:title[1]]) if title else None
    sig_issuers, sig_date = _signature(match, body_lines)
    meta = _meta(match, front, _META_ISSUER)
    issuers = sig_issuers or _issuers_from_heading(match, front) or ([meta] if meta else [])
    issuer = _government(match, issuers)
    facts["issuer"] = source[issuer[0]:issuer[1]] if issuer else None
    facts["issuers"] = [source[a:b] for a, b in issuers]
    doc = _meta(match, front, _META_DOCNO) or _doc_number(match, front)
    facts["doc_number"] = re.sub(r"\s+", "", source[doc[0]:doc[1]]) if doc else None
    date = sig_date or _date_by_docno(match, front, doc) or _meta_date(match, front)
    facts["date"] = date
    decl = None
    if "第一" in match or "首位" in match:  # in a clause, a note, or a preamble sentence before the headings
        dm = find_declaration(match, 0, body_end)
        decl = (dm.start(), dm.end()) if dm else None
    facts["lead_convention"] = source[decl[0]:decl[1]] if decl else None
    place = place_from(match, title) or place_from(match, issuer)
    inferred = False
    if place is None:
        place = self_named_place(match, body_end)
        inferred = place is not None
    facts["jurisdiction"] = source[place[0]:place[1]] if place else None
    jur_match = match[place[0]:place[1]] if place else None
    # Parent cues (cited documents, the upper level's name) sit in the front matter and preamble.
    cue_end = body_lines[min(front_end, len(body_lines) - 1)][1] if body_lines else 0
    facts["level"] = settle_level(jur_match, level_of(jur_match), match[:cue_end]) if jur_match else None
    cue_text = match[:max(cue_end + 1500, 6000)]
    facts["parent_jurisdiction"] = parent_of(cue_text, jur_match, facts["level"]) if jur_match else None
    if inferred:
        warnings.append(f"jurisdiction {facts['jurisdiction']} inferred from the places the text names (no title or issuer found)")
    for key in ("title", "issuer", "doc_number", "date", "jurisdiction", "level", "parent_jurisdiction"):
        if facts[key] is None:
            warnings.append(f"{key} not found")
    return facts, warnings


def _clean(match: str, a: int, b: int) -> tuple[int, int]:
    while a < b and match[a] in " \t《":
        a += 1
    while b > a and match[b - 1] in " \t》":
        b -= 1
    return a, b


_YEARS_LINE = re.compile(r"\s*[(\[〔]\s*\d{4}\s*年?\s*[-—–~～至到]+\s*\d{4}\s*年?\s*[)\]〕]\s*$")
_NOT_TITLE = re.compile(r"[>:|]|首页|位置|印发|^《|。")


def _title(match: str, front: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in front:
        m = _NOTICE_BOOK.search(match, a, b)
        if m:
            g = 1 if m.group(1) else 2
            return m.start(g), m.end(g)
    for i, (a, b) in enumerate(front):
        line = match[a:b]
        if len(line) > 60 or _NOT_TITLE.search(line) or " " in line.strip() or _is_date_line(line) or _BODY_NAME.match(line):
            continue  # a signature's body or date line never opens a title
        last = i
        if not _TITLE_END.search(line):
            if i + 1 >= len(front):
                continue
            na, nb = front[i + 1]
            joined = line + match[na:nb]
            if not _TITLE_END.search(joined) or len(joined) > 60 or _NOT_TITLE.search(match[na:nb]):
                continue
            last = i + 1
        end = front[last][1]
        if last + 1 < len(front) and _YEARS_LINE.match(match, *front[last + 1]):
            end = front[last + 1][1]  # 行动计划 / (2018—2020年) on the next line
        return a, end
    for a, b in front:
        m = _NOTICE.search(match, a, b)
        if m:
            return _clean(match, m.start(1), m.end(1))
    return None


_GAP = re.compile(r"[ \t]+")
_GOVERNMENT = re.compile(r"政府|管委会|管理委员会|管委|行政公署")
_ISSUER_END = re.compile(r"(?:政府|办公室|办公厅|委员会|管委会|局|厅|委|办)$")


def _bodies(match: str, a: int, b: int) -> list[tuple[int, int]]:
    """The line ``match[a:b]`` as one or more bodies' names apart by spaces, else ``[]``."""
    while a < b and match[a] in " \t":
        a += 1
    while b > a and match[b - 1] in " \t":
        b -= 1
    pieces, pos = [], a
    for m in _GAP.finditer(match, a, b):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, b))
    if len(pieces) > 4 or not all(_BODY_NAME.match(match[s:e]) and match[s] != "各" for s, e in pieces):
        return []
    return pieces


def _government(match: str, issuers: list[tuple[int, int]]) -> tuple[int, int] | None:
    """Of joint issuers, the government's (中共X县委 + X县人民政府 → X县人民政府), else the last."""
    for a, b in issuers:
        if _GOVERNMENT.search(match, a, b):
            return a, b
    return issuers[-1] if issuers else None


def _signature(match: str, lines: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], str | None]:
    """Issuers and date of the signature block: bodies' names on the lines above a date line."""
    for i in range(len(lines) - 1):
        na, nb = lines[i + 1]
        if not _is_date_line(match[na:nb]):
            continue
        bodies = _bodies(match, *lines[i])
        if bodies:
            k = i - 1
            while k >= 0 and len(bodies) < 4:  # 中共X县委 / X县人民政府: one issuer a line
                above = _bodies(match, *lines[k])
                if not above:
                    break
                bodies, k = above + bodies, k - 1
            return bodies, parse_date(match[na:nb])
    for a, b in lines:
        if _is_date_line(match[a:b]):
            return [], parse_date(match[a:b])
    return [], None


def _issuers_from_heading(match: str, front: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``X关于印发…`` (several X apart by spaces or 、), or a line of bodies over a ``关于…`` line."""
    for n, (a, b) in enumerate(front[:12]):
        m = _ISSUER_OF.match(match[a:b])
        if m:
            names = [(a + p.start(), a + p.end()) for p in re.finditer(r"[^ \t、]+", m.group(1))]
            if names and all(_ISSUER_END.search(match[s:e]) for s, e in names):
                return names
        elif n + 1 < len(front) and match[front[n + 1][0]:front[n + 1][1]].lstrip().startswith("关于"):
            bodies = _bodies(match, a, b)
            if bodies:
                return bodies
    return []


def _meta(match: str, front: list[tuple[int, int]], rx: re.Pattern) -> tuple[int, int] | None:
    for a, b in front:
        m = rx.search(match, a, b)
        if m:
            return m.start(1), m.end(1)
    return None


def _doc_number(match: str, front: list[tuple[int, int]]) -> tuple[int, int] | None:
    for a, b in front:
        for m in DOC_NUMBER.finditer(match, a, b):
            before = match[max(a, m.start() - 2):m.start()]
            if "》" not in before:
                return m.start(), m.end()
    return None


def _date_by_docno(match: str, front, doc) -> str | None:
    if not doc:
        return None
    return parse_date(match[doc[1]:doc[1] + 20])


_META_ORDER = ("成文日期", "印发日期", "发文日期", "生成日期", "公开日期", "发布日期", "发布时间")


def _meta_date(match: str, front: list[tuple[int, int]]) -> str | None:
    """The page's date fields, the document's own (成文日期) before the page's (发布日期)."""
    found: dict[str, str] = {}
    for a, b in front:
        for m in _META_DATE.finditer(match, a, b):
            date = parse_date(match[m.end():min(b, m.end() + 24)])
            if date:
                found.setdefault(m.group(1), date)
    return next((found[k] for k in _META_ORDER if k in found), None)
