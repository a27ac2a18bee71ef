"""loaders.text: offset-preserving normalisation, script detection, t2s for matching."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from loaders.text import blank_tags, detect_script, normalise, prepare, simplified_all, to_simplified


def test_normalise_maps_full_width_punctuation_char_by_char():
    src = "（责任单位：市发改委，市财政局；各县（市、区）政府）　ＡＢ１"
    out = normalise(src)
    assert out == "(责任单位:市发改委,市财政局;各县(市、区)政府) AB1"
    assert len(out) == len(src)


def test_normalise_leaves_other_text_alone():
    src = "〔责任单位:市质监局〕“品”字标"
    assert normalise(src) == src


@given(st.text(alphabet=st.sampled_from("（）：，；ＡＢ　市局、〔〕abc\n責任單位"), max_size=60))
def test_every_form_keeps_the_length(text):
    assert len(normalise(text)) == len(text)
    assert len(to_simplified(text)) == len(text)
    assert len(prepare(text).match) == len(text)


def test_to_simplified_converts_traditional_for_matching():
    assert to_simplified("責任單位:市質監局、市經信委") == "责任单位:市质监局、市经信委"


def test_detect_script():
    trad = "婁底市人民政府關於加快質量發展建設質量強市的實施意見。責任單位:市質監局、市經信委。" * 3
    simp = "娄底市人民政府关于加快质量发展建设质量强市的实施意见。责任单位:市质监局。" * 3
    assert detect_script(trad) == "traditional"
    assert detect_script(simp) == "simplified"
    assert detect_script("abc 123") == "simplified"


def test_prepare_keeps_source_and_matches_on_simplified_half_width():
    src = "（責任單位：市質監局）"
    prep = prepare(src * 5)
    assert prep.source == src * 5
    assert prep.script == "traditional"
    assert prep.match.startswith("(责任单位:市质监局)")


def test_simplified_all_is_one_name_per_name():
    assert simplified_all(["市質監局", "婁底日報社", ""]) == ["市质监局", "娄底日报社", ""]
    assert simplified_all([]) == []


def test_blank_tags_keeps_text_between_tags_and_every_offset():
    raw = "1、开展行动。<script>document.write('<span>')</script>围绕主导产业。<span style=\"a\">新增5家</span>&nbsp;(责任单位:区局)"
    out = blank_tags(raw)
    assert len(out) == len(raw)
    assert "<" not in out and "script" not in out and "nbsp" not in out
    assert "".join(out.split()) == "1、开展行动。围绕主导产业。新增5家(责任单位:区局)"


def test_blank_tags_leaves_text_that_is_not_markup():
    for text in ("a<b且c>d", "≤5%", "<<条例>>", "比例<30%的企业>10家", "第一行\n<br>\n第二行"[:3]):
        assert blank_tags(text) == text
    assert blank_tags("甲\n<div\nclass='x'>乙") .count("\n") == 2
