"""The outline of a plan: numbered headings, parts, annexes.

Numbering recognised (on the matching form, see ``loaders.text``), from the top:
``第一部分``/``第一篇`` (rank 1), ``第一章`` (2), ``第一节`` (3), ``一、`` (4),
``(一)`` (5), ``1.``/``1、`` (6), ``(1)``/``1)`` (7), ``①`` (8). Ranks are relative: the
first level a document uses is its top level (most plans start at ``一、``). Annexes open with a line
``附件1`` (or ``附件一``, ``附件``) and restart the numbering. A line ``附件:1.…``
lists annexes and is not an outline item, nor are the numbered lines after it.

Each top-level part is classed by its heading: ``action`` (主要任务, 重点工程,
重要举措, 工作任务, 工作重点 ...), ``framing`` (总体要求, 目标, 指导思想, 实施步骤 ...),
``safeguard`` (保障措施, 组织实施 ...) or None (decided later from its clauses).

Examples
--------
>>> o = parse_outline("二、主要任务\\n(一)标准\\n1.提升。(责任单位:甲局)\\n")
>>> [(n.path, n.heading) for n in o.walk()]
[('二', '主要任务'), ('二 > (一)', '标准'), ('二 > (一) > 1', '提升。(责任单位:甲局)')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

_CN = "一二三四五六七八九十"
_CHAPTER = r"[ \t]*(第[" + _CN + r"百零\d]{1,4}"
MARKERS = [
    (1, re.compile(_CHAPTER + r"(?:部分|篇))[ \t:、.]*")),
    (2, re.compile(_CHAPTER + r"章)[ \t:、.]*")),
    (3, re.compile(_CHAPTER + r"节)[ \t:、.]*")),
    (4, re.compile(r"[ \t]*([" + _CN + r"]{1,3})[ \t]*[、.][ \t]*")),
    (5, re.compile(r"[ \t]*\(([" + _CN + r"]{1,3})\)[ \t]*[、.]?[ \t]*")),
    (6, re.compile(r"[ \t]*(\d{1,2})[ \t]*[.、](?!\d)[ \t]*")),
    (7, re.compile(r"[ \t]*\((\d{1,2})\)[ \t]*")),
    (7, re.compile(r"[ \t]*(\d{1,2})\)[ \t]*")),  # 1) / 1）: the same level as (1)
    (8, re.compile(r"[ \t]*([\u2460-\u2473])[ \t]*")),
]
# how a marker is written in a path (by its place in MARKERS); the others as matched
_SHOWN = {4: "({})", 6: "({})", 7: "{})"}
ITEM_RANK = 6  # ``1.``: numbered lines under an annex listing are not items from this rank down
ANNEX = re.compile(r"[ \t]*附件[ \t]*(\d{1,2}|[" + _CN + r"]{1,3})?[ \t]*[::.、]?[ \t]*(.{0,40})$")
ANNEX_LIST = re.compile(r"[ \t]*附件[ \t]*[::]")
FOOTER = re.compile(
    r"[ \t【\[]*(?:评论|相关法律条文|相关链接|相关文件|相关阅读|相关新闻|相关稿件|分享到|打印本页|关闭本?页|关闭窗口|"
    r"作者:|信息来源:|扫一扫|责任编辑|上一篇|下一篇|附件下载|网站地图|主办单位:|版权所有|"
    r"推荐阅读|延伸阅读|相关政策|相关解读|政策解读|热点推荐|热门推荐|猜你喜欢|我要纠错|打印本文|【打印】)"
)

ACTION = re.compile(r"主要任务|重点任务|重点工程|重要举措|工作任务|工作重点|重点工作|主要措施|工作措施|具体措施|重点项目|"
                    r"重点行动|专项行动|任务分工|主要内容|工作内容|重大工程|重点举措|主要举措|行动内容|任务措施|重点领域")
ACTION_WORDS = re.compile(r"主要工作|工作举措|推进措施|实施内容|任务|举措|措施")
FRAMING = re.compile(r"总体要求|指导思想|基本原则|主要目标|工作目标|总体目标|发展目标|行动目标|目标要求|总体思路|实施步骤|进度安排|"
                     r"时间安排|工作步骤|阶段安排|步骤安排|实施范围|适用范围|编制依据|发展基础|发展现状|面临形势|工作原则")
SAFEGUARD = re.compile(r"保障措施|组织保障|组织实施|保障机制|工作保障|组织领导|工作要求|有关要求|相关要求|实施保障|监督考核|督查考核")


@dataclass
class Node:
    """One numbered heading and everything under it.

    Attributes
    ----------
    rank : int
        0 for a root (main text or one annex), 1–5 for the numbering levels.
    marker : str
        The number as written: ``二``, ``(一)``, ``1``, ``(1)``, ``①``, ``附件1``.
    line : int
        Index (in ``Outline.lines``) of the heading line; -1 for the main root.
    head_start : int
        Offset where the heading text starts (after the number).
    own_lines : list of int
        Indices of the node's own lines (heading line first), before any child.
    """

    rank: int
    marker: str
    line: int
    head_start: int
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    own_lines: list[int] = field(default_factory=list)
    kind: str | None = None
    heading: str = ""

    @property
    def path(self) -> str:
        parts = []
        node = self
        while node is not None:
            if node.marker and (node.rank > 0 or node.marker.startswith("附件")):
                parts.append(node.marker)
            node = node.parent
        return " > ".join(reversed(parts))

    def walk(self) -> Iterator["Node"]:
        for child in self.children:
            yield child
            yield from child.walk()

    def all_lines(self) -> Iterator[int]:
        yield from self.own_lines
        for child in self.children:
            yield from child.all_lines()

    def effective_kind(self) -> str | None:
        node = self
        while node is not None and node.rank > 0:
            if node.kind:
                return node.kind
            node = node.parent
        return None


@dataclass
class Outline:
    """Lines (start, end offsets of non-empty lines) and the roots: main text, then annexes."""

    lines: list[tuple[int, int]]
    roots: list[Node]
    end: int  # offset where the document body ends (footer noise cut off)

    def walk(self) -> Iterator[Node]:
        for root in self.roots:
            yield from root.walk()


def split_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, surrounding spaces trimmed (tabs kept: they separate table cells)."""
    out = []
    pos, n = 0, len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        if nl < 0:
            nl = n
        a, b = pos, nl
        while a < b and text[a] in " \r\u3000\ufeff":
            a += 1
        while b > a and text[b - 1] in " \r\u3000":
            b -= 1
        if b > a and text[a:b].strip():
            out.append((a, b))
        pos = nl + 1
    return out


def _join_wrapped(lines: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Join a line whose bracket is closed on the next line (a hard-wrapped clause) into one line span."""
    out: list[tuple[int, int]] = []
    for a, b in lines:
        if out:
            pa, pb = out[-1]
            mk = _marker(text, pa, pb)  # 1) numbering: its bracket is not an open clause
            if (_balance(text, mk[2] if mk else pa, pb) > 0 and b - a < 200 and _balance(text, a, b) < 0
                    and "\t" not in text[a:b] and _marker(text, a, b) is None):
                out[-1] = (pa, b)
                continue
        out.append((a, b))
    return out


def _balance(text: str, a: int, b: int) -> int:
    """Opening minus closing brackets in ``text[a:b]``."""
    c = text.count
    return (c("(", a, b) + c("[", a, b) + c("〔", a, b) + c("【", a, b)
            - c(")", a, b) - c("]", a, b) - c("〕", a, b) - c("】", a, b))


def _marker(text: str, a: int, b: int) -> tuple[int, str, int] | None:
    for n, (rank, rx) in enumerate(MARKERS):
        m = rx.match(text, a, b)
        if m and m.end() < b:
            shown = _SHOWN.get(n, "{}").format(m.group(1))
            return rank, shown, m.end()
    return None


def parse_outline(text: str) -> Outline:
    """Build the outline of ``text`` (the matching form)."""
    lines = _join_wrapped(split_lines(text), text)
    main = Node(rank=0, marker="", line=-1, head_start=0)
    roots = [main]
    stack: list[Node] = [main]
    listing = False
    seen_heading = False
    body_end = len(text)
    kept: list[tuple[int, int]] = []
    # An annex number seen again further down, or annex lines one after another, only list the annexes.
    annex_lines = [(k, m.group(1)) for k, (a, b) in enumerate(lines)
                   if (m := ANNEX.match(text, a, b)) and m.group(1) and not ANNEX_LIST.match(text, a, b)]
    last_of = {num: k for k, num in annex_lines}
    listed = {k for k, num in annex_lines if last_of[num] != k}
    numbered = {k for k, _ in annex_lines}
    listed |= {k for k in numbered if k - 1 in numbered or k + 1 in numbered}  # consecutive lines: a list
    for k, (a, b) in enumerate(lines):
        if seen_heading and FOOTER.match(text, a, b):
            body_end = a
            break
        idx = len(kept)
        kept.append((a, b))
        am = ANNEX.match(text, a, b)
        if am and (am.group(1) or not am.group(2)) and not ANNEX_LIST.match(text, a, b) and k not in listed:
            number = am.group(1) or str(sum(1 for r in roots if r.rank == 0 and r.marker) + 1)
            root = Node(rank=0, marker=f"附件{number}", line=idx, head_start=a)
            roots.append(root)
            stack = [root]
            listing = False
            root.own_lines.append(idx)
            continue
        if ANNEX_LIST.match(text, a, b) or k in listed:
            listing = True
            stack[-1].own_lines.append(idx)
            continue
        mk = None if text.count("\t", a, b) >= 2 else _marker(text, a, b)  # table rows are not headings
        if mk and listing and mk[0] >= ITEM_RANK:
            mk = None
        if mk is None:
            stack[-1].own_lines.append(idx)
            continue
        listing = False
        seen_heading = True
        rank, shown, head_start = mk
        while stack[-1].rank >= rank and stack[-1].rank > 0:
            stack.pop()
        parent = stack[-1]
        node = Node(rank=rank, marker=shown, line=idx, head_start=head_start, parent=parent)
        node.heading = text[head_start:b]
        node.own_lines.append(idx)
        parent.children.append(node)
        stack.append(node)
    for root in roots:
        for top in root.children:
            top.kind = classify(top.heading)
    return Outline(lines=kept, roots=roots, end=body_end)


def classify(heading: str) -> str | None:
    """``action``, ``framing``, ``safeguard`` or None from a part's heading (first 20 chars)."""
    head = heading[:20]
    if ACTION.search(head):
        return "action"
    if SAFEGUARD.search(head):
        return "safeguard"
    if FRAMING.search(head):
        return "framing"
    if ACTION_WORDS.search(head):
        return "action"
    return None
