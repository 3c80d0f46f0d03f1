"""SHACL validation of a store's data against ontology/shapes.ttl, with readable violations."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from kg.graph.store import Store
from kg.graph.terms import compact, display
from kg.graph.vocab import ontology_graph, shapes_graph

WHOLE_GRAPH = URIRef("https://union-kg.org/ontology")
_IRI = re.compile(r"https?://[^\s<>\"]+")


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    value: str
    message: str
    severity: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        value = f" = {self.value}" if self.value and self.value != self.focus else ""
        return f"{self.severity}: {self.focus}{where}{value}: {self.message}"


@dataclass
class ValidationReport:
    conforms: bool
    violations: list[Violation]


def store_graph(store: Store) -> Graph:
    """The union of the store's named graphs as one graph."""
    graph = Graph()
    result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    for row in result.rows:
        graph.add((row["subject"], row["predicate"], row["object"]))  # type: ignore[arg-type]
    return graph


def _violation(results: Graph, result: Node) -> Violation:
    def first(pred: URIRef) -> Node | None:
        return next(iter(results.objects(result, pred)), None)

    focus = first(SH.focusNode)
    whole = focus == WHOLE_GRAPH  # graph-wide constraints take the ontology node as focus
    message = str(first(SH.resultMessage) or "constraint not met")
    return Violation(
        focus="graph" if whole else display(focus),
        path="" if whole else display(first(SH.resultPath)),
        value="" if whole else display(first(SH.value)),
        message=_IRI.sub(lambda m: compact(m.group(0)), message),
        severity=str(first(SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1],
    )


def validate_graph(data: Graph) -> ValidationReport:
    """Validate against the shapes, with the ontology mixed in so subclasses count."""
    import pyshacl  # slow to import; only validation needs it

    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none",
        allow_warnings=True,
    )
    violations = [_violation(results, r) for r in results.subjects(RDF.type, SH.ValidationResult)]
    violations.sort(key=lambda v: (v.focus, v.path, v.message))
    return ValidationReport(bool(conforms), violations)


def validate_store(store: Store) -> ValidationReport:
    return validate_graph(store_graph(store))
