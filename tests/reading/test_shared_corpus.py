"""The seed page and the dev set: pages split into the gold's articles, headlines and authors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.model import name_key
from kg.reading import iter_paths, read_path

from .helpers import SHARED, needs_shared

pytestmark = needs_shared


def _gold_authors() -> dict[str, set[tuple[str, str]]]:
    files = [SHARED / "eval" / "seed-gold.jsonl", *sorted((SHARED / "eval" / "dev").glob("gold-*.jsonl"))]
    gold: dict[str, set[tuple[str, str]]] = {}
    for path in files:
        for line in path.read_text("utf-8").splitlines():
            record = json.loads(line)
            gold[record["file"]] = {
                (name_key(t["s"]), name_key(t["o"])) for t in record["triples"] if t["p"] == "author"
            }
    return gold


def _inputs() -> list[Path]:
    paths = iter_paths([SHARED / "seed", SHARED / "eval" / "dev"])
    return [p for p in paths if not p.name.startswith("gold-")]


@pytest.mark.parametrize("path", _inputs(), ids=lambda p: p.name)
def test_author_triples_match_gold(path: Path) -> None:
    gold = _gold_authors()[path.name]
    got = {(name_key(a.title or ""), name_key(name)) for a in read_path(path) for name in a.authors}
    assert got == gold


def test_seed_page_splits_into_its_six_headlines() -> None:
    articles = read_path(next((SHARED / "seed").glob("*.txt")))
    assert [a.title for a in articles] == [
        "北京市总工会赴东城区、北京国资公司为一线劳动者送温暖",
        "丰台区总工会聚焦“三突出”建设高效信息员队伍",
        "吉林浑江区总工会以专业队伍与优质服务提升建会质效",
        "“唱响海淀”迎新春职工歌手大赛决赛举办",
        "金盏第二社区卫生服务中心工会举办趣味运动会",
        "怀柔区总工会搭建特色农产品推广平台",
    ]
    assert [a.index for a in articles] == list(range(6))


def test_seed_page_reprint_source_goes_to_the_article_it_closes() -> None:
    articles = read_path(next((SHARED / "seed").glob("*.txt")))
    assert [a.reprint_source for a in articles] == [None, None, "中工网", None, None, None]


def test_seed_page_repairs_breaks_inside_sentences() -> None:
    articles = read_path(next((SHARED / "seed").glob("*.txt")))
    whole = "\n".join(a.text for a in articles)
    for joined in ("外卖配送员、快递员等一线劳动者提供", "东城区总工会和安定门街道总工会", "数十载的重要文化阵地",
                   "来到职工书屋、工会驿站", "业务能力和水平", "搭建展示才华", "乡村旅游高质量发展", "赛场上,队员们"):
        assert joined in whole
    assert "■" not in whole and "北京经验" not in whole
    # Paragraphs stay apart: the first article keeps its six paragraphs.
    assert len(articles[0].text.split("\n")) == 6


@pytest.mark.parametrize("name,count", [("d-12.txt", 3), ("e-12.txt", 3), ("e-10.jsonl", 3), ("d-11.html", 1)])
def test_dev_files_hold_the_expected_number_of_articles(name: str, count: int) -> None:
    assert len(read_path(SHARED / "eval" / "dev" / name)) == count


@pytest.mark.parametrize("name,encoding", [("d-09.txt", "gbk"), ("e-08.txt", "big5")])
def test_gbk_and_big5_dev_files_decode_exactly(name: str, encoding: str) -> None:
    path = SHARED / "eval" / "dev" / name
    expected = path.read_bytes().decode(encoding)
    article = read_path(path)[0]
    assert article.title == expected.splitlines()[0]
    assert all(paragraph in expected for paragraph in article.text.split("\n"))


def test_big5_dev_file_gets_a_simplified_copy() -> None:
    article = read_path(SHARED / "eval" / "dev" / "e-08.txt")[0]
    assert article.analysis_text is not None and "职工会" in article.analysis_text


@pytest.mark.parametrize("name,titles", [
    ("d-12.txt", ["电子城街道“雁塔暖心驿站”投用", "华辰机床公司工会走访慰问困难职工", "琼山区总工会为环卫工人送清凉"]),
    ("e-12.txt", ["自治区教育工会举办高校青年教师教学竞赛决赛", "小北街道总工会举办新就业形态劳动者趣味运动会",
                  "水西沟镇成立工会联合会"]),
])
def test_dev_pages_split_into_their_headlines(name: str, titles: list[str]) -> None:
    assert [a.title for a in read_path(SHARED / "eval" / "dev" / name)] == titles


def test_html_dev_page_gives_title_date_and_paragraphs_without_boilerplate() -> None:
    article = read_path(SHARED / "eval" / "dev" / "d-11.html")[0]
    assert article.title == "秦淮区“骑手友好街区”共建活动启动 “秦淮小驿”揭牌投用"
    assert article.date == "2025-09-06"
    assert article.text.startswith("本报讯")
    assert len(article.text.split("\n")) == 4
    assert "版权所有" not in article.text and "首页" not in article.text
