"""Node positions computed before the page opens, so the browser runs no physics.

Small graphs use networkx's spring layout. Large ones use a force layout whose repulsion
is estimated from a random sample of nodes each round: O(nodes x sample) instead of
O(nodes^2), a few seconds for 5,000 nodes where the exact one takes about a minute here.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 7
EXACT_LIMIT = 300       # nodes; above this the sampled layout is used
SAMPLE = 80             # repelling nodes drawn per round in the sampled layout
ROUNDS = 50
MIN_GAP = 70.0          # pixels between two nodes of a small component after spreading
SPACING = 150.0         # pixels: a component of n nodes fills a circle of radius sqrt(n) * SPACING / 2


def positions(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Pixel coordinates for every node (deterministic for a given graph).

    Each connected component is laid out alone and the components are packed in rows,
    biggest first, so small islands do not squeeze the main cluster.
    """
    simple = nx.Graph()  # connections only: copying the facts' evidence along would cost seconds
    simple.add_nodes_from(graph)
    simple.add_edges_from(graph.edges())
    parts = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    placed = [_component(simple.subgraph(part), part) for part in parts]
    total_width = math.sqrt(sum((2 * r + SPACING) ** 2 for _, r in placed)) * 1.2
    result: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for coords, radius in placed:
        size = 2 * radius + SPACING
        if x > 0 and x + size > total_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for node, (cx, cy) in coords.items():
            result[node] = (round(x + size / 2 + cx, 1), round(y + size / 2 + cy, 1))
        x += size
        row_height = max(row_height, size)
    return result


def _component(graph: nx.Graph, nodes: list[str]) -> tuple[dict[str, tuple[float, float]], float]:
    """Positions of one component centred on 0, and the radius they fill."""
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}, 0.0
    if len(nodes) <= EXACT_LIMIT:
        raw = nx.spring_layout(graph, seed=SEED, k=1.5 / math.sqrt(len(nodes)))
        coords = np.array([raw[n] for n in nodes], dtype=float)
    else:
        coords = _sampled_force_layout(graph, nodes)
    coords -= coords.mean(axis=0)
    extent = float(np.sqrt((coords ** 2).sum(axis=1)).max()) or 1.0
    radius = math.sqrt(len(nodes)) * SPACING / 2
    coords *= radius / extent
    if len(nodes) <= EXACT_LIMIT:
        coords = _spread(coords)
        radius = float(np.sqrt((coords ** 2).sum(axis=1)).max())
    return {n: (float(px), float(py)) for n, (px, py) in zip(nodes, coords)}, radius


def _spread(coords: np.ndarray, rounds: int = 40) -> np.ndarray:
    """Push apart nodes closer than MIN_GAP pixels, so that hubs' leaves and labels do not pile up."""
    coords = coords.copy()
    jitter = np.random.default_rng(SEED).normal(scale=1e-3, size=coords.shape)
    coords += jitter  # two nodes on the very same spot still get a direction to part in
    for _ in range(rounds):
        delta = coords[:, None, :] - coords[None, :, :]
        dist = np.sqrt((delta ** 2).sum(axis=2))
        np.fill_diagonal(dist, np.inf)
        short = np.clip(MIN_GAP - dist, 0, None)
        if not short.any():
            break
        push = (delta / dist[:, :, None] * (short / 2)[:, :, None]).sum(axis=1)
        coords += push
    return coords


def _sampled_force_layout(graph: nx.Graph, nodes: list[str]) -> np.ndarray:
    """Fruchterman-Reingold with sampled repulsion and a cooling step size, in the unit square."""
    rng = np.random.default_rng(SEED)
    n = len(nodes)
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64)
    edges = edges.reshape(-1, 2)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)
    step = 0.1
    for _ in range(ROUNDS):
        sample = rng.integers(0, n, size=SAMPLE)
        dx = pos[:, 0:1] - pos[sample, 0]                         # n x SAMPLE, x and y apart:
        dy = pos[:, 1:2] - pos[sample, 1]                         # cheaper than one n x SAMPLE x 2
        weight = (k * k * n / SAMPLE) / np.maximum(dx * dx + dy * dy, 1e-6)
        force = np.stack(((dx * weight).sum(axis=1), (dy * weight).sum(axis=1)), axis=1)
        if len(edges):
            diff = pos[edges[:, 0]] - pos[edges[:, 1]]
            pull = diff * (np.sqrt((diff ** 2).sum(axis=1)) / k)[:, None]
            np.add.at(force, edges[:, 0], -pull)
            np.add.at(force, edges[:, 1], pull)
        length = np.maximum(np.sqrt((force ** 2).sum(axis=1)), 1e-9)
        pos += force / length[:, None] * np.minimum(length, step)[:, None]
        step *= 0.95
    return pos
