"""Export: every format re-parses; Turtle gives the same graph in rdflib and pyoxigraph."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from oxrdflib._converter import from_ox
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic

from kg.errors import KgError
from kg.graph.export import export_bytes, write_export
from kg.graph.iris import article_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.store import Store, open_store

from .conftest import song_contest, winter_visit


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(str(tmp_path / "store")) as opened:
        for ex in (winter_visit(), song_contest()):
            opened.put_article(str(article_iri(ex.article)), extraction_to_graph(ex))
        yield opened


def _plain(term):  # type: ignore[no-untyped-def]
    """RDF 1.1: "x" and "x"^^xsd:string are one literal; rdflib keeps them apart, so align them."""
    return Literal(str(term)) if isinstance(term, Literal) and term.datatype == rdflib.XSD.string else term


def _expected_union() -> Graph:
    union = Graph()
    for ex in (winter_visit(), song_contest()):
        union += extraction_to_graph(ex)
    return union


def test_turtle_reparses_to_the_same_graph_in_rdflib_and_pyoxigraph(store: Store) -> None:
    data = export_bytes(store, "turtle")
    by_rdflib = Graph().parse(data=data, format="turtle")
    by_oxigraph = Graph()
    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        by_oxigraph.add((from_ox(t.subject), from_ox(t.predicate), _plain(from_ox(t.object))))
    assert len(by_rdflib) == len(_expected_union()) > 100
    assert isomorphic(by_rdflib, by_oxigraph)
    assert isomorphic(by_rdflib, _expected_union())


def test_turtle_uses_the_ontology_prefixes(store: Store) -> None:
    text = export_bytes(store, "turtle").decode("utf-8")
    assert "@prefix ukg: <https://union-kg.org/ontology#>" in text
    assert "person:陈立华" in text


def test_trig_keeps_one_named_graph_per_article(store: Store) -> None:
    ds = Dataset()
    ds.parse(data=export_bytes(store, "trig"), format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == set(store.article_iris())


def test_nquads_and_nt_reparse_with_pyoxigraph(store: Store) -> None:
    quads = list(ox.parse(export_bytes(store, "nquads"), format=ox.RdfFormat.N_QUADS))
    triples = list(ox.parse(export_bytes(store, "nt"), format=ox.RdfFormat.N_TRIPLES))
    assert len({q.triple for q in quads}) == len(triples) == len(_expected_union())


def test_jsonld_has_a_context_and_reparses_to_the_same_quads(store: Store) -> None:
    data = export_bytes(store, "jsonld")
    doc = json.loads(data)
    assert doc["@context"]["ukg"] == "https://union-kg.org/ontology#"
    ds = Dataset()
    ds.parse(data=data, format="json-ld")
    union = Graph()
    for s, p, o, _g in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, _expected_union())


def test_export_to_a_file_writes_it(store: Store, tmp_path: Path) -> None:
    target = tmp_path / "out.ttl"
    size = write_export(store, "turtle", str(target))
    assert target.stat().st_size == size > 0


def test_export_into_a_directory_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(KgError, match="is a directory"):
        write_export(store, "turtle", str(tmp_path))


def test_unknown_format_is_refused(store: Store) -> None:
    with pytest.raises(KgError, match="unknown export format"):
        export_bytes(store, "rdfxml")


def test_failed_write_leaves_no_partial_file(store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    real = tempfile.NamedTemporaryFile

    def full_disk(*args, **kwargs):  # type: ignore[no-untyped-def]
        handle = real(*args, **kwargs)

        def write(_data: bytes) -> int:
            raise OSError(28, "No space left on device")

        handle.write = write
        return handle

    monkeypatch.setattr(tempfile, "NamedTemporaryFile", full_disk)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(KgError, match="No space left"):
        write_export(store, "turtle", str(out / "kg.ttl"))
    assert list(out.iterdir()) == []
