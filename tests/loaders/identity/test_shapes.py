"""Name shapes: system-prefixed vertical bodies, place-named branches, zone committees."""

from __future__ import annotations

import pytest

from loaders.identity import shapes


@pytest.mark.parametrize("name, system", [
    ("国网泰州供电公司", "国网"), ("国家税务总局广州市天河区税务局", "国家税务总局"), ("人行南昌中心支行", "人行"),
    ("国家金融监督管理总局泰州监管分局", "国家金融监督管理总局"), ("武警泰州支队", "武警"), ("中国移动泰州分公司", "中国移动"),
])
def test_system_prefix(name, system):
    assert shapes.system_prefix(name) == system


@pytest.mark.parametrize("name", ["市供电公司", "国网", "人行", "国土局", "人民医院"])
def test_no_system_prefix(name):
    assert shapes.system_prefix(name) is None


@pytest.mark.parametrize("core, expected", [
    ("生态环境局天河分局", ("生态环境局", "天河")), ("公安局天河区分局", ("公安局", "天河区")),
    ("自然资源和规划局开发区分局", ("自然资源和规划局", "开发区")), ("公安分局", None), ("生态环境分局", None),
])
def test_placed_branch(core, expected):
    assert shapes.placed_branch(core) == expected


@pytest.mark.parametrize("core, zone", [
    ("万宝新区管委会", "万宝新区"), ("经开区", "经开区"), ("经济开发区管委会", "经济开发区"),
    ("中央商务区管理委员会", "中央商务区"), ("工业园管委会", "工业园"), ("管委会", None), ("园区办", None),
    ("招商局", None),
])
def test_zone_part(core, zone):
    assert shapes.zone_part(core) == zone


def test_generic_zone_words_and_bare_committees():
    assert shapes.is_generic_zone("经开区") and shapes.is_generic_zone("国家级高新区")
    assert not shapes.is_generic_zone("万宝新区") and not shapes.is_generic_zone("娄底经开区")
    assert shapes.is_committee("管委会") and not shapes.is_committee("管委会办公室")


@pytest.mark.parametrize("core, expected", [
    ("高新区财政局", ("高新区", "财政局")), ("万宝新区社会事务局", ("万宝新区", "社会事务局")),
    ("经开区管委会经发局", ("经开区", "经发局")), ("财政局", None), ("新区", None),
])
def test_zone_body(core, expected):
    assert shapes.zone_body(core) == expected


@pytest.mark.parametrize("core, unit", [
    ("公安局交通警察支队", "交警支队"), ("公安交警支队", "交警支队"), ("交警支队", "交警支队"),
    ("公安局治安支队", "治安支队"), ("公安消防支队", "消防支队"), ("消防救援支队", "消防支队"), ("发改委", "发改委"),
])
def test_unit_core(core, unit):
    assert shapes.unit_core(core) == unit
