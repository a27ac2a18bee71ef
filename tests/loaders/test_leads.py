"""loaders.leads: lead, support and lead_basis per CONVENTIONS.md."""

from __future__ import annotations

from loaders.leads import decide


def d(units, collective=(), leads=(), supports=(), joint=False, declared=False, has_clause=True):
    specific = [u for u in units if u not in collective]
    return decide(list(units), specific, list(leads), list(supports), joint=joint, declared=declared,
                  has_clause=has_clause)


def test_no_clause():
    assert d([], has_clause=False) == ([], [], "none")


def test_declared_first_leads_and_dedupes_support():
    assert d(["甲局", "乙局", "丙局", "乙局"], declared=True) == (["甲局"], ["乙局", "丙局"], "declared_first")


def test_one_unit_under_a_declaration_is_declared_first():
    assert d(["市建委"], declared=True) == (["市建委"], [], "declared_first")


def test_declared_with_collective_first_has_no_lead():
    assert d(["各县(市、区)政府", "市发改委"], collective=["各县(市、区)政府"], declared=True) == \
        ([], ["市发改委"], "declared_first")


def test_explicit_label_wins_over_declaration():
    assert d(["乙局", "甲局"], leads=["甲局"], declared=True) == (["甲局"], ["乙局"], "explicit")


def test_joint_has_no_lead_and_everyone_supports():
    assert d(["组织部", "经发局", "各镇、街道"], collective=["各镇、街道"], joint=True) == \
        ([], ["组织部", "经发局"], "joint")


def test_collective_only_wins_over_joint():
    assert d(["领导小组成员单位"], collective=["领导小组成员单位"], joint=True) == ([], [], "collective_only")


def test_single_with_a_collective_beside_it():
    assert d(["市人社局", "相关职能部门"], collective=["相关职能部门"]) == (["市人社局"], [], "single")


def test_convention_first():
    assert d(["市经信委", "市质监局"]) == (["市经信委"], ["市质监局"], "convention_first")


def test_convention_first_with_a_collective_first_entry_has_no_lead():
    got = d(["成员单位", "各县市区政府", "娄底经开区", "万宝新区管委会"], collective=["成员单位", "各县市区政府"])
    assert got == ([], ["娄底经开区", "万宝新区管委会"], "convention_first")


def test_a_collective_labelled_lead_is_no_specific_lead():
    assert d(["各县区政府", "市发改委"], collective=["各县区政府"], leads=["各县区政府"]) == ([], ["市发改委"], "explicit")
