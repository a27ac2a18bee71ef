"""loaders.units: splitting entries, wrappers, open lists, collectives, prefix shorthand."""

from __future__ import annotations

import pytest

from loaders.units import has_prefix, is_collective, looks_like_body, resolve_prefixes, split_entries


def entries(text: str) -> tuple[list[str], bool]:
    spans, open_list = split_entries(text, 0, len(text))
    return [text[a:b] for a, b in spans], open_list


def test_split_on_every_separator_at_depth_zero():
    assert entries("市发改委、市财政局,市商务局;市经信委") == (["市发改委", "市财政局", "市商务局", "市经信委"], False)


def test_entries_with_an_inner_separator_stay_whole():
    assert entries("市民政局,各县(市、区)政府") == (["市民政局", "各县(市、区)政府"], False)
    assert entries("组织部、经发局,各镇、街道等按职责分工负责") == (["组织部", "经发局", "各镇、街道"], True)


def test_a_second_collective_is_not_absorbed():
    assert entries("各镇、各街道") == (["各镇", "各街道"], False)
    assert entries("各县区政府、市发改委") == (["各县区政府", "市发改委"], False)


@pytest.mark.parametrize("text,names,open_list", [
    ("经发局、财政局、科技局、市场监管局等部门按职责分工负责", ["经发局", "财政局", "科技局", "市场监管局"], True),
    ("区市场监管局、区发改局等", ["区市场监管局", "区发改局"], True),
    ("市场监管局负责", ["市场监管局"], False),
    ("区创建全国质量强市示范城市工作领导小组成员单位按职责分工负责", ["区创建全国质量强市示范城市工作领导小组成员单位"], False),
    ("各有关单位 ", ["各有关单位"], False),
    ("高等院校、市教育局", ["高等院校", "市教育局"], False),
])
def test_wrapper_words_are_removed(text, names, open_list):
    assert entries(text) == (names, open_list)


@pytest.mark.parametrize("name", ["各有关单位", "各县(市、区)政府", "相关职能部门", "各镇、街道",
                                  "市质量强市领导小组成员单位", "各相关职能部门和试点县市区", "区直各部门"])
def test_collective_entries(name):
    assert is_collective(name)


@pytest.mark.parametrize("name", ["市质量强市领导小组办公室", "市发改委", "嘉兴检验检疫局", "市场监管局", "娄底经开区"])
def test_specific_entries(name):
    assert not is_collective(name)


@pytest.mark.parametrize("name,ok", [("市发改委", True), ("婁底日報社", True), ("QC", False), ("县", False),
                                     ("GMP", False), ("2017~2019年", False), ("重点产品质量", False)])
def test_looks_like_body(name, ok):
    assert looks_like_body(name) is ok


def test_prefix_is_not_the_start_of_a_word():
    assert has_prefix("市发改委") and has_prefix("区科技局") and has_prefix("市政府金融办")
    assert not has_prefix("市场监管局") and not has_prefix("市政局") and not has_prefix("财政局")


def test_prefix_shorthand_carries_to_bare_bureau_names():
    assert resolve_prefixes(["市发改委", "国土局", "财政局"]) == ["市发改委", "市国土局", "市财政局"]


def test_prefix_shorthand_never_touches_place_named_or_collective_entries():
    got = resolve_prefixes(["市质监局", "嘉兴检验检疫局", "各县(市、区)政府", "人行嘉兴中心支行"], places=("嘉兴",))
    assert got == ["市质监局", "嘉兴检验检疫局", "各县(市、区)政府", "人行嘉兴中心支行"]


def test_zone_names_starting_with_shi_are_not_prefixed():
    assert resolve_prefixes(["市场监管局", "财政局", "市政局"]) == ["市场监管局", "财政局", "市政局"]


def test_a_new_prefix_takes_over():
    assert resolve_prefixes(["市发改委", "区财政局", "商务局"]) == ["市发改委", "区财政局", "区商务局"]


def test_place_test_may_be_a_function():
    assert resolve_prefixes(["县发改局", "磐安海关"], places=lambda n: n.startswith("磐安")) == ["县发改局", "磐安海关"]


def test_bracket_pairs_outermost_only_and_unclosed_openers_ignored():
    from loaders.units import bracket_pairs

    text = "加强(甲〔乙(丙)〕)再(丁)"
    assert [text[a:b] for a, b in bracket_pairs(text, 0, len(text))] == ["(甲〔乙(丙)〕)", "(丁)"]
    text = "加强(加强(加强(责任单位:市发改委)"
    assert [text[a:b] for a, b in bracket_pairs(text, 0, len(text))] == ["(责任单位:市发改委)"]
    text = "((((" * 1000 + ")"
    assert len(bracket_pairs(text, 0, len(text))) == 1


def test_ge_carries_to_a_town_level_office_after_the_separator():
    assert entries("各镇人民政府、街道办事处,区级有关部门")[0] == ["各镇人民政府、街道办事处", "区级有关部门"]
    assert entries("各乡镇人民政府、街道办")[0] == ["各乡镇人民政府、街道办"]
    assert entries("各县(市、区)政府、街道办事处")[0] == ["各县(市、区)政府", "街道办事处"]  # not a town-level 各


@pytest.mark.parametrize("units, expected", [
    (["市发改委", "民政局", "市民政局"], ["市发改委", "市民政局", "市民政局"]),
    (["县发改局", "县市场监管局", "财政局"], ["县发改局", "县市场监管局", "县财政局"]),
    (["市场监管局", "财政局"], ["市场监管局", "财政局"]),
])
def test_prefix_words_follow_the_identity_rule(units, expected):
    """市民政局 and 县市场监管局 carry their own prefix; 市场监管局 has none to pass on."""
    assert resolve_prefixes(units) == expected


@pytest.mark.parametrize("text,names", [
    ("市经信局 市市场监管局 市科技局", ["市经信局", "市市场监管局", "市科技局"]),
    ("市商务局\t湖州海关、市财政局", ["市商务局", "湖州海关", "市财政局"]),
    ("区卫生 健康局、区民政局", ["区卫生 健康局", "区民政局"]),  # a space inside one name: not a list
    ("市发改委 2020年底前", ["市发改委 2020年底前"]),
])
def test_a_list_written_with_spaces_splits_only_when_every_piece_reads_as_a_body(text, names):
    assert [text[a:b] for a, b in split_entries(text, 0, len(text))[0]] == names


@pytest.mark.parametrize("text,names", [
    ("市财政局,各区、县(市)人民政府", ["市财政局", "各区、县(市)人民政府"]),
    ("各县、市、区,市发改委", ["各县、市、区", "市发改委"]),
    ("各区、市财政局", ["各区", "市财政局"]),  # a body after 、 is its own entry
    ("各相关职能部门和试点县市区", ["各相关职能部门和试点县市区"]),  # 和 is no separator (annotated so)
])
def test_ge_carries_over_a_list_of_administrative_levels(text, names):
    assert entries(text)[0] == names
