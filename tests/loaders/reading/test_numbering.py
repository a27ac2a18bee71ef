"""Word list numbering written out as text (loaders.reading.numbering)."""

from __future__ import annotations

import pytest
from lxml import etree

from loaders.reading.numbering import Numbering, _Level, format_number

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(("n", "fmt", "expected"), [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (23, "chineseCountingThousand", "二十三"), (3, "decimal", "3"),
    (2, "decimalEnclosedCircle", "②"), (4, "lowerLetter", "d"), (28, "upperLetter", "AB"), (9, "upperRoman", "IX"),
    (5, "decimalFullWidth", "５"), (12, "chineseLegalSimplified", "拾贰"), (2, "ideographTraditional", "乙"),
    (7, "someFutureFormat", "7"),
])
def test_number_formats(n, fmt, expected):
    assert format_number(n, fmt) == expected


def _p(num_id: str | None, ilvl: int = 0):
    xml = f'<w:p xmlns:w="{W}"><w:pPr>'
    if num_id:
        xml += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'
    return etree.fromstring(xml + "</w:pPr></w:p>")


def test_deeper_levels_restart_and_levels_combine():
    numbering = Numbering(levels={"1": {0: _Level("chineseCounting", "%1、"), 1: _Level("decimal", "%1.%2 ")}})
    labels = [numbering.label(_p("1", lvl)) for lvl in (0, 1, 1, 0, 1)]
    assert labels == ["一、", "一.1 ", "一.2 ", "二、", "二.1 "]


def test_start_value_bullets_and_unlisted_paragraphs():
    numbering = Numbering(levels={"2": {0: _Level("decimal", "（%1）", start=3)}, "3": {0: _Level("bullet", "•")}})
    assert [numbering.label(_p("2")), numbering.label(_p("2"))] == ["（3）", "（4）"]
    assert numbering.label(_p("3")) == ""
    assert numbering.label(_p(None)) == ""
    assert numbering.label(_p("99")) == ""  # a list id the document does not define
