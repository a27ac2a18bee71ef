"""Government web pages (.html/.htm) to text: keep the document body, drop the page furniture.

Page furniture is removed first (``loaders.reading.html_noise``). Rendering:
block elements start a new line; ``<br>`` breaks a line; runs of white space
collapse to one space, and a source line break between two Chinese characters
disappears (it is only HTML source wrapping). Data tables render one row per
line with cells separated by a TAB and a blank line before and after the
table; a cell spanning rows (rowspan) is repeated in every row it covers, a
cell spanning columns is followed by empty cells, so columns stay aligned.
Layout tables render as blocks (see ``_is_data_table``).
"""

from __future__ import annotations

import re

from lxml import etree

from agencynet.errors import ExtractionError
from loaders.reading.decode import Decoding, decode, plausibility
from loaders.reading.html_noise import drop_noise, text_of
from loaders.reading.tables import cells_to_lines

BLOCK = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary tbody tfoot "
    "thead tr td th ul".split()
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_CJK = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
_CJK_BREAK = re.compile(rf"(?<=[{_CJK}])[ \t\r\f]*\n\s*(?=[{_CJK}])")
_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_AFTER_PUNCT = re.compile(rf"(?<=[，。、；：？！）」』》〕】]) (?=[{_CJK}])")  # full-width punctuation has its own spacing
_PARSER = etree.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)


def read_html(data: bytes, name: str) -> tuple[str, str]:
    """Decode and clean one HTML page.

    Returns
    -------
    (text, encoding) : tuple[str, str]
        The body text (lines joined by ``\\n``) and the encoding used.

    Raises
    ------
    ExtractionError
        Undecodable bytes, a page that does not parse, or one with no text.
    """
    found = read_html_decoding(data, name)
    return found.text, found.encoding


def read_html_decoding(data: bytes, name: str) -> Decoding:
    """``read_html`` keeping the count of replaced bytes (see ``loaders.reading.decode.decode``)."""
    page = decode_html(data, name)
    source, encoding = page.text, page.encoding
    try:
        root = etree.HTML(_XML_DECL.sub("", source, count=1), _PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ExtractionError(name, f"not a readable HTML page: {exc}") from None
    if root is None:
        raise ExtractionError(name, "HTML page has no content")
    body = root.find("body")
    body = body if body is not None else root
    drop_noise(body)
    text = render(body)
    if not text.strip():
        raise ExtractionError(name, "HTML page has no text in its body (after removing navigation and scripts)")
    return Decoding(text, encoding, page.replaced)


def decode_html(data: bytes, name: str) -> Decoding:
    """Decode with the page's declared charset when it is right, else detect.

    Bytes that are valid UTF-8 (and not plain ASCII) are UTF-8 whatever the
    page declares: pages re-saved as UTF-8 often keep their old gb2312 label.
    """
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        label = _codec_for(declared.group(1).decode("ascii", "replace"))
        if label and label != "utf-8" and not data.isascii():
            try:
                return Decoding(data.decode("utf-8"), "utf-8")
            except UnicodeDecodeError:
                pass
        if label:
            try:
                text = data.decode(label)
            except (UnicodeDecodeError, LookupError):
                text = None
            if text and text.strip() and plausibility(text[:16384]) >= 0.75:
                return Decoding(text, label)
    return decode(data, name)


def _codec_for(charset: str) -> str | None:
    cs = charset.strip().lower().replace("_", "-")
    if cs in ("gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"):
        return "gb18030"  # superset of GB2312 and GBK; pages labelled gb2312 often hold GBK characters
    if cs in ("big5", "big5-hkscs", "cp950", "x-x-big5"):
        return "big5hkscs" if cs == "big5-hkscs" else "cp950"
    if cs in ("utf8", "utf-8"):
        return "utf-8"
    return None  # anything else: detect from the bytes


class _Lines:
    """Accumulates inline text and turns it into clean lines."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.cur: list[str] = []

    def text(self, s: str | None) -> None:
        if s:
            self.cur.append(s)

    def newline(self) -> None:
        if self.cur:
            line = _AFTER_PUNCT.sub("", _SPACE.sub(" ", _CJK_BREAK.sub("", "".join(self.cur)))).strip()
            self.cur = []
            if line:
                self.lines.append(line)

    def blank(self) -> None:
        self.newline()
        if self.lines and self.lines[-1] != "":
            self.lines.append("")


def render(el) -> str:
    """Text of ``el``: one line per block, tables as TAB-separated rows."""
    out = _Lines()
    _walk(el, out)
    out.newline()
    lines = out.lines
    while lines and lines[-1] == "":
        lines.pop()
    while lines and lines[0] == "":
        lines.pop(0)
    return "\n".join(lines) + "\n" if lines else ""


def _walk(el, out: _Lines) -> None:
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "br":
        out.newline()
    elif tag == "table" and _is_data_table(el):
        out.blank()
        out.lines.extend(cells_to_lines(_table_grid(el)))
        out.blank()
    elif tag == "pre":
        out.newline()
        for line in text_of(el).splitlines():
            out.text(line.replace("\xa0", " ").rstrip() or " ")
            out.newline()
    else:
        block = tag in BLOCK or tag == "table"
        if block:
            out.newline()
        out.text(el.text)
        for child in el:
            _walk(child, out)
            out.text(child.tail)
        if block:
            out.newline()


def _rows(table) -> list:
    """The table's own rows (not those of nested tables)."""
    return [tr for tr in table.iter("tr") if _owner(tr) is table]


def _owner(el):
    for anc in el.iterancestors("table"):
        return anc
    return None


_CELL_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6")


def _is_data_table(table) -> bool:
    """Data tables: rows of several cells, no nested table or headings, no page-sized cells.

    A table of at most three rows with a cell holding several paragraphs of
    text is page layout (a menu column beside the document), not data.
    """
    if any(t is not table for t in table.iter("table")) or any(True for _ in table.iter("h1", "h2", "h3")):
        return False
    rows = _rows(table)
    if not rows:
        return False
    cells = [c for tr in rows for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
    if max(len([c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]) for tr in rows) < 2:
        return False
    for cell in cells:
        size = len(text_of(cell))
        if size > 2000:
            return False
        if len(rows) <= 3 and size > 60 and sum(1 for _ in cell.iter(*_CELL_BLOCKS)) >= 3:
            return False
    return True


def _cell_text(cell) -> str:
    inner = _Lines()
    _walk_inline_cell(cell, inner)
    inner.newline()
    return " ".join(line for line in inner.lines if line)


def _walk_inline_cell(cell, out: _Lines) -> None:
    out.text(cell.text)
    for child in cell:
        _walk(child, out)
        out.text(child.tail)


def _table_grid(table) -> list[list[str]]:
    """Rows of cell texts with rowspan repeated and colspan padded with empty cells."""
    grid: list[list[str]] = []
    carry: dict[int, tuple[str, int]] = {}  # column -> (text, rows still covered)
    for tr in _rows(table):
        row: list[str] = []
        col = 0
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        for cell in cells:
            while col in carry:
                col = _take_carry(carry, col, row)
            text = _cell_text(cell)
            span_c = _span(cell.get("colspan"))
            span_r = _span(cell.get("rowspan"))
            for k in range(span_c):
                row.append(text if k == 0 else "")
                if span_r > 1:
                    carry[col] = (text if k == 0 else "", span_r - 1)
                col += 1
        while col in carry:
            col = _take_carry(carry, col, row)
        grid.append(row)
    return grid


def _take_carry(carry: dict[int, tuple[str, int]], col: int, row: list[str]) -> int:
    text, left = carry.pop(col)
    row.append(text)
    if left > 1:
        carry[col] = (text, left - 1)
    return col + 1


def _span(value: str | None) -> int:
    try:
        return max(1, min(int(str(value).strip()), 100))
    except (TypeError, ValueError):
        return 1
