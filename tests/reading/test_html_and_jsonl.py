"""HTML pages and JSON Lines files."""

from __future__ import annotations

import json

import pytest

from kg.errors import KgError
from kg.reading import read_path

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>滨海区总工会开展夏季送清凉活动_海港职工网</title>
<meta name="date" content="2025-07-02"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">要闻</a></div>
<div class="article"><h1>滨海区总工会开展夏季送清凉活动</h1>
<p>本报讯（记者 李文博 通讯员 赵晴）7月1日，滨海区总工会走访辖区三家物流企业，为货车司机和装卸工人送去防暑物资。</p>
<p>区总工会有关负责人表示，将在全区新建十个户外劳动者服务站点，方便职工歇脚休息。</p>
</div><div class="footer">版权所有 海港职工网 联系我们</div></body></html>"""


def test_html_gives_main_text_as_lines_with_title_date_and_authors(write) -> None:
    article = read_path(write("page.html", HTML))[0]
    assert article.title == "滨海区总工会开展夏季送清凉活动"
    assert article.date == "2025-07-02"
    assert article.authors == ["李文博", "赵晴"]
    assert article.text.split("\n") == [
        "本报讯（记者 李文博 通讯员 赵晴）7月1日，滨海区总工会走访辖区三家物流企业，为货车司机和装卸工人送去防暑物资。",
        "区总工会有关负责人表示，将在全区新建十个户外劳动者服务站点，方便职工歇脚休息。",
    ]


def test_html_content_in_a_txt_file_is_read_as_html(write) -> None:
    article = read_path(write("page.txt", HTML))[0]
    assert "版权所有" not in article.text and article.text.startswith("本报讯")


def test_malformed_html_is_read_without_crashing(write) -> None:
    broken = "<html><body><div><p>本报讯 近日，滨海区总工会为环卫工人送去防暑物资。<p>共计发放物资三百余份。</div"
    article = read_path(write("broken.html", broken))[0]
    assert "滨海区总工会为环卫工人送去防暑物资" in article.text


def test_html_without_main_text_is_an_error(write) -> None:
    with pytest.raises(KgError, match="empty.html: HTML page with no main text"):
        read_path(write("empty.html", "<html><head><title>空</title></head><body><script>x()</script></body></html>"))


def _jsonl(*records: object) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n"


def test_jsonl_gives_one_article_per_line_with_its_metadata(write) -> None:
    path = write("a.jsonl", _jsonl(
        {"text": "作者：周晓岚\n6月1日，某县总工会举办职工运动会。", "title": "某县职工运动会开幕",
         "url": "https://example.org/1", "date": "2025/6/2"},
        {"text": "6月3日，某镇工会驿站投用。"},
    ))
    first, second = read_path(path, [])
    assert (first.title, first.url, first.date, first.authors) == (
        "某县职工运动会开幕", "https://example.org/1", "2025-06-02", ["周晓岚"])
    assert first.text == "作者：周晓岚\n6月1日，某县总工会举办职工运动会。"
    assert (second.index, second.title, second.url) == (1, None, None)


def test_broken_jsonl_line_is_reported_and_the_rest_read(write) -> None:
    path = write("a.jsonl", _jsonl({"text": "第一篇。"}, "{not json", {"title": "无正文"}, {"text": "第二篇。"}))
    problems: list[str] = []
    articles = read_path(path, problems)
    assert [a.text for a in articles] == ["第一篇。", "第二篇。"]
    assert len(problems) == 2
    assert problems[0].startswith(f"{path}:2: ") and problems[1].startswith(f"{path}:3: ")


def test_broken_jsonl_line_is_logged_when_no_problem_list_is_given(write, caplog) -> None:
    path = write("a.jsonl", _jsonl({"text": "第一篇。"}, "[1, 2", {"text": "第二篇。"}))
    articles = read_path(path)
    assert [a.text for a in articles] == ["第一篇。", "第二篇。"]
    assert [r.getMessage().split(": ")[0] for r in caplog.records] == [f"{path}:2"]


def test_jsonl_is_streamed_so_the_size_limit_applies_per_line(write) -> None:
    path = write("a.jsonl", _jsonl(*({"text": f"第{i}篇报道。"} for i in range(50)), {"text": "长" * 300}))
    problems: list[str] = []
    articles = read_path(path, problems, max_bytes=200)
    assert len(articles) == 50
    assert problems == [f"{path}:51: line longer than the limit of 200 bytes, skipped"]


def test_empty_jsonl_is_an_error(write) -> None:
    with pytest.raises(KgError, match="empty"):
        read_path(write("a.jsonl", "\n\n"))


def test_jsonl_without_title_takes_the_headline_opening_its_text(write) -> None:
    path = write("a.jsonl", _jsonl({"text": "某县职工运动会开幕\n\n本报讯（记者 李文博）6月1日，某县职工运动会开幕。"}))
    article = read_path(path, [])[0]
    assert (article.title, article.text, article.authors) == (
        "某县职工运动会开幕", "本报讯（记者 李文博）6月1日，某县职工运动会开幕。", ["李文博"])


@pytest.mark.parametrize("suffix", ["_海港职工网", " - 海港职工网", "--海港职工报--中国工会新闻"])
def test_html_title_loses_the_site_name(write, suffix: str) -> None:
    page = HTML.replace("<h1>滨海区总工会开展夏季送清凉活动</h1>", "").replace("_海港职工网", suffix)
    assert read_path(write("page.html", page))[0].title == "滨海区总工会开展夏季送清凉活动"


def test_html_title_keeps_a_dash_that_is_part_of_the_headline(write) -> None:
    page = HTML.replace("滨海区总工会开展夏季送清凉活动", "匠心筑梦——滨海区职工技能竞赛落幕")
    assert read_path(write("page.html", page))[0].title == "匠心筑梦——滨海区职工技能竞赛落幕"


def test_html_whose_text_is_only_a_section_label_is_an_error(write) -> None:
    with pytest.raises(KgError, match="no main text"):
        read_path(write("label.html", "■"))


def test_jsonl_line_whose_text_is_only_a_section_label_is_a_problem(write) -> None:
    problems: list[str] = []
    assert read_path(write("a.jsonl", _jsonl({"text": "■工会动态"}, {"text": "正文。"})), problems)[0].text == "正文。"
    assert len(problems) == 1 and "section labels" in problems[0]
