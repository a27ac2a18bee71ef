"""Ruled tables in PDF pages: text placed in the cells that the drawn lines make.

A task-division table (任务分工表) in a PDF is text inside ruled cells, and a cell
often wraps over several lines or spans several rows (a 牵头单位 shared by
three tasks). Reading it line by line would mix the cells, so each text
segment is put in the cell its nearest surrounding ruling lines enclose; the
cells of one table become a grid (row and column boundaries from the cells'
edges) rendered like HTML and DOCX tables: a cell spanning rows is repeated in
each row, a cell spanning columns is followed by empty cells.
"""

from __future__ import annotations

from dataclasses import dataclass, field

TOL = 2.0  # points: edges this close count as the same line


@dataclass
class Edges:
    """Ruling lines of one page, in top-origin coordinates."""

    horizontal: list[tuple[float, float, float]] = field(default_factory=list)  # (y, x0, x1)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)    # (x, y0, y1)

    def add_box(self, x0: float, top: float, x1: float, bottom: float) -> None:
        """A drawn rectangle or line: thin ones are one edge, others four."""
        if bottom - top <= TOL:
            self.horizontal.append(((top + bottom) / 2, x0, x1))
        elif x1 - x0 <= TOL:
            self.vertical.append(((x0 + x1) / 2, top, bottom))
        else:
            self.horizontal += [(top, x0, x1), (bottom, x0, x1)]
            self.vertical += [(x0, top, bottom), (x1, top, bottom)]


@dataclass
class RuledTable:
    top: float
    rows: list[list[str]]


Cell = tuple[float, float, float, float]  # top, bottom, left, right


def cell_of(x0: float, x1: float, top: float, bottom: float, edges: Edges) -> Cell | None:
    """The cell enclosing a text segment: nearest ruling line on each side that spans it."""
    cx, cy = (x0 + x1) / 2, (top + bottom) / 2
    above = [y for y, a, b in edges.horizontal if y <= top + TOL and a - TOL <= cx <= b + TOL]
    below = [y for y, a, b in edges.horizontal if y >= bottom - TOL and a - TOL <= cx <= b + TOL]
    left = [x for x, a, b in edges.vertical if x <= x0 + TOL and a - TOL <= cy <= b + TOL]
    right = [x for x, a, b in edges.vertical if x >= x1 - TOL and a - TOL <= cy <= b + TOL]
    if not (above and below and left and right):
        return None
    top_y, bottom_y, left_x, right_x = max(above), min(below), max(left), min(right)
    # a real cell is closed: each side's lines run its whole length (text beside a table is not in a cell)
    if not (_covers(edges.horizontal, top_y, left_x, right_x) and _covers(edges.horizontal, bottom_y, left_x, right_x)
            and _covers(edges.vertical, left_x, top_y, bottom_y) and _covers(edges.vertical, right_x, top_y, bottom_y)):
        return None
    return top_y, bottom_y, left_x, right_x


def _covers(lines: list[tuple[float, float, float]], at: float, start: float, end: float) -> bool:
    """Whether the lines lying at ``at`` together run from ``start`` to ``end``."""
    reach = start
    for _, a, b in sorted(line for line in lines if abs(line[0] - at) <= TOL):
        if reach >= end - TOL:
            break
        if a > reach + TOL:
            return False
        reach = max(reach, b)
    return reach >= end - TOL


def _bounds(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > TOL:
            out.append(v)
    return out


def _index(bounds: list[float], v: float) -> int:
    return min(range(len(bounds)), key=lambda i: abs(bounds[i] - v))


def _encloses(a: Cell, b: Cell) -> bool:
    return a[0] <= b[0] + TOL and a[1] >= b[1] - TOL and a[2] <= b[2] + TOL and a[3] >= b[3] - TOL


def _groups(cells: list[Cell]) -> list[list[Cell]]:
    """Cells that touch or overlap belong to the same table."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(cells):
        for j in range(i + 1, len(cells)):
            b = cells[j]
            if a[0] <= b[1] + TOL and b[0] <= a[1] + TOL and a[2] <= b[3] + TOL and b[2] <= a[3] + TOL:
                parent[find(i)] = find(j)
    groups: dict[int, list[Cell]] = {}
    for i, c in enumerate(cells):
        groups.setdefault(find(i), []).append(c)
    return sorted(groups.values(), key=lambda g: min(c[0] for c in g))


def ruled_tables(segs: list, edges: Edges, join) -> tuple[list, list[RuledTable]]:
    """Split ``segs`` into free segments and ruled tables.

    ``join(texts)`` joins a cell's lines (top to bottom) into one string.
    A table needs at least two cells; a lone framed box is left as text.
    """
    if not edges.horizontal or not edges.vertical:
        return segs, []
    by_cell: dict[Cell, list] = {}
    free = []
    for s in segs:
        cell = cell_of(s.x0, s.x1, s.top, s.bottom, edges)
        if cell is None:
            free.append(s)
        else:
            by_cell.setdefault(cell, []).append(s)
    for outer in [c for c in by_cell if any(_encloses(c, o) for o in by_cell if o != c)]:
        free.extend(by_cell.pop(outer))  # a page frame or text box around a table: its text is free text
    tables: list[RuledTable] = []
    for group in _groups(list(by_cell)):
        if len(group) < 2:
            free.extend(by_cell[group[0]])
            continue
        ys = _bounds([c[0] for c in group] + [c[1] for c in group])
        xs = _bounds([c[2] for c in group] + [c[3] for c in group])
        grid = [[""] * (len(xs) - 1) for _ in range(len(ys) - 1)]
        filled = [[False] * (len(xs) - 1) for _ in range(len(ys) - 1)]
        for cell in group:
            r0, r1 = _index(ys, cell[0]), _index(ys, cell[1])
            c0 = _index(xs, cell[2])  # a cell spanning columns keeps its text in the first
            text = join([s.text for s in sorted(by_cell[cell], key=lambda s: (s.top, s.x0))])
            for r in range(r0, max(r1, r0 + 1)):
                if r < len(grid) and c0 < len(grid[r]):
                    grid[r][c0] = text
                    filled[r][c0] = True
        rows = [row for row, marks in zip(grid, filled) if any(marks)]
        tables.append(RuledTable(min(c[0] for c in group), rows))
    return free, tables
