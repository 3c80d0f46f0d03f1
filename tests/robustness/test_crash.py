"""Crash safety: `kg ingest` killed at random moments loses nothing it reported; two ingests never corrupt."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest
from viewcheck import views_agree

from .conftest import KG, assert_clean_failure, run_kg

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth import write_corpus

ARTICLES = 24
KILLS = 20
pytestmark = pytest.mark.slow


def graphs(store: Path) -> dict[str, set[str]]:
    """Open the store for writing (which replays its log, as the next kg command would) -> quads per graph."""
    import pyoxigraph as ox

    if not store.exists():
        return {}
    opened = ox.Store(str(store))
    found: dict[str, set[str]] = defaultdict(set)
    for quad in opened:
        found[str(quad.graph_name.value)].add(str(quad.triple))
    del opened
    return dict(found)


def assert_views_recover(store: Path, attempt: int) -> None:
    """The listing views are either fresh and equal to the queries, or stale (then unused); the
    next writer rebuilds stale ones."""
    from kg.graph.store import open_store

    if not store.exists():
        return
    views_agree(str(store))
    with open_store(str(store)):
        pass
    assert views_agree(str(store)), f"kill {attempt}: the views were not rebuilt"


def reported_line(line: str, verb: str) -> tuple[str, int] | None:
    """`VERB IRI N triples` (`stored` from kg ingest --verbose, `loaded` from kg load) -> (IRI, N)."""
    parts = line.split()
    return (parts[1], int(parts[2])) if len(parts) == 4 and parts[0] == verb else None


def stored_line(line: str) -> tuple[str, int] | None:
    return reported_line(line, "stored")


def run_and_kill(command: list[str], verb: str, after: int, delay: float) -> dict[str, int]:
    """Start `command`, SIGKILL it `delay` s after its `after`-th reported line.

    Returns the graphs it reported complete, with their triple counts."""
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    reported: dict[str, int] = {}
    deadline = time.monotonic() + 120
    while len(reported) < after and time.monotonic() < deadline:
        line = proc.stdout.readline().decode()
        if not line:
            break
        if item := reported_line(line, verb):
            reported[item[0]] = item[1]
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reported.update(item for line in proc.stdout.read().decode().splitlines()
                    if (item := reported_line(line, verb)))
    return reported


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("crash-corpus")
    write_corpus(folder, ARTICLES, seed=11, fmt="jsonl")
    return folder / "corpus.jsonl"


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """What an undisturbed `kg ingest --verbose` stores, graph by graph."""
    store = tmp_path_factory.mktemp("crash-ref") / "store"
    result = run_kg("ingest", "--verbose", str(corpus), store=store)
    assert result.code == 0, result.err
    reported = dict(item for line in result.out.splitlines() if (item := stored_line(line)))
    found = graphs(store)
    assert sorted(reported) == sorted(found) and len(found) == ARTICLES
    assert all(len(found[iri]) == n for iri, n in reported.items())
    return found


def ingest_and_kill(corpus: Path, store: Path, after: int, delay: float) -> dict[str, int]:
    """`kg ingest --verbose`, killed `delay` s after its `after`-th stored article."""
    return run_and_kill([str(KG), "--store", str(store), "ingest", "--verbose", str(corpus)], "stored", after, delay)


def test_sigkill_keeps_every_reported_article_whole_and_at_most_one_more(
        corpus: Path, reference: dict[str, set[str]], tmp_path: Path) -> None:
    rng = random.Random(20)
    for attempt in range(KILLS):
        store = tmp_path / f"store-{attempt}"
        reported = ingest_and_kill(corpus, store, rng.randrange(ARTICLES), rng.uniform(0, 0.3))
        found = graphs(store)
        assert set(reported) <= set(found), f"kill {attempt}: reported articles missing"
        for iri, n in reported.items():
            assert len(found[iri]) == n, f"kill {attempt}: {iri} has {len(found[iri])} of its {n} triples"
        in_flight = set(found) - set(reported)
        assert len(in_flight) <= 1, f"kill {attempt}: more than one unreported article"
        for iri in in_flight:  # whole: as an undisturbed ingest stores it
            assert found[iri] == reference[iri], f"kill {attempt}: {iri} stored in part"
        assert_views_recover(store, attempt)


def test_second_ingest_on_a_busy_store_stops_with_a_clear_message(corpus: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = subprocess.Popen([str(KG), "--store", str(store), "ingest", "--verbose", str(corpus)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert first.stdout is not None
    first_line = stored_line(first.stdout.readline().decode())
    assert first_line, "the first ingest stored nothing"
    first_iri = first_line[0]
    reported_first = {first_iri: first_line[1]}
    os.kill(first.pid, signal.SIGSTOP)  # paused while it holds the store: the second surely meets it
    try:
        second = run_kg("ingest", str(corpus), store=store)
    finally:
        os.kill(first.pid, signal.SIGCONT)
    assert_clean_failure(second, str(store), "in use")
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err.decode()
    reported = reported_first | dict(item for line in out.decode().splitlines() if (item := stored_line(line)))
    found = graphs(store)
    assert len(reported) == ARTICLES and set(found) == set(reported)
    assert all(len(found[iri]) == n for iri, n in reported.items())


# --- kg load: new graphs are committed in batches -------------------------------------------------
# "In flight" for `kg load` is one batch: the graphs of the commit under way when the kill came.
# Each of them is whole or absent, and together they hold at most one batch of triples.
LOAD_GRAPHS = 120
LOAD_BATCH = 1500


@pytest.fixture(scope="module")
def dump(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`kg export --format nquads` of a store holding LOAD_GRAPHS synthetic articles."""
    from synth import synth_extractions

    from kg.graph.export import export_bytes
    from kg.graph.rdf import article_iri, extraction_to_graph
    from kg.graph.store import open_store

    folder = tmp_path_factory.mktemp("crash-load")
    with open_store(str(folder / "source")) as store:
        for ex in synth_extractions(LOAD_GRAPHS, seed=12):
            store.put_article(str(article_iri(ex.article)), extraction_to_graph(ex))
        data = export_bytes(store, "nquads")
    (folder / "dump.nq").write_bytes(data)
    return folder / "dump.nq"


def dump_graphs(path: Path) -> dict[str, set[str]]:
    import pyoxigraph as ox

    found: dict[str, set[str]] = defaultdict(set)
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        found[str(quad.graph_name.value)].add(str(quad.triple))
    return dict(found)


def load_and_kill(dump: Path, store: Path, after: int, delay: float) -> dict[str, int]:
    """`kg load --verbose`, killed `delay` s after its `after`-th loaded graph."""
    return run_and_kill([str(KG), "--store", str(store), "load", "--verbose", "--batch-triples",
                         str(LOAD_BATCH), str(dump)], "loaded", after, delay)


def test_sigkill_during_load_keeps_every_reported_graph_and_at_most_one_batch_more(
        dump: Path, tmp_path: Path) -> None:
    reference = dump_graphs(dump)
    largest = max(len(quads) for quads in reference.values())
    rng = random.Random(21)
    cut_short = 0
    for attempt in range(KILLS):
        store = tmp_path / f"load-{attempt}"
        reported = load_and_kill(dump, store, rng.randrange(LOAD_GRAPHS), rng.uniform(0, 0.05))
        found = graphs(store)
        cut_short += len(found) < LOAD_GRAPHS
        assert set(reported) <= set(found), f"kill {attempt}: reported graphs missing"
        for iri in found:  # every graph in the store is whole, reported or not
            assert found[iri] == reference[iri], f"kill {attempt}: {iri} stored in part"
        in_flight = set(found) - set(reported)
        assert sum(len(found[iri]) for iri in in_flight) < LOAD_BATCH + largest, \
            f"kill {attempt}: more than one batch of unreported graphs"
        assert_views_recover(store, attempt)
    assert cut_short >= KILLS // 2, "most kills came after the load had finished: the test proved little"
