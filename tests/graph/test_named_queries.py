"""The shipped .rq files: documented, parseable, parameters bound safely."""

from __future__ import annotations

import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.errors import KgError
from kg.graph.named_queries import bind_params, get_query, named_queries

REQUIRED = {"who-visited-where", "who-hosted-what", "who-serves-whom", "positions", "org-tree", "about"}


def test_required_queries_ship() -> None:
    assert REQUIRED <= set(named_queries())


@pytest.mark.parametrize("name", sorted(named_queries()))
def test_each_query_has_a_header_and_parses(name: str) -> None:
    query = get_query(name)
    assert query.text.startswith(f"# {name}:") and "Parameters:" in query.text
    prepareQuery(bind_params(query, ["北京市总工会"] * len(query.params), name))


def test_about_takes_one_entity_parameter() -> None:
    assert get_query("about").params == ["ENTITY"]


def test_label_argument_cannot_inject_sparql() -> None:
    text = bind_params(get_query("about"), ['x" } } DROP ALL; SELECT * { "'], "about")
    prepareQuery(text)  # still one well-formed query: the quote was escaped


def test_label_argument_also_matches_the_entity_iris_of_its_simplified_name() -> None:
    text = bind_params(get_query("about"), ["臺北市總工會"], "about")
    assert "<https://union-kg.org/id/union/台北市总工会>" in text


def test_wrong_number_of_arguments_is_a_clear_error() -> None:
    with pytest.raises(KgError, match="about takes ENTITY"):
        bind_params(get_query("about"), [], "about")
    with pytest.raises(KgError, match="no arguments"):
        bind_params(get_query("positions"), ["x"], "positions")


def test_iri_argument_with_bad_characters_is_refused() -> None:
    with pytest.raises(KgError, match="not a valid IRI"):
        bind_params(get_query("about"), ["https://x.org/a>b"], "about")
