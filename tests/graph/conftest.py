"""Hand-built extractions of two short union-news articles (invented places and people)."""

from __future__ import annotations

import pytest

from kg.model import Article, Entity, Extraction, Mention, Triple

WINTER_VISIT = (
    "南岭市总工会开展新春送温暖活动\n"
    "本报讯（记者 林晓雯 通讯员 周启明）1月18日，南岭市总工会党组书记、副主席陈立华带队赴青河区，"
    "开展新春送温暖活动。"
    "陈立华一行来到青河区职工服务中心，为一线环卫工人送上棉衣和慰问品。"
    "青河区职工服务中心位于青河区。"
    "青河区总工会是南岭市总工会下属单位，该区总工会负责人参加了活动。"
)

SONG_CONTEST = (
    "青河区职工歌手大赛落幕\n"
    "1月20日，青河区总工会联合青河区文化馆举办“唱响青河”职工歌手大赛。"
    "南岭市总工会派员观摩。"
)


def _entity(text: str, label: str, etype: str, *aliases: str) -> Entity:
    mentions = []
    for form in (label, *aliases):
        at = text.find(form)
        if at >= 0:
            mentions.append(Mention(form, at, at + len(form)))
    return Entity(label, etype, mentions, list(aliases))  # type: ignore[arg-type]


def _fact(text: str, s: str, p: str, o: str, sentence: str, role: str | None = None) -> Triple:
    at = text.find(sentence)
    assert at >= 0, sentence
    return Triple(s, p, o, sentence, at, at + len(sentence), 0.9, role)  # type: ignore[arg-type]


def winter_visit() -> Extraction:
    text = WINTER_VISIT
    article = Article(text=text, source="pages/winter.txt", title="南岭市总工会开展新春送温暖活动",
                      date="2025-01-18", authors=["林晓雯", "周启明"])
    lead = "本报讯（记者 林晓雯 通讯员 周启明）1月18日，南岭市总工会党组书记、副主席陈立华带队赴青河区，开展新春送温暖活动。"
    stop = "陈立华一行来到青河区职工服务中心，为一线环卫工人送上棉衣和慰问品。"
    entities = [
        _entity(text, "南岭市总工会", "Union", "市总工会"),
        _entity(text, "陈立华", "Person"),
        _entity(text, "青河区", "Place"),
        _entity(text, "新春送温暖活动", "Event"),
        _entity(text, "青河区职工服务中心", "Site"),
        _entity(text, "一线环卫工人", "WorkerGroup"),
        _entity(text, "青河区总工会", "Union", "该区总工会"),
        _entity(text, "林晓雯", "Person"),
    ]
    triples = [
        _fact(text, "陈立华", "holdsPosition", "南岭市总工会", lead, role="党组书记、副主席"),
        _fact(text, "陈立华", "visits", "青河区", lead),
        _fact(text, "南岭市总工会", "hosts", "新春送温暖活动", lead),
        _fact(text, "陈立华", "participatesIn", "新春送温暖活动", lead),
        _fact(text, "陈立华", "visits", "青河区职工服务中心", stop),
        _fact(text, "南岭市总工会", "serves", "一线环卫工人", stop),
        _fact(text, "青河区职工服务中心", "locatedIn", "青河区", "青河区职工服务中心位于青河区。"),
        _fact(text, "青河区总工会", "subOrganizationOf", "南岭市总工会",
              "青河区总工会是南岭市总工会下属单位，该区总工会负责人参加了活动。"),
        _fact(text, "该区总工会", "participatesIn", "新春送温暖活动",
              "青河区总工会是南岭市总工会下属单位，该区总工会负责人参加了活动。"),
        _fact(text, article.title or "", "author", "林晓雯", lead),
    ]
    return Extraction(article, entities, triples)


def song_contest() -> Extraction:
    text = SONG_CONTEST
    article = Article(text=text, source="pages/contest.html", title="青河区职工歌手大赛落幕",
                      date="2025-01", url="https://news.example.cn/qinghe/contest.html")
    lead = "1月20日，青河区总工会联合青河区文化馆举办“唱响青河”职工歌手大赛。"
    entities = [
        _entity(text, "青河区总工会", "Union"),
        _entity(text, "青河区文化馆", "Organization"),
        _entity(text, "“唱响青河”职工歌手大赛", "Event", "青河区职工歌手大赛"),
        _entity(text, "南岭市总工会", "Union"),
    ]
    triples = [
        _fact(text, "青河区总工会", "hosts", "“唱响青河”职工歌手大赛", lead),
        _fact(text, "青河区文化馆", "coOrganizes", "“唱响青河”职工歌手大赛", lead),
        _fact(text, "南岭市总工会", "participatesIn", "“唱响青河”职工歌手大赛", "南岭市总工会派员观摩。"),
    ]
    return Extraction(article, entities, triples)


@pytest.fixture
def visit() -> Extraction:
    return winter_visit()


@pytest.fixture
def contest() -> Extraction:
    return song_contest()
