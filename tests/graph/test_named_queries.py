"""The shipped .rq files: documented, parseable, parameters bound safely."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib.plugins.sparql import prepareQuery

from kg.errors import KgError
from kg.graph.embedded_store import EmbeddedStore
from kg.graph.named_queries import (
    QUERY_DIR,
    _strip_comments,
    bind_params,
    get_query,
    named_queries,
    page,
    prepare,
)
from kg.graph.rdf import article_iri, extraction_to_graph
from kg.graph.signatures import signatures
from kg.model import ENTITY_TYPES

from .conftest import song_contest, winter_visit

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


# ---------------------------------------------------------------- prepare: entity look-up, paging
@pytest.fixture
def two_articles(tmp_path: Path) -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(str(tmp_path / "store"))
    for ex in (winter_visit(), song_contest()):
        store.put_article(article_iri(ex.article), extraction_to_graph(ex))
    yield store
    store.close()


def _about(store: EmbeddedStore, argument: str) -> list[dict[str, object]]:
    return store.query(prepare(store, get_query("about"), [argument], "about")).rows


def test_about_finds_an_entity_by_its_alias_through_the_lookup(two_articles: EmbeddedStore) -> None:
    store = two_articles
    by_label, by_alias = _about(store, "南岭市总工会"), _about(store, "市总工会")
    assert by_label and by_alias == by_label
    assert {str(r["relation"]) for r in by_label} >= {"hosts", "holdsPosition"}


def test_about_an_unknown_name_answers_no_rows(two_articles: EmbeddedStore) -> None:
    assert _about(two_articles, "没有这个工会") == []


def test_about_gives_the_rows_of_the_plain_binding(two_articles: EmbeddedStore) -> None:
    """The looked-up IRIs change the plan, not the answer (a label both ways: no alias needed)."""
    store = two_articles
    for name in ("南岭市总工会", "陈立华", "青河区总工会", "https://union-kg.org/id/person/陈立华"):
        plain = store.query(bind_params(get_query("about"), [name], "about")).rows
        assert _about(store, name) == plain and plain


def test_a_users_query_file_keeps_the_plain_binding(two_articles: EmbeddedStore) -> None:
    text = "SELECT DISTINCT ?s WHERE { VALUES ?name { $ENTITY } ?s <http://www.w3.org/2000/01/rdf-schema#label> ?name }"
    store = two_articles
    assert [str(r["s"]) for r in store.query(prepare(store, text, ["陈立华"])).rows] == \
        ["https://union-kg.org/id/person/陈立华"]


@pytest.mark.parametrize("name", ["who-visited-where", "positions", "entities", "articles"])
def test_pages_follow_the_full_answer_in_order(name: str, two_articles: EmbeddedStore) -> None:
    store = two_articles
    full = store.query(prepare(store, get_query(name), [], name)).rows
    pages = [store.query(prepare(store, get_query(name), [], name, 2, start)).rows for start in range(0, len(full) + 2, 2)]
    assert [row for rows in pages for row in rows] == full
    assert all(len(rows) <= 2 for rows in pages)


def test_paging_a_query_that_pages_itself_is_refused() -> None:
    with pytest.raises(KgError, match="already ends with LIMIT"):
        page("SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 10", 5, 0)
    assert page("SELECT * { ?s ?p ?o }", None, 0) == "SELECT * { ?s ?p ?o }"
    assert page("SELECT * { ?s ?p ?o }", 5, 10).rstrip().endswith("LIMIT 5 OFFSET 10")


# ---------------------------------------------------------------- lists the queries spell out
def _iris_in(text: str) -> set[str]:
    return set(re.findall(r"ukg:([A-Za-z]+)", _strip_comments(text)))


VIEW_FILLS = QUERY_DIR / "views"   # the queries filling the listing views (kg/graph/views.py)


@pytest.mark.parametrize("name", ["stats-entities", "entities", "org-tree"])
def test_queries_name_every_entity_type_of_the_model(name: str) -> None:
    assert set(ENTITY_TYPES) <= _iris_in(get_query(name).text)


def test_the_entities_view_names_every_entity_type_of_the_model() -> None:
    assert set(ENTITY_TYPES) <= _iris_in((VIEW_FILLS / "entity-types.rq").read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", [get_query("stats-facts").text,
                                  (VIEW_FILLS / "fact-statements.rq").read_text(encoding="utf-8")])
def test_stats_facts_counts_every_relation_of_the_signatures(text: str) -> None:
    values = re.search(r"VALUES \?p \{([^}]*)\}", text)
    assert values and set(re.findall(r"ukg:(\w+)", values.group(1))) == set(signatures())


def test_sort_keys_keep_the_order_of_the_labels(two_articles: EmbeddedStore) -> None:
    """ORDER BY a CONCAT("~", label) key orders the rows as ORDER BY the label would."""
    rows = two_articles.query(prepare(two_articles, get_query("entities"), [], "entities")).rows
    keys = [(-int(str(r["articles"])), str(r["type"]), str(r["label"])) for r in rows]
    assert keys == sorted(keys)
