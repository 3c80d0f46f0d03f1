"""who-hosted-what: one row per hosting fact, the event's places joined, no place left unbound."""

from __future__ import annotations

from pathlib import Path

from kg.graph.embedded_store import EmbeddedStore
from kg.graph.named_queries import get_query, prepare
from kg.graph.rdf import article_iri, extraction_to_graph
from kg.model import Article, Extraction

from .conftest import _entity, _fact, song_contest

TEXT = ("3月8日，东川区总工会在东川区的滨江体育馆举办“巾帼杯”职工羽毛球赛。"
        "东川区总工会联合东川区妇联主办此次比赛。")


def _located_contest() -> Extraction:
    first, second = TEXT.split("。")[0] + "。", TEXT.split("。")[1] + "。"
    article = Article(text=TEXT, source="pages/badminton.txt", title="东川区举办职工羽毛球赛")
    entities = [
        _entity(TEXT, "东川区总工会", "Union"),
        _entity(TEXT, "东川区妇联", "Organization"),
        _entity(TEXT, "“巾帼杯”职工羽毛球赛", "Event"),
        _entity(TEXT, "滨江体育馆", "Site"),
        _entity(TEXT, "东川区", "Place"),
    ]
    triples = [
        _fact(TEXT, "东川区总工会", "hosts", "“巾帼杯”职工羽毛球赛", first),
        _fact(TEXT, "东川区妇联", "coOrganizes", "“巾帼杯”职工羽毛球赛", second),
        _fact(TEXT, "“巾帼杯”职工羽毛球赛", "locatedIn", "滨江体育馆", first),
        _fact(TEXT, "“巾帼杯”职工羽毛球赛", "locatedIn", "东川区", first),
    ]
    return Extraction(article, entities, triples)


def test_places_are_joined_and_a_missing_place_is_unbound(tmp_path: Path) -> None:
    store = EmbeddedStore(str(tmp_path / "store"))
    for ex in (_located_contest(), song_contest()):
        store.put_article(article_iri(ex.article), extraction_to_graph(ex))
    rows = store.query(prepare(store, get_query("who-hosted-what"), [], "who-hosted-what")).rows
    store.close()
    by_host = {(str(r["host"]), str(r["role"])): r for r in rows}
    assert len(rows) == len(by_host) == 4       # one row per hosting fact, none doubled by its places
    located = by_host[("东川区总工会", "hosts")]
    assert sorted(str(located["place"]).split("、")) == ["东川区", "滨江体育馆"]
    assert str(by_host[("东川区妇联", "coOrganizes")]["place"]) == str(located["place"])
    unlocated = by_host[("青河区总工会", "hosts")]
    assert unlocated["place"] is None
