"""Focused views of the network: by type, predicate, neighbourhood, support, or organisations only."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import networkx as nx

from kg.errors import KgError
from kg.model import ENTITY_TYPES, PREDICATES
from kg.network.resolve import find_entity

ORGANISATION_TYPES = frozenset({"Union", "Organization"})
# An organisation is linked to an event it hosts, co-organises or takes part in.
EVENT_ROLES = frozenset({"hosts", "coOrganizes", "participatesIn"})


@dataclass(frozen=True)
class ViewOptions:
    """What to keep. Empty sets keep everything; `focus` keeps its `radius`-neighbourhood."""

    types: frozenset[str] = frozenset()
    predicates: frozenset[str] = frozenset()
    focus: str | None = None
    radius: int = 1
    min_articles: int = 1
    organisations_only: bool = False

    def __post_init__(self) -> None:
        unknown = sorted(self.types - set(ENTITY_TYPES))
        if unknown:
            raise KgError(f"--types: unknown type {unknown[0]!r}; choose from {', '.join(ENTITY_TYPES)}")
        unknown = sorted(self.predicates - set(PREDICATES) - {"sharesEvent", "sharesVisit"})
        if unknown:
            raise KgError(f"--predicates: unknown predicate {unknown[0]!r}; "
                          f"choose from {', '.join(PREDICATES)}")
        if self.radius < 0:
            raise KgError(f"--radius must be 0 or more, not {self.radius}")
        if self.min_articles < 1:
            raise KgError(f"--min-articles must be 1 or more, not {self.min_articles}")


def apply_view(graph: nx.MultiDiGraph, options: ViewOptions) -> nx.MultiDiGraph:
    """A new graph holding what `options` keep of `graph` (which is left as it was)."""
    focus = find_entity(graph, options.focus) if options.focus else None
    view = organisation_network(graph) if options.organisations_only else graph
    keep = [n for n, d in view.nodes(data=True)
            if (not options.types or d["type"] in options.types) and d["articles"] >= options.min_articles]
    if focus is not None and focus not in keep:
        kind = graph.nodes[focus]["type"]
        raise KgError(f"focus {options.focus!r} ({kind}) is not in the view: "
                      "widen --types or --min-articles, or drop --orgs")
    result = nx.MultiDiGraph(view.subgraph(keep))
    if options.predicates:
        result.remove_edges_from([(u, v, k) for u, v, k, p in result.edges(keys=True, data="predicate")
                                  if p not in options.predicates])
    if focus is not None:
        near = nx.single_source_shortest_path_length(result.to_undirected(as_view=True), focus,
                                                     cutoff=options.radius)
        result = nx.MultiDiGraph(result.subgraph(near))
    return result


def organisation_network(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """Unions and organisations; linked by their own facts, a shared event, or a joint visit."""
    orgs = [n for n, t in graph.nodes(data="type") if t in ORGANISATION_TYPES]
    result = nx.MultiDiGraph(graph.subgraph(orgs))
    at_event: dict[str, list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    visiting: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for subject, obj, data in graph.edges(data=True):
        if subject not in result:
            continue
        if data["predicate"] in EVENT_ROLES and graph.nodes[obj]["type"] == "Event":
            at_event[obj].append((subject, data))
        elif data["predicate"] == "visits":
            for article in data["article_iris"]:
                visiting[(obj, article)].append((subject, data))
    for event, members in at_event.items():
        _link_pairs(result, members, "sharesEvent", event, graph.nodes[event]["label"])
    for (target, _), members in visiting.items():
        _link_pairs(result, members, "sharesVisit", target, graph.nodes[target]["label"])
    return result


def _link_pairs(result: nx.MultiDiGraph, members: list[tuple[str, dict[str, Any]]],
                predicate: str, via: str, via_label: str) -> None:
    """Link every two members (in IRI order); the same pair at the same place again adds evidence."""
    for (a, data_a), (b, data_b) in combinations(sorted(members, key=lambda m: m[0]), 2):
        if a == b:
            continue
        key = f"{predicate}:{via}"
        old = result.get_edge_data(a, b, key, default={"evidence": [], "article_iris": []})
        evidence = [*old["evidence"], *data_a["evidence"], *data_b["evidence"]]
        unique = [e for i, e in enumerate(evidence) if e not in evidence[:i]]
        articles = sorted({*old["article_iris"], *data_a["article_iris"], *data_b["article_iris"]})
        result.add_edge(a, b, key=key, predicate=predicate, via=via, via_label=via_label,
                        articles=len(articles), article_iris=articles, evidence=unique, roles=[])
