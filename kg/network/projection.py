"""From the store to a networkx MultiDiGraph: entities as nodes, facts (with evidence) as edges.

Node id: the entity IRI; attributes `label`, `type`, `articles` (how many articles mention
it), `aliases`. Edge key: the predicate; attributes `predicate`, `articles` (how many
articles support it), `article_iris`, `evidence` (a list of {text, article, headline}),
`roles` (holdsPosition titles).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx

from kg.network.source import SparqlSource, select


def local_name(iri: str) -> str:
    """`https://union-kg.org/ontology#Union` -> `Union`."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def load_network(source: SparqlSource) -> nx.MultiDiGraph:
    """The whole network of the store. Facts whose ends are not entities (author) are left out."""
    graph = nx.MultiDiGraph()
    _add_entities(graph, select(source, "entities"))
    _add_aliases(graph, select(source, "aliases"))
    _add_facts(graph, select(source, "facts"))
    return graph


def _add_entities(graph: nx.MultiDiGraph, rows: list[dict[str, str | None]]) -> None:
    for row in rows:
        iri, type_iri = row["entity"], row["type"]
        if not iri or not type_iri:
            continue
        graph.add_node(iri, label=row["label"] or local_name(iri), type=local_name(type_iri),
                       articles=int(row["articles"] or 0), aliases=[])


def _add_aliases(graph: nx.MultiDiGraph, rows: list[dict[str, str | None]]) -> None:
    for row in rows:
        node, alias = row["entity"], row["alias"]
        if node in graph and alias:
            data = graph.nodes[node]
            if alias != data["label"] and alias not in data["aliases"]:
                data["aliases"].append(alias)
    for _, data in graph.nodes(data=True):
        data["aliases"].sort()


def _add_facts(graph: nx.MultiDiGraph, rows: list[dict[str, str | None]]) -> None:
    facts: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(
        lambda: {"article_iris": [], "evidence": [], "roles": []})
    for row in rows:
        subject, obj, predicate_iri, article = row["subject"], row["object"], row["predicate"], row["article"]
        if not (subject and obj and predicate_iri and article) or subject not in graph or obj not in graph:
            continue
        fact = facts[(subject, local_name(predicate_iri), obj)]
        if article not in fact["article_iris"]:
            fact["article_iris"].append(article)
        if row["evidence"]:
            item = {"text": row["evidence"], "article": article,
                    "headline": row["headline"] or row["file"] or ""}
            if item not in fact["evidence"]:
                fact["evidence"].append(item)
        if row["role"] and row["role"] not in fact["roles"]:
            fact["roles"].append(row["role"])
    for (subject, predicate, obj), fact in sorted(facts.items()):
        fact["article_iris"].sort()
        graph.add_edge(subject, obj, key=predicate, predicate=predicate,
                       articles=len(fact["article_iris"]), **fact)
