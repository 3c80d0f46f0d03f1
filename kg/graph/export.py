"""Writes a store's graphs as Turtle, TriG, N-Triples, N-Quads or JSON-LD with the ontology's prefixes."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from rdflib import Graph

from kg.errors import KgError
from kg.graph.store import Store
from kg.graph.vocab import prefixes
from kg.outfile import write_atomic

# Formats with named graphs keep one graph per article; the others get the union of the graphs.
FORMATS = {"turtle": False, "trig": True, "nt": False, "nquads": True, "jsonld": True}
EXTENSIONS = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "nquads": ".nq", "jsonld": ".jsonld"}


def _oxigraph_bytes(store: Store, fmt: str) -> bytes | None:
    """Fast path for the embedded store: pyoxigraph serialises without rdflib."""
    ox_store = getattr(store, "oxigraph", None)
    if ox_store is None or fmt == "jsonld":
        return None
    import pyoxigraph as ox

    inner = ox_store()
    rdf_format = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
                  "nt": ox.RdfFormat.N_TRIPLES, "nquads": ox.RdfFormat.N_QUADS}[fmt]
    pfx = prefixes() if fmt in {"turtle", "trig"} else None
    if FORMATS[fmt]:
        return inner.dump(format=rdf_format, prefixes=pfx) if pfx else inner.dump(format=rdf_format)
    triples = dict.fromkeys(q.triple for q in inner)  # union of graphs, each triple once
    return ox.serialize(triples, format=rdf_format, prefixes=pfx) if pfx else \
        ox.serialize(triples, format=rdf_format)


def _rdflib_bytes(store: Store, fmt: str) -> bytes:
    """Any backend: through the rdflib Dataset view."""
    dataset = store.dataset()
    for prefix, ns in prefixes().items():
        dataset.bind(prefix, ns, override=True)
    if fmt == "jsonld":
        # No "@language" default: it would turn plain strings (source files) into @zh ones on reading.
        context = dict(prefixes())
        return dataset.serialize(format="json-ld", context=context, auto_compact=True, encoding="utf-8")
    if not FORMATS[fmt]:
        union = Graph()
        for prefix, ns in prefixes().items():
            union.bind(prefix, ns)
        for s, p, o, _g in dataset.quads((None, None, None, None)):
            union.add((s, p, o))
        return union.serialize(format=fmt, encoding="utf-8")
    return dataset.serialize(format=fmt, encoding="utf-8")


def export_bytes(store: Store, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise KgError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    data = _oxigraph_bytes(store, fmt)
    return data if data is not None else _rdflib_bytes(store, fmt)


def write_export(store: Store, fmt: str, output: str | None) -> int:
    """Write the export to `output` (atomically: a temp file renamed) or stdout; returns bytes written."""
    data = export_bytes(store, fmt)
    if fmt == "jsonld":
        json.loads(data)  # fail here, not in the reader's tool, if the serialiser misbehaved
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return len(data)
    target = Path(output)  # type: ignore[arg-type]
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise KgError(f"{output}: is a directory; give a file name such as {target / ('union-kg' + EXTENSIONS[fmt])}")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise KgError(f"{output}: cannot write there (folder missing or not writable)")
    try:
        write_atomic(target, data)  # a full disk must not leave half a file behind
    except OSError as exc:
        raise KgError(f"{output}: cannot write: {exc.strerror or exc}") from exc
    return len(data)
