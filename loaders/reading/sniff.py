"""Recognise a file's format from its first bytes (magic numbers), whatever its name says.

Examples
--------
>>> sniff(b"%PDF-1.4 ...").format
'pdf'
>>> sniff("一、总体要求".encode("utf-8")).format is None
True
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass

_HTML_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
                         re.I | re.S)

# (signature, description, hint) for formats recognised but not read.
_UNSUPPORTED = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office file (.doc/.xls/.wps)", " (save it as .docx)"),
    (b"{\\rtf", "an RTF document", " (save it as .docx)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image", " (an image has no text layer: OCR it first)"),
    (b"\xff\xd8\xff", "a JPEG image", " (an image has no text layer: OCR it first)"),
    (b"GIF87a", "a GIF image", ""),
    (b"GIF89a", "a GIF image", ""),
    (b"II*\x00", "a TIFF image", " (an image has no text layer: OCR it first)"),
    (b"MM\x00*", "a TIFF image", " (an image has no text layer: OCR it first)"),
    (b"BM", "a BMP image", " (an image has no text layer: OCR it first)"),  # only with a plausible header
    (b"\x1f\x8b", "a gzip archive", " (unpack it first)"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", " (unpack it first)"),
    (b"Rar!\x1a\x07", "a RAR archive", " (unpack it first)"),
    (b"\x7fELF", "an executable (ELF)", ""),
    (b"MZ", "a Windows executable", ""),  # only with a PE header, see below
    (b"SQLite format 3\x00", "an SQLite database", ""),
)


@dataclass(frozen=True)
class Sniffed:
    """What the first bytes say: ``format`` None means "no binary signature" (text)."""

    format: str | None = None
    supported: bool = False
    hint: str = ""
    looks_html: bool = False


def sniff(data: bytes) -> Sniffed:
    """Identify ``data`` by signature; text gets ``format=None`` and ``looks_html``."""
    head = data[:1024]
    if head.lstrip().startswith(b"%PDF-") or (b"%PDF-" in head and b"%%EOF" in data[-2048:]):
        return Sniffed("pdf", True)  # the header may follow some junk, as long as the file ends like a PDF
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    for sig, what, hint in _UNSUPPORTED:
        if head.startswith(sig):
            if sig == b"BM" and not (len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00"):
                continue
            if sig == b"MZ" and b"PE\x00\x00" not in data[:4096] and b"This program" not in head:
                continue
            return Sniffed(what, False, hint)
    return Sniffed(None, False, "", bool(_HTML_START.match(head)))


def _zip_kind(data: bytes) -> Sniffed:
    """A ZIP container: DOCX when it holds word/document.xml; other kinds are named."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return Sniffed("docx", True)  # let the DOCX reader report the corruption
    if "word/document.xml" in names:
        return Sniffed("docx", True)
    if any(n.startswith("xl/") for n in names):
        return Sniffed("an Excel workbook (.xlsx)", False, " (save the sheet as .html, or the document as .docx)")
    if any(n.startswith("ppt/") for n in names):
        return Sniffed("a PowerPoint file (.pptx)", False, "")
    if "mimetype" in names or "content.xml" in names:
        return Sniffed("an OpenDocument file (.odt/.ods)", False, " (save it as .docx)")
    if "[Content_Types].xml" in names:
        return Sniffed("docx", True)  # a Word package with an unusual main part: the reader says what is missing
    return Sniffed("a ZIP archive", False, " (unpack it first)")
