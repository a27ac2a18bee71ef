"""generic_collective: names that stand for every body of a kind."""

from __future__ import annotations

import pytest

from loaders.identity.collectives import generic_collective


@pytest.mark.parametrize("name", [
    "街道办事处", "乡镇人民政府", "乡镇政府", "镇人民政府", "村委会", "村民委员会", "社区居委会", "村(社区)",
    "各村(居)", "区属国有企业", "辖区各企业", "区内重点企业", "规模以上工业企业", "县委县政府各部门", "园区各部门",
])
def test_generic_names_in_a_county_plan_are_collective(name):
    assert generic_collective(name, "county")


@pytest.mark.parametrize("name", [
    "新华村村委会", "莱钢集团", "市场监管局", "镇党政办", "街道综治中心", "市城投集团", "县企业服务中心", "市中小企业局",
])
def test_named_bodies_are_not(name):
    assert not generic_collective(name, "county")


def test_a_town_plan_names_its_own_government():
    assert not generic_collective("镇政府", "town") and not generic_collective("街道办事处", "town")
    assert generic_collective("镇政府", "district") and generic_collective("街道办事处", None)
    assert generic_collective("乡镇人民政府", "town")  # 乡镇: both kinds, so never one body


@pytest.mark.parametrize("name", [
    "县(市、区)人民政府", "县市区政府", "县级人民政府", "行业主管部门", "属地政府", "驻泰单位", "试点县市区政府",
])
def test_every_lower_government_or_every_body_of_a_kind(name):
    assert generic_collective(name, "city")


@pytest.mark.parametrize("name", ["区政府", "县政府", "市政府", "县人民政府"])
def test_one_government_is_not(name):
    assert not generic_collective(name, "city")
