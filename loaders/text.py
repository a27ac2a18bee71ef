"""Offset-preserving text forms for matching.

Every later stage searches a *matching form* of the decoded text and reports
offsets that are valid in the source, so each form here keeps the length of
its input exactly: one character in, one character out.

- ``normalise``: full-width ASCII forms, full-width brackets and the ideographic
  space mapped to their half-width twins (（→(, ：→:, ，→,, ；→;, ［→[ ...).
- ``to_simplified``: traditional → simplified script (OpenCC ``t2s``), used for
  matching only; records keep the source script.
- ``detect_script``: ``"traditional"`` or ``"simplified"``.

Examples
--------
>>> normalise("（责任单位：市发改委）")
'(责任单位:市发改委)'
>>> to_simplified("責任單位")
'责任单位'
"""

from __future__ import annotations

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
    return text.translate(_TABLE)


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
    cjk = sum(1 for ch in head if "\u4e00" <= ch <= "\u9fff")
    if not cjk:
        return "simplified"
    changed = sum(1 for a, b in zip(head, _converter().convert(head)) if a != b)
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
