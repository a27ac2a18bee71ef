"""resolve_mention: one test per identity rule, then the samples as a whole."""

from __future__ import annotations

import pytest

from loaders.identity.resolve import PlanContext, inherit_prefixes, resolve_mention
from loaders.identity.taxonomy import UNCLASSIFIED

YUHANG = PlanContext.of("余杭区", "district", "杭州市")
HANGZHOU = PlanContext.of("杭州市", "city", "浙江省")
JIAXING = PlanContext.of("嘉兴市", "city", "浙江省")
WEIHAI_ZONE = PlanContext.of("威海火炬高技术产业开发区", "development_zone", "威海市")
PANAN = PlanContext.of("磐安县", "county", "金华市")


def test_level_resolution_district_own_and_parent_city():
    own = resolve_mention("区市场监管局", YUHANG)
    parent = resolve_mention("市市场监管局", YUHANG)
    assert own.jurisdiction.name == "余杭区" and parent.jurisdiction.name == "杭州市"
    assert own.id != parent.id


def test_parent_city_bureau_is_the_same_agency_as_in_the_city_plan():
    in_district = resolve_mention("市发改委", YUHANG)
    in_city = resolve_mention("市发展和改革委员会", HANGZHOU)
    assert in_district.id == in_city.id and in_district.jurisdiction.id == in_city.jurisdiction.id


def test_province_prefix_and_lower_prefix():
    prov = resolve_mention("省市场监管局", YUHANG)
    assert prov.jurisdiction.name == "浙江省"
    lower = resolve_mention("区财政局", JIAXING)
    assert lower.jurisdiction.parent.name == "嘉兴市" and not lower.jurisdiction.known


def test_unknown_parent_city_is_explicit_never_the_district():
    ctx = PlanContext.of("朝阳区", "district", None)
    ref = resolve_mention("市发改委", ctx)
    assert ref.jurisdiction.id != ctx.jurisdiction.id
    assert ref.jurisdiction.name == "未知上级市(朝阳区)" and ref.jurisdiction.level == "city"
    assert resolve_mention("区发改局", ctx).jurisdiction.id == ctx.jurisdiction.id


@pytest.mark.parametrize("ctx, name", [(WEIHAI_ZONE, "财政局"), (PANAN, "质监局"), (YUHANG, "科技局")])
def test_unprefixed_names_belong_to_the_plan(ctx, name):
    assert resolve_mention(name, ctx).jurisdiction.id == ctx.jurisdiction.id


def test_own_level_prefix_in_county_and_zone_plans():
    assert resolve_mention("县市场监督管理局", PANAN).id == resolve_mention("市场监管局", PANAN).id
    assert resolve_mention("区科技局", WEIHAI_ZONE).id == resolve_mention("科技局", WEIHAI_ZONE).id
    assert resolve_mention("市科技局", PANAN).jurisdiction.name == "金华市"


def test_weihai_zone_market_regulator_stays_a_zone_body():
    ref = resolve_mention("市场监管局", WEIHAI_ZONE)
    assert ref.jurisdiction.id == WEIHAI_ZONE.jurisdiction.id and ref.function == "market_regulation"
    city = resolve_mention("市市场监管局", WEIHAI_ZONE)
    assert city.jurisdiction.name == "威海市" and city.id != ref.id
    assert resolve_mention("市政局", WEIHAI_ZONE).jurisdiction.id == WEIHAI_ZONE.jurisdiction.id


def test_branches_are_their_own_agencies():
    branch = resolve_mention("公安分局", WEIHAI_ZONE)
    bureau = resolve_mention("公安局", WEIHAI_ZONE)
    assert branch.branch and not bureau.branch and branch.id != bureau.id
    assert branch.function == bureau.function == "public_security"
    env = resolve_mention("环保分局", WEIHAI_ZONE)
    assert env.branch and env.function == "environmental_protection"


@pytest.mark.parametrize("name, code", [
    ("嘉兴检验检疫局", "inspection_quarantine"), ("市国税局", "state_tax"), ("市地税局", "local_tax"),
    ("嘉兴海关", "customs"), ("市气象局", "meteorology"),
])
def test_vertical_bodies(name, code):
    ref = resolve_mention(name, JIAXING)
    assert ref.vertical and ref.function == code and ref.jurisdiction.name == "嘉兴市"


def test_state_and_local_tax_are_different_bodies():
    assert resolve_mention("市国税局", JIAXING).id != resolve_mention("市地税局", JIAXING).id
    assert not resolve_mention("市财政局", JIAXING).vertical


@pytest.mark.parametrize("forms", [
    ("市发改委", "市发展改革委", "市发展和改革委员会"),
    ("市人力社保局", "市人社局", "市人力资源和社会保障局"),
    ("区市场监督局", "区市场监管局", "区市场监督管理局"),
    ("市卫生计生委", "市卫生计生局", "市卫计委"),
])
def test_short_full_and_near_variant_forms_collapse(forms):
    ctx = YUHANG if forms[0].startswith("区") else JIAXING
    assert len({resolve_mention(f, ctx).id for f in forms}) == 1


def test_different_bodies_do_not_collapse():
    ids = {resolve_mention(n, WEIHAI_ZONE).id for n in ("市政局", "建设局", "城管执法局", "市场监管局")}
    assert len(ids) == 4
    assert resolve_mention("市文化局", JIAXING).id != resolve_mention("市文产办", JIAXING).id
    assert resolve_mention("市质监局", JIAXING).id != resolve_mention("市市场监管局", JIAXING).id


def test_traditional_and_simplified_are_one_agency():
    ctx = PlanContext.of("婁底市", "city", "湖南省")
    t, s = resolve_mention("市衛生計生委", ctx), resolve_mention("市卫生计生委", ctx)
    assert t.id == s.id and t.mention == "市衛生計生委" and t.name_simplified == "市卫生计生委"


@pytest.mark.parametrize("name", ["各有关单位", "各县(市、区)政府", "区创建全国质量强市示范城市工作领导小组成员单位",
                                  "各镇、街道", "相關職能部門"])
def test_collective_entries_are_never_agencies(name):
    ref = resolve_mention(name, YUHANG)
    assert ref.kind == "collective" and ref.id.startswith("c-")


def test_named_leading_group_office_is_specific():
    ref = resolve_mention("市质量强市领导小组办公室", JIAXING)
    assert ref.kind == "agency" and ref.function == "leading_group_office"


def test_party_office_is_not_the_government_office():
    a, b = resolve_mention("市委办公室", JIAXING), resolve_mention("市政府办公室", JIAXING)
    assert (a.function, b.function) == ("party_office", "government_office") and a.id != b.id


def test_prefix_inheritance():
    assert inherit_prefixes(["市发改委", "国土局", "嘉兴检验检疫局"], JIAXING) == ["市发改委", "市国土局", "嘉兴检验检疫局"]
    units = ["市发改委", "国土局", "区财政局", "科技局"]
    refs = [resolve_mention(u, YUHANG) for u in inherit_prefixes(units, YUHANG)]
    assert [r.jurisdiction.name for r in refs] == ["杭州市", "杭州市", "余杭区", "余杭区"]
    assert inherit_prefixes(["经发局", "市场监管局"], WEIHAI_ZONE) == ["经发局", "市场监管局"]


def test_unknown_names_are_kept_and_unclassified():
    ref = resolve_mention("市某某某某", JIAXING)
    assert ref.kind == "agency" and ref.function == UNCLASSIFIED and ref.function_en is None
    assert ref.id == resolve_mention("市某某某某", JIAXING).id


def test_gold_sample_units_all_resolve_and_get_a_function(gold_tasks, gold_plans):
    ctxs = {p["file"]: PlanContext.of(p["jurisdiction"], p["level"], p["parent_jurisdiction"]) for p in gold_plans}
    specific = unclassified = 0
    for task in gold_tasks:
        ctx = ctxs[task["plan"]]
        for unit, spread in zip(task["units"], inherit_prefixes(task["units"], ctx, task["collective"])):
            ref = resolve_mention(spread, ctx)
            assert ref.kind == ("collective" if unit in task["collective"] else "agency"), unit
            if ref.kind == "agency":
                specific += 1
                unclassified += ref.function == UNCLASSIFIED
    assert specific > 200 and unclassified == 0


def test_place_named_governments():
    jx = resolve_mention("平湖市政府", JIAXING)
    assert jx.function == "government" and jx.jurisdiction.name == "平湖市" and jx.jurisdiction.parent.name == "嘉兴市"
    assert resolve_mention("平湖市人民政府", JIAXING).id == jx.id == resolve_mention("平湖市", JIAXING).id
    assert resolve_mention("杭州市", YUHANG).id == resolve_mention("市政府", YUHANG).id


def test_short_place_form_needs_the_body_word_right_after_it():
    jinan = PlanContext.of("济南市", "city", "山东省")
    hospital = resolve_mention("市中心医院", jinan)        # 市中 is also a district's short name
    assert hospital.jurisdiction.name == "济南市" and hospital.function == "hospital"
    assert resolve_mention("市中区发改局", jinan).jurisdiction.name == "市中区"


def test_bracketed_second_name_is_the_same_agency():
    assert resolve_mention("市委宣传部(市文明办)", JIAXING).id == resolve_mention("市委宣传部", JIAXING).id
    assert resolve_mention("市发改委（市物价局）", JIAXING).id == resolve_mention("市发改委", JIAXING).id


@pytest.mark.parametrize("a, b", [
    ("市文化局", "市广电局"), ("市交通运输局", "市公路局"), ("市人社局", "市社保局"), ("市农业局", "市农机局"),
    ("市林业局", "市森林公安局"), ("市公安局", "市森林公安局"), ("市经信委", "市中小企业局"), ("市水利局", "市水文局"),
    ("市卫生局", "市计生委"), ("市国税局", "市地税局"), ("市政府办公室", "市政府督查室"),
])
def test_distinct_bodies_of_related_functions_stay_apart(a, b):
    assert resolve_mention(a, JIAXING).id != resolve_mention(b, JIAXING).id


def test_two_character_place_names_only_count_nearby():
    ref = resolve_mention("东区管委会", JIAXING)       # 东区 is a district of 攀枝花 (Sichuan)
    assert ref.jurisdiction.id == JIAXING.jurisdiction.id
