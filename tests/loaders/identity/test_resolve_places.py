"""resolve_mention across plans and places: cross-plan identity, county-level cities, towns,
zones, place-named branches, vertical bodies, generic collectives, Party bodies, societies."""

from __future__ import annotations

import pytest

from loaders.identity.resolve import PlanContext, resolve_mention

PANAN = PlanContext.of("磐安县", "county", "金华市")

GUANGZHOU = PlanContext.of("广州市", "city", "广东省")
TIANHE = PlanContext.of("天河区", "district", "广州市")
YUEQING = PlanContext.of("乐清市", "county", "温州市")
WENZHOU = PlanContext.of("温州市", "city", "浙江省")
LOUDI = PlanContext.of("婁底市", "city", "湖南省")
LOUDI_ZONE = PlanContext.of("娄底经济技术开发区", "development_zone", "娄底市")


@pytest.mark.parametrize("in_district, in_city", [
    ("市发改委", "广州市发展和改革委员会"), ("市民政局", "市民政局"), ("团市委", "共青团广州市委"),
    ("市政协", "市政协"), ("市政务服务中心", "市政务服务中心"),
])
def test_a_city_bureau_named_in_a_district_plan_is_the_city_plans_agency(in_district, in_city):
    a, b = resolve_mention(in_district, TIANHE), resolve_mention(in_city, GUANGZHOU)
    assert a.id == b.id and a.jurisdiction.name == "广州市"


@pytest.mark.parametrize("in_city, in_district", [
    ("市生态环境局天河分局", "区生态环境分局"), ("市公安局天河区分局", "区公安分局"), ("天河区市场监管局", "区市场监管局"),
    ("天河区人民政府", "区政府"),
])
def test_a_district_body_named_in_the_city_plan_is_the_district_plans_agency(in_city, in_district):
    a, b = resolve_mention(in_city, GUANGZHOU), resolve_mention(in_district, TIANHE)
    assert a.id == b.id and a.jurisdiction.name == "天河区"


def test_place_named_branch_serves_its_place():
    ref = resolve_mention("市生态环境局天河分局", TIANHE)
    assert ref.branch and ref.function == "ecology_environment" and ref.jurisdiction.name == "天河区"
    assert ref.id != resolve_mention("市生态环境局", TIANHE).id
    zone = resolve_mention("市生态环境局开发区分局", LOUDI_ZONE)
    assert zone.jurisdiction.id == LOUDI_ZONE.jurisdiction.id and zone.branch


def test_county_level_city_plan_reads_shi_as_itself():
    own = resolve_mention("市市场监管局", YUEQING)
    assert own.jurisdiction.name == "乐清市" and own.jurisdiction.parent.name == "温州市"
    assert resolve_mention("温州市市场监管局", YUEQING).id == resolve_mention("市市场监管局", WENZHOU).id
    assert resolve_mention("乐清市市场监管局", WENZHOU).id == own.id
    assert PlanContext.of("乐清市", "city", None).jurisdiction.id == YUEQING.jurisdiction.id


def test_town_under_a_county_level_city_reads_shi_as_that_city():
    town = PlanContext.of("柳市镇", "town", "乐清市")
    assert resolve_mention("市发改局", town).id == resolve_mention("市发改局", YUEQING).id
    assert resolve_mention("镇派出所", town).jurisdiction.name == "柳市镇"
    assert resolve_mention("县市场监管局", PlanContext.of("新市镇", "town", "德清县")).jurisdiction.name == "德清县"


def test_named_development_zones_get_their_own_jurisdiction():
    zone = resolve_mention("婁底經開區", LOUDI)
    assert zone.function == "development_zone_admin" and zone.jurisdiction.level == "development_zone"
    assert zone.jurisdiction.parent.name == "娄底市"
    # the zone's own plan, whatever it calls its committee, is the same zone and the same agency
    for name in ("管委会", "经开区管委会", "娄底经济技术开发区管委会"):
        assert resolve_mention(name, LOUDI_ZONE).id == zone.id
    wanbao = resolve_mention("萬寶新區管委會", LOUDI)
    assert wanbao.jurisdiction.name == "万宝新区" and wanbao.id != zone.id
    assert resolve_mention("万宝新区管委会", LOUDI_ZONE).id == wanbao.id  # a sibling zone, not the plan's own
    county_zone = resolve_mention("经济开发区管委会", PlanContext.of("宁国市", "county", "宣城市"))
    assert county_zone.jurisdiction.parent.name == "宁国市" and county_zone.jurisdiction.level == "development_zone"


@pytest.mark.parametrize("name, place", [
    ("国网泰州供电公司", "泰州市"), ("人行南昌中心支行", "南昌市"), ("南昌海关", "南昌市"),
    ("国家税务总局广州市天河区税务局", "天河区"), ("江西出入境检验检疫局", "江西省"),
])
def test_vertical_bodies_sit_at_the_place_their_name_gives(name, place):
    ctx = PlanContext.of("江西省", "province", None) if "南昌" in name or "江西" in name else GUANGZHOU
    if "泰州" in name:
        ctx = PlanContext.of("泰兴市", "county", "泰州市")
    ref = resolve_mention(name, ctx)
    assert ref.vertical and ref.jurisdiction.name == place


@pytest.mark.parametrize("name, ctx", [
    ("街道办事处", TIANHE), ("乡镇人民政府", PANAN), ("村委会", PANAN), ("区属国有企业", TIANHE), ("辖区各企业", TIANHE),
])
def test_generic_lower_bodies_are_collective(name, ctx):
    assert resolve_mention(name, ctx).kind == "collective"


def test_party_and_government_bodies_stay_apart():
    assert resolve_mention("市委宣传部", GUANGZHOU).party and not resolve_mention("市文明办", GUANGZHOU).party
    assert resolve_mention("市委编办", GUANGZHOU).id == resolve_mention("市编办", GUANGZHOU).id
    assert resolve_mention("县委县政府督查室", PANAN).function == "government_office"
    assert resolve_mention("市政法委", GUANGZHOU).function == "political_legal"


def test_field_units_are_told_apart_by_name_not_collapsed_by_function():
    taizhou = PlanContext.of("泰州市", "city", "江苏省")
    traffic = {resolve_mention(n, taizhou).id for n in ("市公安局交通警察支队", "市公安交警支队", "市交警支队")}
    assert len(traffic) == 1
    assert resolve_mention("市公安局治安支队", taizhou).id not in traffic
    assert resolve_mention("市公安局", taizhou).id not in traffic


def test_a_zone_named_before_a_bureau_is_where_the_bureau_sits():
    taizhou = PlanContext.of("泰州市", "city", "江苏省")
    a, b = resolve_mention("高新区财政局", taizhou), resolve_mention("泰州高新区财政局", taizhou)
    assert a.id == b.id and a.function == "finance" and a.jurisdiction.level == "development_zone"
    assert a.jurisdiction.parent.name == "泰州市" and a.id != resolve_mention("市财政局", taizhou).id


def test_plural_department_names_are_the_bureau():
    assert resolve_mention("市教育部门", GUANGZHOU).id == resolve_mention("市教育局", GUANGZHOU).id


def test_autonomous_region_and_prefecture_prefixes():
    banner = PlanContext.of("准格尔旗", "county", "鄂尔多斯市")
    assert resolve_mention("自治区发改委", banner).jurisdiction.name == "内蒙古自治区"
    assert resolve_mention("旗发改委", banner).jurisdiction.name == "准格尔旗"
    aksu = PlanContext.of("阿克苏地区", "city", "新疆维吾尔自治区")
    party = resolve_mention("地委宣传部", aksu)
    assert party.party and party.jurisdiction.name == "阿克苏地区" and party.function == "propaganda"
    assert resolve_mention("地委办公室", aksu).function == "party_office"
    assert resolve_mention("行署办公室", aksu).function == "government_office"
    assert resolve_mention("地区财政局", aksu).jurisdiction.id == aksu.jurisdiction.id
    assert resolve_mention("各苏木乡镇人民政府", banner).kind == resolve_mention("嘎查村", banner).kind == "collective"


def test_an_aside_inside_a_name_is_not_part_of_it():
    hz = PlanContext.of("杭州市", "city", "浙江省")
    ref = resolve_mention("杭州高新区(滨江)管委会", hz)
    assert ref.function == "development_zone_admin" and ref.jurisdiction.level == "development_zone"
    assert ref.id == resolve_mention("杭州高新区管委会", hz).id


@pytest.mark.parametrize("name", ["区委", "天河区委", "中共天河区委", "中共天河区委员会"])
def test_a_party_committee_is_one_agency_with_its_own_function(name):
    ref = resolve_mention(name, TIANHE)
    assert ref.function == "party_committee" and ref.party and ref.jurisdiction.name == "天河区"
    assert ref.id == resolve_mention("区委", TIANHE).id != resolve_mention("区政府", TIANHE).id


def test_cpc_prefix_and_congress_forms():
    ref = resolve_mention("中共广州市委宣传部", TIANHE)
    assert ref.party and ref.jurisdiction.name == "广州市" and ref.id == resolve_mention("市委宣传部", GUANGZHOU).id
    assert resolve_mention("区人大", TIANHE).id == resolve_mention("区人大常委会", TIANHE).id


@pytest.mark.parametrize("name, code", [
    ("市律师协会", "association"), ("市体育总会", "association"), ("市银行业协会", "association"),
    ("市科学技术协会", "science_association"), ("市消费者协会", "consumer_protection"), ("市妇女联合会", "women_federation"),
    ("市总商会", "federation_industry_commerce"), ("市计划生育协会", "population_family_planning"),
])
def test_a_society_named_after_a_field_is_an_association_unless_its_function_is_a_society(name, code):
    assert resolve_mention(name, GUANGZHOU).function == code


def test_zone_committee_shapes_and_the_zone_party_committee():
    county = PlanContext.of("平江县", "county", "岳阳市")
    zone = PlanContext.of("临沂经济技术开发区", "development_zone", "临沂市")
    for name in ("工业园区管理办公室", "县产业园区管委会", "高新区党工委管委会"):
        ref = resolve_mention(name, county)
        assert ref.function == "development_zone_admin" and ref.jurisdiction.level == "development_zone", name
        assert ref.jurisdiction.name.startswith("平江"), name
    assert resolve_mention("经开区党工委", zone).id == resolve_mention("党工委", zone).id
    assert resolve_mention("党工委", zone).party
