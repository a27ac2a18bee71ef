"""Word documents (.docx) to text: paragraphs and tables in document order.

Each paragraph is one line (a manual line break inside it starts a new line);
automatic list numbering (一、 / （一） / 1. as Word generates it) is written
in front of the paragraph's text, as a reader sees it (see
``loaders.reading.numbering``). Tables render as in HTML: one row per line,
cells separated by a TAB, a blank line before and after; a vertically merged
cell is repeated in every row it covers, a horizontally merged one is followed
by empty cells. Deleted (tracked) text, field codes, text boxes, headers and
footers are left out.
"""

from __future__ import annotations

import io
import zipfile

import docx
from docx.opc.exceptions import OpcError
from lxml import etree

from agencynet.errors import ExtractionError
from loaders.reading.failures import describe
from loaders.reading.numbering import Numbering
from loaders.reading.tables import cells_to_lines

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SKIP_ANCESTORS = {W + "del", W + "txbxContent", W + "moveFrom"}
_TEXT_TAGS = (W + "t", W + "tab", W + "br", W + "cr", W + "noBreakHyphen", W + "sym")


def read_docx(data: bytes, name: str) -> str:
    """Text of a .docx file.

    Raises
    ------
    ExtractionError
        The file is not a readable Word package (corrupt ZIP, missing main
        document part, malformed XML) or holds no text.
    """
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except (zipfile.BadZipFile, OpcError, KeyError, ValueError, etree.XMLSyntaxError, EOFError) as exc:
        raise ExtractionError(name, f"corrupt or unreadable .docx file: {describe(exc)}") from None
    numbering = Numbering.from_document(document)
    lines: list[str] = []
    _block_items(body, lines, numbering)
    while lines and lines[-1] == "":
        lines.pop()
    while lines and lines[0] == "":
        lines.pop(0)
    if not "".join(lines).strip():
        raise ExtractionError(name, ".docx file has no text in its paragraphs or tables")
    return "\n".join(lines) + "\n"


def _block_items(parent, lines: list[str], numbering: Numbering) -> None:
    """Paragraphs and tables under ``parent`` (body or content control), in order."""
    for child in parent.iterchildren():
        if child.tag == W + "p":
            for line in paragraph_text(child, numbering).split("\n"):
                line = line.strip()
                if line:
                    lines.append(line)
        elif child.tag == W + "tbl":
            if lines and lines[-1] != "":
                lines.append("")
            lines.extend(cells_to_lines(table_grid(child)))
            lines.append("")
        elif child.tag in (W + "sdt", W + "customXml"):
            content = child.find(W + "sdtContent")
            _block_items(content if content is not None else child, lines, numbering)


def paragraph_text(p, numbering: Numbering | None = None) -> str:
    """Visible text of one ``w:p`` element, with its list number if it has one."""
    parts: list[str] = []
    for el in p.iter(*_TEXT_TAGS):
        if any(a.tag in _SKIP_ANCESTORS for a in el.iterancestors()):
            continue
        tag = el.tag
        if tag == W + "t":
            parts.append(el.text or "")
        elif el.getparent().tag != W + "r":
            continue  # e.g. tab stops in paragraph properties
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in (W + "br", W + "cr"):
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
    text = "".join(parts)
    if numbering is not None:
        label = numbering.label(p)
        if label:
            text = label + text
    return text


def table_grid(tbl) -> list[list[str]]:
    """Rows of cell texts; gridSpan padded with empty cells, vMerge continuation repeated."""
    grid: list[list[str]] = []
    above: dict[int, str] = {}
    for tr in tbl.iterchildren(W + "tr"):
        row: list[str] = []
        col = 0
        for tc in tr.iterchildren(W + "tc"):
            props = tc.find(W + "tcPr")
            span, merge = 1, None
            if props is not None:
                gs = props.find(W + "gridSpan")
                if gs is not None:
                    span = _int(gs.get(W + "val"), 1)
                vm = props.find(W + "vMerge")
                if vm is not None:
                    merge = vm.get(W + "val") or "continue"
            text = above.get(col, "") if merge == "continue" else _cell_text(tc)
            for k in range(span):
                row.append(text if k == 0 else "")
                above[col + k] = text if k == 0 else ""
            col += span
        grid.append(row)
    return grid


def _cell_text(tc) -> str:
    """A cell's paragraphs (nested tables included) joined by spaces."""
    texts = [paragraph_text(p) for p in tc.iter(W + "p")]
    return " ".join(t.strip() for t in texts if t.strip())


def _int(value, default: int) -> int:
    try:
        return max(1, min(int(value), 100))
    except (TypeError, ValueError):
        return default
