"""Mapping one extraction to its article's named graph."""

from __future__ import annotations

import rdflib
from rdflib import RDF, RDFS, Literal, URIRef

from kg.graph.iris import article_iri, entity_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.vocab import ORG, PROV, SCHEMA, UKG
from kg.model import Article, Entity, Extraction, Triple

from .conftest import WINTER_VISIT, winter_visit

PERSON = entity_iri("Person", "陈立华")
CITY_UNION = entity_iri("Union", "南岭市总工会")


def _facts(graph, predicate):  # type: ignore[no-untyped-def]
    return [f for f in graph.subjects(RDF.predicate, UKG[predicate])]


def test_same_name_in_traditional_characters_is_the_same_node() -> None:
    assert entity_iri("Union", "南嶺市總工會") == CITY_UNION
    assert entity_iri("Union", "“南岭市总工会”") == CITY_UNION


def test_entity_type_is_part_of_the_iri() -> None:
    assert entity_iri("Site", "青河区") != entity_iri("Place", "青河区")


def test_iri_percent_encodes_ascii_punctuation_but_keeps_chinese() -> None:
    iri = entity_iri("Event", "青河 杯/决赛(1)")
    assert str(iri).endswith("/event/青河杯%2F决赛%281%29")


def test_article_iri_comes_from_url_when_known() -> None:
    a = Article(text="正文一", source="a.html", url="https://news.example.cn/1.html")
    b = Article(text="正文二", source="b.html", url="https://news.example.cn/1.html")
    assert article_iri(a) == article_iri(b)
    assert article_iri(Article(text="正文一", source="x")) != article_iri(Article(text="正文二", source="x"))


def test_fact_node_points_back_to_article_and_evidence_offsets(visit) -> None:  # type: ignore[no-untyped-def]
    graph = extraction_to_graph(visit)
    [fact] = _facts(graph, "serves")
    start = int(graph.value(fact, UKG.evidenceStart))
    end = int(graph.value(fact, UKG.evidenceEnd))
    assert WINTER_VISIT[start:end] == str(graph.value(fact, UKG.evidence))
    assert graph.value(fact, PROV.wasDerivedFrom) == article_iri(visit.article)
    assert (CITY_UNION, UKG.serves, entity_iri("WorkerGroup", "一线环卫工人")) in graph


def test_holds_position_keeps_title_on_an_org_post(visit) -> None:  # type: ignore[no-untyped-def]
    graph = extraction_to_graph(visit)
    assert (PERSON, UKG.holdsPosition, CITY_UNION) in graph
    post = graph.value(PERSON, ORG.holds)
    assert (post, RDF.type, ORG.Post) in graph
    assert graph.value(post, ORG.postIn) == CITY_UNION
    assert graph.value(post, UKG.roleTitle) == Literal("党组书记、副主席", lang="zh")


def test_alias_in_a_triple_resolves_to_the_full_entity(visit) -> None:  # type: ignore[no-untyped-def]
    graph = extraction_to_graph(visit)
    district = entity_iri("Union", "青河区总工会")
    assert (district, UKG.participatesIn, entity_iri("Event", "新春送温暖活动")) in graph


def test_article_node_has_headline_typed_date_and_source(visit) -> None:  # type: ignore[no-untyped-def]
    graph = extraction_to_graph(visit)
    node = article_iri(visit.article)
    assert (node, RDF.type, UKG.Article) in graph
    assert graph.value(node, SCHEMA.datePublished) == Literal("2025-01-18", datatype=rdflib.XSD.date)
    assert str(graph.value(node, SCHEMA.headline)) == "南岭市总工会开展新春送温暖活动"
    assert str(graph.value(node, UKG.sourceFile)) == "pages/winter.txt"


def test_year_month_date_becomes_gyearmonth(contest) -> None:  # type: ignore[no-untyped-def]
    graph = extraction_to_graph(contest)
    assert graph.value(article_iri(contest.article), SCHEMA.datePublished).datatype == rdflib.XSD.gYearMonth


def test_every_entity_is_typed_labelled_and_mentioned(visit) -> None:  # type: ignore[no-untyped-def]
    graph = extraction_to_graph(visit)
    node = article_iri(visit.article)
    for ent in visit.entities:
        iri = entity_iri(ent.type, ent.label)
        assert (iri, RDF.type, UKG[ent.type]) in graph
        assert (iri, RDFS.label, Literal(ent.label, lang="zh")) in graph
        assert (node, UKG.mention, iri) in graph


def test_author_links_article_and_byline_without_triple_gets_one(visit) -> None:  # type: ignore[no-untyped-def]
    graph = extraction_to_graph(visit)
    node = article_iri(visit.article)
    for name in ("林晓雯", "周启明"):  # the second is only in Article.authors
        person = entity_iri("Person", name)
        assert (node, UKG.author, person) in graph
        assert (node, SCHEMA.author, person) in graph
    assert len(_facts(graph, "author")) == 2


def test_triple_with_wrong_types_is_left_out_with_a_reason(visit) -> None:  # type: ignore[no-untyped-def]
    visit.triples.append(Triple("陈立华", "serves", "一线环卫工人", "x", 0, 1))
    problems: list[str] = []
    graph = extraction_to_graph(visit, problems)
    assert (PERSON, UKG.serves, None) not in graph
    assert problems and "Person" in problems[0]


def test_triple_naming_an_unknown_entity_is_left_out(visit) -> None:  # type: ignore[no-untyped-def]
    visit.triples.append(Triple("王某某", "visits", "青河区", "x", 0, 1))
    problems: list[str] = []
    extraction_to_graph(visit, problems)
    assert any("王某某" in p for p in problems)


def test_wrong_offsets_are_recovered_from_the_text() -> None:
    text = "甲市总工会举办职工运动会。"
    ex = Extraction(Article(text=text, source="t.txt"),
                    [Entity("甲市总工会", "Union"), Entity("职工运动会", "Event")],
                    [Triple("甲市总工会", "hosts", "职工运动会", text, 5, 2)])
    graph = extraction_to_graph(ex)
    [fact] = _facts(graph, "hosts")
    assert int(graph.value(fact, UKG.evidenceStart)) == 0
    assert int(graph.value(fact, UKG.evidenceEnd)) == len(text)


def test_mapping_twice_gives_the_same_graph(visit) -> None:  # type: ignore[no-untyped-def]
    from rdflib.compare import isomorphic

    assert isomorphic(extraction_to_graph(visit), extraction_to_graph(winter_visit()))
    assert all(isinstance(s, URIRef) for s in extraction_to_graph(visit).subjects())
