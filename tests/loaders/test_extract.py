"""loaders.extract: whole documents to records; provenance, declarations, errors, directories."""

from __future__ import annotations

import pytest

from agencynet.errors import ExtractionError
from loaders.extract import extract_document, extract_paths, extract_text, walk_paths

PLAN = """嘉兴市人民政府办公室关于印发嘉兴市质量提升行动计划的通知
《嘉兴市质量提升行动计划》已经市政府同意,现印发给你们。
嘉兴市人民政府办公室
2017年11月20日
嘉兴市质量提升行动计划
根据《浙江省质量提升行动计划》精神,制定本计划。
一、总体要求
坚持质量第一。(责任单位:市质监局)
二、主要任务
1.提升标准水平。开展工程。(责任单位:市质监局、经信委、嘉兴检验检疫局,列第一位的为牵头单位,下同)
2.推进公共服务。〔责任单位:市民政局、市教育局,各县(市、区)政府〕
三、重点工程
(一)实施建筑业工程。(责任单位:市建委)
(二)实施公共服务工程。(责任单位:各有关单位)
"""


@pytest.fixture(scope="module")
def doc():
    return extract_text(PLAN, "plan.txt")


def test_tasks_and_lead_rules(doc):
    rows = [(t.seq, t.path, t.lead, t.lead_basis) for t in doc.tasks]
    assert rows == [(1, "二 > 1", ["市质监局"], "declared_first"),
                    (2, "二 > 2", ["市民政局"], "declared_first"),          # 下同 carries on
                    (3, "三 > (一)", ["市建委"], "declared_first"),        # ... into later sections
                    (4, "三 > (二)", [], "collective_only")]


def test_spans_and_clauses_point_into_the_source(doc):
    for t in doc.tasks:
        assert doc.text[t.span[0]:t.span[1]] == t.text
        assert doc.text[t.clause_span[0]:t.clause_span[1]] == t.clause
        assert t.clause in t.text and t.heading in t.text


def test_units_forms(doc):
    t = doc.tasks[0]
    assert t.units == ["市质监局", "经信委", "嘉兴检验检疫局"]
    assert t.units_normalised == ["市质监局", "市经信委", "嘉兴检验检疫局"]
    assert t.units_simplified == t.units
    assert doc.tasks[1].collective == ["各县(市、区)政府"]


def test_plan_record(doc):
    p = doc.plan
    assert (p.title, p.jurisdiction, p.level, p.parent_jurisdiction) == ("嘉兴市质量提升行动计划", "嘉兴市", "city", "浙江省")
    assert p.issuer == "嘉兴市人民政府办公室" and p.date == "2017-11-20" and p.doc_number is None
    assert p.lead_convention == "列第一位的为牵头单位,下同" and p.task_count == 4 and p.script == "simplified"
    assert "doc_number not found" in p.warnings


def test_traditional_script_keeps_names_with_simplified_alongside():
    src = ("二、主要任務\n1.加強標準化建設。甲。(責任單位:市質監局、婁底日報社)\n"
           "2.推進誠信體系建設。乙。(責任單位:市人社局,相關職能部門)\n") * 1
    doc = extract_text(src * 2, "t.txt")
    t = doc.tasks[0]
    assert doc.plan.script == "traditional"
    assert t.units == ["市質監局", "婁底日報社"] and t.units_simplified == ["市质监局", "娄底日报社"]
    assert t.heading == "加強標準化建設"
    assert doc.tasks[1].lead == ["市人社局"] and doc.tasks[1].lead_basis == "single"


def test_free_standing_declaration_applies_everywhere():
    src = "二、主要任务\n1.甲。(责任单位:市发改委、市财政局)\n2.乙。(责任单位:市商务局)\n注:责任单位中排名第一的为牵头单位。\n"
    assert [t.lead_basis for t in extract_text(src, "d.txt").tasks] == ["declared_first", "declared_first"]


def test_gb18030_bytes_are_read(tmp_path):
    data = PLAN.encode("gb18030")
    doc = extract_document(data, "plan.txt")
    assert doc.plan.encoding and doc.plan.task_count == 4
    assert len(doc.plan.source_hash) == 64


@pytest.mark.parametrize("data,reason", [(b"", "empty"), ("关于做好节日值班的通知。请各单位做好值班。".encode(), "no action part")])
def test_bad_documents_raise_extraction_errors(data, reason):
    with pytest.raises(ExtractionError) as err:
        extract_document(data, "bad.txt")
    assert "bad.txt" in str(err.value) and reason in str(err.value)


def test_extract_paths_expands_directories_and_keeps_going(tmp_path):
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    results = list(extract_paths([tmp_path, tmp_path / "missing.txt"]))
    names = [(p.name, type(r).__name__) for p, r in results]
    assert names == [("a.txt", "ExtractedDocument"), ("b.txt", "ExtractionError"), ("missing.txt", "ExtractionError")]
    assert "no such file" in str(results[-1][1])


def test_walk_paths_says_why_each_file_in_a_directory_is_passed_over(tmp_path):
    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / "B.HTML").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "notes.md").write_text("ignored", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(PLAN, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text(PLAN, encoding="utf-8")
    walked = {p.name: reason for p, reason in walk_paths([tmp_path, tmp_path / "named.doc"])}
    assert walked["a.txt"] is None and walked["B.HTML"] is None
    assert walked["named.doc"] is None  # named outright: reading it says what is wrong
    assert walked["notes.md"].startswith("unsupported type .md (supported: .txt")
    assert walked[".hidden.txt"] == "hidden" and walked["c.txt"] == "hidden"
    assert [p.name for p, _ in extract_paths([tmp_path])] == ["B.HTML", "a.txt"]


@pytest.mark.parametrize("module", ["loaders.text", "loaders.units", "loaders.clauses", "loaders.leads", "loaders.outline",
                                    "loaders.tables", "loaders.extract", "loaders.places"])
def test_docstring_examples_run(module):
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(["一、主要任务\n", "二、保障措施\n", "(一)", "1.", "(1)", "①", "附件1\n", "附件:1.", "\n", "\t",
                           "(责任单位:", "市发改委", "、", ",", ";", "各县(市、区)政府", "等部门按职责分工负责", ")", "〔",
                           "〕", "牵头", "配合", "列第一位的为牵头单位,下同", "。", "推进标准化", "2017年7月4日",
                           "序号\t重点任务\t牵头单位\t责任单位\n", "責任單位:", "（", "）", "《", "》", "  "])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=60))
def test_any_text_gives_records_or_an_extraction_error(pieces):
    text = "".join(pieces)
    try:
        doc = extract_text(text, "fuzz.txt")
    except ExtractionError:
        return
    for t in doc.tasks:
        assert doc.text[t.span[0]:t.span[1]] == t.text
        if t.clause is not None:
            assert doc.text[t.clause_span[0]:t.clause_span[1]] == t.clause
        assert t.lead_basis in ("explicit", "declared_first", "convention_first", "single", "joint",
                                "collective_only", "none")
        assert set(t.lead) <= set(t.units) and set(t.support) <= set(t.units)


def test_a_parser_bug_becomes_an_error_for_that_file_only(tmp_path, monkeypatch):
    import loaders.extract as extract_module

    (tmp_path / "a.txt").write_text(PLAN, encoding="utf-8")

    def broken(text):
        raise RuntimeError("boom")

    monkeypatch.setattr(extract_module, "parse_outline", broken)
    [(path, result)] = list(extract_paths([tmp_path / "a.txt"]))
    assert isinstance(result, ExtractionError) and "a.txt" in str(result) and "boom" in str(result)


def test_units_of_a_wrapped_clause_have_no_line_break():
    doc = extract_text("二、主要任务\n1.推进标准化。(责任单位:市发改委、市财\n政局)\n", "w.txt")
    assert doc.tasks[0].units == ["市发改委", "市财政局"] and doc.tasks[0].lead == ["市发改委"]


def test_generic_collectives_are_collective_in_records():
    """A bare 街道办事处 in a district plan stands for every street office, as in the graph."""
    from loaders.extract import extract_text

    text = ("余杭区某某行动计划\n一、主要任务\n1.推进社区治理。完善网格。(责任单位:街道办事处、区民政局)\n"
            "2.加强宣传。(责任单位:区委宣传部)\n")
    doc = extract_text(text, "district.txt")
    first = doc.tasks[0]
    assert first.collective == ["街道办事处"]
    # one specific unit beside a collective: it leads alone (CONVENTIONS: single)
    assert first.lead == ["区民政局"] and first.lead_basis == "single"
