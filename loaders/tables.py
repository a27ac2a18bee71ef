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


_ROW_NUMBER = re.compile(r"\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*[、.]?\s*$")
_HEAD_WORD = re.compile(r"序号|编号|.*(?:任务|单位|部门|时限|时间|内容|措施|事项|领导)")
_UNIT_DONE = set("局委办厅部院会心府位门司队所站社台行署馆团组校道镇乡村区县市省关业联室处")
_TEXT_DONE = set("。;!?”)》")
_MARKER_LINE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}\s*、|\([一二三四五六七八九十]{1,3}\)|第[一二三四五六七八九十\d]+[章部节]|附件)")


def join_wrapped_rows(text: str) -> str:
    """Put back together table rows whose cells wrapped onto further lines (PDF text layers).

    A PDF table row whose cells hold several lines reads as the row's first line
    (TAB-separated cells) followed by lines carrying the rest of the cells that
    wrapped: fewer cells, no 序号, or no TAB at all. After a task-division header,
    such a line is merged cell by cell into the row above: its pieces go to the
    cells that look unfinished (a unit cell not ending like a body's name, a task
    cell not ending a sentence), left to right. A line opening a new row (a
    number in the 序号 column, or a full set of cells), an outline heading, or a
    line after a row with nothing unfinished ends the merging. Text without such
    rows is returned unchanged (same object), so offsets stay those of ``text``.

    Examples
    --------
    >>> t = "序号\\t重点任务\\t牵头单位\\t配合单位\\n1\\t提升汽车零部件\\t市经信委\\t市质监局、经\\n产品质量。\\t济开发区管委会\\n"
    >>> join_wrapped_rows(t).split("\\n")[1].split("\\t")
    ['1', '提升汽车零部件产品质量。', '市经信委', '市质监局、经济开发区管委会']
    """
    if "\t" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    changed = False
    k = 0
    while k < len(lines):
        line = lines[k]
        plain = _norm(line)
        cols = _columns(plain, _cells(plain, 0, len(plain))) if "\t" in line else None
        if not cols:
            out.append(line)
            k += 1
            continue
        header = [c.strip() for c in line.split("\t")]
        rows: list[list[str]] = []
        k += 1
        while k < len(lines):
            raw = lines[k]
            if not raw.strip():
                k += 1
                continue
            cells = [c.strip() for c in raw.split("\t")]
            plain = _norm(raw)
            tabbed = "\t" in raw
            if tabbed and _opens_row(cells, cols):
                rows.append(cells)
            elif _MARKER_LINE.match(plain):
                break
            elif not rows and all(len(c) <= 4 for c in cells) and any(_merge_header(header, c) for c in cells if c):
                changed = True  # 序 / 号, 牵头单 / 位: a header whose names wrapped
            elif rows and _open_cells(rows[-1], cols) and len(cells) < cols["width"]:
                _merge_cells(rows[-1], [c for c in cells if c], cols)
                changed = True
            elif tabbed:
                rows.append(cells)  # a row of its own (a merged cell on the left, a group title)
            else:
                break
            k += 1
        out.append("\t".join(header))
        out.extend("\t".join(r) for r in rows)
        if k < len(lines):
            out.append("")
    return "\n".join(out) if changed else text


def _norm(line: str) -> str:
    from loaders.text import normalise

    return normalise(line)


def _opens_row(cells: list[str], cols: dict[str, int]) -> bool:
    if "no" in cols:
        return len(cells) >= 2 and bool(_ROW_NUMBER.match(cells[0])) and bool(cells[0].strip())
    return len(cells) >= cols["width"]


def _kind(cols: dict[str, int], n: int) -> str | None:
    return next((k for k, v in cols.items() if v == n and k != "width"), None)


def _unfinished(cell: str, kind: str | None) -> bool:
    cell = _norm(cell).strip()
    if not cell or kind in (None, "no"):
        return False
    if kind == "task":
        return cell[-1] not in _TEXT_DONE
    return cell[-1] in "、,;(" or cell[-1] not in _UNIT_DONE


def _open_cells(row: list[str], cols: dict[str, int]) -> list[int]:
    shift = max(0, cols["width"] - len(row))
    return [n for n, c in enumerate(row) if _unfinished(c, _kind(cols, n + shift))]


def _merge_cells(row: list[str], pieces: list[str], cols: dict[str, int]) -> None:
    if not pieces:
        return
    targets = _open_cells(row, cols)[:len(pieces)]
    first_text = 1 if "no" in cols else 0
    for n in range(len(row) - 1, first_text - 1, -1):  # more pieces than open cells: the right-hand cells
        if len(targets) >= len(pieces):
            break
        if n not in targets:
            targets.append(n)
    for n, piece in zip(sorted(targets), pieces):
        glue = " " if row[n][-1:].isascii() and piece[:1].isascii() and row[n][-1:].isalnum() else ""
        row[n] = row[n] + glue + piece


def _merge_header(header: list[str], piece: str) -> bool:
    """Append a wrapped piece of a header to the cell it completes (序 + 号 → 序号); False if none."""
    for n, cell in enumerate(header):
        if _HEAD_WORD.fullmatch(_norm(cell + piece)) and not _HEAD_WORD.fullmatch(_norm(cell)):
            header[n] = cell + piece
            return True
    return False
