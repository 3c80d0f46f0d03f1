"""The default backend: an Oxigraph store in a directory (pyoxigraph; rdflib view via oxrdflib)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from oxrdflib._converter import from_ox
from rdflib import XSD, Dataset, Graph, Literal
from rdflib.term import Node

from kg.errors import KgError
from kg.graph.sparql_guard import ensure_read_only
from kg.graph.store import QueryResult, Store

STORE_EXIT = 3


def _one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class EmbeddedStore(Store):
    """Named graphs in an on-disk Oxigraph (RocksDB) store. One writer process at a time."""

    persistent = True
    transactional = True

    def __init__(self, location: str, read_only: bool = False) -> None:
        self.location = location
        self.read_only = read_only
        path = Path(location)
        if read_only and not (path.is_dir() and any(path.iterdir())):
            raise KgError(f"store {location} does not exist yet: run `kg ingest PATH...` first "
                          "or pass --store DIR (or set KG_STORE)", STORE_EXIT)
        if path.exists() and not path.is_dir():
            raise KgError(f"store {location} is a file, not a store directory", STORE_EXIT)
        if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").is_file():
            # never scatter database files into a folder of the user's own files
            raise KgError(f"store {location} is a folder but not a kg store; give a new or empty "
                          "directory with --store", STORE_EXIT)
        try:
            self._ox = ox.Store.read_only(location) if read_only else ox.Store(location)
        except OSError as exc:
            message = str(exc)
            if "lock" in message.lower():
                raise KgError(f"store {location} is in use by another kg process; "
                              "wait for it to finish and try again", STORE_EXIT) from exc
            raise KgError(f"store {location} cannot be opened: {_one_line(exc)}", STORE_EXIT) from exc

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise KgError(f"store {self.location} was opened read-only", STORE_EXIT)
        return self._ox

    def put_article(self, graph_iri: str, graph: Graph) -> None:
        # One SPARQL update is one transaction: the old graph goes and the new one lands together.
        body = graph.serialize(format="nt")
        name = f"<{graph_iri}>"
        try:
            self._writable().update(f"DROP SILENT GRAPH {name} ; INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
        except (SyntaxError, OSError) as exc:
            raise KgError(f"store {self.location}: could not write {graph_iri}: {_one_line(exc)}",
                          STORE_EXIT) from exc

    def remove_article(self, graph_iri: str) -> bool:
        store, name = self._writable(), ox.NamedNode(graph_iri)
        if not store.contains_named_graph(name):
            return False
        store.update(f"DROP GRAPH <{graph_iri}>")
        return True

    def article_iris(self) -> list[str]:
        return sorted(node.value for node in self._ox.named_graphs() if isinstance(node, ox.NamedNode))

    def query(self, sparql: str) -> QueryResult:
        ensure_read_only(sparql)
        try:
            result = self._ox.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as exc:
            raise KgError(f"SPARQL syntax error: {_one_line(exc)}") from exc
        except OSError as exc:
            raise KgError(f"query failed on store {self.location}: {_one_line(exc)}", STORE_EXIT) from exc
        return _to_result(result)

    def dataset(self) -> Dataset:
        return Dataset(store=OxigraphStore(store=self._ox))

    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store itself, for fast dumps."""
        return self._ox

    def close(self) -> None:
        if getattr(self, "_ox", None) is not None:
            if not self.read_only:
                self._ox.flush()
            del self._ox
            self._ox = None  # type: ignore[assignment]


def _term(term: Any) -> Node:
    """rdflib term of a pyoxigraph term; xsd:string literals as plain ones, as rdflib parses them."""
    node = from_ox(term)
    if isinstance(node, Literal) and node.datatype == XSD.string:
        return Literal(str(node))
    return node  # type: ignore[return-value]  # RDF-star triples never occur in our data


def _to_result(result: object) -> QueryResult:
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(["ask"], [{"ask": Literal(bool(result))}])
    if isinstance(result, ox.QueryTriples):
        names = ["subject", "predicate", "object"]
        return QueryResult(names, [dict(zip(names, (_term(t.subject), _term(t.predicate), _term(t.object))))
                                   for t in result])
    assert isinstance(result, ox.QuerySolutions)
    names = [v.value for v in result.variables]
    rows = []
    for solution in result:
        rows.append({name: (None if solution[name] is None else _term(solution[name])) for name in names})
    return QueryResult(names, rows)


def open_embedded(location: str, read_only: bool = False) -> Store:
    return EmbeddedStore(location, read_only)
