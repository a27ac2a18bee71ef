"""Government web pages to text (loaders.reading.html)."""

from __future__ import annotations

from pathlib import Path

import pytest

from agencynet.errors import ExtractionError
from loaders.reading import read_document
from loaders.reading.html import read_html

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "reading"
PAGE = FIXTURES / "gov_page_gb2312.html"


@pytest.fixture(scope="module")
def page() -> str:
    doc = read_document(PAGE.read_bytes(), PAGE.name)
    assert doc.format == "html"
    assert doc.encoding == "gb18030"  # declared gb2312, read with its superset
    return doc.text


@pytest.mark.parametrize(
    "noise",
    ["网站首页", "办事服务", "无障碍浏览", "请输入关键字", "当前位置", "分享到", "微博", "打印本页", "关闭窗口",
     "版权所有", "网站标识码", "统计代码", "tail script", "font-size", "相关文章", "加快发展现代服务业", "门户网站"],
)
def test_page_furniture_is_dropped(page, noise):
    assert noise not in page


def test_document_body_is_kept_line_by_line(page):
    lines = page.splitlines()
    for expected in (
        "临江市人民政府办公室关于印发临江市质量提升行动实施方案的通知",
        "临政办发〔2018〕12号",
        "临江市人民政府办公室",
        "2018年3月5日",
        "二、主要任务",
        "（一）加强质量基础设施建设。完善计量、标准、检验检测体系，建设一批公共技术服务平台。"
        "（责任单位：市市场监管局、市发改委、市财政局，列第一位的为牵头单位，下同）",
        "（四）加强质量人才培养。（责任单位：市人社局）",
    ):
        assert expected in lines
    assert lines.index("一、总体要求") < lines.index("二、主要任务") < lines.index("三、保障措施")


def test_source_line_break_between_chinese_characters_disappears(page):
    assert "（责任单位：市经信委、市商务局）" in page


def test_task_table_rows_are_tab_separated_with_blank_lines_around(page):
    lines = page.splitlines()
    header = lines.index("序号\t重点任务\t牵头单位\t责任单位\t完成时限")
    assert lines[header - 1] == ""
    assert lines[header + 1] == "1\t建立质量工作考核制度\t市市场监管局\t市人社局、市财政局\t2018年底"
    # rowspan: the lead cell is repeated in the row it covers
    assert lines[header + 2] == "2\t开展质量提升示范活动\t市市场监管局\t各县（市、区）人民政府\t2019年6月"
    # colspan: an empty cell keeps the columns aligned
    assert lines[header + 3] == "3\t组织质量月宣传活动（市委宣传部牵头）\t\t市教育局\t每年9月"
    assert header + 4 == len(lines) or lines[header + 4] == ""


def test_metadata_table_is_kept(page):
    assert "文 号：\t临政办发〔2018〕12号\t发布日期：\t2018-03-09" in page.splitlines()


def _html(body: str, charset: str = "utf-8") -> bytes:
    return f'<html><head><meta charset="{charset}"></head><body>{body}</body></html>'.encode(charset)


def test_layout_table_renders_as_blocks():
    body = ("<table><tr><td><table><tr><td>菜单</td></tr></table></td></tr>"
            "<tr><td><p>一、主要任务</p><p>（一）推进改革。（责任单位：市发改委）</p></td></tr></table>")
    text, _ = read_html(_html(body), "layout.html")
    assert text.splitlines()[-2:] == ["一、主要任务", "（一）推进改革。（责任单位：市发改委）"]


def test_br_and_blocks_make_lines_and_inline_text_joins():
    text, enc = read_html(_html("<div>一、<b>主要</b>任务<br>（一）推进<span>改革</span>。</div><p>二、保障</p>"), "a.htm")
    assert text == "一、主要任务\n（一）推进改革。\n二、保障\n"
    assert enc == "utf-8"


def test_wrong_declared_charset_falls_back_to_detection():
    data = '<html><head><meta charset="utf-8"></head><body><p>一、主要任务</p></body></html>'.encode("gb18030")
    text, enc = read_html(data, "wrong.html")
    assert (text, enc) == ("一、主要任务\n", "gb18030")


def test_big5_page():
    text, enc = read_html(_html("<p>一、主要任務（責任單位：市發改委）</p>", "big5"), "trad.html")
    assert text == "一、主要任務（責任單位：市發改委）\n"
    assert enc == "cp950"


def test_hidden_and_entities():
    body = '<p style="display:none">隐藏</p><p>A&amp;B&nbsp;&nbsp;C　</p>'
    assert read_html(_html(body), "e.html")[0] == "A&B C\n"


def test_a_mislabelled_wrapper_does_not_take_the_document_with_it():
    body = '<div class="nav-content"><p>一、主要任务</p><p>' + "（一）推进改革。" * 20 + "</p></div><div class='nav'>首页</div>"
    text, _ = read_html(_html(body), "w.html")
    assert "一、主要任务" in text and "首页" not in text


def test_page_with_only_furniture_is_an_error():
    with pytest.raises(ExtractionError, match="empty.html: HTML page has no text"):
        read_html(_html("<script>x()</script><style>p{}</style><nav>首页</nav>&nbsp;"), "empty.html")


def test_html_suffix_variants_use_the_html_reader():
    data = _html("<p>一、主要任务</p>")
    for name in ("a.htm", "a.HTML", "a.shtml"):
        assert read_document(data, name).format == "html"
    assert read_document(data, "no_suffix").format == "html"
    assert read_document(data, "a.txt").format == "txt"  # a .txt stays text


def test_two_column_layout_table_is_not_flattened_into_one_row():
    paragraphs = ["一、总体要求", "以提高发展质量和效益为中心，全面提升产品、工程和服务质量水平。", "二、主要任务",
                  "（一）加强质量基础设施建设。完善计量、标准、检验检测体系。（责任单位：市市场监管局、市发改委）"]
    body = ("<table><tr><td class='left'><a>机构概况</a><br><a>政务公开</a></td><td class='main'>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</td></tr></table>")
    lines = read_html(_html(body), "layout.html")[0].splitlines()
    assert lines[-4:] == paragraphs


def test_word_exported_list_marker_keeps_its_number_without_filler_space():
    body = ("<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
            "<span style='mso-list:Ignore'>（一）<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span>"
            "</span><![endif]><span style='font-family:仿宋'>加强建设。（责任单位：市发改\n委）<o:p></o:p></span></p>")
    assert read_html(_html(body), "word.htm")[0] == "（一）加强建设。（责任单位：市发改委）\n"


def test_utf8_page_still_labelled_gb2312_is_read_as_utf8():
    page = '<html><head><meta charset="gb2312"></head><body><p>一、主要任务（责任单位：市发改委）</p></body></html>'
    assert read_html(page.encode("utf-8"), "relabelled.html") == ("一、主要任务（责任单位：市发改委）\n", "utf-8")
