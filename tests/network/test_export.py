"""GraphML, GEXF and node-link JSON of the network read back with what they hold."""

from __future__ import annotations

import io
import json

import networkx as nx
import pytest

from kg.errors import KgError
from kg.network.export import write_network

from .helpers import iri


def _written(graph: nx.MultiDiGraph, fmt: str) -> bytes:
    out = io.BytesIO()
    write_network(graph, fmt, out)
    return out.getvalue()


def test_graphml_round_trips_nodes_edges_and_evidence(sample_graph: nx.MultiDiGraph) -> None:
    back = nx.read_graphml(io.BytesIO(_written(sample_graph, "graphml")), force_multigraph=True)
    assert back.number_of_nodes() == 12 and back.number_of_edges() == 13
    city = iri("union", "江河市总工会")
    assert back.nodes[city]["label"] == "江河市总工会"
    assert "热饮" in back.edges[city, iri("workergroup", "快递员"), "serves"]["evidence"]


def test_gexf_holds_chinese_labels(sample_graph: nx.MultiDiGraph) -> None:
    back = nx.read_gexf(io.BytesIO(_written(sample_graph, "gexf")))
    assert "晨光驿站" in {d.get("label") for _, d in back.nodes(data=True)}


def test_json_keeps_evidence_as_a_list(sample_graph: nx.MultiDiGraph) -> None:
    data = json.loads(_written(sample_graph, "json"))
    serves = [e for e in data["edges"] if e["predicate"] == "serves"]
    assert len(serves) == 3 and all(isinstance(e["evidence"], list) for e in serves)


def test_unknown_format_is_refused(sample_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(KgError, match="unknown format 'dot'"):
        write_network(sample_graph, "dot", io.BytesIO())
