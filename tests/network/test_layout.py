"""Positions computed before the page opens: deterministic, spread out, components apart."""

from __future__ import annotations

import itertools
import math

import networkx as nx

from kg.network.layout import MIN_GAP, positions


def _star(centre: str, leaves: int) -> nx.Graph:
    return nx.Graph([(centre, f"{centre}-{i}") for i in range(leaves)])


def test_positions_repeat_for_the_same_graph() -> None:
    graph = nx.compose(_star("a", 12), _star("b", 5))
    assert positions(graph) == positions(graph)


def test_leaves_of_a_hub_do_not_pile_up() -> None:
    where = positions(_star("hub", 30))
    closest = min(math.dist(where[u], where[v]) for u, v in itertools.combinations(where, 2))
    assert closest > 0.8 * MIN_GAP


def test_components_are_laid_out_apart() -> None:
    where = positions(nx.compose(_star("a", 10), _star("b", 10)))
    a = [where[n] for n in where if n.startswith("a")]
    b = [where[n] for n in where if n.startswith("b")]
    assert min(math.dist(p, q) for p in a for q in b) > MIN_GAP


def test_big_graphs_get_a_position_for_every_node() -> None:
    graph = nx.gnm_random_graph(1200, 3000, seed=3)
    where = positions(graph)
    assert len(where) == 1200 and len(set(where.values())) == 1200
