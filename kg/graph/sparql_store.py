"""The SPARQL 1.1 server backend: article graphs via the Graph Store Protocol, reads via queries."""

from __future__ import annotations

import http.client
import json
import tempfile
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import KgError
from kg.graph.oxterms import Triples, ntriples
from kg.graph.sparql_client import SparqlClient, graph_param, parse_location
from kg.graph.sparql_guard import ensure_read_only
from kg.graph.store import QueryResult, Store

ARTICLE_PREFIX = "https://union-kg.org/id/article/"
NTRIPLES = "application/n-triples"
NQUADS = "application/n-quads"
TSV = "text/tab-separated-values"
# Answers meaning "not offered here": try the next way of reading the dataset.
NOT_OFFERED = (400, 404, 405, 406, 415, 501)
RESULTS_JSON = "application/sparql-results+json"
QUERY_ACCEPT = f"{RESULTS_JSON}, {NTRIPLES};q=0.9"

# Named graphs of articles only: other graphs on a shared server are not ours.
ARTICLE_GRAPHS_QUERY = f"""
SELECT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), "{ARTICLE_PREFIX}")) }}
"""


ALL_QUADS_QUERY = f"""
SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{ARTICLE_PREFIX}")) }}
"""


def _is_article(name: object) -> bool:
    return isinstance(name, ox.NamedNode) and name.value.startswith(ARTICLE_PREFIX)


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0][:200] if lines else type(exc).__name__


def open_sparql(location: str, read_only: bool = False) -> SparqlStore:
    """Registry factory (kg.graph.store.BACKENDS) for sparql+http:// and sparql+https://."""
    return SparqlStore(location, read_only)


class SparqlStore(Store):
    """A Store on a SPARQL 1.1 server (Oxigraph server, Fuseki, GraphDB, Neptune, QLever).

    Each article is one named graph, written by one GSP PUT (an atomic replace on
    the server, so a retried ingest never duplicates) and removed by one DELETE.
    Reads go through the SPARQL protocol; nothing uses rdflib's SPARQLUpdateStore,
    which sends one INSERT per triple and hides GRAPH ?g rows (STACK.md).
    """

    persistent = True
    transactional = True   # one GSP PUT replaces a graph as a whole

    def __init__(self, location: str, read_only: bool = False) -> None:
        self.location = location
        self.read_only = read_only
        self.endpoints = parse_location(location)
        self.client = SparqlClient(self.endpoints)
        self._copy: ox.Store | None = None
        self._copy_dir: tempfile.TemporaryDirectory[str] | None = None

    # --- writes: Graph Store Protocol -------------------------------------------------
    def put_article(self, graph_iri: str, graph: Graph) -> None:
        self._check_writable(f"write {graph_iri}")
        self._put(graph_iri, graph.serialize(format="nt", encoding="utf-8"))

    def put_triples(self, graph_iri: str, triples: Triples) -> None:
        self._check_writable(f"write {graph_iri}")
        self._put(graph_iri, ntriples(triples))

    def _put(self, graph_iri: str, body: bytes) -> None:
        self.client.request("PUT", graph_param(self.endpoints.gsp, graph_iri), f"PUT graph <{graph_iri}>",
                            body=body, headers={"Content-Type": f"{NTRIPLES}; charset=utf-8"},
                            ok=(200, 201, 204))

    def remove_article(self, graph_iri: str) -> bool:
        self._check_writable(f"remove {graph_iri}")
        response = self.client.request("DELETE", graph_param(self.endpoints.gsp, graph_iri),
                                       f"DELETE graph <{graph_iri}>", ok=(200, 202, 204, 404))
        return response.status != 404

    def _check_writable(self, what: str) -> None:
        if self.read_only:
            raise KgError(f"store {self.location}: opened read-only, cannot {what}", exit_code=3)

    # --- reads: SPARQL protocol ---------------------------------------------------------
    def article_iris(self) -> list[str]:
        result = self.query(ARTICLE_GRAPHS_QUERY)
        return sorted(str(row["g"]) for row in result.rows)

    def query(self, sparql: str) -> QueryResult:
        """Run a read-only query over the union of the article graphs (updates, SERVICE refused)."""
        ensure_read_only(sparql)
        response = self.client.request(
            "POST", self.endpoints.union_query, "query",
            body=sparql.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": QUERY_ACCEPT},
            ok=(200, 400),
        )
        if response.status == 400:  # the server's parser said no: a problem with the query, not the server
            detail = response.body.decode("utf-8", "replace").strip().splitlines()
            raise KgError(f"SPARQL syntax error (server {self.endpoints.base}): "
                          f"{detail[0][:200] if detail else 'rejected'}")
        if response.content_type.startswith(NTRIPLES):
            return triples_as_rows(response.body)
        return results_from_json(response.body, self.endpoints.base)

    def dataset(self) -> Dataset:
        """Every article graph as an rdflib Dataset (over an in-memory copy, as the embedded one is over its store)."""
        from oxrdflib import OxigraphStore  # rdflib SPARQL with it: 0.13 s to import, only here

        return Dataset(store=OxigraphStore(store=self.oxigraph()))

    def oxigraph(self) -> ox.Store:
        """A local copy of every article graph, fetched in as few requests as the server allows.

        One GSP GET of the whole dataset as N-Quads where the server offers it (Oxigraph);
        else one SPARQL SELECT over GRAPH ?g as TSV (any SPARQL 1.1 server); else one GET
        per article graph. Graphs that are not articles' (a shared server) are left out.
        The copy is an on-disk Oxigraph store in a temporary folder (removed by close()),
        not an in-memory one: it then lists quads in the embedded store's order, so
        `kg export` writes the same bytes from a server as from an embedded store with the
        same content. Each call fetches afresh (the server may have changed).
        """
        self._drop_copy()
        self._copy_dir = tempfile.TemporaryDirectory(prefix="kg-server-copy-")
        copy = ox.Store(self._copy_dir.name)
        if not self._load_dump(copy):
            found = self._select_all()
            if found is None:
                found = self._graph_by_graph()
            quads = [q for q in found if _is_article(q.graph_name)]
            if quads:
                copy.bulk_extend(quads)
        self._copy = copy
        return copy

    def _drop_copy(self) -> None:
        self._copy = None
        if self._copy_dir is not None:
            self._copy_dir.cleanup()
            self._copy_dir = None

    def _load_dump(self, copy: ox.Store) -> bool:
        """The whole dataset in one GET, streamed from the socket into pyoxigraph's bulk loader.

        No Python object per quad and the answer never held whole in memory.
        """
        loaded: list[bool] = []

        def into_copy(answer: http.client.HTTPResponse) -> None:
            if answer.getheader("Content-Type", "").startswith(NQUADS):
                copy.bulk_load(answer, format=ox.RdfFormat.N_QUADS)
                loaded.append(True)

        try:
            self.client.request("GET", self.endpoints.gsp, "GET the whole dataset", headers={"Accept": NQUADS},
                                ok=(200, *NOT_OFFERED), sink=into_copy)
        except SyntaxError as exc:
            raise KgError(f"SPARQL server {self.endpoints.base}: the dataset it sent is not valid N-Quads: "
                          f"{_first_line(exc)}", exit_code=4) from None
        if not loaded:
            return False  # a server that answers GET of the endpoint with its default graph only, or not at all
        for name in list(copy.named_graphs()):
            if not _is_article(name):
                copy.remove_graph(name)
        copy.clear_graph(ox.DefaultGraph())
        return True

    def _select_all(self) -> list[ox.Quad] | None:
        response = self.client.request(
            "POST", self.endpoints.query, "query every article graph",
            body=ALL_QUADS_QUERY.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": f"{TSV}, {RESULTS_JSON};q=0.9"},
            ok=(200, *NOT_OFFERED))
        if response.status != 200:
            return None
        kind = ox.QueryResultsFormat.TSV if response.content_type.startswith(TSV) else ox.QueryResultsFormat.JSON
        try:
            solutions = ox.parse_query_results(response.body, format=kind)
            return [ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in solutions]  # type: ignore[arg-type, union-attr]
        except (SyntaxError, TypeError, ValueError) as exc:
            raise KgError(f"SPARQL server {self.endpoints.base}: the answer listing every quad cannot be read: "
                          f"{_first_line(exc)}", exit_code=4) from None

    def _graph_by_graph(self) -> list[ox.Quad]:
        quads: list[ox.Quad] = []
        for iri in self.article_iris():
            response = self.client.request("GET", graph_param(self.endpoints.gsp, iri), f"GET graph <{iri}>",
                                           headers={"Accept": NTRIPLES})
            name = ox.NamedNode(iri)
            quads += [ox.Quad(t.subject, t.predicate, t.object, name)
                      for t in self._parse(response.body, ox.RdfFormat.N_TRIPLES, f"graph <{iri}>")]
        return quads

    def _parse(self, body: bytes, fmt: ox.RdfFormat, what: str) -> list[Any]:
        try:
            return list(ox.parse(body, format=fmt))
        except SyntaxError as exc:
            raise KgError(f"SPARQL server {self.endpoints.base}: {what} is not valid RDF: {_first_line(exc)}",
                          exit_code=4) from None

    def close(self) -> None:
        self.client.close()
        self._drop_copy()


def results_from_json(body: bytes, server: str) -> QueryResult:
    """SPARQL 1.1 Query Results JSON -> QueryResult with rdflib terms (ASK: one row, var `ask`)."""
    try:
        data = json.loads(body)
    except ValueError:
        raise KgError(f"SPARQL server {server}: the answer to a query is not SPARQL results JSON",
                      exit_code=4) from None
    if "boolean" in data:
        return QueryResult(vars=["ask"], rows=[{"ask": Literal(bool(data["boolean"]))}])
    variables: list[str] = data.get("head", {}).get("vars", [])
    rows: list[dict[str, Node | None]] = []
    for binding in data.get("results", {}).get("bindings", []):
        rows.append({name: _term(binding[name]) if name in binding else None for name in variables})
    return QueryResult(vars=variables, rows=rows)


def triples_as_rows(body: bytes) -> QueryResult:
    """A CONSTRUCT/DESCRIBE answer (N-Triples) as rows of subject, predicate, object (as embedded)."""
    graph = Graph().parse(data=body.decode("utf-8"), format="nt")
    names = ["subject", "predicate", "object"]
    return QueryResult(vars=names, rows=[dict(zip(names, triple)) for triple in graph])


def _term(value: dict[str, Any]) -> Node:
    kind = value.get("type")
    if kind == "uri":
        return URIRef(value["value"])
    if kind == "bnode":
        return BNode(value["value"])
    lang = value.get("xml:lang")
    datatype = value.get("datatype")
    return Literal(value["value"], lang=lang, datatype=URIRef(datatype) if datatype and not lang else None)
