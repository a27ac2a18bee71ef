"""loaders.tasks: which blocks are tasks (CONVENTIONS.md), their paths and headings."""

from __future__ import annotations

from loaders.outline import parse_outline
from loaders.tasks import draft_tasks
from loaders.text import prepare


def drafts(src: str):
    prep = prepare(src)
    warnings: list[str] = []
    out = draft_tasks(prep.match, parse_outline(prep.match), warnings)
    return [(d.path, src[slice(*d.heading)], src[d.clause.start:d.clause.end] if d.clause else None) for d in out], warnings


def test_framing_parts_never_hold_tasks_and_containers_are_not_tasks():
    got, _ = drafts("一、工作目标\n(一)产品质量目标。合格率95%。\n二、主要任务\n(一)完善机制\n"
                    "1.将质量纳入规划。考核。(组织部、经发局等按职责分工负责)\n2.完善制度。(财政局负责)\n")
    assert got == [("二 > (一) > 1", "将质量纳入规划", "(组织部、经发局等按职责分工负责)"),
                   ("二 > (一) > 2", "完善制度", "(财政局负责)")]


def test_clause_less_items_in_action_parts_are_unassigned_tasks():
    got, warnings = drafts("三、工作重点\n(一)夯实基础\n1.提倡标准引领。建立体系。\n2.落实计量基础。加强监管。\n"
                           "6.开展专项行动。\n一是重点产品质量提升。加强食品安全。\n二是落实工程质量提升。\n")
    assert got == [("三 > (一) > 1", "提倡标准引领", None), ("三 > (一) > 2", "落实计量基础", None),
                   ("三 > (一) > 6", "开展专项行动", None)]
    assert any("has no responsibility clauses" in w for w in warnings)


def test_safeguard_items_are_tasks_only_with_their_own_clause():
    got, _ = drafts("二、主要任务\n1.甲事。(责任单位:市质监局)\n三、保障措施\n(一)加强组织领导。统一领导。\n"
                    "(二)加大政策激励。健全机制。(责任单位:市财政局、市科技局)\n")
    assert [g[0] for g in got] == ["二 > 1", "三 > (二)"]


def test_paragraphs_with_their_own_clauses_split_an_item():
    src = ("一、工作任务\n(三)重点行动\n4.服务产业标准化。建立旅游标准体系。(责任单位:市旅游局、市质监局)\n"
           "落实商贸流通标准。(市商务局、市经信委)\n以社会医疗为重点开展试点。(责任单位:市发改委)\n5.文化建设标准化。甲。(责任单位:市委宣传部)\n")
    got, _ = drafts(src)
    assert got == [("一 > (三) > 4 > ¶1", "服务产业标准化", "(责任单位:市旅游局、市质监局)"),
                   ("一 > (三) > 4 > ¶2", "服务产业标准化", "(市商务局、市经信委)"),
                   ("一 > (三) > 4 > ¶3", "服务产业标准化", "(责任单位:市发改委)"),
                   ("一 > (三) > 5", "文化建设标准化", "(责任单位:市委宣传部)")]


def test_label_lines_after_the_task_are_its_clause():
    got, _ = drafts("二、重点任务\n1.建设检测平台。完善布局。\n牵头单位:市发改委\n配合单位:市财政局、市商务局\n"
                    "2.开展质量月活动。\n责任单位:市教育局\n")
    assert got == [("二 > 1", "建设检测平台", "牵头单位:市发改委\n配合单位:市财政局、市商务局"),
                   ("二 > 2", "开展质量月活动", "责任单位:市教育局")]


def test_parent_clause_covers_clause_less_sub_items():
    got, _ = drafts("二、主要任务\n(一)实施品牌工程。(责任单位:市经信委)\n1.培育品牌。\n2.保护品牌。\n")
    assert got == [("二 > (一)", "实施品牌工程", "(责任单位:市经信委)")]


def test_annexes_follow_the_main_text():
    got, _ = drafts("二、主要任务\n1.甲事。(责任单位:市质监局)\n附件:1.方案甲\n2.方案乙\n某市人民政府\n2017年1月1日\n"
                    "附件1\n方案甲\n一、主要任务\n(一)乙事。(责任单位:市发改委)\n")
    assert [g[0] for g in got] == ["二 > 1", "附件1 > 一 > (一)"]


def test_a_title_that_lost_its_full_stop_is_cut_where_the_body_starts():
    items = "".join(f"{n}.{t}。正文内容。\n" for n, t in enumerate(["提倡标准引领", "落实计量基础", "完善认证体系", "加强诚信建设"], 1))
    got, _ = drafts("三、工作重点\n" + items + "5.强化质量文化建设发挥政府质量奖励制度引领作用,积极开展创建。\n")
    assert got[-1][1] == "强化质量文化建设"


def test_long_untitled_first_sentences_are_kept_whole():
    got, _ = drafts("三、主要任务\n" + "".join(f"{n}.定期分析全区质量状况与发展前景并编制质量状况分析报告第{n}项,定期发布。(经发局负责)\n" for n in range(1, 5)))
    assert got[0][1] == "定期分析全区质量状况与发展前景并编制质量状况分析报告第1项,定期发布"


def test_table_rows_replace_clause_less_items():
    src = ("二、主要任务\n1.推进标准化。甲。\n2.提升品牌。乙。\n附件\n重点任务分工表\n\n序号\t重点任务\t牵头单位\t责任单位\n"
           "1\t推进标准化。\t市质监局\t市发改委\n2\t提升品牌。\t市经信局\t市商务局\n\n")
    got, warnings = drafts(src)
    assert got == [("附件1 > 1", "推进标准化", "市质监局\t市发改委"), ("附件1 > 2", "提升品牌", "市经信局\t市商务局")]
    assert any("task-division table" in w for w in warnings)


def test_a_clause_wrapped_onto_the_next_line():
    got, _ = drafts("二、主要任务\n1.推进标准化。加强标准建设。(责任单位:市发改委、市财\n政局、市商务局)\n2.提升品牌。(责任单位:市经信局)\n")
    assert got == [("二 > 1", "推进标准化", "(责任单位:市发改委、市财\n政局、市商务局)"), ("二 > 2", "提升品牌", "(责任单位:市经信局)")]
