"""Questions about the network: its size and centres, how two entities connect, its communities."""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from kg.errors import KgError

SEED = 42
# Exact betweenness is O(nodes x edges); above this many nodes it is estimated from a sample.
BETWEENNESS_EXACT_LIMIT = 1000
BETWEENNESS_SAMPLE = 300


def simple_undirected(graph: nx.MultiDiGraph) -> nx.Graph:
    """One undirected link per connected pair, weighted by the articles supporting it."""
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v, articles in graph.edges(data="articles", default=1):
        if u == v:
            continue
        weight = simple.edges[u, v]["weight"] + articles if simple.has_edge(u, v) else articles
        simple.add_edge(u, v, weight=weight)
    return simple


@dataclass
class Stats:
    nodes: int
    edges: int
    nodes_by_type: dict[str, int]
    edges_by_predicate: dict[str, int]
    components: int
    largest_component: int
    central: dict[str, list[tuple[str, float]]] = field(default_factory=dict)  # measure -> [(node, score)]


def network_stats(graph: nx.MultiDiGraph, top: int = 10) -> Stats:
    """Counts per type and predicate, connected components, the most central entities."""
    simple = simple_undirected(graph)
    components = [len(c) for c in nx.connected_components(simple)]
    stats = Stats(
        nodes=graph.number_of_nodes(), edges=graph.number_of_edges(),
        nodes_by_type=dict(Counter(t for _, t in graph.nodes(data="type")).most_common()),
        edges_by_predicate=dict(Counter(p for *_, p in graph.edges(data="predicate")).most_common()),
        components=len(components), largest_component=max(components, default=0))
    if simple.number_of_nodes() == 0:
        return stats
    sample = BETWEENNESS_SAMPLE if simple.number_of_nodes() > BETWEENNESS_EXACT_LIMIT else None
    measures = {
        "degree": dict(graph.degree()),
        "betweenness": nx.betweenness_centrality(simple, k=sample, seed=SEED),
        "pagerank": nx.pagerank(simple, weight="weight") if simple.number_of_edges() else {},
    }
    for name, scores in measures.items():
        ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
        stats.central[name] = [(node, float(score)) for node, score in ranked[:top]]
    return stats


@dataclass
class Hop:
    """One step of a path: the fact joining `source` and `target`, read in its own direction."""

    source: str
    target: str
    subject: str
    predicate: str
    object: str
    evidence: list[dict[str, Any]]


def connection(graph: nx.MultiDiGraph, a: str, b: str) -> list[Hop]:
    """A shortest chain of facts between two entities (either direction), each with its evidence."""
    try:
        nodes = nx.shortest_path(simple_undirected(graph), a, b)
    except nx.NetworkXNoPath:
        raise KgError(f"{graph.nodes[a]['label']} and {graph.nodes[b]['label']} are not connected "
                      "in this view") from None
    return [_hop(graph, u, v) for u, v in itertools.pairwise(nodes)]


def _hop(graph: nx.MultiDiGraph, u: str, v: str) -> Hop:
    candidates = [(u, v, k, d) for k, d in graph.get_edge_data(u, v, default={}).items()]
    candidates += [(v, u, k, d) for k, d in graph.get_edge_data(v, u, default={}).items()]
    subject, obj, _, data = max(candidates, key=lambda c: (c[3]["articles"], c[2]))
    return Hop(u, v, subject, data["predicate"], obj, data["evidence"])


def communities(graph: nx.MultiDiGraph, seed: int = SEED) -> list[list[str]]:
    """Louvain communities (fixed seed), biggest first; members by number of articles."""
    simple = simple_undirected(graph)
    if simple.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(simple, weight="weight", seed=seed)
    ordered = [sorted(c, key=lambda n: (-graph.nodes[n]["articles"], graph.nodes[n]["label"], n))
               for c in found]
    return sorted(ordered, key=lambda c: (-len(c), graph.nodes[c[0]]["label"]))
