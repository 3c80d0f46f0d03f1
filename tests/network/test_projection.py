"""The projection from the store to networkx: nodes, edges, evidence, aliases."""

from __future__ import annotations

import networkx as nx

from .helpers import iri

CITY = iri("union", "江河市总工会")
DISTRICT = iri("union", "青山区总工会")
STATION = iri("site", "晨光驿站")


def test_entities_become_nodes_with_label_type_and_article_count(sample_graph: nx.MultiDiGraph) -> None:
    assert sample_graph.number_of_nodes() == 12
    city = sample_graph.nodes[CITY]
    assert (city["label"], city["type"], city["articles"]) == ("江河市总工会", "Union", 2)
    assert sample_graph.nodes[iri("person", "李华")]["type"] == "Person"


def test_aliases_are_collected_from_every_article(sample_graph: nx.MultiDiGraph) -> None:
    assert sample_graph.nodes[STATION]["aliases"] == ["驿站"]


def test_label_the_iri_was_made_from_wins_and_other_spellings_become_aliases(
        sample_graph: nx.MultiDiGraph) -> None:
    assert sample_graph.nodes[CITY]["label"] == "江河市总工会"
    assert sample_graph.nodes[CITY]["aliases"] == ["市总工会", "江河市總工會"]


def test_facts_become_edges_keyed_by_predicate_with_evidence(sample_graph: nx.MultiDiGraph) -> None:
    edge = sample_graph.edges[CITY, STATION, "visits"]
    assert edge["articles"] == 1
    assert edge["evidence"] == [{"text": "江河市总工会副主席王明一行来到晨光驿站。",
                                 "article": f"{iri('article', 'a1')}", "headline": "市总工会走访晨光驿站"}]


def test_holds_position_edge_keeps_the_title(sample_graph: nx.MultiDiGraph) -> None:
    assert sample_graph.edges[iri("person", "王明"), CITY, "holdsPosition"]["roles"] == ["副主席"]


def test_author_facts_are_left_out_because_articles_are_not_entities(sample_graph: nx.MultiDiGraph) -> None:
    assert "author" not in {p for *_, p in sample_graph.edges(data="predicate")}
    assert sample_graph.degree(iri("person", "李华")) == 0


def test_every_fact_of_the_sample_is_one_edge(sample_graph: nx.MultiDiGraph) -> None:
    assert sample_graph.number_of_edges() == 13
