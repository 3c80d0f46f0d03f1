"""Ingest throughput and peak memory: synthetic extractions through kg.graph.ingest, per backend.

Sizes: BENCH_ARTICLES (default 500,2k,5k) synthetic articles (about 150 triples each).
Each size runs in a fresh child process on a fresh store, so its peak memory is its
own: streaming ingest should keep it flat as the corpus grows. The figure that says
whether it does is the last one per backend: how many MB the peak grows per 1,000 more
articles between the smallest and the largest size (0 would be perfectly flat; the
embedded store's bounded caches fill in the first few thousand articles). The extractor
is not run here (bench_extract.py measures it); this is the RDF mapping plus the store.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import emit, human, log, oxigraph_server, peak_rss_mb, process_peak_mb, sizes

from kg.graph.ingest import IngestSummary, ingest_extraction
from kg.graph.store import open_store


def child(location: str, n: int) -> None:
    """Ingest n synthetic articles into location; print one JSON line with the figures."""
    from synth import synth_extractions

    store = open_store(location)
    summary = IngestSummary()
    stored = 0.0  # time in kg's ingest (mapping + store), not in making up the articles
    for ex in synth_extractions(n, seed=2):
        start = time.perf_counter()
        ingest_extraction(store, ex, summary)
        stored += time.perf_counter() - start
    start = time.perf_counter()
    store.close()
    stored += time.perf_counter() - start
    print(json.dumps({"seconds": stored, "triples": summary.triples, "peak_mb": peak_rss_mb()}))


def run_child(location: str, n: int) -> dict[str, float]:
    proc = subprocess.run([sys.executable, __file__, "--child", location, str(n)], check=True,
                          stdout=subprocess.PIPE, text=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def report(backend: str, n: int, figures: dict[str, float], server_mb: float | None = None) -> None:
    size = f"{human(n)} articles"
    emit("ingest", size, "articles/s", round(n / figures["seconds"], 1), "articles/s", backend)
    emit("ingest", size, "triples/s", round(figures["triples"] / figures["seconds"]), "triples/s",
         f"{backend}, {figures['triples']:,} triples")
    emit("ingest", size, "peak memory (kg)", round(figures["peak_mb"]), "MB", backend)
    if server_mb is not None:
        emit("ingest", size, "peak memory (server)", round(server_mb), "MB", backend)


def flatness(backend: str, peaks: dict[int, float]) -> None:
    """Growth of the peak between the smallest and the largest corpus, per 1,000 articles."""
    if len(peaks) < 2:
        return
    small, large = min(peaks), max(peaks)
    per_k = (peaks[large] - peaks[small]) / (large - small) * 1000
    emit("ingest", f"{human(small)} -> {human(large)} articles", "peak memory growth (kg)", round(per_k, 1),
         "MB per 1k articles", f"{backend}: {peaks[small]:.0f} -> {peaks[large]:.0f} MB while the corpus "
         f"grew {large / small:.0f}x")


def main() -> None:
    peaks: dict[str, dict[int, float]] = {"embedded": {}, "Oxigraph server": {}}
    for n in sizes("articles", "500,2k,5k"):
        with tempfile.TemporaryDirectory(prefix="kg-bench-ingest-") as tmp:
            log(f"ingest {human(n)} articles (embedded)")
            figures = run_child(str(Path(tmp) / "store"), n)
            report("embedded", n, figures)
            peaks["embedded"][n] = figures["peak_mb"]
        with tempfile.TemporaryDirectory(prefix="kg-bench-ingest-") as tmp:
            log(f"ingest {human(n)} articles (server)")
            with oxigraph_server(Path(tmp) / "server") as (url, pid):
                figures = run_child(url, n)
                report("Oxigraph server", n, figures, process_peak_mb(pid))
                peaks["Oxigraph server"][n] = figures["peak_mb"]
    for backend, by_size in peaks.items():
        flatness(backend, by_size)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        child(sys.argv[2], int(sys.argv[3]))
    else:
        main()
