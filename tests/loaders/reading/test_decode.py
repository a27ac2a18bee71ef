"""Encoding detection for plain-text documents (loaders.reading.decode)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from agencynet.errors import ExtractionError
from loaders.reading import read_document
from loaders.reading.decode import decode, decode_text, plausibility

PLAN = (
    "一、主要任务\n"
    "（一）加快质量基础设施建设。完善计量、标准、检验检测体系。"
    "（责任单位：市质监局、市发改委、市财政局，列第一位的为牵头单位，下同）\n"
    "（二）推进品牌建设。2017年底前完成。\n"
)
TRADITIONAL = "一、主要任務\n（一）加強組織領導。（責任單位：市發改委、市財政局）\n"


@pytest.mark.parametrize(
    ("encoding", "expected"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8"),
        ("gb18030", "gb18030"),
        ("gbk", "gb18030"),
        ("utf-16", "utf-16-le"),  # Python writes a little-endian BOM
        ("utf-16-le", "utf-16-le"),
        ("utf-16-be", "utf-16-be"),
        ("utf-32", "utf-32-le"),
    ],
)
def test_simplified_plan_decodes_in_every_encoding(encoding, expected):
    text, found = decode_text(PLAN.encode(encoding), "plan.txt")
    assert text == PLAN
    assert found == expected


def test_utf16_be_with_bom_is_stripped():
    data = codecs.BOM_UTF16_BE + PLAN.encode("utf-16-be")
    assert decode_text(data, "plan.txt") == (PLAN, "utf-16-be")


def test_big5_traditional_document():
    text, found = decode_text(TRADITIONAL.encode("big5"), "trad.txt")
    assert (text, found) == (TRADITIONAL, "big5")


def test_traditional_document_in_gb18030_is_not_mistaken_for_big5():
    assert decode_text(TRADITIONAL.encode("gb18030"), "trad.txt") == (TRADITIONAL, "gb18030")


def test_utf16_without_bom_and_without_ascii():
    only_cjk = "责任单位牵头配合"
    assert decode_text(only_cjk.encode("utf-16-le"), "a.txt") == (only_cjk, "utf-16-le")
    assert decode_text(only_cjk.encode("utf-16-be"), "a.txt") == (only_cjk, "utf-16-be")


def test_utf8_cut_inside_last_character_keeps_the_rest():
    data = PLAN.encode("utf-8") + "市".encode("utf-8")[:2]
    assert decode_text(data, "a.txt") == (PLAN, "utf-8")


def test_line_breaks_are_kept_for_offsets():
    crlf = PLAN.replace("\n", "\r\n")
    text, _ = decode_text(crlf.encode("gb18030"), "a.txt")
    assert text == crlf


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_sample_plans_round_trip(sample_paths, encoding):
    for path in sample_paths:
        original = path.read_text(encoding="utf-8")
        try:
            data = original.encode(encoding)
        except UnicodeEncodeError:
            continue
        text, found = decode_text(data, path.name)
        assert text == original, path.name
        assert found == encoding


def test_read_document_reports_txt_format_and_encoding():
    doc = read_document(PLAN.encode("gb18030"), "plan.txt")
    assert (doc.text, doc.format, doc.encoding) == (PLAN, "txt", "gb18030")


def test_txt_keeps_html_tags_as_text():
    data = "<p id=\"x\"></p>\n一、主要任务\n".encode("utf-8")
    assert read_document(data, "capture.txt").text == "<p id=\"x\"></p>\n一、主要任务\n"


@pytest.mark.parametrize("data", [b"", b"   \r\n\t", "\u3000\n".encode("utf-8")])
def test_empty_files_are_refused(data):
    with pytest.raises(ExtractionError, match="empty.txt: empty file"):
        decode_text(data, "empty.txt")


def test_binary_bytes_are_refused():
    noise = bytes((i * 7919 + 13) % 256 for i in range(4000))
    with pytest.raises(ExtractionError, match="noise.txt: binary"):
        decode_text(noise, "noise.txt")


def test_bad_utf8_after_bom_names_the_offset():
    with pytest.raises(ExtractionError, match="bom.txt: starts with a utf-8 byte-order mark .* from offset 3"):
        decode_text(codecs.BOM_UTF8 + b"abc" + b"\xff" * 10, "bom.txt")
    found = decode(codecs.BOM_UTF8 + PLAN.encode("utf-8") + b"\xff", "bom.txt")
    assert (found.text, found.encoding, found.replaced) == (PLAN + "\ufffd", "utf-8", 1)


def test_plausibility_prefers_real_chinese_over_mojibake():
    real = PLAN
    mojibake = PLAN.encode("utf-8").decode("gb18030", errors="replace")
    assert plausibility(real) == 1.0
    assert plausibility(mojibake) < 0.9


def test_stored_fixtures_decode_to_the_same_text():
    fixtures = Path(__file__).resolve().parents[2] / "fixtures" / "reading"
    plan = (fixtures / "plan.txt").read_text(encoding="utf-8")
    for name, encoding in [("plan_gb18030.txt", "gb18030"), ("plan_utf16le_nobom.txt", "utf-16-le"),
                           ("plan_utf16be_bom.txt", "utf-16-be")]:
        assert decode_text((fixtures / name).read_bytes(), name) == (plan, encoding)
    text, encoding = decode_text((fixtures / "plan_big5_traditional.txt").read_bytes(), "trad.txt")
    assert encoding == "big5"
    assert text.splitlines()[9] == "二、主要任務"
    assert len(text) == len(plan)


def test_a_few_bad_bytes_are_replaced_and_reported():
    data = (PLAN * 3).encode("gb18030")
    cut = len(PLAN[:10].encode("gb18030"))  # a character boundary
    damaged = data[:cut] + b"\xff" + data[cut:]  # a byte no GB18030 sequence starts with
    doc = read_document(damaged, "stray.txt")
    assert doc.encoding == "gb18030"
    assert doc.text.replace("\ufffd", "", 1) == PLAN * 3
    assert doc.notes == ("1 undecodable byte sequence(s) replaced by U+FFFD (read as gb18030)",)
    assert read_document(data, "clean.txt").notes == ()


def test_utf8_with_one_pasted_gbk_character():
    data = PLAN.encode("utf-8") + "市".encode("gbk") + PLAN.encode("utf-8")
    found = decode(data, "mixed.txt")
    assert (found.encoding, found.replaced) == ("utf-8", found.text.count("\ufffd"))
    assert found.text.startswith(PLAN) and found.text.endswith(PLAN)


def test_many_bad_bytes_are_not_tolerated():
    data = bytearray(PLAN.encode("gb18030") * 2)
    for i in range(0, len(data), 25):
        data[i] = 0xFF
    with pytest.raises(ExtractionError, match="bad.txt: binary or undecodable"):
        decode(bytes(data), "bad.txt")


def test_sample_plans_in_traditional_big5_are_not_taken_for_gb18030(sample_paths):
    import opencc

    to_traditional = opencc.OpenCC("s2tw")
    for path in sample_paths:
        data = to_traditional.convert(path.read_text(encoding="utf-8")).encode("big5", errors="ignore")
        assert decode_text(data, path.name) == (data.decode("big5"), "big5"), path.name
