"""Loads an N-Quads or TriG file of article graphs (e.g. another store's `kg export`) into a store.

Two passes over the file, both streaming: the first checks all of it (syntax, every
triple in an article graph, each graph's quads together), so a broken file changes
nothing; the second hands one graph at a time to the store's atomic write path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.graph.oxterms import Quads
from kg.graph.store import Stored, open_store, store_keeps_views
from kg.graph.view_fill import Filler
from kg.graph.vocab import ID_BASE

ARTICLE_PREFIX = f"{ID_BASE}article/"
FORMATS = {"nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}
SUFFIXES = {".nq": "nquads", ".nquads": "nquads", ".trig": "trig"}


@dataclass
class LoadSummary:
    graphs: int = 0
    triples: int = 0
    runs: list[tuple[str, int]] = field(default_factory=list)   # (graph IRI, quads in the file), in file order

    def line(self) -> str:
        return f"graphs: {self.graphs:,}   triples: {self.triples:,}"


def file_format(path: Path, given: str | None) -> str:
    """The format named by --format, else by the file's suffix."""
    if given:
        return given
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise KgError(f"{path}: cannot tell the format from the name; give --format nquads or --format trig")
    return found


def _quads(path: Path, fmt: str, lenient: bool = False) -> Iterator[ox.Quad]:
    """The file's quads, with read and syntax errors as one-line KgErrors naming the file.

    `lenient` skips the parser's validation of IRIs and literals (twice as fast): only
    for reading again a file the strict check pass accepted.
    """
    try:
        yield from ox.parse(path=str(path), format=FORMATS[fmt], lenient=lenient)
    except SyntaxError as exc:
        if lenient:
            raise KgError(f"{path}: the file changed while it was being loaded; load it again") from None
        raise KgError(f"{path}: not valid {fmt}: {str(exc).strip().splitlines()[0]}; nothing was loaded") from None
    except OSError as exc:
        raise KgError(f"{path}: cannot read: {exc.strerror or exc}") from None


def graph_runs(path: Path, fmt: str, lenient: bool = False) -> Iterator[tuple[ox.NamedNode | ox.BlankNode |
                                                                              ox.DefaultGraph, list[ox.Quad]]]:
    """(graph name, its quads) for each stretch of the file that stays in one graph."""
    current: ox.NamedNode | ox.BlankNode | ox.DefaultGraph | None = None
    run: list[ox.Quad] = []
    for quad in _quads(path, fmt, lenient):
        if quad.graph_name != current:
            if run:
                yield current, run  # type: ignore[misc]
            current, run = quad.graph_name, []
        run.append(quad)
    if run:
        yield current, run  # type: ignore[misc]


def check_file(path: Path, fmt: str) -> LoadSummary:
    """Read the whole file once, storing nothing; KgError on the first thing kg cannot load."""
    seen: set[str] = set()
    found = LoadSummary()
    for name, run in graph_runs(path, fmt):
        if not isinstance(name, ox.NamedNode):
            raise KgError(f"{path}: {len(run)} triple(s) outside any named graph, e.g. {run[0].triple}; "
                          "kg keeps every triple in its article's graph, so load N-Quads or TriG of article graphs")
        if not name.value.startswith(ARTICLE_PREFIX):
            raise KgError(f"{path}: graph {name} is not an article graph ({ARTICLE_PREFIX}…); "
                          "kg load takes what `kg export --format nquads` or `--format trig` writes")
        if name.value in seen:
            raise KgError(f"{path}: the quads of graph {name} are not together (it comes back after other "
                          "graphs); write each graph's quads in one stretch, as kg export does")
        seen.add(name.value)
        found.graphs += 1
        found.triples += len(run)
        found.runs.append((name.value, len(run)))
    if not found.graphs:
        raise KgError(f"{path}: no quads in the file; nothing to load")
    return found


def article_graphs(path: Path, fmt: str, runs: list[tuple[str, int]]) -> Iterator[tuple[str, Quads]]:
    """(graph IRI, its distinct quads) for each graph of a file that check_file accepted.

    The check pass found where each graph's quads start and end, so this pass only cuts
    the parser's stream by counts instead of looking at every quad's graph again; the
    last quad of each cut confirms the graph (a file changed in between is refused).
    """
    quads = _quads(path, fmt, lenient=True)
    for iri, count in runs:
        run = list(islice(quads, count))
        if len(run) != count or run[-1].graph_name.value != iri:  # type: ignore[union-attr]
            raise KgError(f"{path}: the file changed while it was being loaded; load it again")
        yield iri, list(dict.fromkeys(run))


def load_file(location: str, path: Path, fmt: str, batch_triples: int,
              on_commit: Callable[[list[Stored]], None] | None = None) -> LoadSummary:
    """Check the file, then open the store and replace each of its graphs; `on_commit` hears of each commit.

    The check comes first so that a broken file neither creates a store nor waits for one. An
    embedded store's listing views are filled by a second process reading the file meanwhile
    (kg/graph/view_fill.py), started first so that it works while the file is checked.
    """
    filler = Filler(path, fmt) if store_keeps_views(location) else None
    try:
        checked = check_file(path, fmt)
        store = open_store(location)
    except BaseException:
        if filler is not None:
            filler.stop()
        raise
    summary = LoadSummary()
    with store, store.views_filled_from(filler):
        try:
            for committed in store.put_articles(article_graphs(path, fmt, checked.runs), batch_triples):
                summary.graphs += len(committed)
                summary.triples += sum(n for _iri, n in committed)
                if on_commit is not None:
                    on_commit(committed)
        except KgError as exc:
            raise KgError(f"{exc.message}; {summary.graphs:,} graph(s) loaded before it are stored whole",
                          exc.exit_code) from exc
    return summary
