"""Latency of every named query (kg/graph/queries/*.rq) at several store sizes, embedded and server.

For each query: the full answer as `kg query NAME --format csv` writes it (every row, the text
included: named_queries.run_csv, a listing from the CSV lines its view keeps, anything else by
SPARQL turned into rdflib terms and then CSV) and the first page a table shows (`kg query NAME`:
TABLE_PAGE rows, asked as LIMIT TABLE_PAGE+1, as rdflib terms: named_queries.run; about looks
its entity up first). For a listing with a view, its full answer as rdflib terms (what a Python
caller of run gets) and the full answer and first page by SPARQL alone follow (what the views
save); for other queries, the first page with --unsorted (the store's order: the engine may
stop after the page).
Before the embedded figures, the views are rebuilt from the store, timed (what the first write
after an upgrade or a crash costs).

Sizes: BENCH_TRIPLES (default 10k,100k,1M). Stores are bulk-loaded synthetic corpora,
cached in benchmarks/results/cache. Each query runs once to warm up, then
BENCH_QUERY_REPEAT times (default 5; once when the warm-up took over a second); the
median is reported. A query that would take over BENCH_QUERY_BUDGET seconds (default 10)
at the next size, growing at least linearly, is not run there.
Target: <= 100 ms at 1M triples on the embedded store; each 1M embedded line of what kg query
answers (whole CSV, first page) says met or MISSED.
"""

from __future__ import annotations

import csv
import io
import os
import statistics
import time

from common import emit, first_union_label, human, log, oxigraph_server, prepared_store, sizes

from kg.cli.store_cmds import TABLE_PAGE
from kg.errors import KgError
from kg.graph.named_queries import NamedQuery, named_queries, prepare, run, run_csv
from kg.graph.store import QueryResult, Store, open_store
from kg.graph.views import VIEWS_FILE, views

TARGET_MS = 100.0
TARGET_SIZE = 1_000_000
GROWTH = 10  # assumed factor between one size and the next (at least linear growth)


def median_ms(store: Store, named: NamedQuery, args: list[str], limit: int | None, ordered: bool,
              repeat: int, how: str) -> tuple[float, int]:
    """The median time of the answer made `how`: "csv" (the text kg query writes), "terms"
    (rdflib terms, from a view when there is one) or "sparql" (rdflib terms, SPARQL alone); and its rows."""
    def once() -> str | QueryResult:
        if how == "csv":
            return run_csv(store, named, args, named.name, limit, ordered=ordered)
        if how == "sparql":
            return store.query(prepare(store, named, args, named.name, limit, ordered=ordered))
        return run(store, named, args, named.name, limit, ordered=ordered)

    start = time.perf_counter()
    first = once()
    if time.perf_counter() - start > 1.0:
        repeat = 1
    rows = len(first.rows) if isinstance(first, QueryResult) else len(list(csv.reader(io.StringIO(first)))) - 1
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        once()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), rows


def measure(store: Store, backend: str, size: int, repeat: int, too_slow: dict[str, str]) -> None:
    """Emit the median latency of each named query, full and first page; remember those over budget."""
    label = first_union_label()
    budget = float(os.environ.get("BENCH_QUERY_BUDGET", "10"))
    for named in named_queries().values():
        viewed = backend == "embedded" and named.name in views()
        variants = [("", None, True, "csv"), (", first page", TABLE_PAGE + 1, True, "terms")]
        variants += [(", rdflib terms", None, True, "terms"), (", SPARQL without views", None, True, "sparql"),
                     (", first page, SPARQL without views", TABLE_PAGE + 1, True, "sparql")] if viewed else \
            [(", first page --unsorted", TABLE_PAGE + 1, False, "terms")]
        for what, limit, ordered, how in variants:
            key = figure = named.name + what
            if key in too_slow and not too_slow[key].endswith(f"at {human(size)} triples (embedded)"):
                emit("query", human(size) + " triples", figure, float("nan"), "ms median",
                     f"{backend}, not run: {too_slow[key]}")
                continue
            try:
                ms, rows = median_ms(store, named, [label] * len(named.params), limit, ordered, repeat, how)
            except KgError as exc:  # e.g. the server's answer took longer than the client waits
                too_slow[key] = f"failed at {human(size)} triples ({backend})"
                emit("query", human(size) + " triples", figure, float("nan"), "ms median",
                     f"{backend}, failed: {exc.message[:120]}")
                continue
            if ms * GROWTH > budget * 1000:  # the next size would take longer than the budget
                too_slow[key] = f"took {ms / 1000:.1f} s at {human(size)} triples ({backend})"
            rows = min(rows, TABLE_PAGE) if limit is not None else rows
            note = f"{backend}, {rows} rows" + (", from its view" if viewed and how != "sparql" else "")
            note += ", CSV text" if how == "csv" else ""
            python_api = how == "terms" and limit is None   # a whole listing as terms: not what kg query writes
            note += ", Python API, no target (kg query writes the CSV above)" if python_api else ""
            if backend == "embedded" and size >= TARGET_SIZE and how != "sparql" and not python_api:
                note += f", target <= {TARGET_MS:g} ms: {'met' if ms <= TARGET_MS else 'MISSED'}"
            emit("query", human(size) + " triples", figure, round(ms, 1), "ms median", note)


def main() -> None:
    repeat = int(os.environ.get("BENCH_QUERY_REPEAT", "5"))
    too_slow: dict[str, str] = {}
    log(f"load average before: {os.getloadavg()[0]:.2f}")
    for size in sizes("triples", "10k,100k,1M"):
        location = prepared_store(size)
        log(f"listing views at {human(size)} triples: rebuilt from the store")
        (location / VIEWS_FILE).unlink(missing_ok=True)
        start = time.perf_counter()
        with open_store(str(location)):
            pass
        emit("query", human(size) + " triples", "listing views rebuilt from the store",
             round(time.perf_counter() - start, 2), "s", f"embedded, {len(views())} listings")
        stored = sum(p.stat().st_size for p in location.iterdir() if p.is_file() and p.name != VIEWS_FILE)
        emit("query", human(size) + " triples", "listing views file", round((location / VIEWS_FILE).stat().st_size / 1e6, 1),
             "MB", f"beside the store's own {stored / 1e6:,.0f} MB (RocksDB files)")
        log(f"query latency at {human(size)} triples (embedded)")
        store = open_store(str(location), read_only=True)
        measure(store, "embedded", size, repeat, too_slow)
        store.close()
        log(f"query latency at {human(size)} triples (server)")
        with oxigraph_server(location, read_only=True) as (url, _pid):
            server = open_store(url + "?timeout=600", read_only=True)
            measure(server, "server", size, repeat, too_slow)
            server.close()
    emit("query", "all", "load average (1 min) at the end", round(os.getloadavg()[0], 2), "",
         "2 cores shared with other jobs: compare figures within one run")


if __name__ == "__main__":
    main()
