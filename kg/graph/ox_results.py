"""pyoxigraph query results as QueryResult rows of rdflib terms, each distinct term converted once.

A named query's answer repeats its values (the same article, date, label or relation on many
rows), and building an rdflib Literal costs several microseconds (it parses the lexical form
into a Python value), so terms are converted through a per-result cache. xsd:string literals
become plain literals, as rdflib parses them from the SPARQL JSON of a server. IRIs, strings
and plain dates, which the store has already checked, are made without rdflib's checks and
parsing (string_literal, checked_iri, typed_literal); the listing views use the same makers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.graph.store import QueryResult

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_DATE = "http://www.w3.org/2001/XMLSchema#date"
_PLAIN_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)   # no time zone, no sign: rdflib keeps it as written
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


def string_literal(value: str, lang: str | None = None) -> Literal:
    """`Literal(value, lang=lang)` for a string the store has already checked, made directly.

    rdflib's constructor validates the language tag and casts the text to a Python value,
    5 µs a literal; a listing of 14k rows holds 26k distinct strings. A string literal's
    Python value is the string itself, so the four slots are set as rdflib sets them
    (tests/graph/test_ox_results.py checks the result equals rdflib's own, slot by slot).
    """
    made = str.__new__(Literal, value)
    made._language = lang or None  # as given, like rdflib (Oxigraph hands tags over lower-cased)
    made._datatype = None
    made._value = value
    made._ill_typed = None
    return made


def typed_literal(value: str, datatype: str) -> Literal:
    """`Literal(value, datatype=datatype)`, made directly for a plain xsd:date.

    rdflib parses a date through its general ISO parser, 10 µs a date; who-hosted-what holds
    2,100 distinct dates at 1M triples. A YYYY-MM-DD date is its own canonical form, so its
    slots are set as rdflib sets them, with the value from the standard library's parser;
    any other form or datatype, or a day that does not exist, goes through rdflib
    (tests/graph/test_ox_results.py compares the two slot by slot).
    """
    if datatype == XSD_DATE and _PLAIN_DATE.fullmatch(value):
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return Literal(value, datatype=checked_iri(datatype))  # e.g. 2022-02-30: rdflib marks it ill-typed
        made = str.__new__(Literal, value)
        made._language = None
        made._datatype = checked_iri(datatype)
        made._value = day
        made._ill_typed = False
        return made
    return Literal(value, datatype=checked_iri(datatype))


def checked_iri(value: str) -> URIRef:
    """`URIRef(value)` for an IRI the store has already checked, made directly.

    rdflib's constructor scans every IRI for characters an IRI cannot hold, only to log a
    warning: 1.5 µs an IRI, 0.5 made directly; the entities listing holds 34k distinct IRIs. Oxigraph refuses
    such IRIs when they are written, and a URIRef is its string and nothing more (no slots
    of its own), so the string is made as rdflib makes it (tests/graph/test_ox_results.py).
    """
    return str.__new__(URIRef, value)


def _convert(term: OxTerm) -> Node:
    if isinstance(term, ox.NamedNode):
        return checked_iri(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return string_literal(term.value, term.language)
        datatype = term.datatype.value
        return string_literal(term.value) if datatype == XSD_STRING else typed_literal(term.value, datatype)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise TypeError(f"unexpected term in a query answer: {term!r}")  # RDF-star triples never occur


def term_converter() -> Callable[[OxTerm | None], Node | None]:
    """A converter from pyoxigraph terms to rdflib ones that remembers what it has converted."""
    seen: dict[OxTerm, Node] = {}

    def convert(term: OxTerm | None) -> Node | None:
        if term is None:
            return None
        node = seen.get(term)
        if node is None:
            node = seen[term] = _convert(term)
        return node

    return convert


def to_result(result: object) -> QueryResult:
    """The rows of a SELECT, the triples of a CONSTRUCT/DESCRIBE, or the answer of an ASK."""
    convert = term_converter()
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(["ask"], [{"ask": Literal(bool(result))}])
    if isinstance(result, ox.QueryTriples):
        names = ["subject", "predicate", "object"]
        return QueryResult(names, [dict(zip(names, (convert(t.subject), convert(t.predicate), convert(t.object))))
                                   for t in result])
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    return QueryResult(names, [dict(zip(names, map(convert, solution))) for solution in result])
