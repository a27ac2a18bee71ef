"""Ruled PDF tables from drawn lines (loaders.reading.pdf_tables), on hand-placed segments."""

from __future__ import annotations

from dataclasses import dataclass

from loaders.reading.pdf_tables import Edges, cell_of, ruled_tables


@dataclass
class Seg:
    x0: float
    x1: float
    top: float
    bottom: float
    text: str


def _grid(xs: list[float], ys: list[float]) -> Edges:
    edges = Edges()
    for y in ys:
        edges.add_box(xs[0], y, xs[-1], y)
    for x in xs:
        edges.add_box(x, ys[0], x, ys[-1])
    return edges


def test_cell_of_finds_the_nearest_lines_on_each_side():
    edges = _grid([0, 50, 150], [0, 20, 40])
    assert cell_of(55, 90, 22, 32, edges) == (20, 40, 50, 150)
    assert cell_of(200, 220, 22, 32, edges) is None  # outside the grid


def test_wrapped_cell_lines_are_joined_and_free_text_kept():
    edges = _grid([0, 50, 150], [0, 20, 60])
    segs = [Seg(5, 30, 5, 15, "序号"), Seg(55, 120, 5, 15, "重点任务"), Seg(5, 10, 35, 45, "1"),
            Seg(55, 145, 25, 35, "建立质量工作"), Seg(55, 100, 45, 55, "考核制度"), Seg(0, 100, 80, 90, "正文")]
    free, tables = ruled_tables(segs, edges, "".join)
    assert [s.text for s in free] == ["正文"]
    assert tables[0].rows == [["序号", "重点任务"], ["1", "建立质量工作考核制度"]]


def test_a_cell_spanning_rows_is_repeated():
    edges = Edges()
    for y in (0, 20, 40, 60):
        edges.add_box(0, y, 50, y)  # first column: three rows
    edges.add_box(50, 0, 150, 0)
    edges.add_box(50, 60, 150, 60)  # second column: one tall cell
    edges.add_box(50, 20, 150, 20)  # ... under a header
    for x in (0, 50, 150):
        edges.add_box(x, 0, x, 60)
    segs = [Seg(5, 20, 5, 15, "序号"), Seg(55, 90, 5, 15, "牵头单位"), Seg(5, 10, 25, 35, "1"),
            Seg(5, 10, 45, 55, "2"), Seg(55, 100, 35, 45, "市发改委")]
    _, tables = ruled_tables(segs, edges, "".join)
    assert tables[0].rows == [["序号", "牵头单位"], ["1", "市发改委"], ["2", "市发改委"]]


def test_a_single_framed_box_is_not_a_table():
    edges = _grid([0, 200], [0, 40])
    segs = [Seg(5, 100, 5, 15, "一、主要任务"), Seg(5, 100, 20, 30, "（一）推进改革。")]
    free, tables = ruled_tables(segs, edges, "".join)
    assert tables == [] and len(free) == 2


def test_a_page_frame_around_a_table_stays_free_text():
    edges = _grid([0, 50, 150], [100, 120, 140])
    frame = _grid([-20, 300], [-20, 400])
    edges.horizontal += frame.horizontal
    edges.vertical += frame.vertical
    segs = [Seg(0, 100, 10, 20, "二、主要任务"), Seg(5, 30, 105, 115, "序号"), Seg(55, 120, 105, 115, "重点任务"),
            Seg(5, 10, 125, 135, "1"), Seg(55, 100, 125, 135, "建立制度"), Seg(0, 100, 200, 210, "三、保障措施")]
    free, tables = ruled_tables(segs, edges, "".join)
    assert [s.text for s in free] == ["二、主要任务", "三、保障措施"]
    assert tables[0].rows == [["序号", "重点任务"], ["1", "建立制度"]]


def test_cells_drawn_with_separate_border_pieces():
    edges = Edges()
    for x0, x1 in ((0, 50), (50, 150), (150, 250)):  # each cell's border drawn on its own, as Word does
        for y in (0, 20):
            edges.add_box(x0, y, x1, y)
    edges.add_box(0, 20, 50, 20)
    for x in (0, 50, 150, 250):
        edges.add_box(x, 0, x, 20)
    assert cell_of(60, 100, 5, 15, edges) == (0, 20, 50, 150)
