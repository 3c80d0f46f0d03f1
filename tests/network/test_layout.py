"""Positions computed before the page opens: deterministic, spread out, components apart."""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys
import textwrap

import networkx as nx

from kg.network.layout import MIN_GAP, Box, layout, positions, unconnected


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


def _overlapping(where: dict[str, tuple[float, float]], boxes: dict[str, Box]) -> list[tuple[str, str]]:
    clashes = []
    for u, v in itertools.combinations(where, 2):
        (ux, uy), (vx, vy) = where[u], where[v]
        (uw, uh, ub), (vw, vh, vb) = boxes[u], boxes[v]
        if abs(ux - vx) < (uw + vw) / 2 and abs(uy + ub - vy - vb) < (uh + vh) / 2:
            clashes.append((u, v))
    return clashes


def test_wide_label_boxes_of_a_hub_do_not_overlap() -> None:
    graph = _star("hub", 25)
    boxes: dict[str, Box] = {n: (150.0, 40.0, 12.0) for n in graph}
    assert _overlapping(positions(graph, boxes), boxes) == []


def test_positions_do_not_depend_on_the_hash_seed() -> None:
    # A subgraph view of a few nodes iterates over a set: the layout once changed with each run.
    script = textwrap.dedent("""
        import networkx as nx
        from kg.network.layout import positions
        graph = nx.Graph([(f"a{i}", f"a{i + 1}") for i in range(12)] + [("a0", "a5"), ("a3", "a9")])
        graph.add_edges_from((f"{c}", f"{c}-{i}") for c in "xyz" for i in range(40))
        print(sorted(positions(graph).items()))
        """)
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(runs) == 1


def test_nodes_without_links_lie_below_every_component() -> None:
    graph = nx.compose(_star("a", 8), _star("b", 3))
    graph.add_nodes_from(["lone1", "lone2"])
    where = positions(graph)
    linked_bottom = max(y for n, (_, y) in where.items() if not n.startswith("lone"))
    assert min(where["lone1"][1], where["lone2"][1]) > linked_bottom
    assert unconnected(graph) == {"lone1", "lone2"}


def test_a_node_linked_only_to_itself_counts_as_unconnected() -> None:
    graph = nx.MultiDiGraph([("a", "a"), ("b", "c")])
    assert unconnected(graph) == {"a"}


def test_opening_view_covers_the_biggest_component_not_the_small_ones() -> None:
    graph = nx.compose(_star("big", 30), _star("small", 3))
    placed = layout(graph)
    assert placed.focus
    left, top, right, bottom = placed.focus
    inside = {n: left <= x <= right and top <= y <= bottom for n, (x, y) in placed.positions.items()}
    assert all(inside[n] for n in inside if n.startswith("big"))
    assert not any(inside[n] for n in inside if n.startswith("small"))


def test_small_components_pack_beside_the_biggest_for_a_landscape_screen() -> None:
    graph = nx.compose_all([_star("big", 40)] + [_star(f"s{i}", 2) for i in range(12)])
    where = positions(graph)
    xs, ys = [x for x, _ in where.values()], [y for _, y in where.values()]
    assert max(xs) - min(xs) > max(ys) - min(ys)
