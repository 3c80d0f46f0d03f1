"""The store suite on both backends (embedded directory, Oxigraph server): same behaviour, same answers."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib import Dataset, Literal, URIRef
from rdflib.term import Node

from kg.graph.named_queries import NamedQuery, bind_params, named_queries
from kg.graph.rdf import article_iri, extraction_to_graph
from kg.graph.store import Store, open_store
from kg.model import Extraction

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth import synth_extractions

pytestmark = pytest.mark.server


@pytest.fixture(scope="module")
def corpus() -> list[Extraction]:
    return list(synth_extractions(12, seed=7))


@pytest.fixture(params=["embedded", "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    location = str(tmp_path / "store") if request.param == "embedded" else request.getfixturevalue(
        "server_store_url")
    opened = open_store(location)
    yield opened
    opened.close()


def ingest(store: Store, extractions: list[Extraction]) -> None:
    for ex in extractions:
        store.put_article(str(article_iri(ex.article)), extraction_to_graph(ex))


def n3(term: Node | None) -> str:
    """N3 of a term; "x"^^xsd:string written as "x" (the same RDF 1.1 term, two rdflib spellings)."""
    if term is None:
        return ""
    if isinstance(term, Literal) and term.datatype == rdflib.XSD.string:
        term = Literal(str(term))
    return term.n3()


def quads(dataset: Dataset) -> set[tuple[str, str, str, str]]:
    """Every quad of the named graphs, as N3 strings (the default graph is empty in our stores)."""
    return {(n3(s), n3(p), n3(o), n3(g)) for s, p, o, g in dataset.quads((None, None, None, None))
            if isinstance(g, URIRef) and not str(g).startswith("urn:x-rdflib:")}


def answers(store: Store, sparql: str) -> list[tuple[str, ...]]:
    result = store.query(sparql)
    return sorted(tuple(n3(row.get(v)) for v in result.vars) for row in result.rows)


def test_ingest_lists_every_article(store: Store, corpus: list[Extraction]) -> None:
    ingest(store, corpus)
    assert store.article_iris() == sorted(str(article_iri(ex.article)) for ex in corpus)


def test_reingest_is_idempotent(store: Store, corpus: list[Extraction]) -> None:
    ingest(store, corpus)
    before = quads(store.dataset())
    ingest(store, corpus)
    assert quads(store.dataset()) == before
    assert len(store.article_iris()) == len(corpus)


def test_reingest_replaces_the_article_graph(store: Store, corpus: list[Extraction]) -> None:
    ex = corpus[0]
    ingest(store, [ex])
    smaller = Extraction(ex.article, ex.entities, ex.triples[:1])
    ingest(store, [smaller])
    assert len(quads(store.dataset())) == len(extraction_to_graph(smaller))


def test_remove_drops_the_article_and_reports_it(store: Store, corpus: list[Extraction]) -> None:
    ingest(store, corpus[:3])
    gone = str(article_iri(corpus[0].article))
    assert store.remove_article(gone) is True
    assert store.remove_article(gone) is False
    assert gone not in store.article_iris() and len(store.article_iris()) == 2
    asked = store.query(f"ASK {{ GRAPH <{gone}> {{ ?s ?p ?o }} }}")
    assert asked.rows[0]["ask"].toPython() is False  # type: ignore[union-attr]


def test_query_sees_the_union_of_article_graphs(store: Store, corpus: list[Extraction]) -> None:
    ingest(store, corpus[:4])
    rows = answers(store, "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://union-kg.org/ontology#Article> }")
    assert rows == [('"4"^^<http://www.w3.org/2001/XMLSchema#integer>',)]


def test_query_refuses_updates(store: Store) -> None:
    from kg.errors import KgError

    with pytest.raises(KgError, match="read-only"):
        store.query("CLEAR ALL")


def test_syntax_error_is_one_line_kg_error(store: Store) -> None:
    from kg.errors import KgError

    with pytest.raises(KgError) as err:
        store.query("SELEC ?x WHERE { ?x ?y ?z }")
    assert "syntax" in err.value.message.lower() and "\n" not in err.value.message


# --- identical answers across backends ----------------------------------------------------

@pytest.fixture
def both(tmp_path: Path, server_store_url: str, corpus: list[Extraction]) -> Iterator[tuple[Store, Store]]:
    embedded, server = open_store(str(tmp_path / "store")), open_store(server_store_url)
    for opened in (embedded, server):
        ingest(opened, corpus)
        opened.remove_article(str(article_iri(corpus[-1].article)))
    yield embedded, server
    embedded.close()
    server.close()


def test_export_is_identical_across_backends(both: tuple[Store, Store]) -> None:
    embedded, server = both
    exported = quads(embedded.dataset())
    assert exported and quads(server.dataset()) == exported


@pytest.mark.parametrize("named", list(named_queries().values()), ids=lambda q: q.name)
def test_named_query_gives_identical_answers(both: tuple[Store, Store], named: NamedQuery,
                                             corpus: list[Extraction]) -> None:
    embedded, server = both
    # Every parameter gets an entity the corpus holds (the first article's union), so rows come back.
    union = next(e.label for e in corpus[0].entities if e.type == "Union")
    sparql = bind_params(named, [union] * len(named.params), named.name)
    expected = answers(embedded, sparql)
    assert answers(server, sparql) == expected
    assert expected, f"{named.name} found nothing in the corpus: the comparison would prove little"


def test_there_are_named_queries_to_compare() -> None:
    assert named_queries(), "no named queries shipped in kg/graph/queries"
