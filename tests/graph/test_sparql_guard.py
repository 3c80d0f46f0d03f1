"""kg query is read-only: updates and SERVICE are refused, look-alike words are not."""

from __future__ import annotations

import pytest

from kg.errors import KgError
from kg.graph.sparql_guard import ensure_read_only


@pytest.mark.parametrize("update", [
    "INSERT DATA { <a:b> <a:c> <a:d> }",
    "PREFIX ukg: <https://union-kg.org/ontology#>\nDELETE WHERE { ?s ukg:visits ?o }",
    "drop all",
    "CLEAR GRAPH <https://union-kg.org/id/article/1>",
    "LOAD <http://example.org/data.ttl>",
    "CREATE GRAPH <g:1>",
    "ADD <g:1> TO <g:2>",
    "WITH <g:1> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
])
def test_updates_are_refused(update: str) -> None:
    with pytest.raises(KgError, match="read-only"):
        ensure_read_only(update)


def test_service_is_refused() -> None:
    with pytest.raises(KgError, match="SERVICE"):
        ensure_read_only("SELECT * WHERE { SERVICE <http://dbpedia.org/sparql> { ?s ?p ?o } }")


@pytest.mark.parametrize("query", [
    'SELECT ?s WHERE { ?s ?p "please DROP this" }',
    "SELECT ?insert ?delete WHERE { ?insert ?delete ?o }",
    "# DELETE everything? no, a comment\nSELECT * WHERE { ?s ?p ?o }",
    "SELECT * WHERE { ?s <http://example.org/drop> ?o }",
    "PREFIX drop: <http://example.org/>\nSELECT * WHERE { ?s drop:load ?o }",
    "ASK { ?s ?p ?o }",
])
def test_read_queries_with_lookalike_words_pass(query: str) -> None:
    ensure_read_only(query)
