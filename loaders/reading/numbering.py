"""Word's automatic list numbering, rendered as text ("一、", "（一）", "1.", "①").

Word stores list numbers as instructions (``w:numPr`` on a paragraph, formats
in ``numbering.xml``), not as text. Policy documents numbered this way would
lose their outline, so the numbers are regenerated here: counters per list
(``numId``) and level, deeper levels restarting when a shallower one moves on.

Examples
--------
>>> format_number(12, "chineseCounting"), format_number(3, "decimalEnclosedCircle")
('十二', '③')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DIGITS = "〇一二三四五六七八九"
_LEGAL = "零壹贰叁肆伍陆柒捌玖"
_TIANGAN = "甲乙丙丁戊己庚辛壬癸"
_PLACEHOLDER = re.compile(r"%([1-9])")


def _chinese(n: int, digits: str = _DIGITS, ten: str = "十") -> str:
    if n <= 0:
        return str(n)
    if n < 10:
        return digits[n]
    if n < 20:
        return ten + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + ten + (digits[n % 10] if n % 10 else "")
    return "".join(_DIGITS[int(d)] for d in str(n))


def _roman(n: int) -> str:
    out = []
    for value, sym in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                       (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def _letter(n: int) -> str:
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def format_number(n: int, fmt: str) -> str:
    """One counter value in a Word number format (unknown formats fall back to decimal)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand",
               "japaneseCounting"):
        return _chinese(n)
    if fmt in ("ideographDigital", "taiwaneseDigital"):
        return "".join(_DIGITS[int(d)] for d in str(n))
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL, "拾")
    if fmt in ("ideographTraditional",) and 1 <= n <= 10:
        return _TIANGAN[n - 1]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= 20:
        return chr(0x2460 + n - 1)
    if fmt in ("decimalEnclosedParen",) and 1 <= n <= 20:
        return chr(0x2474 + n - 1)
    if fmt == "decimalFullWidth":
        return "".join(chr(0xFF10 + int(d)) for d in str(n))
    if fmt == "lowerLetter":
        return _letter(n).lower()
    if fmt == "upperLetter":
        return _letter(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


@dataclass
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


@dataclass
class Numbering:
    """List definitions of one document and the running counters."""

    levels: dict[str, dict[int, _Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    style_num: dict[str, tuple[str, int]] = field(default_factory=dict)  # styleId -> (numId, ilvl)
    counters: dict[str, dict[int, int]] = field(default_factory=dict)

    @classmethod
    def from_document(cls, document) -> "Numbering":
        """Read ``numbering.xml`` and paragraph styles; an absent or odd part means no numbering."""
        try:
            root = document.part.numbering_part.element
        except Exception:  # noqa: BLE001 - no numbering part (python-docx raises NotImplementedError/KeyError)
            return cls()
        abstract: dict[str, dict[int, _Level]] = {}
        for an in root.iterchildren(W + "abstractNum"):
            abstract[an.get(W + "abstractNumId")] = {
                _int(lvl.get(W + "ilvl"), 0): _read_level(lvl) for lvl in an.iterchildren(W + "lvl")
            }
        levels: dict[str, dict[int, _Level]] = {}
        for num in root.iterchildren(W + "num"):
            ref = num.find(W + "abstractNumId")
            base = dict(abstract.get(ref.get(W + "val") if ref is not None else "", {}))
            for ov in num.iterchildren(W + "lvlOverride"):
                ilvl = _int(ov.get(W + "ilvl"), 0)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    base[ilvl] = _read_level(lvl)
                so = ov.find(W + "startOverride")
                if so is not None and ilvl in base:
                    old = base[ilvl]
                    base[ilvl] = _Level(old.fmt, old.text, _int(so.get(W + "val"), 1))
            levels[num.get(W + "numId")] = base
        style_num: dict[str, tuple[str, int]] = {}
        try:
            styles = document.styles.element
            for st in styles.iterchildren(W + "style"):
                num_pr = st.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    num_id, ilvl = _num_pr(num_pr)
                    if num_id:
                        style_num[st.get(W + "styleId")] = (num_id, ilvl)
        except Exception:  # noqa: BLE001 - styles are optional
            pass
        return cls(levels, style_num)

    def label(self, p) -> str:
        """The number text for paragraph ``p`` ("" when it is not in a list), advancing counters."""
        ppr = p.find(W + "pPr")
        num_id, ilvl = None, 0
        if ppr is not None:
            num_pr = ppr.find(W + "numPr")
            if num_pr is not None:
                num_id, ilvl = _num_pr(num_pr)
            elif (style := ppr.find(W + "pStyle")) is not None and style.get(W + "val") in self.style_num:
                num_id, ilvl = self.style_num[style.get(W + "val")]
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        defs = self.levels[num_id]
        level = defs.get(ilvl)
        if level is None or level.fmt in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]

        def value(match: re.Match) -> str:
            k = int(match.group(1)) - 1
            lv = defs.get(k, _Level())
            return format_number(counts.get(k, lv.start), lv.fmt)

        return _PLACEHOLDER.sub(value, level.text)


def _read_level(lvl) -> _Level:
    fmt = lvl.find(W + "numFmt")
    text = lvl.find(W + "lvlText")
    start = lvl.find(W + "start")
    return _Level(
        fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
        text.get(W + "val", "") if text is not None else "",
        _int(start.get(W + "val"), 1) if start is not None else 1,
    )


def _num_pr(num_pr) -> tuple[str | None, int]:
    nid = num_pr.find(W + "numId")
    lvl = num_pr.find(W + "ilvl")
    return (nid.get(W + "val") if nid is not None else None, _int(lvl.get(W + "val"), 0) if lvl is not None else 0)


def _int(value, default: int) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return default
