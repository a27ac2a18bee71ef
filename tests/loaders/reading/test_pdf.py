"""PDF text layers to text (loaders.reading.pdf), on PDFs made with reportlab's CID font STSong-Light."""

from __future__ import annotations

import io

import pytest

from agencynet.errors import ExtractionError
from loaders.reading import read_document
from loaders.reading.pdf import read_pdf

TABLE = [["序号", "重点任务", "牵头单位"], ["1", "建立质量工作考核制度", "市市场监管局"]]


def test_pdfminer_extracts_the_chinese_text_layer(builders, plan_lines):
    doc = read_document(builders["pdf"](plan_lines), "plan.pdf")
    assert (doc.format, doc.encoding) == ("pdf", None)
    # wrapped paragraphs are joined again: each source line comes back whole
    assert doc.text.splitlines() == plan_lines


def test_paragraphs_joined_across_pages(builders, plan_lines):
    text = read_pdf(builders["pdf"](plan_lines, copies=4), "long.pdf")
    assert text.splitlines() == plan_lines * 4


def test_table_cells_on_one_baseline_become_a_tab_row(builders, plan_lines):
    lines = read_pdf(builders["pdf"](plan_lines[-2:], TABLE), "t.pdf").splitlines()
    assert lines == plan_lines[-2:] + ["", "序号\t重点任务\t牵头单位", "1\t建立质量工作考核制度\t市市场监管局"]


def test_latin_words_keep_their_spaces_when_rejoined(builders):
    sentence = ("Quality plan for the city of Linjiang, written in English so that the paragraph wraps "
                "over more than one line of the page and words must keep their spaces.")
    assert read_pdf(builders["pdf"]([sentence]), "en.pdf") == sentence + "\n"


def test_page_numbers_are_dropped():
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for page in (1, 2):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 760, f"（{'一二'[page - 1]}）第{page}页的正文内容。")
        c.drawCentredString(300, 40, f"— {page} —")
        c.showPage()
    c.save()
    assert read_pdf(buf.getvalue(), "n.pdf").splitlines() == ["（一）第1页的正文内容。", "（二）第2页的正文内容。"]


def test_scanned_pdf_without_text_layer_is_refused(builders):
    with pytest.raises(ExtractionError, match=r"scan.pdf: PDF has no text layer \(1 page\(s\) holding only images"):
        read_document(builders["scanned_pdf"](), "scan.pdf")


def test_corrupt_pdf_is_a_clear_error(builders, plan_lines):
    data = builders["pdf"](plan_lines)
    with pytest.raises(ExtractionError, match=r"cut.pdf: (corrupt|PDF has no text)"):
        read_document(data[:300], "cut.pdf")
    with pytest.raises(ExtractionError, match=r"fake.pdf: not a valid pdf file"):
        read_document("一、主要任务".encode("utf-8"), "fake.pdf")


def test_pdf_content_under_another_suffix_is_read_as_pdf(builders, plan_lines):
    assert read_document(builders["pdf"](plan_lines[:2]), "download.html").format == "pdf"


def _encrypted_pdf(user_password: str) -> bytes:
    from reportlab.lib import pdfencrypt
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    encrypt = pdfencrypt.StandardEncryption(user_password, ownerPassword="owner", strength=128)
    c = canvas.Canvas(buf, encrypt=encrypt)
    c.setFont("STSong-Light", 12)
    c.drawString(72, 700, "一、主要任务（责任单位：市发改委）")
    c.showPage()
    c.save()
    return buf.getvalue()


def test_password_protected_pdf_is_refused():
    with pytest.raises(ExtractionError, match="locked.pdf: encrypted PDF cannot be read without its password"):
        read_document(_encrypted_pdf("secret"), "locked.pdf")


def test_owner_encrypted_pdf_reads_or_says_why_not():
    try:
        doc = read_document(_encrypted_pdf(""), "owner.pdf")
    except ExtractionError as exc:
        assert "encrypted" in exc.reason
    else:
        assert doc.text == "一、主要任务（责任单位：市发改委）\n"


RULED = [
    ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
    ["1", "建立质量工作考核制度，把质量工作纳入各级政府绩效考核体系，逐年提高考核权重", "市市场监管局",
     "市人社局、市财政局、市发改委、市经信委", "2018年底"],
    ["2", "开展质量提升示范活动", "", "各县（市、区）人民政府", "2019年6月"],
    ["3", "组织质量月宣传活动", "市委宣传部", "市教育局", "每年9月"],
]


def test_ruled_table_cells_keep_wrapped_text_and_spans(builders):
    data = builders["pdf"](["附件"], RULED, ruled=True, spans=[((2, 1), (2, 2))])
    lines = read_pdf(data, "ruled.pdf").splitlines()
    assert lines == ["附件", "", "\t".join(RULED[0]), "\t".join(RULED[1]),
                     "\t".join(RULED[2][:2] + ["市市场监管局"] + RULED[2][3:]), "\t".join(RULED[3])]


def test_ruled_table_continues_across_pages(builders):
    rows = [RULED[0]] + [[str(i), f"第{i}项重点任务的内容", "市发改委", "市财政局", "2019年"] for i in range(1, 61)]
    lines = read_pdf(builders["pdf"](["附件"], rows, ruled=True), "long_table.pdf").splitlines()
    body = [line for line in lines if line and line != "附件"]
    assert body[0] == "\t".join(RULED[0])
    assert [line.split("\t")[0] for line in body[1:]] == [str(i) for i in range(1, 61)]  # header not repeated
    assert "" not in lines[2:]  # one table: no blank line where the page broke it
