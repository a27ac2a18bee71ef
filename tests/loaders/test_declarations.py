"""loaders.declarations: the ways a plan says that the first-listed unit leads."""

from __future__ import annotations

import pytest

from loaders.declarations import CARRY, find_declaration, find_declarations
from loaders.text import normalise


@pytest.mark.parametrize("words", [
    "列第一位的为牵头单位", "排位第一的为牵头单位", "排在第一位的为牵头单位", "排名第一的单位为牵头单位",
    "排在首位的为牵头单位", "第一个单位为牵头单位", "第一责任单位为牵头单位", "列第一位的部门为牵头部门",
    "排在第一位的单位牵头", "牵头单位列第一位", "排序第一的为牵头单位",
])
def test_declaration_wordings(words):
    text = f"以下各项任务中{words}。"
    m = find_declaration(text, 0, len(text))
    assert m and text[m.start():m.end()] == words


def test_xiatong_is_part_of_the_declaration():
    text = normalise("(责任单位:市质监局、市经信委，列第一位的为牵头单位，下同)")
    m = find_declaration(text, 0, len(text))
    assert CARRY.search(text, m.start(), m.end())


@pytest.mark.parametrize("text", ["由市发改委牵头,市财政局配合", "第一,加强领导。市发改委牵头负责", "牵头单位:市发改委"])
def test_lead_words_that_declare_nothing(text):
    assert find_declaration(text, 0, len(text)) is None


def test_every_declaration_is_found():
    text = "甲(列第一位的为牵头单位)乙(排位第一的为牵头单位,下同)"
    assert len(find_declarations(text, 0, len(text))) == 2
