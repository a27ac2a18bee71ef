"""loaders.tables: task-division tables rendered as TAB-separated lines."""

from __future__ import annotations

from loaders.outline import split_lines
from loaders.tables import find_tables


def rows_of(text: str):
    rows, used = find_tables(text, split_lines(text))
    out = []
    for r in rows:
        c = r.clause
        out.append(dict(number=r.number, heading=text[slice(*r.heading)],
                        units=[text[a:b] for a, b in c.units] if c else [],
                        leads=[text[a:b] for a, b in c.leads] if c else [],
                        supports=[text[a:b] for a, b in c.supports] if c else [],
                        declared=c.declared if c else False))
    return out, used


def test_lead_and_responsible_columns():
    text = ("\n序号\t重点任务\t牵头单位\t责任单位\t完成时限\n"
            "1\t推进标准化建设。加强标准。\t市市场监管局\t市发改委、市经信局\t2019年底\n"
            "2\t提升品牌。\t市经信局\t\t2020年\n\n")
    rows, used = rows_of(text)
    assert rows[0] == dict(number="1", heading="推进标准化建设", units=["市市场监管局", "市发改委", "市经信局"],
                           leads=["市市场监管局"], supports=["市发改委", "市经信局"], declared=False)
    assert rows[1]["leads"] == ["市经信局"] and rows[1]["supports"] == []
    assert used == {0, 1, 2}


def test_responsible_column_only_is_read_like_a_clause():
    text = ("序号\t主要任务\t责任单位\n"
            "1\t建设平台\t市发改委、市财政局,列第一位的为牵头单位\n"
            "2\t开展活动\t市教育局牵头,市文明办配合\n")
    rows, _ = rows_of(text)
    assert rows[0]["units"] == ["市发改委", "市财政局"] and rows[0]["declared"]
    assert rows[1]["leads"] == ["市教育局"] and rows[1]["supports"] == ["市文明办"]


def test_merged_cells_on_the_left_align_right():
    text = ("序号\t类别\t工作任务\t牵头单位\t配合单位\n"
            "1\t标准\t任务甲。\t市质监局\t市商务局\n"
            "2\t任务乙。\t市农业局\t市林业局\n")
    rows, _ = rows_of(text)
    assert rows[1]["heading"] == "任务乙" and rows[1]["leads"] == ["市农业局"] and rows[1]["supports"] == ["市林业局"]


def test_row_without_units_has_no_clause():
    rows, _ = rows_of("序号\t重点任务\t牵头单位\n1\t任务甲。\t\n")
    assert rows[0]["units"] == []


def test_tables_without_responsibility_columns_are_ignored():
    rows, used = rows_of("指标\t目标值\t2019年\n合格率\t95%\t96%\n")
    assert rows == [] and used == set()


def test_wrapped_pdf_rows_are_joined_cell_by_cell():
    from loaders.tables import join_wrapped_rows

    text = ("二、重点任务\n\n序\t重点任务\t牵头单位\t配合单位\n\n号\n\n"
            "1\t提升汽车零部件产品质量。开展橡塑密封件、\t市经信委\t市质监局、市科技局、经\n"
            "电子元器件等产品质量对标提升行动。\t济开发区管委会\n"
            "2\t推进耐磨铸件产业标准化。主导或参与制定耐\t市质监局\t市经信委、市科技局\n\n"
            "磨材料国家标准和行业标准。\n三、保障措施\n")
    joined = join_wrapped_rows(text)
    rows, _ = rows_of(joined)
    assert [r["units"] for r in rows] == [["市经信委", "市质监局", "市科技局", "经济开发区管委会"],
                                          ["市质监局", "市经信委", "市科技局"]]
    assert "2\t推进耐磨铸件产业标准化。主导或参与制定耐磨材料国家标准和行业标准。\t市质监局\t市经信委、市科技局" in joined
    assert joined.rstrip().endswith("三、保障措施")


def test_rows_that_do_not_wrap_leave_the_text_unchanged():
    from loaders.tables import join_wrapped_rows

    text = "序号\t重点任务\t牵头单位\n1\t推进标准化。\t市质监局\n\n2\t加强计量。\t市质监局\n一、保障措施\n"
    assert join_wrapped_rows(text) is text


def test_a_wrapped_header_and_unit_names_split_over_lines():
    from loaders.tables import join_wrapped_rows

    text = ("序\t重点任务\t牵头单\t配合单位\n号\t位\n"
            "1\t提升汽车零部件产品质量。开展\t市经信\t市质监局、市科\n橡塑密封件等产品\t委\t技局、经济开发\n"
            "质量对标提升行动。\t区管委会\n3\t加强农产品质量安全监管。推进\t市农委\t市林业局、市食\n"
            "山核桃标准\t药监局、各乡镇\n化生产。\t人民政府\n三、保障措施\n")
    rows, _ = rows_of(join_wrapped_rows(text))
    assert [(r["heading"], r["leads"], r["supports"]) for r in rows] == [
        ("提升汽车零部件产品质量", ["市经信委"], ["市质监局", "市科技局", "经济开发区管委会"]),
        ("加强农产品质量安全监管", ["市农委"], ["市林业局", "市食药监局", "各乡镇人民政府"])]


def test_a_finished_row_is_not_merged_into_by_the_next_short_row():
    from loaders.tables import join_wrapped_rows

    text = "序号\t重点任务\t牵头单位\t配合单位\n1\t推进标准化。\t市质监局\t市发改委\n\t推进计量。\t市质监局\n一、保障措施\n"
    assert join_wrapped_rows(text) is text
