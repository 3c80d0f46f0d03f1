"""rdflib graphs as pyoxigraph triples: the stores write pyoxigraph terms, the mapping builds rdflib ones.

oxrdflib's converter is general (RDF-star, variables) and about twice as slow; an article
graph holds only IRIs and literals, and its predicates and entity IRIs repeat, so the
named nodes are cached.
"""

from __future__ import annotations

from functools import lru_cache

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

Triples = list[ox.Triple]
Quads = list[ox.Quad]


@lru_cache(maxsize=4096)  # predicates, types and the entities in the news now; fact IRIs never repeat
def named_node(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def ox_term(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term of an rdflib IRI, blank node or literal (same lexical form, language, datatype)."""
    if isinstance(node, URIRef):
        return named_node(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype is not None:
            return ox.Literal(str(node), datatype=named_node(str(node.datatype)))
        return ox.Literal(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    raise TypeError(f"cannot store {type(node).__name__} {node!r} in an article graph")


def graph_triples(graph: Graph) -> Triples:
    """Every triple of an rdflib graph as a pyoxigraph Triple."""
    term = ox_term
    return [ox.Triple(term(s), term(p), term(o)) for s, p, o in graph]  # type: ignore[arg-type]


def ntriples(triples: Triples) -> bytes:
    """N-Triples of the triples (UTF-8), as the Graph Store Protocol and SPARQL UPDATE take them."""
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"" if triples else b""
