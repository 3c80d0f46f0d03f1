"""The default backend: an Oxigraph store in a directory (pyoxigraph; rdflib view via oxrdflib)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from kg.errors import KgError
from kg.graph.ox_results import to_result
from kg.graph.oxterms import Quads, Triples, graph_triples
from kg.graph.sparql_guard import ensure_read_only
from kg.graph.store import QueryResult, Store, Stored
from kg.graph.view_fill import Filler
from kg.graph.views import ListingViews

STORE_EXIT = 3
DEFAULT_BATCH = 200_000   # triples per bulk commit of `put_articles` (measured: see docs/loading.md)
MAX_BATCH = 900_000       # Oxigraph's bulk loader splits at 1,000,000 quads; a batch must stay one ingest
# Transactions land in RocksDB's write buffers (and its log), which Oxigraph leaves to grow:
# unflushed, kg ingest held 800 MB at 5k articles and growing. Flushed every this many
# triples written, memory stays flat (about 160 MB) and the ingest is no slower.
FLUSH_EVERY = 50_000


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
        self._unflushed = 0
        try:
            self._views = ListingViews(path, read_only)
            if not read_only:
                self._views.ensure_fresh(self._ox)
        except KgError:
            del self._ox
            raise

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise KgError(f"store {self.location} was opened read-only", STORE_EXIT)
        return self._ox

    def put_article(self, graph_iri: str, graph: Graph) -> None:
        try:
            triples = graph_triples(graph)
        except TypeError as exc:
            raise KgError(f"store {self.location}: could not write {graph_iri}: {exc}", STORE_EXIT) from exc
        self.put_triples(graph_iri, triples)

    def put_triples(self, graph_iri: str, triples: Triples) -> None:
        name = ox.NamedNode(graph_iri)
        self._put_quads(name, [ox.Quad(t.subject, t.predicate, t.object, name) for t in triples])

    def _put_quads(self, name: ox.NamedNode, quads: Quads) -> None:
        """Replace graph `name` with `quads` (all in that graph) in one transaction."""
        store = self._writable()
        self._views.before_write()
        try:
            if store.contains_named_graph(name):
                if quads:
                    self._replace(name, quads)
                else:  # nothing left to say: no empty graph stays listed as an article
                    self._ox.remove_graph(name)
            else:
                self._ox.extend(quads)  # a new graph: one transaction, no SPARQL to parse
        except (SyntaxError, OSError, ValueError) as exc:
            raise KgError(f"store {self.location}: could not write {name.value}: {_one_line(exc)}",
                          STORE_EXIT) from exc
        self._views.written([(name.value, list(quads))])
        self._unflushed += len(quads)
        if self._unflushed >= FLUSH_EVERY:
            self._unflushed = 0
            try:
                self._ox.flush()  # the graph is committed already; this only bounds memory
            except OSError as exc:
                raise KgError(f"store {self.location}: {name.value} is stored, but flushing the store "
                              f"to disk failed: {_one_line(exc)}", STORE_EXIT) from exc

    def _replace(self, name: ox.NamedNode, quads: Quads) -> None:
        """Turn the stored graph into `quads` with one SPARQL update (one transaction).

        Only the difference is written: a re-ingest of an unchanged article writes
        nothing, and a changed one rewrites the quads that changed, not the graph.
        Only this process writes (RocksDB's lock), so the graph read here is the one
        the update changes. Blank nodes cannot be named in DELETE DATA: then the
        whole graph is dropped and inserted, still in one update.
        """
        old = set(self._ox.quads_for_pattern(None, None, None, name))
        new = set(quads)
        gone, added = old - new, new - old
        if not gone and not added:
            return
        if any(isinstance(term, ox.BlankNode) for quad in (*gone, *added) for term in (quad.subject, quad.object)):
            self._ox.update(f"DROP SILENT GRAPH {name} ; INSERT DATA {{ {_quads_text(new)} }}")
            return
        parts = [f"DELETE DATA {{ {_quads_text(gone)} }}"] if gone else []
        parts += [f"INSERT DATA {{ {_quads_text(added)} }}"] if added else []
        self._ox.update(" ;\n".join(parts))

    def put_articles(self, articles: Iterable[tuple[str, Quads]],
                     batch_triples: int = DEFAULT_BATCH) -> Iterator[list[Stored]]:
        """New graphs go in batches through Oxigraph's bulk loader; replaced ones one update each.

        The bulk loader writes a batch as sorted files that RocksDB takes in with one
        atomic ingest (all column families or none, also across a crash), far cheaper
        than a transaction per graph. It bypasses transactions, which is safe here
        because this process is the store's only writer. A batch ends at a graph
        boundary and stays under the loader's own split (a million quads), so each
        graph is whole or absent.
        """
        limit = min(max(batch_triples, 1), MAX_BATCH)
        pending: list[ox.Quad] = []
        graphs: list[tuple[str, Quads]] = []
        waiting: set[str] = set()   # the graphs in `graphs`
        for iri, quads in articles:
            name = ox.NamedNode(iri)
            if iri in waiting:  # the same graph again: commit the first, then replace it
                yield self._bulk(pending, graphs)
                pending, graphs, waiting = [], [], set()
            if self._writable().contains_named_graph(name):
                self._put_quads(name, quads)
                yield [(iri, len(quads))]
                continue
            pending += quads
            graphs.append((iri, quads))
            waiting.add(iri)
            if len(pending) >= limit:
                yield self._bulk(pending, graphs)
                pending, graphs, waiting = [], [], set()
        if graphs:
            yield self._bulk(pending, graphs)

    def _bulk(self, quads: list[ox.Quad], graphs: list[tuple[str, Quads]]) -> list[Stored]:
        self._views.before_write()
        try:
            self._ox.bulk_extend(quads)
        except (OSError, ValueError) as exc:
            raise KgError(f"store {self.location}: could not write {len(graphs)} graph(s) from "
                          f"{graphs[0][0]}: {_one_line(exc)}", STORE_EXIT) from exc
        self._views.written(((iri, list(graph)) for iri, graph in graphs), new=True)
        return [(iri, len(graph)) for iri, graph in graphs]

    def remove_article(self, graph_iri: str) -> bool:
        store, name = self._writable(), ox.NamedNode(graph_iri)
        if not store.contains_named_graph(name):
            return False
        self._views.before_write()
        store.update(f"DROP GRAPH <{graph_iri}>")
        self._views.written([(graph_iri, [])])
        return True

    def listing(self, name: str, limit: int | None, offset: int = 0) -> QueryResult | None:
        return self._views.page(name, limit, offset)

    def listing_csv(self, name: str, limit: int | None, offset: int = 0) -> str | None:
        return self._views.csv(name, limit, offset)

    def listing_state(self) -> str | None:
        return self._views.state()

    def views_filled_from(self, filler: Filler | None) -> AbstractContextManager[None]:
        if filler is None:
            return nullcontext()
        self._writable()
        return self._views.filled_elsewhere(filler)

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
        return to_result(result)

    def dataset(self) -> Dataset:
        from oxrdflib import OxigraphStore  # rdflib SPARQL with it: 0.13 s to import, only here

        return Dataset(store=OxigraphStore(store=self._ox))

    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store itself, for fast dumps."""
        return self._ox

    def close(self) -> None:
        if getattr(self, "_ox", None) is not None:
            try:
                self._views.close()  # after the store's commits: rows of what is stored
            finally:
                if not self.read_only:
                    self._ox.flush()
            del self._ox
            self._ox = None  # type: ignore[assignment]


def _quads_text(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of INSERT DATA / DELETE DATA: `GRAPH <g> { s p o . }` per quad (N-Triples terms)."""
    return "\n".join(f"GRAPH {q.graph_name} {{ {q.triple} }}" for q in quads)


def open_embedded(location: str, read_only: bool = False) -> Store:
    return EmbeddedStore(location, read_only)
