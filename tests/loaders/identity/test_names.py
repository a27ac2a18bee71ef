"""Mention parsing: script, width, level prefixes, word-initial 市, markers, branches."""

from __future__ import annotations

import pytest

from loaders.identity.names import body_class, clean, level_prefix, matching_form, parse_name


def test_clean_and_matching_form():
    assert clean(" 市 发改委 ") == "市发改委"
    assert clean("（市质监局）") == "(市质监局)"
    assert matching_form("市衛生計生委") == "市卫生计生委"
    assert matching_form("市质监局") == "市质监局"


@pytest.mark.parametrize("name, prefix", [
    ("市发改委", "市"), ("区市场监管局", "区"), ("县财政局", "县"), ("省发展改革委", "省"), ("街道办事处综治办", "街道"),
    ("市场监管局", None), ("市政局", None), ("市民中心", None), ("区域合作办", None), ("市市场监管局", "市"),
])
def test_level_prefix(name, prefix):
    assert level_prefix(name) == prefix


def test_market_is_a_word_not_a_prefix():
    """The Weihai zone's 市场监管局: its 市 is part of the word 市场."""
    p = parse_name("市场监管局")
    assert (p.level_prefix, p.core) == (None, "市场监管局")
    p = parse_name("市市场监管局")
    assert (p.level_prefix, p.core) == ("市", "市场监管局")


def test_party_and_government_markers():
    p = parse_name("市委组织部")
    assert (p.level_prefix, p.party, p.core) == ("市", True, "组织部")
    p = parse_name("市政府金融辦")
    assert (p.level_prefix, p.government, p.party, p.core) == ("市", True, False, "金融办")
    p = parse_name("区政府")
    assert (p.government, p.core, p.body_class) == (True, "", "government")


def test_traditional_is_parsed_like_simplified():
    t, s = parse_name("市質量強市領導小組辦公室"), parse_name("市质量强市领导小组办公室")
    assert t.text == "市質量強市領導小組辦公室"
    assert (t.simplified, t.core, t.body_class) == (s.simplified, s.core, s.body_class)


@pytest.mark.parametrize("name, kind, branch", [
    ("公安分局", "branch", True), ("环保分局", "branch", True), ("发改委", "department", False),
    ("发展和改革委员会", "department", False), ("金融办", "office", False), ("政府办公室", "office", False),
    ("政务服务中心", "centre", False), ("服务业管理处", "division", False), ("日报社", "media", False),
    ("总工会", "association", False), ("经济开发区管委会", "committee", False), ("供电公司", "enterprise", False),
])
def test_body_kinds_and_branches(name, kind, branch):
    p = parse_name(name)
    assert (p.body_class, p.branch) == (kind, branch)
    assert body_class(name) == kind


def test_place_prefix_comes_from_the_finder():
    p = parse_name("嘉兴检验检疫局", lambda s: "嘉兴" if s.startswith("嘉兴") else None)
    assert (p.place, p.level_prefix, p.core) == ("嘉兴", None, "检验检疫局")
    assert parse_name("嘉兴检验检疫局").place is None


def test_second_name_in_brackets_is_not_part_of_the_core():
    p = parse_name("市发改委(市物价局)")
    assert (p.core, p.body_class) == ("发改委", "department")
    assert p.text == "市发改委(市物价局)"


@pytest.mark.parametrize("mention, prefix, core", [
    ("市发改委牵头", "市", "发改委"), ("会同市财政局", "市", "财政局"), ("由区商务局", "区", "商务局"),
    ("区发改局等", "区", "发改局"), ("市“最多跑一次”改革办", "市", "最多跑一次改革办"),
])
def test_wrapper_words_and_quotes_left_by_an_extractor_are_not_part_of_the_name(mention, prefix, core):
    parsed = parse_name(mention)
    assert (parsed.level_prefix, parsed.core) == (prefix, core)
