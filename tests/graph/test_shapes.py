"""The shapes accept what the mapping makes and catch what breaks the schema."""

from __future__ import annotations

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import SH as _SH

from kg.graph.iris import entity_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.signatures import signatures
from kg.graph.validate import validate_graph
from kg.graph.vocab import UKG, shapes_graph

from .conftest import song_contest, winter_visit


def _mapped():  # type: ignore[no-untyped-def]
    return extraction_to_graph(winter_visit()) + extraction_to_graph(song_contest())


def test_mapped_articles_conform() -> None:
    report = validate_graph(_mapped())
    assert report.conforms, [str(v) for v in report.violations]


def test_relation_with_wrong_object_type_is_a_violation() -> None:
    graph = _mapped()
    graph.add((entity_iri("Union", "南岭市总工会"), UKG.serves, entity_iri("Event", "新春送温暖活动")))
    report = validate_graph(graph)
    assert not report.conforms
    messages = [v.message for v in report.violations]
    assert "object of ukg:serves must be a WorkerGroup" in messages
    assert "union:南岭市总工会 ukg:serves event:新春送温暖活动: this relation has no ukg:Fact node with evidence" \
        in messages


def test_entity_without_label_is_a_violation() -> None:
    graph = _mapped()
    graph.add((URIRef("https://union-kg.org/id/person/无名"), RDF.type, UKG.Person))
    report = validate_graph(graph)
    assert any(v.focus == "person:无名" and "label" in v.message for v in report.violations)


def test_fact_without_evidence_is_a_violation() -> None:
    graph = _mapped()
    fact = next(graph.subjects(RDF.type, UKG.Fact))
    graph.remove((fact, UKG.evidence, None))
    assert any("evidence" in v.message for v in validate_graph(graph).violations)


def test_violation_reads_as_one_line() -> None:
    graph = _mapped()
    graph.add((entity_iri("Person", "陈立华"), UKG.locatedIn, Literal("青河区")))
    lines = [str(v) for v in validate_graph(graph).violations]
    assert len(lines) == 3 and all("\n" not in line for line in lines)
    assert all(line.startswith(("Violation: person:陈立华", "Violation: graph: person:陈立华")) for line in lines)


def _shape_classes(shape_list) -> set[str]:  # type: ignore[no-untyped-def]
    shapes = shapes_graph()
    found = set()
    for node in shapes.items(shape_list) if shape_list is not None else []:
        found |= {str(c).rsplit("#", 1)[1] for c in shapes.objects(node, _SH["class"])}
    return found


def test_shapes_state_the_same_types_as_signatures_tsv() -> None:
    shapes = shapes_graph()
    for predicate, sig in signatures().items():
        shape = shapes.value(predicate=_SH.targetSubjectsOf, object=UKG[predicate])
        subject_types = _shape_classes(shapes.value(shape, _SH["or"])) or \
            {str(c).rsplit("#", 1)[1] for c in shapes.objects(shape, _SH["class"])}
        prop = next(p for p in shapes.objects(shape, _SH.property) if shapes.value(p, _SH.path) == UKG[predicate])
        object_types = _shape_classes(shapes.value(prop, _SH["or"])) or \
            {str(c).rsplit("#", 1)[1] for c in shapes.objects(prop, _SH["class"])}
        assert subject_types == set(sig.subject_types), predicate
        assert object_types == set(sig.object_types), predicate
