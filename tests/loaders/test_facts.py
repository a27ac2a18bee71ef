"""loaders.facts: title, issuer, number, date, jurisdiction, level, parent; missing facts warned."""

from __future__ import annotations

import pytest

from loaders.facts import find_facts, parse_date
from loaders.outline import parse_outline
from loaders.text import prepare


def facts_of(src: str):
    prep = prepare(src)
    o = parse_outline(prep.match)
    first = min((n.line for n in o.walk()), default=len(o.lines))
    return find_facts(prep.match, prep.source, o.lines, first, o.end)


NOTICE = """首页 > 政务公开 > 文件
发布日期:2022-12-01 信息来源:市政府办公室
台州市人民政府办公室关于印发台州市标准化发展行动方案的通知
台政办发〔2019〕12号
各县(市、区)人民政府:
《台州市标准化发展行动方案(2019-2021年)》已经市政府同意,现印发给你们。
台州市人民政府办公室
2019年3月5日
台州市标准化发展行动方案(2019-2021年)
根据《浙江省标准化发展规划》(浙政发〔2018〕3号)精神,制定本方案。
一、主要任务
1.推进标准化。(责任单位:市市场监管局、市发改委,列第一位的为牵头单位)
"""


def test_facts_from_a_covering_notice():
    facts, warnings = facts_of(NOTICE)
    assert facts["title"] == "台州市标准化发展行动方案(2019-2021年)"
    assert facts["issuer"] == "台州市人民政府办公室"
    assert facts["doc_number"] == "台政办发〔2019〕12号"
    assert facts["date"] == "2019-03-05"           # the signature, not the page's 发布日期
    assert facts["jurisdiction"] == "台州市" and facts["level"] == "city"
    assert facts["parent_jurisdiction"] == "浙江省"
    assert facts["lead_convention"] == "列第一位的为牵头单位"
    assert warnings == []


def test_cited_document_numbers_are_not_the_plans():
    facts, warnings = facts_of("某县行动计划\n根据《某市方案》(某政发〔2017〕5号),制定本计划。\n一、主要任务\n1.甲。\n")
    assert facts["doc_number"] is None
    assert "doc_number not found" in warnings


def test_title_split_over_two_lines_and_zone_parent():
    src = ("威海火炬高技术产业开发区\n创建全国质量强市示范城市实施方案\n"
           "根据《威海市方案》要求,制定本方案。\n一、主要任务\n1.甲。(市场监管局负责)\n")
    facts, _ = facts_of(src)
    assert facts["title"] == "威海火炬高技术产业开发区创建全国质量强市示范城市实施方案"
    assert facts["jurisdiction"] == "威海火炬高技术产业开发区"
    assert facts["level"] == "development_zone" and facts["parent_jurisdiction"] == "威海市"


def test_page_metadata_when_there_is_no_signature():
    src = ("文号: 公开时限: 长期公开\n发布机构: 县市场监督管理局 生成日期: 2018-08-21\n"
           "磐安县2018年质量强县工作行动计划\n根据金华市方案精神,制定本计划。\n一、工作重点\n1.提倡标准引领。甲。\n")
    facts, _ = facts_of(src)
    assert facts["title"] == "磐安县2018年质量强县工作行动计划"
    assert facts["issuer"] == "县市场监督管理局" and facts["date"] == "2018-08-21"
    assert facts["level"] == "county" and facts["parent_jurisdiction"] == "金华市"


def test_missing_facts_are_none_with_warnings():
    facts, warnings = facts_of("——质量总体水平提升。\n二、主要任务\n(一)强化标准\n1.甲。(责任单位:各有关单位)\n")
    for key in ("title", "issuer", "doc_number", "date", "jurisdiction"):
        assert facts[key] is None
        assert f"{key} not found" in warnings


def test_self_named_district_is_inferred_and_flagged():
    src = ("全面提升我区质量水平,为全省贡献更多余杭力量。余杭产品。\n二、主要任务\n"
           "1.甲。定期发布《余杭区质量白皮书》,与杭州主城接轨。(责任单位:区市场监管局)\n")
    facts, warnings = facts_of(src)
    assert facts["jurisdiction"] == "余杭区" and facts["level"] == "district"
    assert facts["parent_jurisdiction"] == "杭州市"
    assert any("inferred" in w for w in warnings)


def test_traditional_script_facts_keep_the_source_script():
    src = ("婁底市人民政府關于加快質量發展建設質量強市的實施意見\n(婁政發〔2017〕28號 2017年10月17日)\n"
           "為認真貫徹落實《湖南省人民政府關于加快質量發展的實施意見》(湘政發〔2017〕22號)。\n"
           "一、主要任務\n1.甲。(責任單位:市質監局)\n")
    facts, _ = facts_of(src)
    assert facts["title"] == "婁底市人民政府關于加快質量發展建設質量強市的實施意見"
    assert facts["jurisdiction"] == "婁底市" and facts["issuer"] == "婁底市人民政府"
    assert facts["doc_number"] == "婁政發〔2017〕28號" and facts["date"] == "2017-10-17"
    assert facts["parent_jurisdiction"] == "湖南省"


@pytest.mark.parametrize("text,iso", [("2017年7月4日", "2017-07-04"), ("2018-08-21 15:42", "2018-08-21"),
                                      ("二〇一七年十一月二十日", "2017-11-20"), ("没有日期", None)])
def test_parse_date(text, iso):
    assert parse_date(text) == iso


def test_county_level_city_and_party_prefix():
    src = ("中共义乌市委办公室关于印发义乌市质量强市行动方案的通知\n根据《金华市质量强市方案》精神。\n"
           "中共义乌市委办公室\n2019年1月2日\n一、主要任务\n1.甲。(责任单位:市发改局)\n")
    facts, _ = facts_of(src)
    assert facts["jurisdiction"] == "义乌市" and facts["level"] == "county" and facts["parent_jurisdiction"] == "金华市"
    assert facts["issuer"] == "中共义乌市委办公室"


def test_page_date_fields_prefer_the_documents_own_date():
    src = "发布日期: 2018-01-10 成文日期: 2018-01-05\n某县行动计划\n一、主要任务\n1.甲。\n"
    facts, _ = facts_of(src)
    assert facts["date"] == "2018-01-05"


def test_title_with_its_years_on_the_next_line():
    facts, _ = facts_of("嘉兴市质量提升行动计划\n（2018—2020年）\n为提升质量,制定本计划。\n一、主要任务\n1.甲。\n")
    assert facts["title"] == "嘉兴市质量提升行动计划（2018—2020年）"


def test_a_signature_line_never_opens_the_title():
    src = ("临沂经济技术开发区管理委员会办公室\n关于印发临沂经济技术开发区质量提升攻坚行动方案的通知\n"
           "现将《临沂经济技术开发区质量提升攻坚行动方案》印发给你们。\n临沂经济技术开发区管理委员会办公室\n2019年3月18日\n"
           "临沂经济技术开发区质量提升攻坚行动方案\n第一部分 总体要求\n一、目标\n甲。\n")
    facts, _ = facts_of(src)
    assert facts["title"] == "临沂经济技术开发区质量提升攻坚行动方案"
    assert facts["date"] == "2019-03-18"


def test_lead_convention_in_a_preamble_sentence():
    src = "某县行动方案\n为推进工作,制定本方案。以下各项任务中列第一位的为牵头单位,其他为配合单位。\n一、主要任务\n1.甲。(县发改局、县财政局)\n"
    facts, _ = facts_of(src)
    assert facts["lead_convention"] == "列第一位的为牵头单位"


@pytest.mark.parametrize("salutation, level, parent", [
    ("各区人民政府,莱芜高新区管委会,市政府各部门:", "city", "山东省"),
    ("各县(市、区)人民政府,市直各单位:", "city", "山东省"),
    ("各乡镇人民政府、街道办事处,市政府各部门:", "county", None),
    ("市政府各部门:", "county", None),
])
def test_level_of_a_city_outside_the_gazetteer_comes_from_the_salutation(salutation, level, parent):
    src = (f"莱芜市人民政府关于加快推进质量强市建设的实施意见\n{salutation}\n"
           "为贯彻落实《山东省人民政府关于加快推进质量强省建设的意见》,提出如下意见。\n一、主要任务\n1.甲。(市质监局)\n")
    facts, _ = facts_of(src)
    assert facts["jurisdiction"] == "莱芜市" and facts["level"] == level
    if parent:
        assert facts["parent_jurisdiction"] == parent


JOINT_LINES = """中共龙游县委　龙游县人民政府
关于印发《龙游县质量强县行动计划》的通知
龙委发〔2020〕8号
现将《龙游县质量强县行动计划》印发给你们,请认真贯彻落实。
中共龙游县委
龙游县人民政府
2020年4月3日
龙游县质量强县行动计划
一、主要任务
1.甲。(责任单位:县发改局)
"""


def test_joint_issuers_on_two_signature_lines_are_all_kept_and_the_government_is_the_issuer():
    facts, _ = facts_of(JOINT_LINES)
    assert facts["issuers"] == ["中共龙游县委", "龙游县人民政府"]
    assert facts["issuer"] == "龙游县人民政府" and facts["jurisdiction"] == "龙游县" and facts["level"] == "county"
    assert facts["date"] == "2020-04-03"


def test_joint_issuers_on_one_line_apart_by_spaces():
    src = ("中共湖州市委办公室　湖州市人民政府办公室关于印发湖州市标准化行动方案的通知\n"
           "现将方案印发给你们。\n中共湖州市委办公室　湖州市人民政府办公室\n2021年6月18日\n"
           "湖州市标准化行动方案\n一、主要任务\n1.甲。(责任单位:市发改委)\n")
    facts, _ = facts_of(src)
    assert facts["issuers"] == ["中共湖州市委办公室", "湖州市人民政府办公室"]
    assert facts["issuer"] == "湖州市人民政府办公室" and facts["jurisdiction"] == "湖州市"


@pytest.mark.parametrize("heading", ["中共龙游县委、龙游县人民政府关于印发龙游县行动计划的通知",
                                     "中共龙游县委 龙游县人民政府关于印发龙游县行动计划的通知"])
def test_joint_issuers_from_the_notice_heading_when_there_is_no_signature(heading):
    facts, _ = facts_of(heading + "\n龙游县行动计划\n一、主要任务\n1.甲。(责任单位:县发改局)\n")
    assert facts["issuers"] == ["中共龙游县委", "龙游县人民政府"] and facts["issuer"] == "龙游县人民政府"


def test_a_line_of_bodies_over_a_guanyu_line_names_the_issuers():
    src = "中共龙游县委　龙游县人民政府\n关于印发龙游县行动计划的通知\n龙游县行动计划\n一、主要任务\n1.甲。(责任单位:县发改局)\n"
    facts, _ = facts_of(src)
    assert facts["issuers"] == ["中共龙游县委", "龙游县人民政府"] and facts["issuer"] == "龙游县人民政府"


def test_without_a_government_body_the_last_joint_issuer_is_the_issuer():
    src = ("某县行动计划\n一、主要任务\n1.甲。(责任单位:县发改局)\n请认真贯彻执行。\n"
           "磐安县财政局\n磐安县市场监督管理局\n2018年8月21日\n")
    facts, _ = facts_of(src)
    assert facts["issuers"] == ["磐安县财政局", "磐安县市场监督管理局"]
    assert facts["issuer"] == "磐安县市场监督管理局"


def test_a_single_issuer_is_a_list_of_one_and_the_line_above_is_not_taken():
    facts, _ = facts_of(NOTICE)
    assert facts["issuers"] == ["台州市人民政府办公室"]


def test_three_joint_issuers_with_the_cppcc_at_the_end():
    src = ("龙游县行动计划\n一、主要任务\n1.甲。(责任单位:县发改局)\n"
           "中共龙游县委\n龙游县人民政府\n龙游县政协\n2020年4月3日\n")
    facts, _ = facts_of(src)
    assert facts["issuers"] == ["中共龙游县委", "龙游县人民政府", "龙游县政协"]
    assert facts["issuer"] == "龙游县人民政府" and facts["date"] == "2020-04-03"
