"""Fixtures of the network tests: the invented sample corpus (data/sample.trig) behind a SPARQL source."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
import pytest

from kg.network.projection import load_network

DATA = Path(__file__).parent / "data"


@dataclass
class Rows:
    vars: list[str]
    rows: list[dict[str, Any]] = field(default_factory=list)


class TrigSource:
    """A TriG file in an in-memory Oxigraph store, queried over the union of its named graphs."""

    def __init__(self, trig: str) -> None:
        self.store = ox.Store()
        self.store.load(trig.encode("utf-8"), format=ox.RdfFormat.TRIG)

    def query(self, sparql: str) -> Rows:
        result = self.store.query(sparql, use_default_graph_as_union=True)
        names = [v.value for v in result.variables]
        return Rows(names, [{n: s[n] for n in names} for s in result])


@pytest.fixture(scope="session")
def sample_source() -> TrigSource:
    return TrigSource((DATA / "sample.trig").read_text(encoding="utf-8"))


@pytest.fixture
def sample_graph(sample_source: TrigSource) -> nx.MultiDiGraph:
    return load_network(sample_source)
