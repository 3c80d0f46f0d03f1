"""Loading a 1M-triple N-Quads file: kg's store path against pyoxigraph's own bulk_load, same run.

Size: BENCH_LOAD_TRIPLES (default 1M). The file holds synthetic article graphs
(benchmarks/synth.py). kg's path is the Store interface every command uses: one
put_article (atomic replace of the article's named graph) per graph, on the embedded
store and on an Oxigraph server (one GSP PUT each); the time counted is the time in
put_article (reading the file into rdflib graphs is not kg's ingest work and is reported
apart). Target: embedded <= 1.5x bulk_load.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from common import count_lines, emit, human, log, nquads_file, oxigraph_server, sizes
from oxrdflib._converter import from_ox
from rdflib import Graph

from kg.graph.store import open_store

TARGET_RATIO = 1.5


def article_graphs(path: Path) -> Iterator[tuple[str, Graph]]:
    """(graph IRI, rdflib Graph) for each run of quads with the same graph in an N-Quads file."""
    current, graph = "", Graph()
    for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        name = quad.graph_name.value  # type: ignore[union-attr]
        if name != current and len(graph):
            yield current, graph
            graph = Graph()
        current = name
        graph.add((from_ox(quad.subject), from_ox(quad.predicate), from_ox(quad.object)))
    if len(graph):
        yield current, graph


def kg_load(location: str, path: Path) -> tuple[float, float, int]:
    """(seconds in put_article, seconds in all, graphs): reading the file is not kg's work, storing is."""
    start = time.perf_counter()
    store = open_store(location)
    graphs = 0
    putting = 0.0
    for iri, graph in article_graphs(path):
        before = time.perf_counter()
        store.put_article(iri, graph)
        putting += time.perf_counter() - before
        graphs += 1
    before = time.perf_counter()
    store.close()
    putting += time.perf_counter() - before
    return putting, time.perf_counter() - start, graphs


def main() -> None:
    for n in sizes("load_triples", "1M"):
        path = nquads_file(n)
        triples = count_lines(path)
        size = f"{human(n)} triples"
        with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as tmp:
            log(f"bulk_load {path.name}")
            start = time.perf_counter()
            store = ox.Store(str(Path(tmp) / "bulk"))
            store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
            store.flush()
            bulk = time.perf_counter() - start
            del store
            emit("load", size, "pyoxigraph bulk_load", round(bulk, 1), "s", f"{triples / bulk:,.0f} triples/s")
            log("kg put_article per graph (embedded)")
            seconds, overall, graphs = kg_load(str(Path(tmp) / "kg"), path)
            ratio = seconds / bulk
            emit("load", size, "kg put_article, embedded", round(seconds, 1), "s",
                 f"{graphs:,} graphs, {triples / seconds:,.0f} triples/s ({overall:.0f} s with reading the file)")
            emit("load", size, "kg / bulk_load (embedded)", round(ratio, 2), "x",
                 f"target <= {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'MISSED'}")
            log("kg put_article per graph (server)")
            with oxigraph_server(Path(tmp) / "server") as (url, _pid):
                seconds, overall, graphs = kg_load(url, path)
            emit("load", size, "kg put_article, Oxigraph server", round(seconds, 1), "s",
                 f"one GSP PUT per graph, {triples / seconds:,.0f} triples/s ({overall:.0f} s with reading the file)")
            emit("load", size, "kg / bulk_load (server)", round(seconds / bulk, 2), "x", "")


if __name__ == "__main__":
    main()
