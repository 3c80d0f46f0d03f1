"""`extract(..., jobs=N)`: the same extractions as one process, in input order, reading input lazily."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool

import pytest

from kg.errors import KgError
from kg.extract import extract
from kg.extract.parallel import AHEAD, _collect, extract_parallel
from kg.model import Article

TEXTS = [
    "市总工会主席带队来到环卫工人休息点，为一线职工送去慰问品。",
    "区总工会举办职工篮球比赛，12支代表队参加。",
    "该街道工会驿站为快递小哥提供热水、充电和休息服务。",
    "县总工会党组书记、常务副主席走访困难职工家庭。",
    "省总工会与省人社厅联合举办职业技能大赛。",
]


def _articles(count: int) -> list[Article]:
    return [Article(text=f"{TEXTS[i % len(TEXTS)]}（第{i}篇）", source=f"a{i}.txt", index=i)
            for i in range(count)]


def test_two_jobs_give_the_extractions_of_one_in_input_order() -> None:
    articles = _articles(11)
    alone = list(extract(articles))
    together = list(extract_parallel(articles, jobs=2, chunk=2))
    assert [ex.article for ex in together] == articles
    assert all(a.article is b.article for a, b in zip(alone, together))
    assert [(ex.entities, ex.triples) for ex in together] == [(ex.entities, ex.triples) for ex in alone]
    assert any(ex.triples for ex in together)   # the comparison is not between empty results


def test_input_is_read_lazily_and_an_early_stop_returns() -> None:
    drawn: list[int] = []

    def endless() -> Iterator[Article]:
        for i in itertools.count():
            drawn.append(i)
            yield Article(text=TEXTS[i % len(TEXTS)], source="endless.txt", index=i)

    chunk, jobs = 2, 2
    results = extract_parallel(endless(), jobs=jobs, chunk=chunk)
    first = list(itertools.islice(results, 3))
    results.close()   # must not wait for the endless rest
    assert [ex.article.index for ex in first] == [0, 1, 2]
    # at most AHEAD tasks per worker in flight, plus the one being handed back
    assert len(drawn) <= (AHEAD * jobs + 2) * chunk + 1


def test_no_articles_start_no_work() -> None:
    assert list(extract_parallel(iter([]), jobs=2)) == []


def test_a_dead_worker_is_a_one_line_error() -> None:
    future: Future[list] = Future()
    future.set_exception(BrokenProcessPool("terminated abruptly"))
    with pytest.raises(KgError, match="worker process died"):
        list(_collect(_articles(1), future))
