"""The network as files for other tools: GraphML and GEXF (Gephi), node-link JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.errors import KgError
from kg.network import EXPORT_FORMATS

FORMATS = EXPORT_FORMATS


def flat_copy(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with list attributes joined into text, as GraphML and GEXF hold only scalars."""
    flat = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(k, v) for k, v in data.items()})
    for u, v, key, data in graph.edges(keys=True, data=True):
        flat.add_edge(u, v, key=key, **{k: _scalar(k, v) for k, v in data.items()})
    return flat


def _scalar(name: str, value: Any) -> Any:
    if name == "evidence":
        return "\n".join(f"{item['text']} ({item['headline'] or item['article']})" for item in value)
    if isinstance(value, list):
        return " | ".join(str(item) for item in value)
    return value


def write_network(graph: nx.MultiDiGraph, fmt: str, out: IO[bytes]) -> None:
    """Write `graph` to a binary stream in `fmt` (graphml, gexf or json)."""
    if fmt == "graphml":
        nx.write_graphml(flat_copy(graph), out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat_copy(graph), out, encoding="utf-8")
    elif fmt == "json":
        data = nx.node_link_data(graph, edges="edges")
        out.write(json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        out.write(b"\n")
    else:
        raise KgError(f"network export: unknown format {fmt!r}; choose from {', '.join(FORMATS)}")


def export_network(graph: nx.MultiDiGraph, fmt: str, path: str | Path) -> Path:
    """Write `graph` to the file `path`."""
    target = Path(path)
    try:
        with target.open("wb") as out:
            write_network(graph, fmt, out)
    except OSError as exc:
        raise KgError(f"{target}: cannot write the network: {exc.strerror or exc}", 1) from exc
    return target
