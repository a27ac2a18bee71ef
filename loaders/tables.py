"""Task-division tables (任务分工表) rendered as text: one row per line, cells split by TAB.

A table starts at a header row naming a task column (重点任务, 主要任务, 工作任务,
工作内容 ...) and at least one responsibility column (牵头单位, 责任单位, 配合单位 ...).
Each later row is a task: the 牵头 column gives explicit leads, 责任/配合 columns the
others; with only a 责任单位 column the cell is read like a clause (so declarations
and the first-listed convention apply). Rows with fewer cells than the header
(merged cells on the left) are aligned to the right-hand columns.

Examples
--------
>>> t = "序号\\t重点任务\\t牵头单位\\t责任单位\\n1\\t推进标准化。\\t市质监局\\t市发改委、市经信委\\n"
>>> from loaders.outline import split_lines
>>> rows, _ = find_tables(t, split_lines(t))
>>> r = rows[0]
>>> r.number, t[slice(*r.heading)], [t[a:b] for a, b in r.clause.leads], [t[a:b] for a, b in r.clause.units]
('1', '推进标准化', ['市质监局'], ['市质监局', '市发改委', '市经信委'])
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.clauses import Clause, parse_body
from loaders.units import split_entries

_TASK_COL = re.compile(r"任务|工作内容|工作措施|具体内容|主要内容|事项|措施|内容|项目名称")
_LEAD_COL = re.compile(r"牵头")
_SUPPORT_COL = re.compile(r"配合|协办|协助|参与")
_RESP_COL = re.compile(r"责任单位|责任部门|责任主体|实施单位|落实单位|主体单位|责任处室")
_NO_COL = re.compile(r"^\s*(?:序号|编号|序|No\.?)\s*$")


@dataclass
class TableRow:
    """One data row of a task-division table."""

    line: int            # index of the row's line in the outline's line list
    start: int
    end: int
    number: str          # the 序号 cell, or the row's position in the table
    heading: tuple[int, int]   # span of the task cell's short title
    clause: Clause | None


def _cells(text: str, a: int, b: int) -> list[tuple[int, int]]:
    out, seg = [], a
    for j in range(a, b):
        if text[j] == "\t":
            out.append((seg, j))
            seg = j + 1
    out.append((seg, b))
    trimmed = []
    for s, e in out:
        while s < e and text[s] in " \u3000":
            s += 1
        while e > s and text[e - 1] in " \u3000":
            e -= 1
        trimmed.append((s, e))
    return trimmed


def _columns(text: str, cells: list[tuple[int, int]]) -> dict[str, int] | None:
    cols: dict[str, int] = {}
    for n, (a, b) in enumerate(cells):
        name = text[a:b]
        if len(name) > 20:
            return None
        if _NO_COL.match(name):
            cols.setdefault("no", n)
        elif _LEAD_COL.search(name):
            cols.setdefault("lead", n)
        elif _SUPPORT_COL.search(name):
            cols.setdefault("support", n)
        elif _RESP_COL.search(name):
            cols.setdefault("resp", n)
        elif _TASK_COL.search(name):
            cols.setdefault("task", n)
    if not ({"lead", "resp", "support"} & cols.keys()):
        return None
    if "task" not in cols:
        return None
    cols["width"] = len(cells)
    return cols


def find_tables(text: str, lines: list[tuple[int, int]]) -> tuple[list[TableRow], set[int]]:
    """Rows of every task-division table among ``lines``; also the line indices they use."""
    rows: list[TableRow] = []
    used: set[int] = set()
    if "\t" not in text:
        return rows, used
    cols = None
    count = 0
    for idx, (a, b) in enumerate(lines):
        has_tab = "\t" in text[a:b]
        if not has_tab:
            cols = None
            continue
        cells = _cells(text, a, b)
        header = _columns(text, cells)
        if header:
            cols, count = header, 0
            used.add(idx)
            continue
        if cols is None:
            continue
        used.add(idx)
        if sum(1 for s, e in cells if e > s) < 2:
            continue
        shift = cols["width"] - len(cells)
        def cell(key):
            n = cols.get(key)
            if n is None:
                return None
            n -= max(0, shift)
            return cells[n] if 0 <= n < len(cells) else None
        count += 1
        task = cell("task")
        if not task or task[1] <= task[0]:
            continue
        number_cell = cell("no")
        number = text[number_cell[0]:number_cell[1]] if number_cell and number_cell[1] > number_cell[0] else str(count)
        heading = _heading(text, *task)
        clause = _row_clause(text, cell("lead"), cell("resp"), cell("support"))
        rows.append(TableRow(idx, a, b, number, heading, clause))
    return rows, used


def _heading(text: str, a: int, b: int) -> tuple[int, int]:
    stop = text.find("。", a, b)
    stop = stop if stop >= 0 else b
    while stop > a and text[stop - 1] in " ,;:、":
        stop -= 1
    return a, stop


def _read(text: str, span) -> Clause | None:
    if not span or span[1] <= span[0]:
        return None
    c = parse_body(text, span[0], span[1])
    if c is None:
        spans, open_list = split_entries(text, span[0], span[1])
        if not spans:
            return None
        c = Clause(span[0], span[1], units=spans, open_list=open_list, shape="table")
    c.start, c.end = span
    return c


def _row_clause(text: str, lead, resp, support) -> Clause | None:
    parts = [(k, _read(text, s)) for k, s in (("lead", lead), ("resp", resp), ("support", support))]
    parts = [(k, c) for k, c in parts if c is not None]
    if not parts:
        return None
    out = Clause(min(c.start for _, c in parts), max(c.end for _, c in parts), shape="table")
    has_lead_col = any(k == "lead" for k, _ in parts)
    for kind, c in parts:
        out.units += c.units
        if kind == "lead":
            out.leads += c.units
        elif has_lead_col:
            out.supports += c.units
        else:
            out.leads += c.leads
            out.supports += c.supports
            out.joint = out.joint or c.joint
            out.declared = out.declared or c.declared
        out.open_list = c.open_list
    return out
