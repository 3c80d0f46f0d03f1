"""Runs the network's SPARQL queries (queries/*.rq) on any store and gives rows as plain text."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any, Protocol


class QueryRows(Protocol):
    vars: list[str]
    rows: list[dict[str, Any]]


class SparqlSource(Protocol):
    """What the projection needs of a store: `kg.graph.store.Store.query` fits."""

    def query(self, sparql: str) -> QueryRows: ...


@cache
def load_query(name: str) -> str:
    """The text of kg/network/queries/{name}.rq."""
    return resources.files("kg.network").joinpath(f"queries/{name}.rq").read_text(encoding="utf-8")


def term_text(term: Any) -> str | None:
    """An IRI or literal as its plain text (rdflib terms are str; pyoxigraph terms have .value)."""
    if term is None:
        return None
    if isinstance(term, str):
        return str(term)
    value = getattr(term, "value", None)
    return str(value) if value is not None else str(term)


def select(source: SparqlSource, name: str) -> list[dict[str, str | None]]:
    """Run queries/{name}.rq and return each row as {variable: text or None}."""
    result = source.query(load_query(name))
    return [{var: term_text(row.get(var)) for var in result.vars} for row in result.rows]
