"""Word documents to text (loaders.reading.docx, loaders.reading.numbering)."""

from __future__ import annotations

import copy
import io

import docx
import pytest
from docx.oxml.ns import nsmap, qn
from lxml import etree

from agencynet.errors import ExtractionError
from loaders.reading import read_document
from loaders.reading.docx import read_docx

TABLE = [
    ["序号", "重点任务", "牵头单位", "责任单位", "完成时限"],
    ["1", "建立质量工作考核制度", "市市场监管局", "市人社局、市财政局", "2018年底"],
    ["2", "开展质量提升示范活动", "市质监局", "各县（市、区）人民政府", "2019年6月"],
]


def test_paragraphs_and_tables_in_document_order(builders, plan_lines):
    data = builders["docx"](plan_lines, TABLE, table_after=plan_lines.index("三、保障措施"))
    doc = read_document(data, "plan.docx")
    assert (doc.format, doc.encoding) == ("docx", None)
    lines = doc.text.splitlines()
    i = lines.index("三、保障措施")
    assert lines[i + 1: i + 6] == ["", "序号\t重点任务\t牵头单位\t责任单位\t完成时限",
                                   "1\t建立质量工作考核制度\t市市场监管局\t市人社局、市财政局\t2018年底",
                                   "2\t开展质量提升示范活动\t市质监局\t各县（市、区）人民政府\t2019年6月", ""]
    assert [line for line in lines if line and "\t" not in line] == plan_lines


def test_runs_hyperlink_free_text_is_joined_and_deleted_text_dropped():
    document = docx.Document()
    p = document.add_paragraph("（一）加强建设。")
    p.add_run("（责任单位：市发改委、")
    p.add_run("市财政局）")
    deleted = etree.SubElement(p._p, qn("w:del"))
    run = etree.SubElement(deleted, qn("w:r"))
    etree.SubElement(run, qn("w:t")).text = "删除的文字"
    buf = io.BytesIO()
    document.save(buf)
    assert read_docx(buf.getvalue(), "a.docx") == "（一）加强建设。（责任单位：市发改委、市财政局）\n"


def test_merged_cells_repeat_down_and_pad_across():
    document = docx.Document()
    t = document.add_table(rows=3, cols=3)
    for r, row in enumerate([["序号", "重点任务", "牵头单位"], ["1", "考核制度", "市市场监管局"], ["2", "示范活动", ""]]):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    t.cell(1, 2).merge(t.cell(2, 2))
    t.cell(0, 0).merge(t.cell(0, 1))
    buf = io.BytesIO()
    document.save(buf)
    assert read_docx(buf.getvalue(), "m.docx").splitlines() == [
        "序号 重点任务\t\t牵头单位", "1\t考核制度\t市市场监管局", "2\t示范活动\t市市场监管局"]


def _with_chinese_numbering(document, items: list[tuple[int, str]]) -> None:
    """Add paragraphs numbered by Word itself: level 0 "一、", level 1 "（一）"."""
    numbering = document.part.numbering_part.element
    abstract = etree.fromstring(
        f'<w:abstractNum xmlns:w="{nsmap["w"]}" w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        "</w:abstractNum>"
    )
    num = etree.fromstring(f'<w:num xmlns:w="{nsmap["w"]}" w:numId="90">'
                           '<w:abstractNumId w:val="90"/></w:num>')
    numbering.insert(0, abstract)
    numbering.append(num)
    for level, text in items:
        p = document.add_paragraph(text)
        ppr = p._p.get_or_add_pPr()
        num_pr = etree.SubElement(ppr, qn("w:numPr"))
        etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), str(level))
        etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "90")


def test_automatic_chinese_numbering_is_written_out():
    document = docx.Document()
    document.add_paragraph("List Number", style="List Number")  # makes python-docx create numbering.xml
    _with_chinese_numbering(document, [(0, "总体要求"), (0, "主要任务"), (1, "加强建设。"), (1, "推进改革。"),
                                       (0, "保障措施"), (1, "加强领导。")])
    buf = io.BytesIO()
    document.save(buf)
    assert read_docx(buf.getvalue(), "n.docx").splitlines() == [
        "1.List Number", "一、总体要求", "二、主要任务", "（一）加强建设。", "（二）推进改革。", "三、保障措施", "（一）加强领导。"]


def test_corrupt_docx_is_a_clear_error(builders, plan_lines):
    data = builders["docx"](plan_lines)
    with pytest.raises(ExtractionError, match=r"broken.docx: .*(corrupt|not a valid)"):
        read_document(data[: len(data) // 2], "broken.docx")
    with pytest.raises(ExtractionError, match=r"junk.docx: not a valid docx file"):
        read_document("一、主要任务".encode("utf-8"), "junk.docx")


def test_zip_without_word_document_is_refused():
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ExtractionError, match="a.docx: a ZIP archive is not a supported format"):
        read_document(buf.getvalue(), "a.docx")


def test_empty_docx_is_an_error():
    buf = io.BytesIO()
    docx.Document().save(buf)
    with pytest.raises(ExtractionError, match="blank.docx: .docx file has no text"):
        read_document(buf.getvalue(), "blank.docx")


def test_docx_with_wrong_suffix_is_read_by_content(builders, plan_lines):
    data = builders["docx"](plan_lines[:3])
    assert read_document(copy.copy(data), "upload.bin").format == "docx"
