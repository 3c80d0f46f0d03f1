"""The ontology as a Markdown table (class/property, zh/en labels, aligned terms), for the README.

    python -m kg.graph.ontology_table > table.md
"""

from __future__ import annotations

import sys

from rdflib import OWL, RDF, RDFS, BNode, Graph, Literal
from rdflib.term import Node

from kg.graph.terms import compact
from kg.graph.vocab import UKG, ontology_graph


def _aligned(graph: Graph, term: Node) -> str:
    """Super-classes and super-properties outside ukg:, an inverse written as ^term."""
    out = []
    for parent in [*graph.objects(term, RDFS.subClassOf), *graph.objects(term, RDFS.subPropertyOf)]:
        if isinstance(parent, BNode):
            inverse = graph.value(parent, OWL.inverseOf)
            if inverse is not None:
                out.append(f"inverse of {compact(str(inverse))}")
        else:
            out.append(compact(str(parent)))
    return ", ".join(sorted(out))


def _label(graph: Graph, term: Node, lang: str) -> str:
    return next((str(o) for o in graph.objects(term, RDFS.label)
                 if isinstance(o, Literal) and o.language == lang), "")


def rows(graph: Graph | None = None) -> list[tuple[str, str, str, str, str]]:
    """(term, kind, zh label, en label, aligned) for every class and property of ukg:."""
    graph = graph or ontology_graph()
    kinds = [(OWL.Class, "class"), (OWL.ObjectProperty, "relation"), (OWL.DatatypeProperty, "attribute")]
    found = []
    for kind, name in kinds:
        for term in graph.subjects(RDF.type, kind):
            if str(term).startswith(str(UKG)):
                found.append((compact(str(term)), name, _label(graph, term, "zh"), _label(graph, term, "en"),
                              _aligned(graph, term)))
    return found


def markdown() -> str:
    lines = ["| term | kind | 中文 | English | aligned to |", "|---|---|---|---|---|"]
    lines += [f"| `{t}` | {k} | {zh} | {en} | {a} |" for t, k, zh, en, a in rows()]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(markdown())
