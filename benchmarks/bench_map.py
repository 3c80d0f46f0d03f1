"""The map of a big network becoming interactive in Chromium: layout and write, then open and search.

    BENCH_MAP_NODES=5000 BENCH_MAP_TRIPLES=100k python benchmarks/bench_map.py

First the projection: a store of synthetic articles (BENCH_MAP_TRIPLES triples) read into
networkx through the .rq queries. Then, per map size (facts: 4 per entity): seconds to lay
out and write the HTML, its size, seconds from navigation until vis-network has drawn it,
and until a search has focused an entity (interactive). The issue's target: 5,000
entities / 20,000 facts interactive within 5 s.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from common import emit, human, log, prepared_store, sizes, stopwatch

from kg.graph.store import open_store
from kg.network.projection import load_network
from kg.network.render import write_map
from kg.network.synthetic import synthetic_network

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def bench_projection() -> None:
    for triples in sizes("map_triples", "100k"):
        location = prepared_store(triples)
        with open_store(str(location), read_only=True) as store, stopwatch() as elapsed:
            graph = load_network(store)
        emit("map", f"{human(triples)} triples", "project store to networkx", elapsed(), "s",
             f"{graph.number_of_nodes()} entities, {graph.number_of_edges()} facts")


def main() -> int:
    bench_projection()
    if not Path(CHROMIUM).exists():
        log(f"{CHROMIUM} is missing: run `make system-deps`")
        return 1
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as tmp:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for nodes in sizes("map_nodes", "1000,5000"):
            edges = 4 * nodes
            size = f"{human(nodes)} nodes / {human(edges)} edges"
            graph = synthetic_network(nodes, edges)
            with stopwatch() as elapsed:
                path = write_map(graph, Path(tmp) / f"map-{nodes}.html")
            emit("map", size, "layout + write HTML", elapsed(), "s")
            emit("map", size, "HTML size", path.stat().st_size / 1e6, "MB")
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_function("window.kgMap && window.kgMap.ready", timeout=120_000)
            drawn = time.perf_counter() - start
            label = graph.nodes[next(iter(graph))]["label"]
            page.fill("#kg-search", label)
            page.press("#kg-search", "Enter")
            page.wait_for_function("name => document.querySelector('#kg-info h3')?.textContent === name", arg=label)
            interactive = time.perf_counter() - start
            emit("map", size, "open until drawn (Chromium)", drawn, "s")
            emit("map", size, "open until a search answered", interactive, "s",
                 "target < 5 s at 5k" if nodes == 5000 else "")
            page.close()
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
