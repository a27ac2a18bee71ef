"""Hypothesis strategies for fuzzing the loaders: mutated real documents, random bytes,
re-encodings, bracket storms and huge lines.

Shared by the resilience tests (not a test module itself).
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import strategies as st

SAMPLES = sorted((Path(__file__).resolve().parents[2] / "samples" / "plans").glob("*.txt"))
SAMPLE_BYTES = [p.read_bytes() for p in SAMPLES]
SAMPLE_TEXTS = [b.decode("utf-8") for b in SAMPLE_BYTES]

# Characters the parser treats specially: brackets, separators, numbering, clause words.
SPECIAL = list("()（）〔〕[]【】《》“”、,，;；:：。\n\r\t 一二三四五六七八九十0123456789.．") + [
    "责任单位:", "牵头单位:", "配合单位:", "列第一位的为牵头单位,下同", "排位第一的为牵头单位",
    "按职责分工负责", "负责", "牵头", "配合", "等部门", "各县(市、区)政府", "附件1", "主要任务", "保障措施",
    "一、", "(一)", "1.", "①", "一是", "\ufeff", "\x00", "\u3000",
]
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "utf-16-be", "latin-1",
             "shift_jis", "cp1252"]
NAMES = ["plan.txt", "plan.TXT", "plan.html", "plan.htm", "plan.docx", "plan.pdf", "plan", "plan.doc",
         "计划.txt", "a.b.c.txt", ".txt"]


@st.composite
def mutated_sample(draw) -> bytes:
    """A real sample with a few byte-level edits: cut, splice, flip, duplicate, insert junk."""
    data = bytearray(draw(st.sampled_from(SAMPLE_BYTES)))
    for _ in range(draw(st.integers(1, 6))):
        op = draw(st.sampled_from(["cut", "insert", "flip", "dup", "truncate"]))
        if not data:
            break
        i = draw(st.integers(0, len(data) - 1))
        if op == "cut":
            del data[i:i + draw(st.integers(1, 2000))]
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=64))
        elif op == "flip":
            data[i] ^= draw(st.integers(1, 255))
        elif op == "dup":
            data[i:i] = data[i:i + draw(st.integers(1, 4000))]
        else:
            del data[i:]
    return bytes(data)


@st.composite
def mutated_text(draw) -> str:
    """A real sample's text with parser-relevant tokens inserted, lines joined or removed."""
    text = draw(st.sampled_from(SAMPLE_TEXTS))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["token", "tokens", "join_lines", "drop_lines", "swap_brackets"]))
        i = draw(st.integers(0, len(text)))
        if op == "token":
            text = text[:i] + draw(st.sampled_from(SPECIAL)) * draw(st.integers(1, 50)) + text[i:]
        elif op == "tokens":
            text = text[:i] + "".join(draw(st.lists(st.sampled_from(SPECIAL), max_size=40))) + text[i:]
        elif op == "join_lines":
            text = text.replace("\n", "")
        elif op == "drop_lines":
            lines = text.split("\n")
            k = draw(st.integers(0, max(0, len(lines) - 1)))
            text = "\n".join(lines[:k] + lines[k + draw(st.integers(1, 30)):])
        else:
            text = text.replace("(", "〔" if i % 2 else ")").replace("）", "(")
    return text


@st.composite
def reencoded(draw) -> tuple[bytes, str]:
    """A (possibly mutated) sample text in a random encoding (lossy where it must be)."""
    text = draw(st.one_of(st.sampled_from(SAMPLE_TEXTS), mutated_text()))
    enc = draw(st.sampled_from(ENCODINGS))
    return text.encode(enc, errors="ignore"), enc


token_soup = st.lists(st.sampled_from(SPECIAL), min_size=1, max_size=400).map("".join)
