"""Turn the bytes of a plain-text document into text: detect the encoding, never assume it.

Order of evidence, strongest first:

1. a byte-order mark (UTF-8, UTF-32, UTF-16; the BOM is stripped);
2. strict UTF-8 (random GBK/Big5 bytes are almost never valid UTF-8);
3. the NUL pattern of UTF-16 without a BOM (ASCII and line breaks give a zero
   byte at every other position);
4. the legacy Chinese code pages GB18030 (superset of GB2312/GBK) and Big5:
   whichever decodes strictly *and* reads like Chinese (share of common
   characters) wins;
5. a file clean in one of these encodings but for a few bad byte sequences
   (at most one per 500 bytes, and 20): those become U+FFFD and are counted;
6. charset-normalizer as a last resort.

Bytes that none of these turn into plausible text are reported as binary.

Examples
--------
>>> decode_text("一、总体要求".encode("gb18030"), "a.txt")
('一、总体要求', 'gb18030')
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from agencynet.errors import ExtractionError

_BOMS = (  # UTF-32 before UTF-16: FF FE 00 00 starts with the UTF-16 LE BOM
    (codecs.BOM_UTF8, "utf-8", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
)

# Legacy code pages tried in this order; the name reported is the first item.
_LEGACY = (("gb18030", "gb18030"), ("big5", "big5"), ("cp950", "big5"), ("big5hkscs", "big5"))

SAMPLE_BYTES = 64 * 1024  # bytes examined for NUL patterns; whole files are decoded after
PROBE_CHARS = 8192  # characters judged for plausibility
MAX_REPLACED = 20  # most undecodable byte sequences tolerated in an otherwise clean file


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode ``data`` (a text document's bytes) and name the encoding used.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        File or upload name, used in error messages.

    Returns
    -------
    (text, encoding) : tuple[str, str]
        ``text`` has any BOM removed and is otherwise the file's text unchanged
        (line breaks included), so character offsets stay simple.

    Raises
    ------
    ExtractionError
        Empty (or whitespace-only) file, or bytes that are not text in any
        supported encoding (binary data).
    """
    found = decode(data, name)
    return found.text, found.encoding


@dataclass(frozen=True)
class Decoding:
    """Decoded text, the encoding used, and how many undecodable byte sequences became U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0


def decode(data: bytes, name: str) -> Decoding:
    """Like ``decode_text``, also telling how many bad byte sequences were replaced.

    A file that is almost entirely valid in one encoding but holds a few bad
    bytes (a stray character pasted from elsewhere, a file cut off in the middle
    of a character) is read with those bytes replaced by U+FFFD, at most
    ``MAX_REPLACED`` of them and one per 500 bytes (at least 4 allowed).
    """
    if not data:
        raise ExtractionError(name, "empty file (0 bytes)")
    try:
        found = _detect(data, name)
    except _NotText as exc:
        raise ExtractionError(name, str(exc)) from None
    if not found.text.strip():
        raise ExtractionError(name, "empty file (only whitespace)")
    return found


def _detect(data: bytes, name: str) -> Decoding:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            body = data[len(bom):]
            try:
                return Decoding(body.decode(codec), label)
            except UnicodeDecodeError as exc:
                text = body.decode(codec, errors="replace")
                bad = text.count("\ufffd")
                if bad <= _limit(body):
                    return Decoding(text, label, bad)
                raise ExtractionError(name, f"starts with a {label} byte-order mark but is not valid {label} "
                                            f"(bad bytes from offset {exc.start})") from None
    utf8 = _try_utf8(data)
    if utf8 is not None and plausibility(utf8[:PROBE_CHARS]) >= 0.75:
        return Decoding(utf8, "utf-8")
    for step in (_try_utf16_without_bom, _binary, _best_legacy, _tolerant, _charset_normalizer):
        found = step(data)
        if found is not None:
            return Decoding(*found) if isinstance(found, tuple) else found
    raise ExtractionError(name, "binary or undecodable file: not UTF-8, UTF-16, GB18030/GBK or Big5 text")


def _limit(data: bytes) -> int:
    """Most bad byte sequences tolerated in ``data``: one per 500 bytes, at least 4, at most MAX_REPLACED."""
    return min(MAX_REPLACED, max(4, len(data) // 500))


class _NotText(Exception):
    """Raised inside detection when the bytes are clearly binary."""


def _binary(data: bytes) -> None:
    """NUL bytes that are not UTF-16: binary data (raises ``_NotText``)."""
    if b"\x00" in data[:SAMPLE_BYTES]:
        raise _NotText("binary file: contains NUL bytes and is not UTF-16 text")


def _try_utf8(data: bytes) -> str | None:
    """Strict UTF-8; a multi-byte character cut off at the very end is dropped."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            try:
                return data[: exc.start].decode("utf-8")
            except UnicodeDecodeError:
                return None
        return None


def _try_utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM, told apart by zero bytes and plausibility.

    ASCII characters, digits and line breaks encode as ``xx 00`` (LE) or
    ``00 xx`` (BE), so UTF-16 text almost always holds zero bytes, mostly on
    odd offsets for LE and even offsets for BE (CJK characters such as 一
    U+4E00 add a few on the other side). Both byte orders are decoded and the
    more plausible one wins; a text of CJK characters only (no zero byte at
    all) is tried too when it is not UTF-8.
    """
    sample = data[:SAMPLE_BYTES]
    if len(sample) < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    if even == odd == 0 and not (len(data) % 2 == 0 and _try_utf8(data) is None):
        return None
    order = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
    chunk = data if len(data) % 2 == 0 else data[:-1]
    best: tuple[float, str, str] | None = None
    for codec in order:
        try:
            text = chunk.decode(codec)
        except UnicodeDecodeError:
            continue
        score = plausibility(text[:PROBE_CHARS])
        if score >= 0.9 and (best is None or score > best[0]):
            best = (score, text, codec)
    return (best[1], best[2]) if best else None


def _best_legacy(data: bytes) -> tuple[str, str] | None:
    """Best strict decoding among the legacy Chinese code pages, by plausibility."""
    best: tuple[float, int, str, str] | None = None
    seen: set[str] = set()
    for rank, (codec, label) in enumerate(_LEGACY):
        if label in seen:
            continue
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        seen.add(label)
        score = plausibility(text[:PROBE_CHARS])
        if score < 0.9:
            continue
        key = (score, -rank)
        if best is None or key > best[:2]:
            best = (score, -rank, text, label)
    return (best[2], best[3]) if best else None


def _tolerant(data: bytes) -> Decoding | None:
    """The encoding in which only a handful of byte sequences fail, with those replaced."""
    limit = _limit(data)
    best: tuple[int, float, int, Decoding] | None = None
    for rank, (codec, label) in enumerate((("utf-8", "utf-8"),) + _LEGACY):
        text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        if bad > limit:
            continue
        score = plausibility(text[:PROBE_CHARS])
        if score < 0.9:
            continue
        key = (-bad, score, -rank)
        if best is None or key > best[:3]:
            best = (*key, Decoding(text, label, bad))
    return best[3] if best else None


def _charset_normalizer(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes

        match = from_bytes(data[: SAMPLE_BYTES * 4]).best()
        if match is None:
            return None
        text = data.decode(match.encoding)
    except Exception:  # noqa: BLE001 - a failed guess is just "no answer"
        return None
    if plausibility(text[:PROBE_CHARS]) < 0.95:
        return None
    return text, match.encoding


@lru_cache(maxsize=1)
def _common_hanzi() -> frozenset[str]:
    """The most frequent Chinese characters, simplified and traditional.

    GB2312 level 1 (rows B0-D7) holds the 3,755 most common simplified
    characters; Big5 rows A4-C6 hold the 5,401 common traditional ones. Text
    decoded with the wrong code page is dominated by rarer characters.
    """
    chars: set[str] = set()
    for codec, rows, trails in (("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
                                ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)])):
        for lead in rows:
            for trail in trails:
                try:
                    chars.add(bytes((lead, trail)).decode(codec))
                except UnicodeDecodeError:
                    pass
    return frozenset(chars)


_WORTHLESS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af\ud800-\uf8ff\x00-\x08\x0e-\x1f\x7f-\x9f]+")


@lru_cache(maxsize=1)
def _ordinary() -> re.Pattern:
    """One character class of everything that plainly counts as good text (C-speed counting)."""
    common = "".join(sorted(_common_hanzi()))
    return re.compile("[\t\n\r\f\v\x20-\x7e\xa0\u2000-\u206f\u3000-\u303f\uff00-\uffef" + common + "]+")


def plausibility(text: str) -> float:
    """Share (0..1) of characters that ordinary Chinese or Western text is made of.

    Counts ASCII printables, whitespace, common Chinese characters, CJK and
    full-width punctuation, Latin letters and symbols; control characters,
    private-use and unassigned code points and rare Chinese characters count
    against the text.

    Examples
    --------
    >>> plausibility("一、总体要求") == 1.0
    True
    """
    if not text:
        return 0.0
    rest = _ordinary().sub("", text)
    good = float(len(text) - len(rest))
    rest = _WORTHLESS.sub("", rest)  # rare ideographs, Hangul, private use, surrogates: count 0
    for ch in rest:
        o = ord(ch)
        cat = unicodedata.category(ch)
        if cat in ("Co", "Cn", "Cc", "Cs") or 0x3400 <= o <= 0x4DBF or 0x4E00 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF:
            continue  # control, private use, unassigned, rare ideographs
        if cat[0] in "LNPSZ" and o < 0x2E80:  # Latin, Greek, symbols, numbers, spaces
            good += 1
        else:
            good += 0.5
    return good / len(text)
