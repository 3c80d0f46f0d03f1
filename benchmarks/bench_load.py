"""Loading a 1M-triple N-Quads file: kg's store path against pyoxigraph's own bulk_load, same run.

Size: BENCH_LOAD_TRIPLES (default 1M). The file holds synthetic article graphs
(benchmarks/synth.py). kg's path is the Store interface every command uses: one
put_article (atomic replace of the article's named graph) per graph, on the embedded
store and on an Oxigraph server (one GSP PUT each). Target: embedded <= 1.5x bulk_load.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
from common import count_lines, emit, human, log, nquads_file, oxigraph_server, sizes
from rdflib import Graph

from kg.graph.store import open_store

TARGET_RATIO = 1.5


def article_graphs(path: Path) -> Iterator[tuple[str, Graph]]:
    """(graph IRI, rdflib Graph) for each run of lines with the same graph in an N-Quads file."""
    current, lines = "", list[str]()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            cut = line.rstrip().rfind(" <")
            graph = line[cut + 2:].rstrip(" .\n>")
            if graph != current and lines:
                yield current, Graph().parse(data="".join(lines), format="nt")
                lines = []
            current = graph
            lines.append(line[:cut] + " .\n")
    if lines:
        yield current, Graph().parse(data="".join(lines), format="nt")


def kg_load(location: str, path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    store = open_store(location)
    graphs = 0
    for iri, graph in article_graphs(path):
        store.put_article(iri, graph)
        graphs += 1
    store.close()
    return time.perf_counter() - start, graphs


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
            seconds, graphs = kg_load(str(Path(tmp) / "kg"), path)
            ratio = seconds / bulk
            emit("load", size, "kg load, embedded", round(seconds, 1), "s",
                 f"{graphs:,} graphs, {triples / seconds:,.0f} triples/s")
            emit("load", size, "kg / bulk_load (embedded)", round(ratio, 2), "x",
                 f"target <= {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'MISSED'}")
            log("kg put_article per graph (server)")
            with oxigraph_server(Path(tmp) / "server") as (url, _pid):
                seconds, graphs = kg_load(url, path)
            emit("load", size, "kg load, Oxigraph server", round(seconds, 1), "s",
                 f"one GSP PUT per graph, {triples / seconds:,.0f} triples/s")
            emit("load", size, "kg / bulk_load (server)", round(seconds / bulk, 2), "x", "")


if __name__ == "__main__":
    main()
