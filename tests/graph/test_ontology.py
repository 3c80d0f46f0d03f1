"""The ontology: every term labelled in Chinese and English, commented, aligned where a standard term exists."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS

from kg.graph.ontology_table import markdown, rows
from kg.graph.signatures import signatures
from kg.graph.vocab import UKG, ontology_graph
from kg.model import ENTITY_TYPES, PREDICATES


def test_seven_entity_types_article_and_nine_relations_are_declared() -> None:
    onto = ontology_graph()
    for name in [*ENTITY_TYPES, "Article"]:
        assert (UKG[name], RDF.type, OWL.Class) in onto, name
    for name in PREDICATES:
        assert (UKG[name], RDF.type, OWL.ObjectProperty) in onto, name


def test_every_term_has_zh_and_en_labels_and_a_comment() -> None:
    onto = ontology_graph()
    for term, _kind, zh, en, _aligned in rows():
        assert zh and en, term
        assert onto.value(UKG[term.removeprefix("ukg:")], RDFS.comment), term


def test_every_entity_class_is_aligned_to_a_standard_vocabulary() -> None:
    aligned = {term: a for term, _k, _zh, _en, a in rows()}
    for name in [*ENTITY_TYPES, "Article"]:
        assert any(v in aligned[f"ukg:{name}"] for v in ("org:", "schema:", "foaf:", "prov:")), name


def test_alignments_named_in_the_issue_are_present() -> None:
    table = markdown()
    for term in ("org:Organization", "org:subOrganizationOf", "org:Site", "schema:Event", "schema:organizer",
                 "schema:location", "schema:NewsArticle", "schema:author", "schema:WorkersUnion",
                 "foaf:Person", "prov:Entity"):
        assert term in table, term


def test_relation_domains_name_the_same_types_as_signatures() -> None:
    onto = ontology_graph()
    for predicate, sig in signatures().items():
        if predicate == "author":
            continue
        domain = onto.value(UKG[predicate], RDFS.domain)
        members = onto.value(domain, OWL.unionOf)
        names = {str(c).rsplit("#", 1)[1] for c in (onto.items(members) if members else [domain])}
        assert names == set(sig.subject_types), predicate
