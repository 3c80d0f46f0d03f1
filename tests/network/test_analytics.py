"""Analytics on the sample network: stats, paths with evidence, communities."""

from __future__ import annotations

import networkx as nx
import pytest

from kg.errors import KgError
from kg.network.analytics import communities, connection, network_stats

from .helpers import iri

CITY = iri("union", "江河市总工会")
STATION = iri("site", "晨光驿站")


def test_stats_count_types_predicates_and_components(sample_graph: nx.MultiDiGraph) -> None:
    stats = network_stats(sample_graph)
    assert stats.nodes_by_type["Union"] == 2 and stats.nodes_by_type["Person"] == 2
    assert stats.edges_by_predicate["serves"] == 3
    # the main cluster, the town station with its town, and the reporter on his own
    assert (stats.components, stats.largest_component) == (3, 9)


def test_stats_rank_the_hubs_first_by_degree(sample_graph: nx.MultiDiGraph) -> None:
    central = network_stats(sample_graph, top=3).central
    assert central["degree"][:2] == [(STATION, 5.0), (CITY, 5.0)]  # ties in IRI order
    assert set(central) == {"degree", "betweenness", "pagerank"}


def test_path_gives_each_hop_with_its_evidence(sample_graph: nx.MultiDiGraph) -> None:
    hops = connection(sample_graph, iri("person", "王明"), iri("workergroup", "外卖骑手"))
    assert len(hops) == 2
    first = hops[0]
    assert (first.subject, first.predicate, first.object) == (iri("person", "王明"), "visits", STATION)
    assert first.evidence[0]["headline"] == "市总工会走访晨光驿站"
    assert hops[1].predicate == "serves"


def test_path_between_unconnected_entities_says_so(sample_graph: nx.MultiDiGraph) -> None:
    with pytest.raises(KgError, match="not connected"):
        connection(sample_graph, CITY, iri("place", "白沙镇"))


def test_communities_cover_every_node_and_repeat_with_the_seed(sample_graph: nx.MultiDiGraph) -> None:
    first = communities(sample_graph)
    assert sorted(n for c in first for n in c) == sorted(sample_graph)
    assert communities(sample_graph) == first
    assert any(set(c) == {iri("site", "白沙镇工会驿站"), iri("place", "白沙镇")} for c in first)
