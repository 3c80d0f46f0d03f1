"""Node positions computed before the page opens, so the browser runs no physics.

Small components use networkx's spring layout, scaled to a readable edge length, then
their nodes' boxes (the shape and the label under it) are pushed apart until none overlap.
Large ones use a force layout whose repulsion is estimated from a random sample of nodes
each round: O(nodes x sample) instead of O(nodes^2), a few seconds for 5,000 nodes where
the exact one takes about a minute here. Components are packed biggest first, the small
ones beside the biggest; entities without any fact go in a compact grid below them all.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import networkx as nx
import numpy as np

SEED = 7
EXACT_LIMIT = 300       # nodes; above this the sampled layout is used
SAMPLE = 80             # repelling nodes drawn per round in the sampled layout
ROUNDS = 50
MIN_GAP = 70.0          # pixels: the box of a node whose label size is not given
GAP = 12.0              # pixels left between two boxes of a small component
EDGE_LENGTH = 50.0     # pixels: median edge length of a small component before boxes part
SPACING = 150.0         # pixels: a big component of n nodes fills a circle of radius sqrt(n) * SPACING / 2
CROWDED = 0.5           # a small component whose nodes spread over less than this share of
                        # their boxes' total area is first scaled up to it
PAIR_ROUNDS = 8_000_000 # pushing boxes apart costs pairs x rounds: big components get fewer rounds
MARGIN = 80.0           # pixels between two components
ASPECT = 1.4            # width / height the packing aims at: a landscape screen beside a side panel

# A node's box: width, height, and how far its centre lies below the node (labels hang below).
Box = tuple[float, float, float]


@dataclass
class _Placed:
    """One component laid out alone: its nodes' coordinates and the rectangle they cover."""

    coords: dict[str, tuple[float, float]]
    left: float
    top: float
    width: float
    height: float


@dataclass
class Layout:
    """Where every node goes, and the rectangle (left, top, right, bottom) the page opens on:
    the biggest component and any at least half its size."""

    positions: dict[str, tuple[float, float]]
    focus: tuple[float, float, float, float] | None


def positions(graph: nx.Graph, boxes: Mapping[str, Box] | None = None) -> dict[str, tuple[float, float]]:
    """Pixel coordinates for every node (deterministic for a given graph); see `layout`."""
    return layout(graph, boxes).positions


def layout(graph: nx.Graph, boxes: Mapping[str, Box] | None = None) -> Layout:
    """Positions of every node (deterministic for a given graph) and the view to open on.

    `boxes` gives the space each node's shape and label take; nodes without one get a
    MIN_GAP square. Each connected component is laid out alone and the components are
    packed biggest first, so small islands do not squeeze the main cluster; nodes without
    any link go in a grid below.
    """
    simple = nx.Graph()  # connections only: copying the facts' evidence along would cost seconds
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    parts = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    box = {node: (boxes or {}).get(node, (MIN_GAP, MIN_GAP, 0.0)) for node in simple}
    placed = [_component(_alone(simple, part), part, box) for part in parts if len(part) > 1]
    result, width, height = _pack(placed, _best_width(placed))
    focus = None
    if placed:
        main = [n for part in parts if len(part) * 2 >= len(parts[0]) and len(part) > 1 for n in part]
        focus = _bounds([result[n] for n in main], [box[n] for n in main])
    alone = [part[0] for part in parts if len(part) == 1]
    result.update(_grid(alone, box, top=height + MARGIN if placed else 0.0, width=max(width, 1000.0)))
    return Layout(result, focus)


def _alone(graph: nx.Graph, nodes: list[str]) -> nx.Graph:
    """One component as a graph of its own, its nodes in the given order. (A subgraph view of a
    few nodes iterates over a set, whose order changes with Python's hash seed, and so would
    the spring layout.)"""
    part = nx.Graph()
    part.add_nodes_from(nodes)
    part.add_edges_from(graph.edges(nodes))
    return part


def _bounds(points: list[tuple[float, float]], sizes: list[Box]) -> tuple[float, float, float, float]:
    """The rectangle covering these nodes' boxes."""
    xy, wh = np.array(points, dtype=float), np.array(sizes, dtype=float)
    centre_y = xy[:, 1] + wh[:, 2]
    return (float((xy[:, 0] - wh[:, 0] / 2).min()), float((centre_y - wh[:, 1] / 2).min()),
            float((xy[:, 0] + wh[:, 0] / 2).max()), float((centre_y + wh[:, 1] / 2).max()))


def unconnected(graph: nx.Graph) -> set[str]:
    """Nodes without a fact linking them to another node: the map hides them by default."""
    return {node for node in graph if all(other == node for other in nx.all_neighbors(graph, node))}


def _component(graph: nx.Graph, nodes: list[str], box: Mapping[str, Box]) -> _Placed:
    """Positions of one component, and the rectangle its nodes' boxes cover."""
    if len(nodes) <= EXACT_LIMIT:
        raw = nx.spring_layout(graph, seed=SEED, k=1.5 / math.sqrt(len(nodes)))
        coords = np.array([raw[n] for n in nodes], dtype=float)
        index = {node: i for i, node in enumerate(nodes)}
        lengths = [float(np.hypot(*(coords[index[u]] - coords[index[v]]))) for u, v in graph.edges()]
        coords *= EDGE_LENGTH / max(float(np.median(lengths)), 1e-9)
        sizes = np.array([box[n] for n in nodes], dtype=float)
        # A crowded component starts spread to the room its boxes need: pushing alone would
        # take hundreds of rounds there.
        spread = float(np.prod(coords.max(axis=0) - coords.min(axis=0)))
        needed = float((sizes[:, 0] * sizes[:, 1]).sum()) * CROWDED
        if spread < needed:
            coords *= math.sqrt(needed / max(spread, 1e-9))
        coords = _separate(coords, sizes, rounds=min(300, max(40, PAIR_ROUNDS // len(nodes) ** 2)))
    else:
        coords = _sampled_force_layout(graph, nodes)
        coords -= coords.mean(axis=0)
        extent = float(np.sqrt((coords ** 2).sum(axis=1)).max()) or 1.0
        coords *= math.sqrt(len(nodes)) * SPACING / 2 / extent
        sizes = np.full((len(nodes), 3), (MIN_GAP, MIN_GAP, 0.0))
    left, top, right, bottom = _bounds([(float(x), float(y)) for x, y in coords], [tuple(b) for b in sizes])
    return _Placed({n: (float(x), float(y)) for n, (x, y) in zip(nodes, coords)}, left, top, right - left, bottom - top)


def _separate(coords: np.ndarray, sizes: np.ndarray, rounds: int) -> np.ndarray:
    """Push apart nodes whose boxes overlap, each pair along the axis where they overlap least.

    `sizes` holds each node's Box. Moving along the cheaper axis keeps the layout's shape:
    wide labels part up and down, tall stacks sideways.
    """
    coords = coords + np.random.default_rng(SEED).normal(scale=1e-3, size=coords.shape)
    half_w, half_h, below = sizes[:, 0] / 2, sizes[:, 1] / 2, sizes[:, 2]
    reach_x = half_w[:, None] + half_w[None, :] + GAP
    reach_y = half_h[:, None] + half_h[None, :] + GAP
    for _ in range(rounds):
        dx = coords[:, None, 0] - coords[None, :, 0]
        centre = coords[:, 1] + below
        dy = centre[:, None] - centre[None, :]
        over_x = reach_x - np.abs(dx)
        over_y = reach_y - np.abs(dy)
        clash = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        i, j = np.nonzero(clash)  # pushes only for the pairs that clash: few after the first rounds
        gap_x, gap_y = over_x[i, j], over_y[i, j]
        sideways = gap_x / reach_x[i, j] < gap_y / reach_y[i, j]
        # each of a pair moves a quarter of the overlap (both rows of the pair are in i): small
        # steps keep the spring layout's shape, and many pairs may push one node at once
        push_x = np.bincount(i, np.where(sideways, np.sign(dx[i, j]) * gap_x, 0.0), minlength=len(coords)) / 4
        push_y = np.bincount(i, np.where(sideways, 0.0, np.sign(dy[i, j]) * gap_y), minlength=len(coords)) / 4
        coords = coords + np.stack((push_x, push_y), axis=1)
    return coords


def _best_width(placed: list[_Placed]) -> float:
    """The row width whose packing needs the least zooming out to be seen whole on an ASPECT screen."""
    if not placed:
        return 0.0
    widest = max(p.width for p in placed) + MARGIN
    total = sum(p.width + MARGIN for p in placed)
    candidates = sorted({widest + (total - widest) * step / 24 for step in range(25)})

    def zoom_out(limit: float) -> float:
        _, width, height = _arrange(placed, limit)
        return max(width / ASPECT, height)

    return min(candidates, key=zoom_out)


def _pack(placed: list[_Placed], limit: float) -> tuple[dict[str, tuple[float, float]], float, float]:
    """Positions of all components packed in rows no wider than `limit`, and the width and height used."""
    corners, width, height = _arrange(placed, limit)
    result: dict[str, tuple[float, float]] = {}
    for part, (x, y) in zip(placed, corners):
        for node, (px, py) in part.coords.items():
            result[node] = (round(x + px - part.left, 1), round(y + py - part.top, 1))
    return result, width, height


def _arrange(placed: list[_Placed], limit: float) -> tuple[list[tuple[float, float]], float, float]:
    """Top left corners of the components in rows, biggest first: the first of a row sets its
    height, the next ones stack in columns beside it. Also the width and height used."""
    corners: list[tuple[float, float]] = []
    used_width = y = 0.0
    rest = iter(placed)
    item = next(rest, None)
    while item is not None:
        row_height = item.height + MARGIN
        corners.append((0.0, y))
        column_x, column_y, column_width = item.width + MARGIN, y, 0.0
        used_width = max(used_width, column_x)
        item = next(rest, None)
        while item is not None:
            if column_y + item.height + MARGIN > y + row_height:  # this column is full: start another
                column_x, column_y, column_width = column_x + column_width, y, 0.0
            if column_x + item.width + MARGIN > limit or item.height + MARGIN > row_height:
                break  # the row is full: this component opens the next one
            corners.append((column_x, column_y))
            column_y += item.height + MARGIN
            column_width = max(column_width, item.width + MARGIN)
            used_width = max(used_width, column_x + column_width)
            item = next(rest, None)
        y += row_height
    return corners, used_width, y


def _grid(nodes: list[str], box: Mapping[str, Box], top: float, width: float) -> dict[str, tuple[float, float]]:
    """Nodes without facts in rows under the components, each cell as wide as the widest box."""
    if not nodes:
        return {}
    cell_w = max(box[n][0] for n in nodes) + GAP
    cell_h = max(box[n][1] for n in nodes) + GAP
    per_row = max(1, int(width // cell_w))
    result = {}
    for number, node in enumerate(nodes):
        row, column = divmod(number, per_row)
        below = box[node][2]
        result[node] = (round(column * cell_w + cell_w / 2, 1), round(top + row * cell_h + cell_h / 2 - below, 1))
    return result


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
