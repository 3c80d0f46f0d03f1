"""A made-up network of a given size, shaped like ours, for the map benchmark and its browser test."""

from __future__ import annotations

import itertools
import random

import networkx as nx

from kg.model import ENTITY_TYPES, PREDICATES

# Characters names are drawn from: common in union news, none of them a real name.
_SYLLABLES = "东西南北中新华建安平和康明光阳山河湖海林石金桥园城乡区镇街社工会站馆"
_SUFFIX = {"Union": "工会", "Organization": "公司", "Person": "", "Site": "驿站", "Place": "区",
           "Event": "活动", "WorkerGroup": "工人"}


def synthetic_network(nodes: int, edges: int, seed: int = 1) -> nx.MultiDiGraph:
    """`nodes` entities and `edges` facts with labels, types, evidence: a stand-in for a big store."""
    rng = random.Random(seed)
    graph = nx.MultiDiGraph()
    ids = []
    for number in range(nodes):
        kind = ENTITY_TYPES[number % len(ENTITY_TYPES)]
        label = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) + _SUFFIX[kind] + str(number)
        node = f"https://union-kg.org/id/{kind.lower()}/{label}"
        graph.add_node(node, label=label, type=kind, articles=rng.randint(1, 5), aliases=[])
        ids.append(node)
    # Preferential attachment: a few hubs with many facts, like the unions of real news.
    cumulative = list(itertools.accumulate(1.0 / (1 + i) ** 0.6 for i in range(nodes)))
    made = 0  # counted here: number_of_edges() walks every edge of a multigraph
    while made < edges:
        u, v = rng.choices(ids, cum_weights=cumulative, k=2)
        predicate = rng.choice(PREDICATES[:-1])
        if u == v or graph.has_edge(u, v, predicate):
            continue
        article = f"https://union-kg.org/id/article/{rng.getrandbits(64):016x}"
        sentence = f"{graph.nodes[u]['label']}与{graph.nodes[v]['label']}的一条事实。"
        graph.add_edge(u, v, key=predicate, predicate=predicate, articles=1, article_iris=[article],
                       evidence=[{"text": sentence, "article": article, "headline": "合成新闻"}], roles=[])
        made += 1
    return graph
