"""Fixtures of the network tests: the invented sample corpus (data/sample.trig) in a real store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, URIRef

from kg.graph.store import Store, open_store
from kg.network.projection import load_network

DATA = Path(__file__).parent / "data"


def build_store(trig: str, location: Path) -> Path:
    """An embedded store at `location` holding each named graph of the TriG text as an article."""
    dataset = Dataset()
    dataset.parse(data=trig, format="trig")
    with open_store(str(location)) as store:
        for graph in dataset.graphs():
            if isinstance(graph.identifier, URIRef) and len(graph):
                store.put_article(str(graph.identifier), graph)
    return location


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    trig = (DATA / "sample.trig").read_text(encoding="utf-8")
    return build_store(trig, tmp_path_factory.mktemp("sample") / "store")


@pytest.fixture
def sample_source(sample_store_dir: Path) -> Iterator[Store]:
    with open_store(str(sample_store_dir), read_only=True) as store:
        yield store


@pytest.fixture
def sample_graph(sample_source: Store) -> nx.MultiDiGraph:
    return load_network(sample_source)
