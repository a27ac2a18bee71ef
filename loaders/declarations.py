"""Lead declarations: sentences saying the first-listed unit leads.

``列第一位的为牵头单位``, ``排位第一的为牵头单位``, ``排在首位的为牵头单位``,
``第一责任单位为牵头单位``, ``牵头单位列第一位`` …, optionally followed by ``下同``
(the declaration then carries to every later clause). They appear inside the first
clause, in a note, or in a preamble sentence (``以下各项任务中列第一位的为牵头单位``).

Examples
--------
>>> t = "(责任单位:市质监局、市经信委,列第一位的为牵头单位,下同)"
>>> t[slice(*find_declaration(t, 0, len(t)).span())]
'列第一位的为牵头单位,下同'
"""

from __future__ import annotations

import re

DECLARATION = re.compile(
    r"(?:(?:(?:列|排|排名|排位|排序|名列|位列|排在|列在|排列)(?:在)?)?(?:第一位|第一个|第一|首位|最前)(?:的|者)?(?:责任|主办|负责)?(?:单位|部门)?"
    r"(?:为|是)?(?:牵头|主责)(?:单位|部门)?"
    r"|(?:牵头单位|牵头部门)(?:列|排|排名|排位|排在|列在)(?:在)?(?:第一位|第一|首位))(?:\s*[,;]?\s*下同)?"
)
CARRY = re.compile(r"下同")  # the declaration carries to every later clause
_DECL_ANCHOR = re.compile(r"牵头|主责")


def find_declaration(text: str, a: int, b: int) -> re.Match | None:
    """First first-listed-leads declaration in ``text[a:b]``, looked for only around 牵头/主责 (fast)."""
    for anchor in _DECL_ANCHOR.finditer(text, a, b):
        m = DECLARATION.search(text, max(a, anchor.start() - 16), min(b, anchor.end() + 16))
        if m:
            return m
    return None


def find_declarations(text: str, a: int, b: int) -> list[re.Match]:
    """Every declaration in ``text[a:b]`` (see ``find_declaration``)."""
    out: list[re.Match] = []
    pos = a
    while True:
        m = find_declaration(text, pos, b)
        if not m:
            return out
        out.append(m)
        pos = m.end()
