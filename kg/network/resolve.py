"""Finds the entity a person names (IRI, label or alias), or says which names come close."""

from __future__ import annotations

import difflib

import networkx as nx

from kg.errors import KgError
from kg.model import name_key


def _describe(graph: nx.MultiDiGraph, node: str) -> str:
    data = graph.nodes[node]
    return f"{data['label']} ({data['type']}, {node})"


def find_entity(graph: nx.MultiDiGraph, name: str) -> str:
    """The node named `name`: its IRI, its label, or one of its aliases (quotes and spaces ignored)."""
    if name in graph:
        return name
    wanted = name_key(name)
    by_label = [n for n, d in graph.nodes(data=True) if name_key(d["label"]) == wanted]
    found = by_label or [n for n, d in graph.nodes(data=True)
                         if any(name_key(a) == wanted for a in d["aliases"])]
    if len(found) == 1:
        return found[0]
    if found:
        options = "; ".join(_describe(graph, n) for n in sorted(found)[:5])
        raise KgError(f"entity {name!r} is ambiguous: {options}; name one by its IRI")
    raise KgError(f"no entity named {name!r}{_close_matches(graph, name)}")


def _close_matches(graph: nx.MultiDiGraph, name: str) -> str:
    names: dict[str, str] = {}
    for node, data in graph.nodes(data=True):
        for form in [data["label"], *data["aliases"]]:
            names.setdefault(form, node)
    close = difflib.get_close_matches(name, list(names), n=5, cutoff=0.4)
    close += [form for form in names if name in form and form not in close][: 5 - len(close)]
    if not close:
        return " (see `kg network stats` for the most connected entities)"
    return "; close matches: " + ", ".join(close)
