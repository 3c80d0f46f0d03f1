"""The Store interface every backend implements, and the registry that opens one by location.

Backends are plugged in by URL scheme, like rdflib's store plugins: a location without a
scheme (a directory) opens the embedded Oxigraph store; `sparql+http://…` opens a SPARQL
1.1 server. Adding a backend is one line in BACKENDS.
"""

from __future__ import annotations

import importlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Self

from rdflib import Dataset, Graph
from rdflib.term import Node

from kg.errors import KgError

if TYPE_CHECKING:
    from kg.graph.oxterms import Quads, Triples
    from kg.graph.view_fill import Filler

# What a write reports once it is committed: (graph IRI, triples stored in it).
Stored = tuple[str, int]


@dataclass
class QueryResult:
    """Rows of a SELECT (or ASK/CONSTRUCT turned into rows); values are rdflib terms, None when unbound."""

    vars: list[str]
    rows: list[dict[str, Node | None]] = field(default_factory=list)


class Store(ABC):
    """A place articles' named graphs are kept. Capability flags say what a backend can do."""

    persistent: bool = False       # survives the process
    transactional: bool = False    # put_article is all-or-nothing
    read_only: bool = False        # opened for reading only: writes raise KgError

    location: str = ""

    @abstractmethod
    def put_article(self, graph_iri: str, graph: Graph) -> None:
        """Replace the named graph `graph_iri` with `graph`, atomically."""

    @abstractmethod
    def put_triples(self, graph_iri: str, triples: Triples) -> None:
        """Replace the named graph `graph_iri` with these pyoxigraph triples, atomically."""

    def put_articles(self, articles: Iterable[tuple[str, Quads]],
                     batch_triples: int = 0) -> Iterator[list[Stored]]:
        """Store many article graphs, each replaced atomically; yields each commit's graphs once it is done.

        Each item is a graph IRI and its distinct quads, all in that graph (as a parser
        gives them, so nothing is rebuilt). A backend may commit several new graphs
        together (up to about `batch_triples` triples): after a crash each graph is
        whole or absent, and every graph yielded before the crash is stored. This
        default commits one graph at a time.
        """
        for iri, quads in articles:
            self.put_triples(iri, [q.triple for q in quads])
            yield [(iri, len(quads))]

    @abstractmethod
    def remove_article(self, graph_iri: str) -> bool:
        """Drop the named graph; False when there was none."""

    @abstractmethod
    def article_iris(self) -> list[str]:
        """IRIs of the named graphs (one per article)."""

    @abstractmethod
    def query(self, sparql: str) -> QueryResult:
        """Run a read-only SPARQL query over the union of the named graphs."""

    def listing(self, name: str, limit: int | None, offset: int = 0) -> QueryResult | None:
        """Rows `offset`.. of the named listing `name` in its query's order, from an index the
        backend keeps (kg/graph/views.py); None when it keeps none and the query must run."""
        return None

    def listing_csv(self, name: str, limit: int | None, offset: int = 0) -> str | None:
        """The same rows as `listing`, as `kg query --format csv` writes them; None when the
        backend keeps no index for them."""
        return None

    def listing_state(self) -> str | None:
        """One line on the listing index this backend keeps (fresh or not), None when it keeps none."""
        return None

    def views_filled_from(self, filler: Filler | None) -> AbstractContextManager[None]:
        """While inside, the listing index learns what is written from `filler` (a second process
        reading kg load's file, whose every graph replaces the stored one) instead of from each
        write. A backend that keeps no index has nothing to do."""
        if filler is not None:
            filler.stop()
        return nullcontext()

    @abstractmethod
    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (for export and validation)."""

    @abstractmethod
    def close(self) -> None:
        """Release the store (locks, connections)."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# A factory takes (location, read_only); a "module:function" string is imported on first use,
# so backends with heavy imports cost nothing until chosen.
StoreFactory = Callable[[str, bool], Store]
BACKENDS: dict[str, StoreFactory | str] = {
    "": "kg.graph.embedded_store:open_embedded",
    "file": "kg.graph.embedded_store:open_embedded",
    "sparql+http": "kg.graph.sparql_store:open_sparql", "sparql+https": "kg.graph.sparql_store:open_sparql",
}


EMBEDDED_SCHEMES = ("", "file")


def _scheme(location: str) -> str:
    head, sep, _ = location.partition("://")
    return head.lower() if sep and head.replace("+", "").isalpha() else ""


def _factory(scheme: str, location: str) -> StoreFactory:
    entry = BACKENDS.get(scheme)
    if entry is None:
        known = ", ".join(sorted(s + "://" for s in BACKENDS if s))
        raise KgError(f"store {location}: unknown scheme {scheme!r}; use a directory or one of {known}")
    if isinstance(entry, str):
        module_name, _, attr = entry.partition(":")
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name != module_name:
                raise
            raise KgError(f"store {location}: the {scheme}:// backend is not installed in this version") from exc
        entry = getattr(module, attr)
    return entry  # type: ignore[return-value]


def store_keeps_views(location: str) -> bool:
    """Whether the store at `location` keeps listing views (the embedded backend does)."""
    return _scheme(location) in EMBEDDED_SCHEMES


def open_store(location: str, read_only: bool = False) -> Store:
    """Open the store at `location` (a directory, file://DIR, or sparql+http://HOST:PORT/…)."""
    if not location:
        raise KgError("no store given: pass --store DIR or set KG_STORE")
    scheme = _scheme(location)
    if scheme == "file":
        location = location.partition("://")[2]
    return _factory(scheme, location)(location, read_only)
