"""loaders.outline: numbering levels, part kinds, annexes, annex listings, footer noise."""

from __future__ import annotations

from loaders.outline import classify, parse_outline
from loaders.text import blank_tags, normalise

DOC = normalise("""某市质量提升行动计划
一、总体要求
坚持质量第一。
二、主要任务
（一）实施标准提档行动
1.提升标准水平。开展工程。(责任单位:市质监局)
2. 激发创新活力。建立机制。
（1）细化措施。
①具体一项。
三、保障措施
（一）加强组织领导。统一领导。
附件：1.重点工程任务清单
      2.建筑业工程目录
某市人民政府
2017年11月20日
附件1
重点工程任务清单
一、工作任务
（一）完善机制。(责任单位:市质监局)
评论
相关法律条文
""")


def test_paths_follow_the_numbering_as_written():
    o = parse_outline(DOC)
    paths = [n.path for n in o.walk()]
    assert paths == ["一", "二", "二 > (一)", "二 > (一) > 1", "二 > (一) > 2", "二 > (一) > 2 > (1)",
                     "二 > (一) > 2 > (1) > ①", "三", "三 > (一)", "附件1 > 一", "附件1 > 一 > (一)"]


def test_part_kinds_from_headings():
    o = parse_outline(DOC)
    tops = {n.path: n.kind for root in o.roots for n in root.children}
    assert tops == {"一": "framing", "二": "action", "三": "safeguard", "附件1 > 一": "action"}


def test_annex_listing_lines_are_not_items_and_footer_is_cut():
    o = parse_outline(DOC)
    assert [r.marker for r in o.roots] == ["", "附件1"]
    assert DOC[o.end:].startswith("评论")
    listing = [DOC[a:b] for a, b in o.lines if "建筑业工程目录" in DOC[a:b]]
    assert listing  # kept as text, not as a heading
    assert all("建筑业" not in n.heading for n in o.walk())


def test_html_tag_noise_lines_are_blanked_not_numbered_items():
    o = parse_outline(blank_tags("1. <blockquote id=\"x\"></blockquote>\n二、主要任务\n1.任务一。\n"))
    assert [n.path for n in o.walk()] == ["二", "二 > 1"]


def test_table_rows_are_not_headings():
    o = parse_outline("二、重点任务\n1\t推进标准。\t市质监局\t2019年\n一、\t标准\t市发改委\n")
    assert [n.path for n in o.walk()] == ["二"]


def test_classify():
    assert classify("主要任务") == "action"
    assert classify("重点工程") == "action"
    assert classify("工作重点") == "action"
    assert classify("重要举措") == "action"
    assert classify("工作目标") == "framing"
    assert classify("实施步骤") == "framing"
    assert classify("保障措施") == "safeguard"
    assert classify("强化标准供给") is None


def test_annex_lines_that_only_list_the_annexes_are_not_annexes():
    o = parse_outline("某市方案的通知\n附件1:甲方案\n附件2:乙方案\n二、主要任务\n1.甲。\n附件1\n甲方案\n一、主要任务\n1.乙。\n")
    assert [r.marker for r in o.roots] == ["", "附件1"]
    assert [n.path for n in o.walk()] == ["二", "二 > 1", "附件1 > 一", "附件1 > 一 > 1"]


def test_chapters_and_parts_sit_above_the_usual_numbering():
    text = ("第一部分 总体要求\n一、发展基础\n甲。\n第二部分 重点任务\n第一章 产业质量\n一、提升制造\n(一)对标。\n1.甲。\n"
            "第二章 服务质量\n一、提升服务\n第三部分 保障措施\n一、加强领导\n")
    o = parse_outline(text)
    assert [n.path for n in o.walk()] == [
        "第一部分", "第一部分 > 一", "第二部分", "第二部分 > 第一章", "第二部分 > 第一章 > 一", "第二部分 > 第一章 > 一 > (一)",
        "第二部分 > 第一章 > 一 > (一) > 1", "第二部分 > 第二章", "第二部分 > 第二章 > 一", "第三部分", "第三部分 > 一"]
    assert [top.kind for top in o.roots[0].children] == ["framing", "action", "safeguard"]


def test_items_of_a_framing_chapter_are_not_tasks():
    from loaders.extract import extract_text

    doc = extract_text("第一章 总体要求\n(一)推进原则。坚持统筹。\n(二)工作思路。突出重点。\n第二章 重点任务\n"
                       "(一)推进标准化。(责任单位:市质监局)\n(二)推进计量。\n", "plan.txt")
    assert [(t.path, t.lead_basis) for t in doc.tasks] == [("第二章 > (一)", "single"), ("第二章 > (二)", "none")]


def test_half_bracket_numbering_sits_beside_the_full_bracket_level():
    text = normalise("二、重点任务\n（一）培育品牌\n1）支持企业。\n2）推进建设。\n（二）打造服务\n(1)甲。\n")
    o = parse_outline(text)
    assert [n.path for n in o.walk()] == ["二", "二 > (一)", "二 > (一) > 1)", "二 > (一) > 2)", "二 > (二)",
                                         "二 > (二) > (1)"]


def test_a_clause_wrapped_after_a_half_bracket_number_is_one_line():
    text = normalise("二、重点任务\n2）推进建设。（牵头单位：经发局；\n配合单位：科技局）\n3）下一项。\n")
    o = parse_outline(text)
    item = [n for n in o.walk() if n.marker == "2)"][0]
    a, b = o.lines[item.line]
    assert text[a:b].endswith("配合单位:科技局)")
