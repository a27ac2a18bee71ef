"""Builders for document fixtures in every supported format, made by the tests themselves.

``plan_lines`` is the small plan stored as ``tests/fixtures/reading/plan.txt``;
the builders render it (or any lines) as a web page, a Word document made with
python-docx, a PDF with a Chinese text layer (reportlab's built-in CID font
STSong-Light) and a scanned-looking PDF with only an image.
"""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reading"


@pytest.fixture(scope="session")
def plan_lines() -> list[str]:
    return (FIXTURES / "plan.txt").read_text(encoding="utf-8").splitlines()


def build_html(lines: list[str], table: list[list[str]] | None = None, charset: str = "utf-8") -> bytes:
    """A government-style page: header, menu, breadcrumb, share bar and footer around the body."""
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines)
    if table:
        body += "<table border='1'>" + "".join(
            "<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in table
        ) + "</table>"
    page = (
        f"<!DOCTYPE html><html><head><meta charset='{charset}'><title>页面标题</title>"
        "<script>var a = '脚本';</script></head><body>"
        "<div id='header'>临江市人民政府门户网站</div>"
        "<ul class='nav'><li>网站首页</li><li>政务公开</li></ul>"
        "<div class='position'>您现在的位置：首页 &gt; 政府文件</div>"
        f"<div class='content'>{body}</div>"
        "<div class='share'>分享到：微信 微博</div>"
        "<div class='footer'>版权所有 临江市人民政府办公室</div></body></html>"
    )
    return page.encode(charset)


def build_docx(lines: list[str], table: list[list[str]] | None = None, table_after: int | None = None) -> bytes:
    """A .docx with one paragraph per line and an optional table after line ``table_after``."""
    import docx

    document = docx.Document()
    for i, line in enumerate(lines):
        document.add_paragraph(line)
        if table and table_after == i:
            _add_table(document, table)
    if table and table_after is None:
        _add_table(document, table)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


_MARKER = re.compile(r"^(?:([一二三四五六七八九十]+)、|（([一二三四五六七八九十]+)）)")


def build_numbered_docx(lines: list[str]) -> bytes:
    """Like ``build_docx`` but the 一、 / （一） numbers are Word's automatic list numbering, not text."""
    import docx
    from docx.oxml.ns import nsmap, qn
    from lxml import etree

    document = docx.Document()
    document.add_paragraph("", style="List Number")  # makes python-docx create the numbering part
    body = document.element.body
    body.remove(body[0])
    w = nsmap["w"]
    document.part.numbering_part.element.insert(0, etree.fromstring(
        f'<w:abstractNum xmlns:w="{w}" w:abstractNumId="90">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
        "</w:abstractNum>"))
    document.part.numbering_part.element.append(etree.fromstring(
        f'<w:num xmlns:w="{w}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for line in lines:
        m = _MARKER.match(line)
        p = document.add_paragraph(line[m.end():] if m else line)
        if m:
            num_pr = etree.SubElement(p._p.get_or_add_pPr(), qn("w:numPr"))
            etree.SubElement(num_pr, qn("w:ilvl")).set(qn("w:val"), "0" if m.group(1) else "1")
            etree.SubElement(num_pr, qn("w:numId")).set(qn("w:val"), "90")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _add_table(document, rows: list[list[str]]) -> None:
    t = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.cell(r, c).text = value


def _cid_font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    return "STSong-Light"


def build_pdf(lines: list[str], table: list[list[str]] | None = None, copies: int = 1, ruled: bool = False,
              spans: list[tuple] = ()) -> bytes:
    """A PDF whose paragraphs wrap over several lines (indented first lines), text layer in STSong-Light.

    ``table`` is drawn after the text: plain cells on one baseline, or with
    ``ruled`` a grid whose cells wrap their text (``spans``: reportlab SPAN
    commands such as ``((2, 1), (2, 2))``), vertically centred.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    font = _cid_font()
    style = ParagraphStyle("zh", fontName=font, fontSize=12, leading=18, wordWrap="CJK", firstLineIndent=24)
    story = [Paragraph(html.escape(line), style) for line in lines] * copies
    if table and ruled:
        cell = ParagraphStyle("cell", fontName=font, fontSize=10, leading=14, wordWrap="CJK")
        rows = [[Paragraph(html.escape(c), cell) if c else "" for c in row] for row in table]
        width = 450 / len(table[0])
        commands = [("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        story += [Spacer(1, 12), Table(rows, colWidths=[width] * len(table[0]), repeatRows=1,
                                       style=commands + [("SPAN", a, b) for a, b in spans])]
    elif table:
        story += [Spacer(1, 12), Table(table, style=[("FONT", (0, 0), (-1, -1), font, 10)])]
    buf = io.BytesIO()
    SimpleDocTemplate(buf, pagesize=A4).build(story)
    return buf.getvalue()


def build_scanned_pdf() -> bytes:
    """A one-page PDF holding only an image, like a scanner's output (no text layer)."""
    from PIL import Image, ImageDraw
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (400, 560), 255)
    draw = ImageDraw.Draw(img)
    for y in range(40, 520, 24):
        draw.rectangle((40, y, 360, y + 10), fill=30)  # lines of "print"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.drawImage(ImageReader(img), 50, 100, width=480, height=672)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="session")
def builders():
    """The builder functions, for tests in this package."""
    return {"html": build_html, "docx": build_docx, "numbered_docx": build_numbered_docx, "pdf": build_pdf,
            "scanned_pdf": build_scanned_pdf}
