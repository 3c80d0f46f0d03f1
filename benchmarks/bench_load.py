"""Loading a 1M-triple N-Quads file: `kg load` end to end against pyoxigraph's own bulk_load, same run.

Size: BENCH_LOAD_TRIPLES (default 1M); repeats: BENCH_LOAD_REPEATS (default 2, the
best of each is kept, bulk_load and kg load taking turns so that a load spike on the
shared machine hits both alike). The file holds synthetic article graphs
(benchmarks/synth.py). `kg load` is timed whole, in-process: the check pass over the
file, parsing, grouping quads by graph and the atomic writes (new graphs in bulk-loader
batches, BENCH_LOAD_BATCH triples each, default kg's 200k). The Oxigraph server figure
is the same command on a sparql+http:// store (one GSP PUT per graph).
Target: embedded <= 1.5x bulk_load.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox
from common import count_lines, emit, human, log, nquads_file, oxigraph_server, sizes

from kg.graph.load import load_file

TARGET_RATIO = 1.5


def bulk_load(location: Path, path: Path) -> float:
    start = time.perf_counter()
    store = ox.Store(str(location))
    store.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
    store.flush()
    del store
    return time.perf_counter() - start


def kg_load(location: str, path: Path, batch: int) -> tuple[float, int]:
    """(seconds, graphs) for `kg load FILE` into location, in this process."""
    start = time.perf_counter()
    summary = load_file(location, path, "nquads", batch)
    return time.perf_counter() - start, summary.graphs


def load_average() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def main() -> None:
    repeats = max(int(os.environ.get("BENCH_LOAD_REPEATS", "2")), 1)
    batch = sizes("load_batch", "200k")[0]
    for n in sizes("load_triples", "1M"):
        path = nquads_file(n)
        triples = count_lines(path)
        size = f"{human(n)} triples"
        bulk_times: list[float] = []
        kg_times: list[float] = []
        graphs = 0
        loads: list[str] = []
        for attempt in range(repeats):
            with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as tmp:
                log(f"bulk_load {path.name} ({attempt + 1}/{repeats}, {load_average()})")
                bulk_times.append(bulk_load(Path(tmp) / "bulk", path))
                log(f"kg load {path.name} ({attempt + 1}/{repeats}, {load_average()})")
                seconds, graphs = kg_load(str(Path(tmp) / "kg"), path, batch)
                kg_times.append(seconds)
                loads.append(load_average())
        bulk, mine = min(bulk_times), min(kg_times)
        runs = f"best of {repeats}; runs {', '.join(f'{b:.1f}/{k:.1f}' for b, k in zip(bulk_times, kg_times))} s"
        emit("load", size, "pyoxigraph bulk_load", round(bulk, 1), "s", f"{triples / bulk:,.0f} triples/s")
        emit("load", size, "kg load, embedded", round(mine, 1), "s",
             f"{graphs:,} graphs, {triples / mine:,.0f} triples/s, whole command incl. the check pass")
        ratio = mine / bulk
        emit("load", size, "kg load / bulk_load (embedded)", round(ratio, 2), "x",
             f"target <= {TARGET_RATIO}: {'met' if ratio <= TARGET_RATIO else 'MISSED'}; {runs}; {', '.join(loads)}")
        with tempfile.TemporaryDirectory(prefix="kg-bench-load-") as tmp:
            log(f"kg load into an Oxigraph server ({load_average()})")
            with oxigraph_server(Path(tmp) / "server") as (url, _pid):
                seconds, graphs = kg_load(url, path, batch)
        emit("load", size, "kg load, Oxigraph server", round(seconds, 1), "s",
             f"one GSP PUT per graph, {triples / seconds:,.0f} triples/s")
        emit("load", size, "kg load / bulk_load (server)", round(seconds / bulk, 2), "x", load_average())


if __name__ == "__main__":
    main()
