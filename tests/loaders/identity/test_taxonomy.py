"""The taxonomy file: valid, unambiguous, broad, and its reform lineage."""

from __future__ import annotations

import copy
import json

import pytest

from loaders.identity.taxonomy import DATA_FILE, TaxonomyError, load_taxonomy, parse_taxonomy, read_taxonomy

RAW = json.loads(DATA_FILE.read_text(encoding="utf-8"))


def test_file_is_valid_and_versioned():
    tax = read_taxonomy(DATA_FILE)
    assert tax.version == RAW["version"]
    assert len(tax.functions) == len(RAW["functions"]) >= 100
    for fn in tax.functions:
        assert fn.zh and fn.en and fn.patterns


def test_no_pattern_maps_to_two_functions():
    owners: dict[str, set[str]] = {}
    for fn in RAW["functions"]:
        for p in fn["patterns"]:
            owners.setdefault(p, set()).add(fn["code"])
    assert {p: c for p, c in owners.items() if len(c) > 1} == {}


def test_every_example_matches_its_own_function():
    """Overlapping patterns are resolved as intended: each listed example lands on its function."""
    tax = load_taxonomy()
    wrong = [(fn.code, ex, getattr(tax.match(ex), "code", None))
             for fn in tax.functions for ex in fn.examples if getattr(tax.match(ex), "code", None) != fn.code]
    assert wrong == []
    assert all(fn.examples for fn in tax.functions)


def test_duplicate_pattern_is_rejected():
    bad = copy.deepcopy(RAW)
    bad["functions"][1]["patterns"].append(bad["functions"][0]["patterns"][0])
    with pytest.raises(TaxonomyError, match="also maps to"):
        parse_taxonomy(bad, "bad.json")


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d["functions"][0].pop("patterns"), "lacks patterns"),
    (lambda d: d["functions"][0].update(patterns=["("]), "not a valid regex"),
    (lambda d: d["functions"][0].update(successor="no_such_code"), "is not a function code"),
    (lambda d: d["functions"].append(copy.deepcopy(d["functions"][0])), "duplicate code"),
    (lambda d: d.update(version=""), "version"),
])
def test_invalid_files_are_named_and_explained(mutate, message):
    bad = copy.deepcopy(RAW)
    mutate(bad)
    with pytest.raises(TaxonomyError, match=message) as info:
        parse_taxonomy(bad, "bad.json")
    assert "bad.json" in str(info.value)


def test_successor_cycle_is_rejected():
    bad = copy.deepcopy(RAW)
    by = {f["code"]: f for f in bad["functions"]}
    by["market_regulation"]["successor"] = "quality_supervision"
    with pytest.raises(TaxonomyError, match="cycle"):
        parse_taxonomy(bad, "bad.json")


def test_missing_and_broken_files(tmp_path):
    with pytest.raises(TaxonomyError, match="not found"):
        read_taxonomy(tmp_path / "nope.json")
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    with pytest.raises(TaxonomyError, match="not valid JSON"):
        read_taxonomy(tmp_path / "x.json")


@pytest.mark.parametrize("old, new", [
    ("质监局", "market_regulation"), ("工商局", "market_regulation"), ("食药监局", "market_regulation"),
    ("环保局", "ecology_environment"), ("国土资源局", "natural_resources"), ("农委", "agriculture_rural"),
    ("农业局", "agriculture_rural"), ("卫计委", "health"), ("文化局", "culture_tourism"),
    ("旅游局", "culture_tourism"), ("安监局", "emergency_management"), ("国税局", "taxation"),
    ("地税局", "taxation"), ("出入境检验检疫局", "customs"),
])
def test_2018_reform_lineage(old, new):
    tax = load_taxonomy()
    fn = tax.match(old)
    assert fn is not None and fn.code != new
    assert tax.current(fn.code) == new
    assert tax.lineage(fn.code)[0] == fn.code and tax.lineage(fn.code)[-1] == new
    assert tax.get(new).successor is None


@pytest.mark.parametrize("name, code", [
    ("发展和改革委员会", "development_reform"), ("发展改革委", "development_reform"), ("发改委", "development_reform"),
    ("经信委", "economy_it"), ("工信局", "economy_it"), ("财政局", "finance"), ("市场监督管理局", "market_regulation"),
    ("住建局", "housing_construction"), ("建委", "housing_construction"), ("交通运输局", "transport"),
    ("水利局", "water_resources"), ("林业局", "forestry"), ("生态环境局", "ecology_environment"),
    ("自然资源和规划局", "natural_resources"), ("卫健委", "health"), ("教育局", "education"),
    ("科技局", "science_technology"), ("商务局", "commerce"), ("文旅局", "culture_tourism"),
    ("文广新局", "culture"), ("人社局", "human_resources"), ("人力社保局", "human_resources"),
    ("民政局", "civil_affairs"), ("公安局", "public_security"), ("司法局", "justice"), ("应急管理局", "emergency_management"),
    ("统计局", "statistics"), ("税务局", "taxation"), ("海关", "customs"), ("审计局", "audit"), ("宣传部", "propaganda"),
    ("组织部", "organization"), ("政府办公室", "government_office"), ("质量强市领导小组办公室", "leading_group_office"),
    ("总工会", "trade_union"), ("团委", "youth_league"), ("妇联", "women_federation"), ("科协", "science_association"),
    ("日报社", "media"), ("广播电视台", "media"), ("行政审批局", "admin_approval"), ("政务服务中心", "admin_approval"),
    ("金融办", "financial_office"), ("国资委", "soe_assets"), ("中级人民法院", "court"), ("人民检察院", "procuratorate"),
    ("人民银行中心支行", "central_bank"), ("银保监分局", "banking_insurance_regulation"), ("气象局", "meteorology"),
    ("邮政管理局", "postal"), ("供电公司", "power_supply"), ("烟草专卖局", "tobacco"), ("城管执法局", "urban_management"),
    ("经济开发区管委会", "development_zone_admin"), ("招商局", "investment_promotion"), ("大数据局", "big_data"),
    ("档案局", "archives"), ("机关事务管理局", "government_affairs_admin"), ("信访局", "letters_visits"),
    ("残联", "disabled_federation"), ("侨办", "overseas_chinese"), ("台办", "taiwan_affairs"),
    ("民族宗教事务局", "ethnic_religious"), ("退役军人事务局", "veterans"), ("医保局", "healthcare_security"),
    ("粮食局", "grain"), ("物价局", "price"), ("供销社", "supply_marketing"), ("口岸办", "port_office"),
    ("知识产权局", "intellectual_property"), ("标准化研究院", "technical_institute"), ("质检院", "technical_institute"),
    ("科学技术协会", "science_association"), ("工商联", "federation_industry_commerce"), ("农业银行", "bank"),
    ("交警支队", "public_security"), ("环境卫生管理处", "urban_management"),
])
def test_broad_coverage(name, code):
    assert load_taxonomy().match(name).code == code


def test_rows_for_the_graph():
    rows = load_taxonomy().rows()
    assert {tuple(sorted(r)) for r in rows} == {("code", "en", "successor", "taxonomy_version", "zh")}
    codes = {r["code"] for r in rows}
    assert all(r["successor"] in codes for r in rows if r["successor"])


def test_society_functions_are_marked_in_the_data():
    tax = load_taxonomy()
    societies = {f.code for f in tax.functions if f.society}
    assert {"science_association", "women_federation", "association"} <= societies
    assert "justice" not in societies and "sports" not in societies
