"""Namespaces and the location of the ontology files (ontology/union.ttl, shapes.ttl)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Namespace

from kg.errors import KgError

UKG = Namespace("https://union-kg.org/ontology#")
ID_BASE = "https://union-kg.org/id/"
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")

# kg/graph/ontology links to the top-level ontology/, so an installed wheel carries the files too
ONTOLOGY_DIR = Path(__file__).resolve().parent / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "union.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


def _parse(path: Path) -> Graph:
    if not path.is_file():
        raise KgError(f"{path}: ontology file missing; reinstall union-kg from its source tree", 1)
    return Graph(bind_namespaces="none").parse(path, format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    """The ontology (classes, properties, labels, alignments)."""
    return _parse(ONTOLOGY_FILE)


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The SHACL shapes data must conform to."""
    return _parse(SHAPES_FILE)


@lru_cache(maxsize=1)
def prefixes() -> dict[str, str]:
    """The prefixes declared in union.ttl (ontology terms and instance IRIs), for export and display."""
    return {prefix: str(ns) for prefix, ns in ontology_graph().namespaces() if prefix}
