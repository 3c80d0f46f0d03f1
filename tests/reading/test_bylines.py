"""Bylines: reporters and correspondents are authors; photographers, editors and sources are not."""

from __future__ import annotations

import pytest

from kg.reading import read_path
from kg.reading.byline import parse_byline


@pytest.mark.parametrize("byline,authors", [
    ("记者 李文博", ["李文博"]),
    ("记者 李文博 通讯员 赵晴 孙一鸣", ["李文博", "赵晴", "孙一鸣"]),
    ("作者：周晓岚", ["周晓岚"]),
    ("江城职工报记者 何远航 通讯员 苏婷", ["何远航", "苏婷"]),
    ("江城日报全媒体记者 何远航 通讯员 苏婷", ["何远航", "苏婷"]),
    ("融媒体记者 李文博", ["李文博"]),
    ("記者陳思妤報導", ["陳思妤"]),
    ("記者陳思妤／新竹報導", ["陳思妤"]),
    ("記者陳思妤報道；圖：方嘉明攝", ["陳思妤"]),
    ("通讯员 买买提·吐尔洪", ["买买提·吐尔洪"]),
    ("记者 其木格巴特尔", ["其木格巴特尔"]),
    ("中央社記者陳思妤台北20日電", ["陳思妤"]),
    ("中央社記者陳思妤、方嘉明高雄3日電", ["陳思妤", "方嘉明"]),
])
def test_byline_forms_name_their_authors(byline: str, authors: list[str]) -> None:
    assert parse_byline(byline) == authors


@pytest.mark.parametrize("credit", ["方嘉明 摄", "图为比赛现场。方嘉明 摄", "编辑：韩小雨", "责任编辑 韩小雨"])
def test_photo_and_editor_credits_name_no_author(credit: str) -> None:
    assert parse_byline(credit) == []


@pytest.mark.parametrize("sentence", ["记者近日从区总工会获悉", "由职工自己拍摄", "两节", "2025年", "记者手记", "作者简介", "作者：佚名"])
def test_ordinary_text_is_not_a_byline(sentence: str) -> None:
    assert parse_byline(sentence) is None


def test_bracketed_byline_after_dateline_gives_authors(write) -> None:
    text = "滨海区总工会慰问一线职工\n\n本报讯（记者 李文博 通讯员 赵晴）5月1日，滨海区总工会走访了三家企业。\n"
    assert read_path(write("a.txt", text))[0].authors == ["李文博", "赵晴"]


def test_standalone_byline_line_gives_authors_and_stays_in_text(write) -> None:
    text = "滨海区总工会慰问一线职工\n\n记者 李文博\n\n5月1日，滨海区总工会走访了三家企业。\n"
    article = read_path(write("a.txt", text))[0]
    assert article.authors == ["李文博"]
    assert article.text.split("\n")[0] == "记者 李文博"


def test_unbracketed_byline_after_dateline_gives_author(write) -> None:
    text = "滨海区总工会慰问一线职工\n\n本报讯 记者李文博报道 5月1日，滨海区总工会走访了三家企业。\n"
    assert read_path(write("a.txt", text))[0].authors == ["李文博"]


def test_byline_closing_the_article_gives_authors(write) -> None:
    text = "滨海区总工会慰问一线职工\n\n5月1日，滨海区总工会走访了三家企业。（通讯员 赵晴 孙一鸣）\n"
    assert read_path(write("a.txt", text))[0].authors == ["赵晴", "孙一鸣"]


def test_traditional_bracket_byline_with_photo_credit_keeps_only_the_reporter(write) -> None:
    text = "港島區工會舉辦義工嘉許禮\n\n【本報訊】港島區工會上周六舉辦嘉許禮。\n\n（記者陳思妤報道；圖：方嘉明攝）\n"
    assert read_path(write("a.txt", text))[0].authors == ["陳思妤"]


def test_photo_caption_credit_is_not_an_author(write) -> None:
    text = "滨海区职工运动会开幕\n\n本报讯（记者 李文博）5月1日，滨海区职工运动会开幕。\n\n图为开幕式现场。方嘉明 摄\n"
    assert read_path(write("a.txt", text))[0].authors == ["李文博"]


def test_reprint_source_is_recorded_and_not_an_author(write) -> None:
    text = "滨海区总工会慰问一线职工\n\n5月1日，滨海区总工会走访了三家企业。\n\n转自《海港工人报》\n"
    article = read_path(write("a.txt", text))[0]
    assert article.reprint_source == "海港工人报"
    assert article.authors == []


def test_source_line_under_headline_gives_source_and_publication_date(write) -> None:
    text = "滨海区总工会慰问一线职工\n\n来源：海港工人报　发布时间：2025-05-02\n\n5月1日，滨海区总工会走访了三家企业。\n"
    article = read_path(write("a.txt", text))[0]
    assert article.reprint_source == "海港工人报"
    assert article.date == "2025-05-02"


def test_author_on_a_source_line_is_an_author_and_the_outlet_the_source(write) -> None:
    text = "滨海区总工会慰问一线职工\n\n来源：海港工人报　作者：周晓岚\n\n5月1日，滨海区总工会走访了三家企业。\n"
    article = read_path(write("a.txt", text))[0]
    assert (article.reprint_source, article.authors) == ("海港工人报", ["周晓岚"])


def test_information_line_gives_author_source_and_date(write) -> None:
    text = "滨海区总工会慰问一线职工\n\n作者：周晓岚　来源：海港工人报　时间：2025-05-02\n\n5月1日，滨海区总工会走访了三家企业。\n"
    article = read_path(write("a.txt", text))[0]
    assert (article.authors, article.reprint_source, article.date) == (["周晓岚"], "海港工人报", "2025-05-02")


def test_source_word_inside_a_long_sentence_is_not_a_source(write) -> None:
    text = ("滨海区总工会慰问一线职工\n\n5月1日，滨海区总工会走访了三家企业，了解职工收入 来源：工资、奖金和补贴，"
            "并就如何拓宽职工增收渠道与企业负责人深入交换了意见，大家纷纷表示受益匪浅，今后还要多开展这样的走访。\n")
    assert read_path(write("a.txt", text))[0].reprint_source is None
