"""Recognising formats by their first bytes (loaders.reading.sniff)."""

from __future__ import annotations

import io
import zipfile

import pytest

from loaders.reading.sniff import sniff


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for n in names:
            z.writestr(n, "<x/>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "fmt", "supported"),
    [
        (b"%PDF-1.7\n...", "pdf", True),
        (b"\r\n%PDF-1.4", "pdf", True),
        (b"junk\x00\x01%PDF-1.4\n...\n%%EOF\n", "pdf", True),  # junk before the header, as some servers add
        ("说明：文件格式为%PDF-1.4。".encode("utf-8"), None, False),  # text that merely mentions it
        (_zip("[Content_Types].xml", "word/document.xml"), "docx", True),
        (_zip("[Content_Types].xml", "xl/workbook.xml"), "an Excel workbook (.xlsx)", False),
        (_zip("mimetype", "content.xml"), "an OpenDocument file (.odt/.ods)", False),
        (_zip("a.txt"), "a ZIP archive", False),
        (b"PK\x03\x04truncated", "docx", True),  # a broken ZIP: the DOCX reader explains
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8), "a legacy Microsoft Office file (.doc/.xls/.wps)", False),
        (b"MZ\x90\x00" + bytes(60) + b"PE\x00\x00", "a Windows executable", False),
        (b"BM" + bytes(8) + b"\x36\x00\x00\x00" + bytes(40), "a BMP image", False),
    ],
)
def test_binary_signatures(data, fmt, supported):
    found = sniff(data)
    assert (found.format, found.supported) == (fmt, supported)


@pytest.mark.parametrize("text", ["MZ是一个缩写", "BM开头的文本"])
def test_text_starting_like_a_signature_stays_text(text):
    assert sniff(text.encode("utf-8")).format is None


@pytest.mark.parametrize(
    ("head", "html"),
    [
        (b"<!DOCTYPE html><html>", True),
        (b"\xef\xbb\xbf  <html lang='zh'>", True),
        (b"<?xml version='1.0'?>\n<!-- saved --><html>", True),
        (b"<p id='x'></p>\n", False),  # a web capture saved as text is not sniffed as HTML
        ("一、主要任务".encode("utf-8"), False),
    ],
)
def test_html_is_recognised_only_by_its_document_start(head, html):
    assert sniff(head).looks_html is html
