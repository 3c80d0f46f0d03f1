"""The projection through a SPARQL 1.1 server (Oxigraph) gives the same network as the embedded store."""

from __future__ import annotations

import networkx as nx
import pytest
from server.conftest import oxigraph_url, server_store_url  # noqa: F401  (the shared server fixtures)

from kg.graph.store import open_store
from kg.network.projection import load_network

from .conftest import build_store, sample_trig

pytestmark = pytest.mark.server


def test_network_from_a_sparql_server_equals_the_embedded_one(server_store_url: str,  # noqa: F811
                                                             sample_graph: nx.MultiDiGraph) -> None:
    build_store(sample_trig(), server_store_url)
    with open_store(server_store_url, read_only=True) as store:
        served = load_network(store)
    assert dict(served.nodes(data=True)) == dict(sample_graph.nodes(data=True))
    assert sorted(served.edges(keys=True, data=True)) == sorted(sample_graph.edges(keys=True, data=True))
