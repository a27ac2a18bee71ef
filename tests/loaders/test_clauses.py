"""loaders.clauses: every clause shape of issue 2 on small real-looking snippets, and the asides that are not clauses."""

from __future__ import annotations

import pytest

from loaders.clauses import find_clauses
from loaders.text import prepare


def clauses(src: str):
    text = prepare(src).match
    found = find_clauses(text, 0, len(text))

    def names(spans):
        return [src[a:b] for a, b in spans]

    return [dict(clause=src[c.start:c.end], units=names(c.units), leads=names(c.leads), supports=names(c.supports),
                 open_list=c.open_list, joint=c.joint, declared=c.declared, carries=c.carries, shape=c.shape)
            for c in found]


def one(src: str) -> dict:
    found = clauses(src)
    assert len(found) == 1, found
    return found[0]


def test_labelled_with_declaration_and_xiatong():
    c = one("推动消费品提档。(责任单位:市质监局、市经信委、嘉兴检验检疫局,列第一位的为牵头单位,下同)")
    assert c["clause"] == "(责任单位:市质监局、市经信委、嘉兴检验检疫局,列第一位的为牵头单位,下同)"
    assert c["units"] == ["市质监局", "市经信委", "嘉兴检验检疫局"]
    assert c["declared"] and c["carries"]


def test_paiwei_declaration_full_width():
    c = one("完善标准体系。（责任单位：区市场监管局、区科技局，排位第一的为牵头单位，下同）")
    assert c["units"] == ["区市场监管局", "区科技局"]
    assert c["declared"] and c["carries"]


def test_declaration_without_xiatong_does_not_carry():
    c = one("加强计量。(责任单位:县市场监管局、县财政局,排名第一的为牵头单位)")
    assert c["declared"] and not c["carries"]


def test_label_less_bare_list():
    c = one("落实国家商贸流通标准。(市商務糧食局、市經信委、市交通運輸局)")
    assert c["units"] == ["市商務糧食局", "市經信委", "市交通運輸局"]
    assert c["shape"] == "bare" and not c["joint"]


def test_joint_wording_with_open_list():
    c = one("加大政策支持力度。(经发局、财政局、科技局、市场监管局等部门按职责分工负责)")
    assert c["units"] == ["经发局", "财政局", "科技局", "市场监管局"]
    assert c["joint"] and c["open_list"]


def test_single_fuze():
    c = one("提升工业产品质量安全水平。(市场监管局负责)")
    assert c["units"] == ["市场监管局"] and not c["joint"] and c["shape"] == "worded"


def test_nested_brackets_inside_a_clause():
    c = one("促进共建共享。〔责任单位:市发展改革委、市教育局,各县(市、区)政府〕")
    assert c["clause"] == "〔责任单位:市发展改革委、市教育局,各县(市、区)政府〕"
    assert c["units"] == ["市发展改革委", "市教育局", "各县(市、区)政府"]


def test_lead_and_support_labels():
    c = one("建设检测平台。(牵头单位:市发改委;配合单位:市财政局、市商务局)")
    assert c["leads"] == ["市发改委"] and c["supports"] == ["市财政局", "市商务局"]
    assert c["units"] == ["市发改委", "市财政局", "市商务局"]


def test_lead_and_responsible_labels():
    c = one("完善追溯体系。(牵头单位:市市场监管局;责任单位:市农业农村局、市商务局等)")
    assert c["leads"] == ["市市场监管局"] and c["supports"] == []
    assert c["units"] == ["市市场监管局", "市农业农村局", "市商务局"] and c["open_list"]


def test_qiantou_peihe_wording_in_brackets():
    c = one("推进智慧监管。(市市场监管局牵头,市大数据局、市公安局配合)")
    assert c["leads"] == ["市市场监管局"] and c["supports"] == ["市大数据局", "市公安局"]
    assert c["shape"] == "lead_support"


def test_qiantou_peihe_wording_without_brackets():
    src = "建立质量信用平台。由市发改委牵头,市财政局、市商务局配合。"
    c = one(src)
    assert c["clause"] == "由市发改委牵头,市财政局、市商务局配合"
    assert c["leads"] == ["市发改委"] and c["supports"] == ["市财政局", "市商务局"]


def test_label_line_on_its_own():
    c = one("责任单位:市质监局、市发改委")
    assert c["shape"] == "line" and c["units"] == ["市质监局", "市发改委"]


def test_label_at_the_end_of_a_sentence_without_brackets():
    c = one("开展质量月活动。责任单位:县市场监管局、县教育局")
    assert c["clause"] == "责任单位:县市场监管局、县教育局"


def test_collective_clause_with_a_trailing_space():
    c = one("提升公共服务水平。(责任单位:各有关单位 )")
    assert c["units"] == ["各有关单位"]


def test_traditional_script_clause_keeps_source_names():
    c = one("加強標準化建設。(責任單位:市人社局,相關職能部門)")
    assert c["units"] == ["市人社局", "相關職能部門"]


@pytest.mark.parametrize("src", [
    "广泛开展质量控制(QC)小组等群众性质量活动。",
    "确保满意度居全国同级区(县)前列。",
    "药品生产经营质量管理体系认证(GMP、GSP)等,加强监督。",
    "嘉兴市质量提升三年行动计划(2017~2019年)",
    "空气质量优良天数比98%。(各成员单位具体考核要求见附件)。",
    "建成30个省级科技创新平台(重点实验室、工程技术研究中心、工业设计中心等)。",
    "全面推进政府和社会资本合作(PPP),逐步改变供给模式。",
    "(婁政發〔2017〕28號 2017年10月17日)",
    "加大对“低小散”企业(作坊)的整治力度,开发区(园区)建设。",
])
def test_asides_are_not_clauses(src):
    assert clauses(src) == []


def test_two_clauses_in_one_paragraph():
    found = clauses("一是加强监管(市场监管局负责);二是强化执法(公安分局负责)。")
    assert [c["units"] for c in found] == [["市场监管局"], ["公安分局"]]


def test_rejected_clause_like_brackets_are_reported():
    text = "做好工作。(由各单位自行确定负责人员并报送名单)"
    rejected = []
    assert find_clauses(text, 0, len(text), rejected) == []
    assert rejected == [(5, len(text))]


def test_lead_wording_inside_a_responsibility_label():
    c = one("推进标准化。(责任单位:市发改委牵头,市财政局等配合)")
    assert c["leads"] == ["市发改委"] and c["supports"] == ["市财政局"] and c["open_list"]


def test_deadlines_inside_a_clause_are_not_units():
    c = one("建设平台。(牵头单位:市发改委;责任单位:市财政局;完成时限:2019年底)")
    assert c["units"] == ["市发改委", "市财政局"]
    assert one("建设平台。(市发改委,2018年底前完成)")["units"] == ["市发改委"]


@pytest.mark.parametrize("words", ["排在首位的为牵头单位", "牵头单位列第一位,下同", "第一个为牵头单位", "排名第一的单位为牵头单位"])
def test_declaration_wordings(words):
    c = one(f"建设平台。(责任单位:市发改委、市财政局,{words})")
    assert c["declared"] and c["units"] == ["市发改委", "市财政局"]
    assert c["carries"] == ("下同" in words)


def test_lead_mark_after_a_unit():
    c = one("完善平台。(责任单位:市发改委(牵头)、市财政局、市商务局)")
    assert c["units"] == ["市发改委", "市财政局", "市商务局"] and c["leads"] == ["市发改委"]


def test_leader_names_are_not_units():
    c = one("完善平台。（责任领导：张三；责任单位：市发改委、市财政局）")
    assert c["units"] == ["市发改委", "市财政局"]


def test_you_x_fuze_at_the_end_of_a_sentence():
    c = one("开展质量月活动。由市市场监管局、市教育局按职责分工负责。")
    assert c["clause"] == "由市市场监管局、市教育局按职责分工负责" and c["joint"]
    assert clauses("开展活动,由企业自主负责。") == []


def test_bare_list_ending_in_a_bracketed_aside():
    c = one("推行农产品合格证制度。〔市农业农村局、市市场监管局,各乡镇人民政府(街道办事处)〕")
    assert c["units"] == ["市农业农村局", "市市场监管局", "各乡镇人民政府(街道办事处)"]


def test_lead_mark_inside_a_bare_list():
    c = one("开展专项整治。（区市场监管局（牵头）、区应急管理局）")
    assert c["units"] == ["区市场监管局", "区应急管理局"] and c["leads"] == ["区市场监管局"]


def test_a_bracketed_aside_is_still_not_a_clause():
    assert clauses("开展质量控制(QC)小组活动,推行(GMP、GSP)认证。") == []


@pytest.mark.parametrize("src", ["推进甲。(县发改局负责,县财政局、县统计局配合)", "推进甲。做好甲工作。县发改局负责,县财政局、县统计局配合。"])
def test_one_in_charge_and_others_assisting(src):
    c = one(src)
    assert c["leads"] == ["县发改局"] and c["supports"] == ["县财政局", "县统计局"]


def test_first_responsible_unit_declaration():
    c = one("推进甲。(责任单位:市发改委、市财政局,第一责任单位为牵头单位)")
    assert c["declared"] and c["units"] == ["市发改委", "市财政局"]


def test_responsibility_words_that_are_not_a_clause():
    assert clauses("推进乙。各单位要负责,做好配合。") == []


def test_a_named_lead_inside_the_clause_is_not_a_unit():
    c = one("推进乙。(责任单位:县发改局、县财政局,县发改局为牵头单位)")
    assert c["units"] == ["县发改局", "县财政局"] and c["leads"] == ["县发改局"]


def test_huitong_joins_two_bodies():
    c = one("推进己。由县发改局会同县财政局负责。")
    assert c["units"] == ["县发改局", "县财政局"]


@pytest.mark.parametrize("src,leads,supports", [
    ("推进甲。(牵头部门:市发改委;协办部门:市财政局)", ["市发改委"], ["市财政局"]),
    ("推进甲。(主责部门:市发改委;参与部门:市财政局、市统计局)", ["市发改委"], ["市财政局", "市统计局"]),
    ("推进甲。(主要责任单位:市发改委;配合责任单位:市财政局)", ["市发改委"], ["市财政局"]),
    ("推进甲。(牵头单位:市发改委;协同部门:市财政局)", ["市发改委"], ["市财政局"]),
])
def test_more_lead_and_support_labels(src, leads, supports):
    c = one(src)
    assert c["shape"] == "labelled" and c["leads"] == leads and c["supports"] == supports
    assert c["units"] == leads + supports


def test_labels_in_square_brackets_before_the_names():
    c = one("推进甲。【牵头单位】市发改委【配合单位】市财政局、市统计局")
    assert c["clause"] == "【牵头单位】市发改委【配合单位】市财政局、市统计局"
    assert c["leads"] == ["市发改委"] and c["supports"] == ["市财政局", "市统计局"]
    line = one("【责任单位】市发改委、市财政局")
    assert line["shape"] == "line" and line["units"] == ["市发改委", "市财政局"]


def test_a_boxed_label_word_alone_is_neither_a_clause_nor_a_label():
    assert clauses("推进甲。【责任单位】") == []
    # a mark after a name (followed by a separator) stays a mark, not a label
    c = one("推进甲。(责任单位:市发改委【牵头单位】、市财政局)")
    assert c["units"] == ["市发改委", "市财政局"] and c["leads"] == ["市发改委"]


def test_a_support_bracket_right_after_a_clause_joins_it():
    c = one("推进甲。(牵头单位:市发改委)(配合单位:市财政局)")
    assert c["clause"] == "(牵头单位:市发改委)(配合单位:市财政局)"
    assert c["leads"] == ["市发改委"] and c["supports"] == ["市财政局"]
    # two clauses apart by text stay two
    assert len(clauses("推进甲。(牵头单位:市发改委)推进乙。(配合单位:市财政局)")) == 2
