"""What counts as page furniture on a government web page, and removing it.

Generic rules only (no site is named here): scripts, styles, form controls,
``<nav>``, page-level ``<header>``/``<footer>``/``<aside>``, hidden elements,
elements whose class or id says navigation, menu, breadcrumb, share buttons,
sidebar, search, copyright, QR code, related links..., and short blocks that
read as a breadcrumb (当前位置: ...), a share bar (分享到) or print/close links
(打印本页, 关闭窗口). A safeguard keeps any element holding a large share of the
page's text, so a mislabelled wrapper cannot take the document with it.
"""

from __future__ import annotations

import re

from lxml import etree

DROP_TAGS = ("script", "style", "noscript", "template", "iframe", "frame", "frameset", "object", "embed", "svg",
             "canvas", "nav", "button", "select", "input", "textarea", "head", "map", "audio", "video")
PAGE_PARTS = ("header", "footer", "aside")  # dropped unless inside <article>/<main>
NOISE_WORDS = frozenset(
    "nav navbar navigation menu menubar submenu breadcrumb breadcrumbs crumb crumbs bread share sharebar bshare "
    "jiathis bdshare bdsharebuttonbox social sns sidebar toolbar copyright search searchbox login qrcode ewm "
    "gotop backtop totop skip friendlink friendlinks fenxiang dqwz weizhi location print related xgwz xgxx".split()
)
WHOLE_NOISE = frozenset("header head top foot footer bottom banner".split())  # only as the full class/id
LOCATION = re.compile(r"^\s*(?:当前位置|您当前的位置|您现在的位置|您的位置|当前所在位置|所在位置|您所在的位置|位置)\s*[:：]")
SHORT_NOISE = re.compile(r"分享到|打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|字号\s*[:：]?\s*[【\[]?\s*大|扫一扫在手机")
KEEP_SHARE = 0.3  # never drop an element holding more than this share of the page's text
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def text_of(el) -> str:
    """All text inside ``el``."""
    return "".join(el.itertext())


def drop_noise(body) -> None:
    """Remove page furniture from ``body`` in place (see the module docstring)."""
    for el in list(body.iter(*DROP_TAGS)):
        _remove(el)
    for el in list(body.iter(etree.Comment, etree.ProcessingInstruction)):
        _remove(el)
    total = max(1, len(text_of(body)))
    for el in list(body.iter(*PAGE_PARTS)):
        if not any(a.tag in ("article", "main") for a in el.iterancestors()):
            _remove_unless_large(el, total)
    for el in list(body.iter()):
        if el.getparent() is None or not isinstance(el.tag, str):
            continue
        if el.get("hidden") is not None or _HIDDEN.search(el.get("style", "")) or _noise_name(el):
            _remove_unless_large(el, total)
    for el in list(body.iter()):
        if el.getparent() is None or not isinstance(el.tag, str) or el.tag in ("body", "html"):
            continue
        text = _short_text(el, 100)
        if text is not None and (LOCATION.match(text) or (len(text) <= 60 and SHORT_NOISE.search(text))):
            _remove(el)


def _short_text(el, limit: int) -> str | None:
    """``el``'s text when it is at most ``limit`` characters, else None (stops reading early)."""
    parts: list[str] = []
    size = 0
    for piece in el.itertext():
        size += len(piece)
        if size > limit:
            return None
        parts.append(piece)
    return "".join(parts)


def _noise_name(el) -> bool:
    for attr in ("class", "id"):
        value = (el.get(attr) or "").strip().lower()
        if not value:
            continue
        if value in WHOLE_NOISE:
            return True
        if NOISE_WORDS.intersection(re.split(r"[\s_\-]+", value)):
            return True
    return False


def _remove_unless_large(el, total: int) -> None:
    if el.getparent() is not None and len(text_of(el)) <= KEEP_SHARE * total:
        _remove(el)


def _remove(el) -> None:
    """Remove ``el`` but keep its tail text (which belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    prev = el.getprevious()
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
