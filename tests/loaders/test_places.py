"""loaders.places: gazetteer look-ups and places read from text."""

from __future__ import annotations

from loaders.places import CITIES, PROVINCES, level_of, mentioned_cities, parent_of, place_from


def test_level_of():
    assert level_of("浙江省") == "province"
    assert level_of("嘉兴市") == "city"
    assert level_of("余杭区") == "district"
    assert level_of("磐安县") == "county"
    assert level_of("威海火炬高技术产业开发区") == "development_zone"


def test_mentioned_cities():
    assert mentioned_cities("与杭州主城接轨,学习宁波经验。余杭区") == {"杭州", "宁波"}


def test_place_from_takes_the_most_specific_nested_place():
    for text, want in [("浙江省嘉兴市南湖区行动计划", "南湖区"), ("义乌市质量强市行动方案", "义乌市"),
                       ("中共义乌市委办公室", "义乌市"), ("关于加快质量发展的意见", None)]:
        span = place_from(text, (0, len(text)))
        assert (text[span[0]:span[1]] if span else None) == want


def test_parent_of_each_level():
    assert parent_of("根据《浙江省质量提升计划》", "嘉兴市", "city") == "浙江省"
    assert parent_of("根据金华市方案", "磐安县", "county") == "金华市"
    assert parent_of("", "威海火炬高技术产业开发区", "development_zone") == "威海市"
    assert parent_of("全省", "浙江省", "province") is None
    assert parent_of("没有地名", "某县", "county") is None


def test_gazetteer_shape():
    assert len(PROVINCES) == 31 and CITIES["嘉兴"] == "浙江" and CITIES["娄底"] == "湖南"


def test_settle_level_uses_evidence_only_for_a_city_outside_the_gazetteer():
    from loaders.places import settle_level

    assert settle_level("莱芜市", "county", "各区人民政府,市政府各部门:") == "city"
    assert settle_level("莱芜市", "county", "各县市区人民政府:") == "city"
    assert settle_level("乐清市", "county", "各乡镇人民政府、街道办事处:") == "county"
    assert settle_level("乐清市", "county", "乐清市是县级市。各县(市、区)人民政府:") == "county"
    assert settle_level("乐清市", "county", "") == "county"
    assert settle_level("南湖区", "district", "各区人民政府:") == "district"
    assert settle_level("娄底市", "city", "各乡镇人民政府:") == "city"  # the gazetteer wins
    assert level_of("阿里地区") == "city"
