"""PDF files to text, from the text layer (pdfminer.six); scanned PDFs are refused, not guessed.

pdfminer gives positioned text lines. They are put back into reading order
page by page (top to bottom, left to right) and:

- lines on the same baseline with a gap between them (table cells) become one
  TAB-separated row, with a blank line before and after a run of such rows;
- a paragraph wrapped over several lines is joined again: a line continues the
  previous one unless it is indented, starts with an outline number (一、,
  （一）, 1., ①, 附件), or the previous line ended short of the right margin;
  the join adds a space only between Latin words, none in Chinese text
  (line-breaking rules for punctuation leave wrapped lines up to two or three
  characters short of the margin, so "short" means more than three);
- a lone page number at the top or bottom of a page (``- 3 -``, ``第3页``) is
  dropped.
"""

from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import dataclass

from agencynet.errors import ExtractionError
from loaders.reading.failures import describe
from loaders.reading.pdf_tables import Edges, RuledTable, ruled_tables
from loaders.reading.tables import cells_to_lines

logging.getLogger("pdfminer").setLevel(logging.ERROR)

_OUTLINE = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]\D|"
                      r"[①-⑳]|附件\s*\d*|第[一二三四五六七八九十\d]+[章节条部分]|[一二三四五六七八九十]是)")
_PAGE_NUMBER = re.compile(r"^\s*(?:[-—–－]\s*\d+\s*[-—–－]|第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d+)\s*$")
_CID = re.compile(r"\(cid:\d+\)")


@dataclass
class _Seg:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


def read_pdf(data: bytes, name: str) -> str:
    """Text layer of a PDF.

    Raises
    ------
    ExtractionError
        Corrupt or encrypted file, no pages, no text layer (a scanned PDF),
        or a text layer without a Unicode mapping.
    """
    pages = _layout(data, name)
    if not pages:
        raise ExtractionError(name, "corrupt PDF: no pages found")
    writer = _Writer()
    images = 0
    for segs, page_images, edges in pages:
        images += page_images
        writer.page(segs, edges)
    out = writer.out
    while out and out[-1] == "":
        out.pop()
    text = "\n".join(out)
    if not text.strip():
        what = f"{len(pages)} page(s) holding only images, a scanned document" if images else f"{len(pages)} page(s)"
        raise ExtractionError(name, f"PDF has no text layer ({what}); run OCR on it first")
    cid = sum(len(m) for m in _CID.findall(text))
    if cid > 0.3 * len(re.sub(r"\s", "", text)):
        why = "; the file is encrypted, which pdfminer may not fully undo" if b"/Encrypt" in data else ""
        raise ExtractionError(name, f"PDF text layer has no Unicode mapping for its fonts ((cid:N) codes only{why})")
    return text + "\n"


def _layout(data: bytes, name: str) -> list[tuple[list[_Seg], int, Edges]]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTCurve, LTFigure, LTImage, LTLine, LTRect, LTTextBox, LTTextLine

    pages: list[tuple[list[_Seg], int, Edges]] = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams(boxes_flow=None)):  # own reading order
            segs: list[_Seg] = []
            images = 0
            edges = Edges()
            for item in page:
                if isinstance(item, LTTextBox):
                    for line in item:
                        if isinstance(line, LTTextLine):
                            segs.extend(_split_line(line, page.height))
                elif isinstance(item, (LTImage, LTFigure)):
                    images += 1
                elif isinstance(item, (LTRect, LTLine)) or (isinstance(item, LTCurve) and min(item.width, item.height) <= 2):
                    # rectangles and straight lines: table rulings (curves such as seals are not)
                    edges.add_box(item.x0, page.height - item.y1, item.x1, page.height - item.y0)
            pages.append((segs, images, edges))
    except ExtractionError:
        raise
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types (PSEOF, PDFSyntaxError, KeyError, ...)
        kind = type(exc).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise ExtractionError(name, f"encrypted PDF cannot be read without its password ({kind})") from None
        raise ExtractionError(name, f"corrupt or unreadable PDF: {describe(exc)}") from None
    return pages


SHORT_LINE_CHARS = 3.0  # a line ending this many characters before the margin ends its paragraph
GAP_EM = 0.8  # a horizontal gap wider than this many character sizes separates table cells


def _split_line(line, page_height: float) -> list[_Seg]:
    """Cut one pdfminer text line where a wide gap separates its characters (table cells)."""
    from pdfminer.layout import LTChar

    segs: list[_Seg] = []
    chars: list = []
    texts: list[str] = []

    def flush() -> None:
        text = "".join(texts).strip()
        if chars and text:
            segs.append(_Seg(chars[0].x0, chars[-1].x1, page_height - max(c.y1 for c in chars),
                             page_height - min(c.y0 for c in chars), text))
        chars.clear()
        texts.clear()

    for obj in line:
        if isinstance(obj, LTChar):
            if chars and obj.x0 - chars[-1].x1 > GAP_EM * max(obj.size, chars[-1].size, 1.0):
                flush()
            chars.append(obj)
            texts.append(obj.get_text())
        elif chars:
            texts.append(obj.get_text().replace("\n", ""))  # LTAnno: a space pdfminer inferred
    flush()
    return segs


def _rows(segs: list[_Seg]) -> list[list[_Seg]]:
    """Segments grouped into rows of the same baseline, top to bottom, each row left to right."""
    rows: list[list[_Seg]] = []
    for seg in sorted(segs, key=lambda s: (s.top, s.x0)):
        if rows:
            last = rows[-1]
            ref = last[0]
            height = max(1.0, ref.bottom - ref.top)
            if abs(seg.top - ref.top) < 0.5 * height and abs(seg.bottom - ref.bottom) < 0.5 * height:
                last.append(seg)
                continue
        rows.append([seg])
    return [sorted(r, key=lambda s: s.x0) for r in rows]


def _char_width(segs: list[_Seg]) -> float:
    widths = [(s.x1 - s.x0) / len(s.text) for s in segs if len(s.text) >= 4]
    return statistics.median(widths) if widths else 10.0


def _glue(last: str, first: str) -> str:
    """What joins two wrapped lines: a space between Latin words, nothing in Chinese text or inside numbers."""
    if last.isascii() and first.isascii() and not (last.isdigit() and first.isdigit()) and last not in "-/":
        return " "
    return ""


def _join_cell(texts: list[str]) -> str:
    out = ""
    for t in texts:
        out = out + _glue(out[-1], t[0]) + t if out else t
    return out


class _Writer:
    """Collects output lines; remembers whether the last line may continue on the next."""

    def __init__(self) -> None:
        self.out: list[str] = []
        self.open = False  # the last text line reached the right margin
        self.table_width = 0  # columns of the table that ended the output so far (0: none)
        self.table_header: list[str] = []

    def table(self, rows: list[list[str]]) -> None:
        """A ruled table; one going on from the previous page (same columns) continues it, minus a repeated header."""
        width = max(len(r) for r in rows)
        if self.table_width == width and self.out and self.out[-1] == "":
            self.out.pop()  # the same table, broken by a page
            if rows[0] == self.table_header:
                rows = rows[1:]  # its header repeated on the new page
        else:
            if self.out and self.out[-1] != "":
                self.out.append("")
            self.table_header = rows[0]
        self.out.extend(cells_to_lines(rows))
        self.out.append("")
        self.table_width = width
        self.open = False

    def page(self, segs: list[_Seg], edges: Edges | None = None) -> None:
        """Append one page's lines, joining wrapped paragraphs (also across pages)."""
        free, tables = ruled_tables(segs, edges or Edges(), _join_cell)
        rows = _rows(free)
        if rows and len(rows[-1]) == 1 and _PAGE_NUMBER.match(rows[-1][0].text):
            rows.pop()
        if rows and len(rows[0]) == 1 and _PAGE_NUMBER.match(rows[0][0].text):
            rows.pop(0)
        items: list[tuple[float, object]] = [(r[0].top, r) for r in rows] + [(t.top, t) for t in tables]
        if not items:
            return
        cw = _char_width(segs)
        singles = [r[0] for r in rows if len(r) == 1]
        left = min((s.x0 for s in singles), default=0.0)
        right = max((s.x1 for s in singles), default=0.0)
        out = self.out
        for _, item in sorted(items, key=lambda it: it[0]):
            if isinstance(item, RuledTable):
                self.table(item.rows)
                continue
            row = item
            self.table_width = 0
            if len(row) > 1:  # an unruled table row: cells on one baseline
                if out and out[-1] != "" and "\t" not in out[-1]:
                    out.append("")
                out.append("\t".join(s.text for s in row))
                self.open = False
                continue
            seg = row[0]
            if out and "\t" in out[-1]:
                out.append("")
            indented = seg.x0 > left + 0.8 * cw
            if not self.open or indented or _OUTLINE.match(seg.text) or not out or out[-1] == "":
                out.append(seg.text)
            else:
                prev = out[-1]
                out[-1] = prev + _glue(prev[-1], seg.text[0]) + seg.text
            self.open = seg.x1 >= right - SHORT_LINE_CHARS * cw
