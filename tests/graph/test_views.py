"""Listing views: the embedded store answers its listings from kept rows that equal its queries' answers."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from viewcheck import assert_view_matches_query, live, views_agree

from kg.cli.main import main
from kg.graph import load, view_fill
from kg.graph.iris import article_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.results import to_csv
from kg.graph.store import open_store
from kg.graph.views import FLUSH_ARTICLES, VIEWS_FILE, ListingViews, fill, views
from kg.model import Extraction

from .conftest import song_contest, winter_visit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth import synth_extractions

ROOT = Path(__file__).resolve().parents[2]


def _put(location: Path, extractions: list[Extraction]) -> None:
    with open_store(str(location)) as store:
        for ex in extractions:
            store.put_article(str(article_iri(ex.article)), extraction_to_graph(ex))


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 150 synthetic articles (more than one flush of the views) and the two hand-made ones."""
    location = tmp_path_factory.mktemp("views") / "store"
    _put(location, [winter_visit(), song_contest(), *synth_extractions(150, seed=5)])
    return location


@pytest.mark.parametrize("name", list(views()))
def test_each_view_holds_its_querys_rows_in_its_order(filled: Path, name: str) -> None:
    with open_store(str(filled), read_only=True) as store:
        assert len(live(store, name).rows) > (5 if name.startswith("stats") else 20), f"{name}: too few rows"
        assert_view_matches_query(store, name)


def test_every_listing_query_in_views_toml_is_written_per_article() -> None:
    for view in views().values():
        assert "GRAPH ?doc" in view.fill or view.article != "doc", view.name
        assert "ORDER BY" not in view.fill.upper().split("}")[-1], f"{view.name}: the fill query still sorts"


def test_pages_are_slices_of_the_whole_answer(filled: Path) -> None:
    with open_store(str(filled), read_only=True) as store:
        whole = store.listing("who-serves-whom", None)
        assert whole is not None and len(whole.rows) > 40
        pages = [store.listing("who-serves-whom", 7, start) for start in range(0, len(whole.rows), 7)]
        assert [row for page in pages if page for row in page.rows] == whole.rows
        past = store.listing("who-serves-whom", 5, len(whole.rows))
        assert past is not None and past.rows == []
        assert store.listing_csv("who-serves-whom", 7, 14) == to_csv(pages[2])  # a page's kept CSV is the page's


def test_a_listing_is_read_from_its_sorted_index_alone(tmp_path: Path) -> None:
    """One range of one index, with no look-up into the table per row, for its terms and for its
    text; a file of an older format (rows without texts, the old index) loses its row table."""
    from kg.graph.views import CSV_SQL, ListingViews, page_sql

    db = sqlite3.connect(tmp_path / VIEWS_FILE)
    db.executescript("CREATE TABLE row (view, part, k0, k1, k2, k3, tie, c0, c1, c2, c3, c4, c5, c6, c7);"
                     "CREATE INDEX row_order ON row (view, k0, k1, k2, k3, tie);"
                     "INSERT INTO row VALUES ('entities', 'x', 1, 2, 3, 4, 5, 'c', 'c', 'c', 'c', 'c', 'c', 'c', 'c');")
    db.close()
    ListingViews(tmp_path, read_only=False).close()
    db = sqlite3.connect(tmp_path / VIEWS_FILE)
    indexes = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "row_order" not in indexes and "row_listing" in indexes
    assert db.execute("SELECT COUNT(*) FROM row").fetchone() == (0,)
    for sql in (page_sql(1), page_sql(8), CSV_SQL):
        plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, ("entities", -1, 0)))
        assert plan == "SEARCH row USING COVERING INDEX row_listing (view=?)", plan


def test_replacing_and_removing_articles_keeps_the_views_equal_to_the_queries(tmp_path: Path) -> None:
    location = tmp_path / "store"
    first, second = winter_visit(), song_contest()
    _put(location, [first, second])
    changed = winter_visit()
    changed.triples = [t for t in changed.triples if t.predicate != "visits"]  # one article now says less
    _put(location, [changed])
    with open_store(str(location)) as store:
        assert store.remove_article(str(article_iri(second.article)))
    assert views_agree(str(location))
    with open_store(str(location), read_only=True) as store:
        visits = store.listing("who-visited-where", None)
        assert visits is not None and visits.rows == []
        articles = store.listing("articles", None)
        assert articles is not None and [str(r["iri"]) for r in articles.rows] == [str(article_iri(first.article))]


def test_a_writer_killed_before_its_views_are_refreshed_leaves_them_stale_then_rebuilt(tmp_path: Path) -> None:
    location = tmp_path / "store"
    _put(location, [winter_visit()])
    crash = f"""
import os, sys
sys.path.insert(0, {str(ROOT / 'benchmarks')!r})
from synth import synth_extractions
from kg.graph.iris import article_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.store import open_store
store = open_store({str(location)!r})
for ex in synth_extractions({FLUSH_ARTICLES // 2}, seed=9):
    store.put_article(str(article_iri(ex.article)), extraction_to_graph(ex))
os._exit(0)  # no close: the stored articles are committed, their view rows are not
"""
    subprocess.run([sys.executable, "-c", crash], check=True, cwd=ROOT)
    assert not views_agree(str(location))  # stale: not used
    with open_store(str(location), read_only=True) as store:
        answered = live(store, "who-visited-where")
        assert len(answered.rows) > 3  # the query still answers, from the store
    with open_store(str(location)):  # a writer rebuilds them first
        pass
    assert views_agree(str(location))


def test_a_missing_or_broken_views_file_is_rebuilt_by_the_next_writer(filled: Path, tmp_path: Path) -> None:
    location = tmp_path / "store"
    _put(location, [winter_visit(), song_contest()])
    (location / VIEWS_FILE).write_bytes(b"not a database at all" * 100)
    assert not views_agree(str(location))
    with open_store(str(location)):
        pass
    assert views_agree(str(location))
    (location / VIEWS_FILE).unlink()
    assert not views_agree(str(location))
    _put(location, [])
    assert views_agree(str(location))


def test_views_built_by_other_queries_are_not_used(tmp_path: Path) -> None:
    location = tmp_path / "store"
    _put(location, [winter_visit()])
    with sqlite3.connect(location / VIEWS_FILE) as db:
        db.execute("UPDATE state SET value = 'an older kg' WHERE key = 'fingerprint'")
    assert not views_agree(str(location))
    _put(location, [])
    assert views_agree(str(location))


def test_kg_query_answers_the_same_with_and_without_views(
        filled: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    copy = tmp_path / "copy"
    subprocess.run(["cp", "-r", str(filled), str(copy)], check=True)

    def answer(location: Path, name: str, fmt: str) -> list[str]:
        assert main(["--store", str(location), "query", name, "--format", fmt]) == 0
        out = capsys.readouterr().out
        if fmt == "json":
            json.loads(out)
        return sorted(line.removesuffix(",") for line in out.splitlines())  # a JSON binding but the last ends with ,

    (copy / VIEWS_FILE).unlink()  # the copy answers from its SPARQL queries
    for name, fmt in ((name, fmt) for name in views() for fmt in ("csv", "json")):
        with_views, without = answer(filled, name, fmt), answer(copy, name, fmt)
        if name == "who-hosted-what":  # places in one cell may come in another order (checked above)
            assert len(with_views) == len(without) > 10
            continue
        assert with_views == without and len(with_views) > 5, (name, fmt)


def test_kg_stats_says_whether_the_views_are_fresh(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    location = tmp_path / "store"
    _put(location, [winter_visit()])
    assert main(["--store", str(location), "stats"]) == 0
    assert "listing views: fresh (kg-views.sqlite: who-visited-where," in capsys.readouterr().out
    (location / VIEWS_FILE).unlink()
    assert main(["--store", str(location), "stats"]) == 0
    assert "listing views: missing: who-visited-where," in capsys.readouterr().out


def test_kg_load_fills_the_views_from_the_batches_it_writes(filled: Path, tmp_path: Path) -> None:
    dump, copy = tmp_path / "dump.nq", tmp_path / "loaded"
    assert main(["--store", str(filled), "export", "--format", "nquads", "-o", str(dump)]) == 0
    assert main(["--store", str(copy), "load", "--batch-triples", "3000", str(dump)]) == 0  # several batches
    assert views_agree(str(copy))
    with open_store(str(filled), read_only=True) as source, open_store(str(copy), read_only=True) as loaded:
        for name in views():
            assert loaded.listing(name, None) == source.listing(name, None), name


# --- kg load: a second process fills the views from the file -------------------------------------
def test_the_load_filler_replaces_rows_batch_by_batch_and_gives_the_sources_views(filled: Path, tmp_path: Path) -> None:
    """The filler's own loop, in small batches over a store that already holds every graph (so
    every batch replaces rows): the views equal the source's once the writer marks them."""
    dump, copy = tmp_path / "dump.nq", tmp_path / "loaded"
    assert main(["--store", str(filled), "export", "--format", "nquads", "-o", str(dump)]) == 0
    assert main(["--store", str(copy), "load", str(dump)]) == 0
    writer = ListingViews(copy, read_only=False)
    writer.before_write()
    parts = [(graphs, fill(quads, filtered=True)) for graphs, quads in view_fill.batches(dump, "nquads", os.getppid(), 2000)]
    assert len(parts) > 5
    filler = ListingViews(copy, read_only=False)
    view_fill.fill_views(filler, parts)
    filler.close()
    assert not views_agree(str(copy)), "the filler marked the views fresh: only the writer may"
    writer.close()
    assert views_agree(str(copy))
    with open_store(str(filled), read_only=True) as source, open_store(str(copy), read_only=True) as loaded:
        for name in views():
            assert loaded.listing(name, None) == source.listing(name, None), name


def test_a_load_whose_filler_dies_is_stored_whole_and_leaves_the_views_stale(
        filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    class Dying(view_fill.Filler):
        def go(self, directory: Path) -> None:
            self._process.kill()
            super().go(directory)

    dump, copy = tmp_path / "dump.nq", tmp_path / "loaded"
    assert main(["--store", str(filled), "export", "--format", "nquads", "-o", str(dump)]) == 0
    capsys.readouterr()
    monkeypatch.setattr(load, "Filler", Dying)
    assert main(["--store", str(copy), "load", str(dump)]) == 3
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "could not be filled" in err and "store itself is written" in err
    with open_store(str(copy), read_only=True) as loaded, open_store(str(filled), read_only=True) as source:
        assert loaded.article_iris() == source.article_iris()
        assert loaded.listing("articles", None) is None  # stale: answered by SPARQL
    monkeypatch.undo()
    with open_store(str(copy)):
        pass  # the next writer rebuilds them
    assert views_agree(str(copy))


def test_a_load_that_fails_stops_its_filler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    started: list[view_fill.Filler] = []

    class Recorded(view_fill.Filler):
        def __init__(self, path: Path, fmt: str) -> None:
            super().__init__(path, fmt)
            started.append(self)

    bad = tmp_path / "bad.nq"
    bad.write_bytes(b'<http://a.example/s> <http://a.example/p> "x" <http://a.example/g> .\n')
    monkeypatch.setattr(load, "Filler", Recorded)
    assert main(["--store", str(tmp_path / "new"), "load", str(bad)]) != 0
    assert len(started) == 1 and started[0]._process.poll() is not None
    assert not (tmp_path / "new").exists()


def test_killing_kg_load_kills_its_filler(filled: Path, tmp_path: Path) -> None:
    dump = tmp_path / "dump.nq"
    assert main(["--store", str(filled), "export", "--format", "nquads", "-o", str(dump)]) == 0
    command = [sys.executable, "-m", "kg.cli.main", "--store", str(tmp_path / "loaded"), "load", str(dump)]
    loader = subprocess.Popen(command, cwd=ROOT, stderr=subprocess.DEVNULL)
    children = Path(f"/proc/{loader.pid}/task/{loader.pid}/children")
    deadline = time.monotonic() + 30
    pids: list[int] = []
    while not pids and time.monotonic() < deadline and loader.poll() is None:
        pids = [int(p) for p in children.read_text().split()] if children.exists() else []
        time.sleep(0.005)
    assert pids, "kg load started no filling process"
    loader.send_signal(signal.SIGKILL)
    loader.wait()

    def alive(pid: int) -> bool:
        status = Path(f"/proc/{pid}/status")
        try:
            return "\tZ" not in next(line for line in status.read_text().splitlines() if line.startswith("State:"))
        except FileNotFoundError:
            return False

    while any(alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not any(alive(pid) for pid in pids), "the filler outlived kg load"


def test_a_cell_is_written_to_csv_as_its_terms_text() -> None:
    """A row's kept CSV line holds str() of each cell's rdflib term, as to_csv writes it: the
    text cut from an IRI, blank node or string cell, and a typed literal as rdflib normalises it."""
    from kg.graph.views import _node, _Texts

    xsd = "http://www.w3.org/2001/XMLSchema#"
    cells = ["<https://union-kg.org/id/site/某驿站", '"WorkerGroup', "@zh 环卫工人", "_b7",
             f"^{xsd}integer 007", f"^{xsd}boolean 1", f"^{xsd}date 2024-01-05", f"^{xsd}decimal 1.50"]
    texts = _Texts()
    assert [texts[c] for c in cells] == [str(_node(c)) for c in cells]
    assert texts[f"^{xsd}integer 007"] == "7" and texts[f"^{xsd}boolean 1"] == "true"
    assert texts[None] == ""
