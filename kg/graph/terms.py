"""Short, readable forms of RDF terms: IRIs with the ontology's prefixes, literals as their text."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.graph.vocab import prefixes


def compact(iri: str) -> str:
    """`person:龙建华` for an IRI under a known prefix, else the IRI in angle brackets."""
    best = ""
    for prefix, ns in prefixes().items():
        if iri.startswith(ns) and len(ns) > len(prefixes().get(best, "")):
            best = prefix
    if best:
        local = iri[len(prefixes()[best]):]
        if local and "/" not in local and "#" not in local:
            return f"{best}:{local}"
    return f"<{iri}>"


def display(term: Node | None) -> str:
    """A term as a person reads it in a table or message."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return compact(str(term))
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        return str(term)
    return str(term)
