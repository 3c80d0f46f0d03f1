"""The embedded store: atomic replace per article, removal, locking, read-only opening."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.graph.iris import article_iri, entity_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.store import BACKENDS, Store, open_store

from .conftest import song_contest, winter_visit

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _count(store: Store) -> int:
    return int(store.query(COUNT).rows[0]["n"])  # type: ignore[arg-type]


def _put(store: Store, *extractions) -> None:  # type: ignore[no-untyped-def]
    for ex in extractions:
        store.put_article(str(article_iri(ex.article)), extraction_to_graph(ex))


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    with open_store(str(tmp_path / "store")) as opened:
        yield opened


def test_put_twice_changes_nothing(store: Store) -> None:
    _put(store, winter_visit(), song_contest())
    before = _count(store)
    _put(store, winter_visit(), song_contest())
    assert _count(store) == before > 0
    assert len(store.article_iris()) == 2


def test_put_replaces_the_articles_graph(store: Store) -> None:
    _put(store, winter_visit())
    shorter = winter_visit()
    shorter.triples = shorter.triples[:1]
    _put(store, shorter)
    rows = store.query("PREFIX ukg: <https://union-kg.org/ontology#> "
                       "SELECT ?f WHERE { ?f a ukg:Fact }").rows
    assert len(rows) == 3  # the one triple left, plus the two bylines of Article.authors


def test_remove_drops_one_article_and_entities_only_it_mentioned(store: Store) -> None:
    _put(store, winter_visit(), song_contest())
    gone = str(article_iri(winter_visit().article))
    assert store.remove_article(gone) is True
    assert store.article_iris() == [str(article_iri(song_contest().article))]
    labelled = {str(r["s"]) for r in store.query(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?s WHERE { ?s rdfs:label ?l }").rows}
    assert str(entity_iri("Person", "陈立华")) not in labelled       # only the removed article named him
    assert str(entity_iri("Union", "南岭市总工会")) in labelled       # the other article names it too


def test_removing_an_unknown_article_reports_false(store: Store) -> None:
    assert store.remove_article("https://union-kg.org/id/article/0000") is False


def test_store_persists_across_reopening(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        _put(store, song_contest())
    with open_store(location, read_only=True) as store:
        assert len(store.article_iris()) == 1


def test_second_writer_gets_in_use_message(store: Store) -> None:
    with pytest.raises(KgError, match="in use by another kg process"):
        open_store(store.location)


def test_read_only_open_of_missing_store_says_to_ingest(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="kg ingest"):
        open_store(str(tmp_path / "nowhere"), read_only=True)
    assert not (tmp_path / "nowhere").exists()


def test_read_only_store_refuses_writes(tmp_path: Path) -> None:
    location = str(tmp_path / "store")
    with open_store(location) as store:
        _put(store, song_contest())
    with open_store(location, read_only=True) as store, pytest.raises(KgError, match="read-only"):
        store.remove_article(store.article_iris()[0])


def test_store_on_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(KgError, match="not a store directory"):
        open_store(str(tmp_path / "file"))


def test_unknown_scheme_is_one_clear_error() -> None:
    with pytest.raises(KgError, match="unknown scheme"):
        open_store("ftp://example.org/store")


def test_backends_plug_in_by_scheme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[str, bool]] = []

    def factory(location: str, read_only: bool) -> Store:
        opened.append((location, read_only))
        return open_store(str(tmp_path / "inner"))

    monkeypatch.setitem(BACKENDS, "memo", factory)
    open_store("memo://x", read_only=False).close()
    assert opened == [("memo://x", False)]


def test_syntax_error_is_one_line(store: Store) -> None:
    with pytest.raises(KgError) as info:
        store.query("SELECT ?x WHERE { ?x ")
    assert "syntax" in info.value.message.lower() and "\n" not in info.value.message


def test_a_graph_the_store_cannot_hold_leaves_the_old_graph_whole(store: Store) -> None:
    from rdflib import URIRef, Variable

    _put(store, winter_visit())
    before = _count(store)
    broken = extraction_to_graph(winter_visit())
    broken.add((URIRef("https://union-kg.org/id/person/x"), URIRef("https://union-kg.org/ontology#visits"),
                Variable("half")))  # a query variable is no RDF term: the write must fail as a whole
    with pytest.raises(KgError, match="could not write"):
        store.put_article(str(article_iri(winter_visit().article)), broken)
    assert _count(store) == before


def test_a_failing_write_is_one_kg_error_and_changes_nothing(store: Store) -> None:
    class Failing:
        """The pyoxigraph store, except that every write fails as a full disk would make it."""

        def __init__(self, inner: object) -> None:
            self.inner = inner

        def __getattr__(self, name: str) -> object:
            if name in ("update", "extend", "bulk_extend"):
                def fail(*_args: object) -> None:
                    raise OSError(28, "No space left on device")
                return fail
            return getattr(self.inner, name)

    _put(store, winter_visit())
    before = _count(store)
    changed = winter_visit()
    changed.triples = changed.triples[:2]
    store._ox = Failing(store._ox)  # type: ignore[attr-defined]
    try:
        with pytest.raises(KgError, match="could not write .*No space left"):
            _put(store, changed)
        with pytest.raises(KgError, match="could not write .*No space left"):
            _put(store, song_contest())
    finally:
        store._ox = store._ox.inner  # type: ignore[attr-defined]
    assert _count(store) == before


def _quads(store: Store, iri: str) -> set[str]:
    rows = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").rows
    return {" ".join(row[v].n3() for v in ("s", "p", "o")) for row in rows}  # type: ignore[union-attr]


def test_a_replaced_graph_holds_exactly_the_new_content(store: Store) -> None:
    _put(store, winter_visit(), song_contest())
    changed = winter_visit()
    changed.triples = changed.triples[2:5]
    changed.article.title = "南岭市总工会新春送温暖"
    _put(store, changed)
    iri = str(article_iri(changed.article))
    expected = {" ".join(t.n3() for t in triple) for triple in extraction_to_graph(changed)}
    assert _quads(store, iri) == expected
    assert len(store.article_iris()) == 2


def test_an_empty_graph_removes_the_article(store: Store) -> None:
    from rdflib import Graph

    _put(store, winter_visit(), song_contest())
    store.put_article(str(article_iri(winter_visit().article)), Graph())
    assert store.article_iris() == [str(article_iri(song_contest().article))]


def test_put_articles_commits_new_graphs_in_batches_and_replaces_old_ones(store: Store) -> None:
    import pyoxigraph as ox

    from kg.graph.oxterms import graph_triples

    _put(store, song_contest())
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from synth import synth_extractions

    items = []
    for ex in [song_contest(), *synth_extractions(6, seed=3)]:
        name = ox.NamedNode(str(article_iri(ex.article)))
        items.append((name.value, [ox.Quad(t.subject, t.predicate, t.object, name)
                                   for t in graph_triples(extraction_to_graph(ex))]))
    commits = list(store.put_articles(items, batch_triples=300))
    assert commits[0] == [(items[0][0], len(items[0][1]))]        # the replacement: alone, at once
    assert all(len(c) >= 1 for c in commits) and len(commits) < len(items)   # new ones: several per commit
    assert [iri for c in commits for iri, _n in c] == [iri for iri, _t in items]
    for iri, triples in items:
        assert len(_quads(store, iri)) == len(set(triples))
    assert len(store.article_iris()) == len(items)


def test_store_held_by_another_process_is_reported_in_use(tmp_path: Path) -> None:
    import subprocess
    import sys

    location = str(tmp_path / "store")
    hold = "import sys, pyoxigraph; s = pyoxigraph.Store(sys.argv[1]); print('ready', flush=True); sys.stdin.read()"
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, location],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(KgError, match=f"store {location} is in use by another kg process"):
            open_store(location)
    finally:
        holder.communicate("")


def test_put_articles_given_one_graph_twice_keeps_the_second(store: Store) -> None:
    import pyoxigraph as ox

    from kg.graph.oxterms import graph_triples

    name = ox.NamedNode(str(article_iri(winter_visit().article)))
    shorter = winter_visit()
    shorter.triples = shorter.triples[:1]
    first, second = ([ox.Quad(t.subject, t.predicate, t.object, name) for t in graph_triples(extraction_to_graph(ex))]
                     for ex in (winter_visit(), shorter))
    list(store.put_articles([(name.value, first), (name.value, second)], batch_triples=100_000))
    assert _quads(store, name.value) == {" ".join(t.n3() for t in triple)
                                         for triple in extraction_to_graph(shorter)}
