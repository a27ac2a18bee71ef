"""Offset-preserving text forms for matching.

Every later stage searches a *matching form* of the decoded text and reports
offsets that are valid in the source, so each form here keeps the length of
its input exactly: one character in, one character out.

- ``normalise``: full-width ASCII forms, full-width brackets and the ideographic
  space mapped to their half-width twins (（→(, ：→:, ，→,, ；→;, ［→[ ...).
- ``to_simplified``: traditional → simplified script (OpenCC ``t2s``), used for
  matching only; records keep the source script.
- ``detect_script``: ``"traditional"`` or ``"simplified"``.
- ``blank_tags``: stray HTML (tags, scripts, comments, ``&nbsp;``) left in a text
  file blanked to spaces, so the words around and between tags stay and every
  offset still points at the same character of the decoded text.

Examples
--------
>>> normalise("（责任单位：市发改委）")
'(责任单位:市发改委)'
>>> to_simplified("責任單位")
'责任单位'
>>> blank_tags("1.推进<b>标准化</b>。")
'1.推进   标准化    。'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_TABLE.update({0x3000: 0x20, 0x00A0: 0x20, 0xFE50: ord(","), 0xFE51: ord("、"), 0xFE54: ord(";"),
               0xFE55: ord(":"), 0xFE59: ord("("), 0xFE5A: ord(")"), 0x2236: ord(":"),
               0xFF64: ord("、"), 0x3001: ord("、")})


def normalise(text: str) -> str:
    """Map full-width and compatibility punctuation to half-width, one char per char.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    str
        The same text with equivalent punctuation unified; ``len`` unchanged.
    """
    if not _WIDE.search(text):
        return text
    return _WIDE.sub(_swap, text)


_CHARS = {chr(k): chr(v) for k, v in _TABLE.items()}
_WIDE = re.compile("[" + "".join(re.escape(c) for c in _CHARS) + "]")


def _swap(m: re.Match) -> str:
    return _CHARS[m.group()]


_TAG = re.compile(
    r"<(script|style)\b[^>]*>.*?</\1\s*>"       # a script or style block, contents and all
    r"|<!--.*?-->"                               # a comment
    r"|</?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>]{0,400})?/?>"  # a tag; its attributes never hold < or >
    r"|&(?:nbsp|ensp|emsp|#160|#12288);",
    re.S | re.I,
)


def blank_tags(text: str) -> str:
    """Stray HTML left in a text file, blanked to spaces (line breaks kept; ``len`` unchanged).

    Only markup goes: the text between tags (``<span>新增企业5家</span>``) stays,
    so a numbered item holding a tag is kept, not dropped. ``<`` followed by
    anything but a tag name (``a<b``, ``≤``, ``<<条例>>``) is left alone.

    Parameters
    ----------
    text : str
        Decoded document text.

    Returns
    -------
    str
        ``text`` with markup replaced by spaces.
    """
    if "<" not in text and "&" not in text:
        return text
    return _TAG.sub(_blank, text)


def _blank(m: re.Match) -> str:
    found = m.group()
    if "\n" not in found:
        return " " * len(found)
    return "\n".join(" " * len(part) for part in found.split("\n"))


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → simplified script, keeping the length of ``text``.

    OpenCC converts phrase by phrase; when a phrase changes length the line it
    sits in is converted character by character instead, so offsets still hold.
    """
    conv = _converter()
    out = conv.convert(text)
    if len(out) == len(text):
        return out
    parts = []
    for line in text.splitlines(keepends=True):
        done = conv.convert(line)
        if len(done) != len(line):
            done = "".join(c if len(c) == 1 else ch for ch, c in ((ch, conv.convert(ch)) for ch in line))
        parts.append(done)
    return "".join(parts)


def detect_script(text: str, sample: int = 4000) -> str:
    """``"traditional"`` when a noticeable share of the CJK characters are traditional forms.

    Looks at the first ``sample`` characters: a character counts as traditional
    when OpenCC ``t2s`` changes it.
    """
    head = text[:sample]
    converted = _converter().convert(head)
    if converted == head or len(converted) != len(head):
        return "simplified" if converted == head else _slow_script(head)
    head, converted = head[:1500], converted[:1500]
    cjk = len(_CJK.findall(head))
    changed = sum(map(str.__ne__, head, converted))
    return "traditional" if changed >= max(3, cjk * 0.02) else "simplified"


_CJK = re.compile(r"[\u4e00-\u9fff]")


def _slow_script(head: str) -> str:
    conv = _converter()
    cjk = len(_CJK.findall(head))
    changed = sum(1 for ch in set(head) if conv.convert(ch) != ch for _ in range(head.count(ch)))
    return "traditional" if changed >= max(3, cjk * 0.02) else "simplified"


@dataclass(frozen=True)
class Prepared:
    """The three aligned forms of one document.

    Attributes
    ----------
    source : str
        The decoded text (offsets point here; records quote it).
    match : str
        ``normalise`` + (for traditional script) ``to_simplified`` of ``source``;
        same length, used by every pattern.
    script : str
        ``"simplified"`` or ``"traditional"``.
    """

    source: str
    match: str
    script: str


def prepare(source: str) -> Prepared:
    """Build the matching form of ``source`` (see ``Prepared``)."""
    script = detect_script(source)
    match = normalise(source)
    if script == "traditional":
        match = to_simplified(match)
    return Prepared(source=source, match=match, script=script)


def simplified(name: str) -> str:
    """Simplified-script form of a short name (unit, title) for matching."""
    return _converter().convert(name)


def simplified_all(names: list[str]) -> list[str]:
    """``simplified`` of many names in one OpenCC call."""
    if not names:
        return []
    out = _converter().convert("\n".join(names)).split("\n")
    return out if len(out) == len(names) else [simplified(n) for n in names]
