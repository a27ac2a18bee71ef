"""Bad input: every failure is an ExtractionError naming the file and the reason, never a library exception."""

from __future__ import annotations

import io
import random
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agencynet.errors import ExtractionError, UnsupportedFormat
from loaders.reading import SUPPORTED_SUFFIXES, choose_format, read_document


@pytest.mark.parametrize("name", ["empty.txt", "empty.html", "empty.docx", "empty.pdf", "empty"])
def test_empty_file(name):
    with pytest.raises(ExtractionError, match=f"^{name}: empty file"):
        read_document(b"", name)


def test_binary_file_named_txt():
    rng = random.Random(7)
    noise = bytes(rng.randrange(256) for _ in range(5000))
    with pytest.raises(ExtractionError, match=r"^noise.txt: binary"):
        read_document(noise, "noise.txt")


@pytest.mark.parametrize("name", ["plan.doc", "plan.xls", "plan.odt", "plan.md", "plan.json", "plan.wps"])
def test_unsupported_suffix(name):
    with pytest.raises(UnsupportedFormat, match=rf"^{name}: unsupported file type .*reads \.txt, \.htm, \.html"):
        read_document("一、主要任务".encode("utf-8"), name)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "legacy Microsoft Office file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(100), "JPEG image"),
        (b"{\\rtf1\\ansi \\u19968?}", "RTF document"),
        (b"\x1f\x8b\x08\x00" + bytes(100), "gzip archive"),
    ],
)
def test_unsupported_content_is_named_whatever_the_suffix(data, what):
    for name in ("plan.txt", "plan.docx", "plan"):
        with pytest.raises(UnsupportedFormat, match=f"^{name}: an? {what}.* is not a supported format"):
            read_document(data, name)


def test_xlsx_is_named():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat, match="tasks.xlsx: an Excel workbook"):
        read_document(buf.getvalue(), "tasks.xlsx")


def test_scanned_pdf(builders):
    with pytest.raises(ExtractionError, match="^scanned.pdf: PDF has no text layer.*OCR"):
        read_document(builders["scanned_pdf"](), "scanned.pdf")


def test_supported_suffixes_and_sniffing_agree():
    assert SUPPORTED_SUFFIXES == (".txt", ".htm", ".html", ".docx", ".pdf")
    assert choose_format("一、".encode("utf-8"), "x.HTM") == "html"
    assert choose_format(b"<!doctype html><html><body>x</body></html>", "x") == "html"
    assert choose_format("一、".encode("utf-8"), "x") == "txt"


def _mutants(data: bytes, seed: int, count: int = 8) -> list[bytes]:
    rng = random.Random(seed)
    out = [data[: rng.randrange(1, len(data))] for _ in range(count // 2)]
    for _ in range(count - len(out)):
        b = bytearray(data)
        for _ in range(rng.randrange(1, 50)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        out.append(bytes(b))
    return out


@pytest.mark.parametrize("fmt", ["docx", "pdf", "html"])
def test_damaged_files_fail_cleanly(builders, plan_lines, fmt):
    """Truncated and byte-flipped files either read or raise ExtractionError naming the file."""
    good = builders[fmt](plan_lines)
    for i, data in enumerate(_mutants(good, seed=len(fmt))):
        name = f"damaged{i}.{fmt}"
        try:
            doc = read_document(data, name)
        except ExtractionError as exc:
            assert str(exc).startswith(f"{name}: ") and exc.reason
            assert len(str(exc)) < 400
        else:
            assert isinstance(doc.text, str)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=2048), suffix=st.sampled_from(SUPPORTED_SUFFIXES + ("", ".bin")))
def test_arbitrary_bytes_never_raise_a_library_exception(data, suffix):
    try:
        doc = read_document(data, "any" + suffix)
    except ExtractionError as exc:
        assert exc.source == "any" + suffix and exc.reason
    else:
        assert doc.text.strip() and doc.format in ("txt", "html", "docx", "pdf")
