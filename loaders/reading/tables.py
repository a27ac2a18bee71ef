"""Tables as text, the same way for HTML and DOCX: one row per line, cells separated by a TAB.

Examples
--------
>>> cells_to_lines([["序号", "重点任务", "牵头单位"], ["1", "建设", "市发改委"]])
['序号\\t重点任务\\t牵头单位', '1\\t建设\\t市发改委']
"""

from __future__ import annotations

import re

_SPACE = re.compile(r"[\s\xa0]+")


def clean_cell(text: str) -> str:
    """A cell's text on one line: inner line breaks and TABs become single spaces."""
    return _SPACE.sub(" ", text).strip()


def cells_to_lines(rows: list[list[str]]) -> list[str]:
    """One line per row; rows with no text at all are skipped; trailing empty cells trimmed."""
    lines = []
    for row in rows:
        cells = [clean_cell(c) for c in row]
        while cells and not cells[-1]:
            cells.pop()
        if cells:
            lines.append("\t".join(cells))
    return lines
