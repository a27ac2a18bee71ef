"""Reading documents: bytes of a .txt, .html/.htm, .docx or .pdf file in, decoded text out.

``read_document(data, name)`` is the one entry point the parser calls. The
format is chosen by the file's suffix and checked against its content (magic
bytes): an unambiguous binary signature (PDF, ZIP/DOCX) wins over a wrong
suffix, a known unsupported signature (legacy .doc, images, archives) is
refused, and a file without a suffix is sniffed. Every failure is an
``ExtractionError`` (or its subclass ``UnsupportedFormat``) naming the file and
the reason; no library exception escapes.

Examples
--------
>>> doc = read_document("一、总体要求".encode("gb18030"), "plan.txt")
>>> doc.text, doc.format, doc.encoding
('一、总体要求', 'txt', 'gb18030')
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath

from agencynet.errors import ExtractionError, UnsupportedFormat
from loaders.reading.decode import Decoding, decode
from loaders.reading.failures import describe
from loaders.reading.sniff import sniff

SUPPORTED_SUFFIXES = (".txt", ".htm", ".html", ".docx", ".pdf")
FORMATS = ("txt", "html", "docx", "pdf")

_BY_SUFFIX = {".txt": "txt", ".text": "txt", ".htm": "html", ".html": "html", ".xhtml": "html",
              ".shtml": "html", ".docx": "docx", ".pdf": "pdf"}


@dataclass(frozen=True)
class DecodedText:
    """A document's text, as every later stage sees it.

    Attributes
    ----------
    text : str
        The decoded text; all character offsets (spans) point into it.
    format : str
        ``"txt"``, ``"html"``, ``"docx"`` or ``"pdf"``: how the text was read.
    encoding : str or None
        Character encoding detected for txt/html; None for docx/pdf.
    notes : tuple of str
        Things worth a warning that did not stop the reading (e.g. a few
        undecodable bytes replaced by U+FFFD).
    """

    text: str
    format: str
    encoding: str | None = None
    notes: tuple[str, ...] = ()


def read_document(data: bytes, name: str) -> DecodedText:
    """Read one document's bytes into text.

    Parameters
    ----------
    data : bytes
        The file's content.
    name : str
        The file (or upload) name; its suffix chooses the reader and it names
        the file in errors.

    Raises
    ------
    UnsupportedFormat
        Suffix or content of a format agencynet does not read.
    ExtractionError
        Empty, binary/undecodable, corrupt, or a PDF without a text layer.
    """
    fmt = choose_format(data, name)
    try:
        if fmt == "txt":
            found = decode(data, name)
            return DecodedText(found.text, "txt", found.encoding, _notes(found))
        if fmt == "html":
            from loaders.reading.html import read_html_decoding

            found = read_html_decoding(data, name)
            return DecodedText(found.text, "html", found.encoding, _notes(found))
        if fmt == "docx":
            from loaders.reading.docx import read_docx

            return DecodedText(read_docx(data, name), "docx", None)
        from loaders.reading.pdf import read_pdf

        return DecodedText(read_pdf(data, name), "pdf", None)
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - never let a library exception escape
        raise ExtractionError(name, f"could not read as {fmt}: {describe(exc)}") from None


def _notes(found: Decoding) -> tuple[str, ...]:
    if not found.replaced:
        return ()
    return (f"{found.replaced} undecodable byte sequence(s) replaced by U+FFFD (read as {found.encoding})",)


def choose_format(data: bytes, name: str) -> str:
    """The reader for ``data``: by suffix, checked (and overridden) by content.

    Raises
    ------
    UnsupportedFormat
        An unknown suffix, or content that is a known unsupported format.
    ExtractionError
        An empty file.
    """
    if not data:
        raise ExtractionError(name, "empty file (0 bytes)")
    suffix = PurePath(name).suffix.lower()
    found = sniff(data)
    if found.supported:
        return found.format
    if found.format is not None:
        raise UnsupportedFormat(name, f"{found.format} is not a supported format"
                                      f"{found.hint}; agencynet reads {_supported_list()}")
    if suffix in _BY_SUFFIX:
        expected = _BY_SUFFIX[suffix]
        if expected in ("docx", "pdf"):
            raise ExtractionError(name, f"not a valid {expected} file: content does not start with the "
                                        f"{expected} signature (corrupt or mislabelled file)")
        return expected
    if suffix:
        raise UnsupportedFormat(name, f"unsupported file type {suffix!r}; agencynet reads {_supported_list()}")
    return "html" if found.looks_html else "txt"


def _supported_list() -> str:
    return ", ".join(SUPPORTED_SUFFIXES)


__all__ = ["DecodedText", "read_document", "choose_format", "SUPPORTED_SUFFIXES", "FORMATS"]
