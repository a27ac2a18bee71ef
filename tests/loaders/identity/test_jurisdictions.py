"""Jurisdiction ids, levels and parents; explicit placeholders when a parent is unknown."""

from __future__ import annotations

from loaders.identity.jurisdictions import ancestor, guess_level, lower, place, plan_jurisdiction, short_name
from loaders.ids import jurisdiction_id


def test_parents_from_the_plan_and_the_gazetteer():
    j = plan_jurisdiction("余杭区", "district", "杭州市")
    assert [(a.name, a.level) for a in j.chain()] == [("余杭区", "district"), ("杭州市", "city"), ("浙江省", "province")]
    inferred = plan_jurisdiction("余杭区", "district", None)   # unique name: parent from the gazetteer
    assert inferred.id == j.id and inferred.parent.id == j.parent.id


def test_city_id_is_the_same_from_every_plan():
    own = plan_jurisdiction("杭州市", "city", "浙江省")
    as_parent = plan_jurisdiction("余杭区", "district", "杭州市").parent
    assert own.id == as_parent.id == jurisdiction_id("杭州市", "city")


def test_traditional_names_are_one_jurisdiction():
    assert plan_jurisdiction("婁底市", "city", None).id == plan_jurisdiction("娄底市", "city", "湖南省").id


def test_zone_keeps_its_level_and_parent():
    j = plan_jurisdiction("威海火炬高技术产业开发区", "development_zone", "威海市")
    assert (j.level, j.parent.name, j.parent.parent.name) == ("development_zone", "威海市", "山东省")


def test_same_district_name_in_two_cities_are_two_jurisdictions():
    a = plan_jurisdiction("鼓楼区", "district", "南京市")
    b = plan_jurisdiction("鼓楼区", "district", "福州市")
    assert a.id != b.id and a.parent.name == "南京市" and b.parent.name == "福州市"


def test_unknown_parent_is_an_explicit_placeholder():
    j = plan_jurisdiction("朝阳区", "district", None)    # two 朝阳区 in China: parent not evident
    assert j.parent is None
    city = ancestor(j, "city")
    assert city.id != j.id and not city.known and city.name == "未知上级市(朝阳区)" and city.level == "city"
    assert ancestor(j, "city").id == city.id          # deterministic


def test_lower_is_unspecified_child():
    city = plan_jurisdiction("嘉兴市", "city", "浙江省")
    d = lower(city, "district")
    assert d.parent is city and not d.known and "嘉兴市" in d.name


def test_place_names():
    jx = plan_jurisdiction("嘉兴市", "city", "浙江省")
    assert place("嘉兴", jx).id == jx.id
    assert place("余杭区", jx).parent.name == "杭州市"
    assert short_name("嘉兴市") == "嘉兴" and short_name("磐安县") == "磐安"


def test_guess_level():
    assert guess_level("磐安县") == "county"
    assert guess_level("余杭区") == "district"
    assert guess_level("浙江省") == "province"
    assert guess_level("某某经济开发区") == "development_zone"


def test_plan_without_jurisdiction_gets_its_own_placeholder():
    j = plan_jurisdiction(None, None, None, "x.txt")
    assert not j.known and "x.txt" in j.name


def test_county_level_city_is_one_node_whatever_the_plan_calls_it():
    as_city = plan_jurisdiction("义乌市", "city", "金华市")
    as_county = plan_jurisdiction("义乌市", "county", None)
    seen_from_jinhua = place("义乌市", plan_jurisdiction("金华市", "city", "浙江省"))
    assert as_city.id == as_county.id == seen_from_jinhua.id
    assert as_city.level == "city" and as_city.parent.name == "金华市"


def test_compound_and_short_plan_names():
    assert plan_jurisdiction("杭州市余杭区", "district", None).id == plan_jurisdiction("余杭区", "district", "杭州市").id
    short = plan_jurisdiction("嘉兴", "city", None)
    assert short.name == "嘉兴市" and short.id == plan_jurisdiction("嘉兴市", "city", "浙江省").id


def test_zone_key_collapses_abbreviations_and_the_place_suffix():
    from loaders.identity.jurisdictions import zone_key
    assert zone_key("娄底经开区") == zone_key("娄底市经开区") == zone_key("娄底经济技术开发区") == "娄底经济技术开发区"
    assert zone_key("泰州高新区") == "泰州高新技术产业开发区"
    assert zone_key("万宝新区") == "万宝新区"


def test_named_zone_is_the_zone_of_its_own_plan():
    from loaders.identity.jurisdictions import zone
    city = plan_jurisdiction("娄底市", "city", "湖南省")
    assert zone("娄底经开区", city).id == plan_jurisdiction("娄底经济技术开发区", "development_zone", "娄底市").id
    assert zone("娄底经开区", city).level == "development_zone"


def test_a_short_name_shared_by_a_city_and_a_county_is_the_city():
    from loaders.identity.jurisdictions import gazetteer
    gaz = gazetteer()
    code = gaz.find("南昌", "360000000000")
    assert gaz.by_code[code] == ("南昌市", "city")
