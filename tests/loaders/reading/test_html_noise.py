"""Page-furniture rules (loaders.reading.html_noise), on small page bodies."""

from __future__ import annotations

import pytest
from lxml import etree

from loaders.reading.html_noise import drop_noise, text_of


def _clean(body_html: str) -> str:
    body = etree.HTML(f"<html><body>{body_html}</body></html>").find("body")
    drop_noise(body)
    return text_of(body)


BODY = "<p>" + "（一）加强质量基础设施建设。（责任单位：市市场监管局）" * 3 + "</p>"


@pytest.mark.parametrize("furniture", [
    "<div class='breadcrumb'>首页 &gt; 政务公开</div>",
    "<div id='share-bar'>微信 微博</div>",
    "<div class='header'>门户网站</div>",
    "<footer>版权所有</footer>",
    "<div style='display: none'>隐藏内容</div>",
    "<span>您现在的位置：<a>首页</a> &gt; <a>文件</a></span>",
    "<div><a>【打印本页】</a> <a>【关闭窗口】</a></div>",
    "<div class='xgwz'><a>另一份文件的标题</a></div>",
])
def test_furniture_goes_and_body_stays(furniture):
    text = _clean(furniture + BODY)
    assert text == etree.HTML(f"<p>{BODY}</p>").xpath("string()")


def test_title_in_an_article_header_is_kept():
    text = _clean("<article><header><h1>关于印发实施方案的通知</h1></header>" + BODY + "</article>")
    assert text.startswith("关于印发实施方案的通知")


def test_class_words_are_matched_whole():
    assert "标题" in _clean("<div class='article-header'>标题</div>" + BODY)
    assert "正文" in _clean("<div class='printContent'>正文</div>" + BODY)


def test_tail_text_of_a_removed_element_is_kept():
    assert _clean("<p>一、主要任务<script>x()</script>（一）推进。</p>") == "一、主要任务（一）推进。"


def test_an_element_holding_most_of_the_text_is_never_dropped():
    assert "加强质量基础设施建设" in _clean(f"<div class='menu'>{BODY}</div><div class='nav'>首页</div>")
