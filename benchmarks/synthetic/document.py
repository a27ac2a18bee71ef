"""One synthetic plan: text in the shape of the real samples, and its truth.

Layout (as in ``samples/plans``): optional web-page noise, an optional covering 通知
with 文号 and signature, the plan title (sometimes over two lines), a preamble, then
一、总体要求 / 主要目标 (goal items, not tasks) / 主要任务 with (一) groups and 1. items
or flat (一) items / optional 重点工程 / optional 实施步骤 / 保障措施 (tasks only when
its items carry clauses) / an optional annex with its own task section.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from benchmarks.synthetic import clauses as cl
from benchmarks.synthetic import prose
from benchmarks.synthetic.agencies import AgencyPool
from benchmarks.synthetic.places import Jurisdiction

_FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ":": "：", ",": "，", ";": "；"})


@dataclass
class PlanTruth:
    """What the generator knows about one document (simplified script, before encoding)."""

    jurisdiction: Jurisdiction
    title: str
    issuer: str
    date: str
    doc_number: str | None
    style: str
    lead_convention: str | None
    full_width: bool
    tasks: list[dict] = field(default_factory=list)


class _Builder:
    def __init__(self, rng: random.Random, jur: Jurisdiction):
        self.rng = rng
        self.jur = jur
        self.lines: list[str] = []
        self.indent = rng.choice(("", "", "        ", "\u3000\u3000"))
        self.blank = rng.random() < 0.5

    def add(self, line: str, indent: bool = True) -> None:
        self.lines.append((self.indent if indent else "") + line)
        if self.blank:
            self.lines.append("")


def _unit_count(rng: random.Random) -> int:
    r = rng.random()
    return 1 if r < 0.15 else 2 if r < 0.4 else 3 if r < 0.65 else rng.randint(4, 6) if r < 0.9 else rng.randint(7, 10)


class _Clauses:
    """Draws the clause for each task of one plan, keeping the declaration state."""

    def __init__(self, rng: random.Random, style: str, pool: AgencyPool, level: str):
        self.rng, self.style, self.pool, self.level = rng, style, pool, level
        self.declared = False
        self.pending: str | None = None
        self.lead_convention: str | None = None
        self.punct = cl.Punct("(", ")", ":", ",", ";")
        if style == "declared":
            self.pending = self.lead_convention = "列第一位的为牵头单位,下同"
        elif style == "rank_first":
            if rng.random() < 0.5:
                self.pending = self.lead_convention = "排位第一的为牵头单位,下同"
            else:
                self.lead_convention = "责任单位中排位第一的为牵头单位"
        self.clause_style = "labelled" if style in ("declared", "rank_first") else style

    def section_sentence(self) -> str | None:
        """A declaration sentence placed before the first task, when the plan has one."""
        if self.style == "rank_first" and self.pending is None and not self.declared:
            self.declared = True
            return f"以下各项任务中,{self.lead_convention}。"
        return None

    def next(self) -> cl.ClauseTruth:
        rng, style = self.rng, self.clause_style
        if self.style == "none":
            return cl.no_clause()
        first = self.pending is not None
        u = rng.random()
        if not first and u < 0.05:
            return cl.no_clause()
        if not first and u < 0.09:
            coll = [rng.choice(self.pool.collectives)]
            return cl.render(style, [], coll, self.punct, declared=self.declared)
        k = max(2, _unit_count(rng)) if first else _unit_count(rng)
        specific = self.pool.pick_units(rng, k)
        collective: list[str] = []
        if style != "joint" and rng.random() < 0.08:
            collective = [rng.choice(self.pool.collectives)]
        coll_first = (bool(collective) and style in ("labelled", "bare") and not self.declared
                      and self.pending is None and rng.random() < 0.12)
        open_list = rng.random() < (0.7 if style == "joint" else 0.04 if style in ("labelled", "bare") else 0.0)
        shorthand = (style in ("labelled", "bare") and self.level in ("city", "county", "district")
                     and len(specific) > 2 and rng.random() < 0.08)
        declare_here, self.pending = self.pending, None
        declared = self.declared or bool(declare_here)
        if declare_here and "下同" in declare_here:
            self.declared = True  # carries to every later clause; without 下同 only to this one
        return cl.render(style, specific, collective, self.punct, declared=declared,
                         declare_here=declare_here, open_list=open_list and not collective,
                         shorthand=shorthand, prefix=self.pool.prefix, collective_first=coll_first)


def build(rng: random.Random, jur: Jurisdiction, combo: int, page_title_pool: list[str]) -> tuple[str, PlanTruth]:
    """Compose one plan of title combination ``combo``; returns (text with web noise, truth)."""
    topic_key, kind, year = prose.title_combo(combo)
    title_stem, topic_short, objects = prose.TOPICS[topic_key]
    pool = AgencyPool(rng, jur, year, topic_short)
    style = cl.pick_style(rng)
    clauses = _Clauses(rng, style, pool, jur.level)
    title = prose.plan_title(jur.name, topic_key, kind, year)
    gov = {"province": "人民政府办公厅", "development_zone": "管委会办公室"}.get(jur.level, "人民政府办公室")
    issuer = jur.name + gov
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    date = f"{year}-{month:02d}-{day:02d}"
    doc_number = (f"{jur.stem[:1]}政办发〔{year}〕{rng.randint(1, 120)}号" if rng.random() < 0.6 else None)
    truth = PlanTruth(jur, title, issuer, date, doc_number, style, clauses.lead_convention,
                      rng.random() < 0.45)
    b = _Builder(rng, jur)
    page_date = f"{min(2025, year + rng.randint(0, 4))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    noise = prose.page_noise(rng, issuer if rng.random() < 0.5 else jur.name + "人民政府", page_date)

    if rng.random() < 0.7:  # covering notice
        b.add(f"{issuer}关于印发{title}的通知")
        if doc_number:
            b.add(doc_number)
        b.add({"province": "各市人民政府,省政府各部门、各直属机构:", "city": "各县(市、区)人民政府,市政府各部门:",
               "county": "各乡镇人民政府,县政府各部门:"}.get(jur.level, "区直各部门、单位,各镇、街道:"))
        b.add(f"《{title}》已经{jur.name}人民政府同意,现印发给你们,请认真贯彻执行。")
        b.add(issuer)
        b.add(f"{year}年{month}月{day}日")
    if rng.random() < 0.1 and len(title) > len(jur.name) + 4:
        b.add(jur.name)
        b.add(title[len(jur.name):])
    else:
        b.add(title)
    b.add(f"为深入贯彻落实{jur.province}关于{topic_short}工作的部署要求,{prose.sentence(rng, objects, year)[:-1]},"
          f"结合{'我' + jur.name[-1]}实际,制定本方案。")

    sec = 0

    def section(name: str) -> str:
        nonlocal sec
        sec += 1
        num = prose.cn(sec)
        b.add(f"{num}、{name}")
        return num

    section(rng.choice(prose.FRAMING))
    b.add(prose.body(rng, objects, year, rng.randint(2, 4)))
    if rng.random() < 0.55:
        section(rng.choice(prose.GOALS))
        b.add(prose.body(rng, objects, year, 2))
        if rng.random() < 0.4:
            for j in range(rng.randint(2, 4)):
                b.add(f"({prose.cn(j + 1)}){rng.choice(objects)}目标。{prose.sentence(rng, objects, year)}")

    item_fmt = rng.choice(("{n}.", "{n}.", "{n}、"))

    def task(path: str, label: str, cl_truth: cl.ClauseTruth) -> None:
        titled = rng.random() < 0.9
        head = prose.heading(rng, objects)
        n = rng.randint(3, 9)
        text = (prose.body(rng, objects, year, n) if rng.random() < 0.9 else
                "".join(f"{prose.cn(i + 1)}是{prose.sentence(rng, objects, year)}" for i in range(rng.randint(2, 4))))
        line = f"{label}{head}。{text}" if titled else f"{label}{text}"
        heading = head if titled else text.split("。", 1)[0]
        if cl_truth.clause and not cl_truth.own_line:
            line += cl_truth.clause
        b.add(line)
        if cl_truth.own_line and cl_truth.clause:
            b.add(cl_truth.clause)
        truth.tasks.append({"seq": len(truth.tasks) + 1, "path": path, "heading": heading, **cl_truth.as_dict()})

    def action_section(name: str, prefix_path: str = "") -> None:
        num = section(name)
        sentence = clauses.section_sentence()
        if sentence:
            b.add(sentence)
        grouped = rng.random() < 0.6
        if grouped:
            counter, continuous = 0, rng.random() < 0.5
            for g in range(rng.randint(2, 7)):
                glabel = f"({prose.cn(g + 1)})"
                b.add(f"{glabel}{prose.heading(rng, objects)}")
                if not continuous:
                    counter = 0
                for _ in range(rng.randint(1, 6)):
                    counter += 1
                    task(f"{prefix_path}{num} > {glabel} > {counter}", item_fmt.format(n=counter), clauses.next())
        else:
            for j in range(rng.randint(3, 12)):
                glabel = f"({prose.cn(j + 1)})"
                task(f"{prefix_path}{num} > {glabel}", glabel, clauses.next())

    action_section(rng.choice(prose.ACTIONS))
    if rng.random() < 0.25:
        action_section(rng.choice(prose.EXTRA_ACTIONS))
    if rng.random() < 0.25:
        section("实施步骤")
        for j, step in enumerate(rng.sample(prose.STEPS, 3)):
            b.add(f"({prose.cn(j + 1)}){step}({year}年{j * 3 + 1}月)。{prose.sentence(rng, objects, year)}")
    if rng.random() < 0.85:
        num = section("保障措施")
        with_clauses = style != "none" and rng.random() < 0.12
        for j, name in enumerate(rng.sample(prose.SAFEGUARDS, rng.randint(2, 4))):
            glabel = f"({prose.cn(j + 1)})"
            drawn = clauses.next() if with_clauses else None
            if drawn is not None and drawn.clause:  # a safeguard item is a task only with its own clause
                task(f"{num} > {glabel}", glabel, drawn)
            else:
                b.add(f"{glabel}{name}。{prose.body(rng, objects, year, rng.randint(2, 4))}")
    if rng.random() < 0.08:
        annex_title = f"{topic_short}重点任务分工"
        b.add(f"附件:1.{annex_title}")
        b.add("附件1", indent=False)
        b.add(annex_title)
        sec = 0
        action_section(rng.choice(prose.ACTIONS), prefix_path="附件1 > ")

    body_text = "\n".join(b.lines)
    tail = prose.trailing_noise(rng, rng.choice(page_title_pool) if page_title_pool else title)
    if truth.full_width:
        body_text = body_text.translate(_FULL_WIDTH)
        _translate_truth(truth, lambda s: s.translate(_FULL_WIDTH))
    text = "\n".join(noise + [body_text] + tail) + "\n"
    return text, truth


def _translate_truth(truth: PlanTruth, f) -> None:
    """Apply a text conversion (full width, simplified->traditional) to every written string."""
    truth.title = f(truth.title)
    truth.issuer = f(truth.issuer)
    if truth.lead_convention:
        truth.lead_convention = f(truth.lead_convention)
    for t in truth.tasks:
        for key in ("path", "heading"):
            t[key] = f(t[key])
        if t["clause"]:
            t["clause"] = f(t["clause"])
        for key in ("units", "lead", "support", "collective"):
            t[key] = [f(x) for x in t[key]]


translate_truth = _translate_truth
