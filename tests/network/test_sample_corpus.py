"""The network commands and the map on the bundled sample (data/sample) and the seed page, end to end."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.cli.main import main
from kg.graph.store import open_store
from kg.network.projection import load_network

from .conftest import MapPage

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [ROOT / "data" / "sample", ROOT.parent / "shared" / "seed"]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("corpus") / "store"
    paths = [str(p) for p in CORPUS if p.is_dir()]
    assert main(["--store", str(store), "ingest", *paths]) == 0
    return store


@pytest.fixture(scope="module")
def corpus_graph(corpus_store: Path) -> nx.MultiDiGraph:
    with open_store(str(corpus_store), read_only=True) as store:
        return load_network(store)


def _hub(graph: nx.MultiDiGraph) -> str:
    return max(graph, key=lambda n: (graph.degree(n), n))


def test_analytics_answer_on_the_corpus(capsys: pytest.CaptureFixture[str], corpus_store: Path,
                                        corpus_graph: nx.MultiDiGraph) -> None:
    assert corpus_graph.number_of_nodes() > 50 and corpus_graph.number_of_edges() > 50
    hub = _hub(corpus_graph)
    neighbour = next(iter(nx.all_neighbors(corpus_graph, hub)))
    store = ["--store", str(corpus_store), "network"]
    assert main([*store, "stats"]) == 0
    assert corpus_graph.nodes[hub]["label"] in capsys.readouterr().out
    assert main([*store, "path", hub, neighbour]) == 0
    assert "1 hop(s)" in capsys.readouterr().out
    assert main([*store, "communities"]) == 0
    assert "communities (Louvain, seed 42)" in capsys.readouterr().out


@pytest.mark.browser
def test_corpus_map_opens_offline_and_finds_the_hub(map_page: MapPage, corpus_store: Path,
                                                    corpus_graph: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert main(["--store", str(corpus_store), "map", "-o", str(out)]) == 0
    map_page.open(out)
    counts = map_page.page.evaluate("[kgMap.nodes.length, kgMap.edges.length]")
    assert counts == [corpus_graph.number_of_nodes(), corpus_graph.number_of_edges()]
    hub = _hub(corpus_graph)
    map_page.page.fill("#kg-search", corpus_graph.nodes[hub]["label"])
    map_page.page.press("#kg-search", "Enter")
    assert map_page.page.evaluate("kgMap.network.getSelectedNodes()") == [map_page.page_id(hub)]
    incident = [*corpus_graph.out_edges(hub, data="evidence"), *corpus_graph.in_edges(hub, data="evidence")]
    sentence = next(evidence[0]["text"] for *_, evidence in incident if evidence)
    assert sentence in map_page.page.locator("#kg-info").inner_text()
    map_page.page.screenshot(path=str(tmp_path / "corpus-map.png"))
    assert map_page.outside_requests == [] and map_page.errors == []
    assert [text for kind, text in map_page.console if kind in ("error", "warning")] == []
