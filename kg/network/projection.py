"""From the store to a networkx MultiDiGraph: entities as nodes, facts (with evidence) as edges.

Node id: the entity IRI; attributes `label`, `type`, `articles` (how many articles mention
it), `aliases`. Edge key: the predicate; attributes `predicate`, `articles` (how many
articles support it), `article_iris`, `evidence` (a list of {text, article, headline}),
`roles` (holdsPosition titles).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import unquote

import networkx as nx

from kg.model import name_key
from kg.network.source import SparqlSource, select


def local_name(iri: str) -> str:
    """`https://union-kg.org/ontology#Union` -> `Union`."""
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def load_network(source: SparqlSource) -> nx.MultiDiGraph:
    """The whole network of the store. Facts whose ends are not entities (author) are left out."""
    graph = nx.MultiDiGraph()
    _add_entities(graph, select(source, "entities"))
    _add_names(graph, select(source, "names"))
    headlines = {row["article"]: row["headline"] or row["file"] or ""
                 for row in select(source, "articles") if row["article"]}
    _add_facts(graph, select(source, "facts"), headlines)
    return graph


def _add_entities(graph: nx.MultiDiGraph, rows: list[dict[str, str | None]]) -> None:
    for row in rows:
        iri, type_iri = row["entity"], row["type"]
        if iri and type_iri:
            graph.add_node(iri, label="", type=local_name(type_iri), articles=int(row["articles"] or 0),
                           aliases=[])


def _add_names(graph: nx.MultiDiGraph, rows: list[dict[str, str | None]]) -> None:
    """Labels and aliases. Articles may spell a label differently (quotes, traditional
    characters): the one the IRI was made from wins, then the longest."""
    labels: dict[str, set[str]] = defaultdict(set)
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        node, name = row["entity"], row["name"]
        if node and name and node in graph:
            (labels if row["kind"] == "label" else aliases)[node].add(name)
    for node, data in graph.nodes(data=True):
        key = unquote(local_name(node))
        ranked = sorted(labels[node], key=lambda name: (name_key(name) != key, -len(name), name))
        data["label"] = ranked[0] if ranked else key
        data["aliases"] = sorted((aliases[node] | labels[node]) - {data["label"]})


def _add_facts(graph: nx.MultiDiGraph, rows: list[dict[str, str | None]], headlines: dict[str, str]) -> None:
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
            item = {"text": row["evidence"], "article": article, "headline": headlines.get(article, "")}
            if item not in fact["evidence"]:
                fact["evidence"].append(item)
        if row["role"] and row["role"] not in fact["roles"]:
            fact["roles"].append(row["role"])
    for (subject, predicate, obj), fact in sorted(facts.items()):
        fact["article_iris"].sort()
        graph.add_edge(subject, obj, key=predicate, predicate=predicate,
                       articles=len(fact["article_iris"]), **fact)
