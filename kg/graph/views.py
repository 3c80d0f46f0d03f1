"""Listing views: the answers of the parameterless named queries kept sorted beside the embedded store.

Oxigraph answers a listing such as who-visited-where by joining every fact in the store and
sorting all the rows, even for a first page of 50: 0.4-2.2 s at 1M triples. kg keeps the
rows of the queries in views.toml in an SQLite file in the store directory
(`kg-views.sqlite`), indexed in each query's order: a page is one index range, and the
whole answer is one scan.

The rows are filled by the queries' own .rq files, not by a second definition of them. A
listing whose rows each come from one article graph runs on an in-memory Oxigraph holding
just the graphs being written, with the article variable added to its projection; every
write of an article replaces that article's rows. entities and stats-facts count over all
articles: each article's part is kept (filled by their subqueries with the article kept,
queries/views/), and their rows are made again from the parts. This happens in the process
that writes the store (RocksDB lets only one writer in), after the store has committed;
`kg load` has a second process fill them from its file meanwhile (view_fill.py).

Consistency: before its first write, the writer commits a mark that the views are stale. It
refreshes the rows of what it wrote every FLUSH_ARTICLES articles, and when it closes it
makes the rows over all articles and clears the mark, in one SQLite transaction. A reader
uses the views only when they are marked fresh and were built from the same queries (a
fingerprint of their texts); otherwise it runs the SPARQL query, which gives the same rows,
only slower. A writer that finds stale views (after a crash, an upgrade, a deleted or broken
file) rebuilds them from the store before it writes. Nothing here is the record.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import sys
import tomllib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode
from rdflib.term import Node

from kg.errors import KgError
from kg.graph.ox_results import checked_iri, string_literal, typed_literal
from kg.graph.results import csv_line, csv_text
from kg.graph.store import QueryResult

if TYPE_CHECKING:
    from kg.graph.view_fill import Filler

QUERY_DIR = Path(__file__).with_name("queries")
ENTITY_COLUMNS = ("type", "label", "articles", "entity")   # entities.rq's projection, in order
FACT_COLUMNS = ("relation", "statements", "evidence")      # stats-facts.rq's projection

VIEWS_FILE = "kg-views.sqlite"
SPEC_FILE = Path(__file__).with_name("views.toml")
FORMAT = 4                # bump when the stored layout or the filling changes: old files are rebuilt
KEYS = 4                  # sort-key columns k0..k3
CELLS = 8                 # value columns c0..c7
FLUSH_ARTICLES = 64       # rows are refreshed at least every this many articles written...
FLUSH_QUADS = 200_000     # ... or quads
REBUILD_QUADS = 50_000    # graphs read from the store per in-memory batch when rebuilding
MAX_TOUCHED = 10_000      # entities remembered for their rows before they are made (bounds a long ingest's memory)
WRITE_CACHE_KB = 16 * 1024  # SQLite's page cache for the writer (its default is 2 MB; bounded: ingest memory stays flat)
STORE_EXIT = 3
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SELECT = re.compile(r"^SELECT\s", re.MULTILINE)   # the outermost SELECT starts a line; subqueries are indented

# A cell is its term as text behind one kind character: <IRI, _blank node, "plain string,
# @lang text, ^datatype text; NULL when unbound. Reading a cell is one dictionary look-up.
# A row also keeps its line of `kg query --format csv` (what results.csv_row writes for its
# terms, made by _Texts): a whole listing is then read as text, with no term made per cell.
Row = tuple[str, str, tuple[object, ...], int, tuple[object, ...], str]  # view, part (article or entity), keys, tie, cells, CSV


ENTITY_TYPES_FILL = QUERY_DIR / "views" / "entity-types.rq"
ENTITY_LABELS_FILL = QUERY_DIR / "views" / "entity-labels.rq"
FACT_EVIDENCE_FILL = QUERY_DIR / "views" / "fact-evidence.rq"
FACT_STATEMENTS_FILL = QUERY_DIR / "views" / "fact-statements.rq"
# The views whose rows span articles: the named query's projection and the queries filling the parts.
AGGREGATES = {"entities": (ENTITY_COLUMNS, (ENTITY_TYPES_FILL, ENTITY_LABELS_FILL)),
              "stats-facts": (FACT_COLUMNS, (FACT_EVIDENCE_FILL, FACT_STATEMENTS_FILL))}
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"


@dataclass(frozen=True)
class View:
    name: str
    kind: str                    # "article": rows per article graph; "entities": rows per entity, over articles
    article: str                 # the variable naming the article graph of a row ("article" kind)
    order: tuple[str, ...]       # the projected variables the query sorts on
    variables: tuple[str, ...]   # what the named query projects
    fill: str                    # the query that fills the view: article projected, no ORDER BY


@cache
def views() -> dict[str, View]:
    """The views of views.toml, each checked against its named query."""
    from kg.graph.named_queries import named_queries, unordered

    queries = named_queries()
    found = {}
    for name, spec in tomllib.loads(SPEC_FILE.read_text(encoding="utf-8")).items():
        text = queries[name].text
        variables = tuple(v.value for v in ox.Store().query(text).variables)  # type: ignore[union-attr]
        order = tuple(spec["order"])
        kind = spec.get("kind", "article")
        if not {v.lstrip("-") for v in order} <= set(variables) or len(order) > KEYS or len(variables) > CELLS:
            raise ValueError(f"views.toml: {name} sorts on {order}, not all projected by its query")
        if kind in AGGREGATES:  # rows over all articles, made from per-article parts
            columns, fills = AGGREGATES[kind]
            if variables != columns:
                raise ValueError(f"views.toml: {name} projects {variables}, the {kind} view makes {columns}")
            found[name] = View(name, kind, "", order, variables, "".join(_text(f) for f in fills))
            continue
        fill = unordered(text)
        if spec["article"] not in variables:
            fill = _SELECT.sub(f"SELECT ?{spec['article']} ", fill, count=1)
        found[name] = View(name, kind, spec["article"], order, variables, fill)
    return found


@cache
def fingerprint() -> str:
    digest = hashlib.sha256(f"{FORMAT}\n{SPEC_FILE.read_text(encoding='utf-8')}".encode())
    for view in views().values():
        digest.update(view.fill.encode())
    return digest.hexdigest()


def _cell(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return "<" + term.value
    if isinstance(term, ox.BlankNode):
        return "_" + term.value
    if isinstance(term, ox.Literal):
        if term.language:
            return f"@{term.language} {term.value}"
        datatype = term.datatype.value
        return '"' + term.value if datatype == XSD_STRING else f"^{datatype} {term.value}"
    raise TypeError(f"unexpected term in a listing: {term!r}")


def _node(cell: str) -> Node:
    kind = cell[0]
    if kind == "@":  # most cells of most listings
        tag, _, value = cell.partition(" ")
        return string_literal(value, tag[1:])
    if kind == "<":
        return checked_iri(cell[1:])  # the store checked it when it was written
    if kind == '"':
        return string_literal(cell[1:])
    if kind == "_":
        return BNode(cell[1:])
    datatype, _, value = cell.partition(" ")
    return typed_literal(value, datatype[1:])


class _Nodes(dict[str | None, Node | None]):
    """The rdflib term of each cell of one answer, made the first time the cell is asked for.

    Answers repeat their cells (an organisation on many rows, a date, a relation), and making a
    term costs microseconds; a look-up that finds the term runs in C (map over a row's cells),
    only a cell not seen yet calls back into Python. Kept per answer: a cache per process would
    hold every term ever read."""

    def __init__(self) -> None:
        super().__init__({None: None})   # an unbound value stays None

    def __missing__(self, cell: str) -> Node:  # never None: it is there from the start
        node = self[cell] = _node(cell)
        return node


def _tie(cells: tuple[str | None, ...]) -> int:
    """A stable 63-bit number from a row's cells: rows equal on every sort key follow in its order."""
    digest = hashlib.blake2b("\x1f".join("" if c is None else c for c in cells).encode(), digest_size=8)
    return int.from_bytes(digest.digest()) >> 1


@dataclass
class Filled:
    """What some article graphs contribute to the views."""

    rows: list[Row] = field(default_factory=list)                      # rows of the per-article listings
    typed: list[tuple[str, str, str]] = field(default_factory=list)    # (article, entity, class): entities
    labelled: list[tuple[str, str, str, str]] = field(default_factory=list)  # (article, entity, least label: text, cell)
    evidence: list[tuple[str, str, int]] = field(default_factory=list)   # (article, relation, fact nodes)
    statements: list[tuple[str, str, str, str]] = field(default_factory=list)  # (article, s, P, o) as cells


_PREFIX = re.compile(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", re.IGNORECASE)
_NAME = re.compile(r"(?<![\w?$<])([A-Za-z][\w-]*)?:([\w-]+)|<([^>\s]+)>|(?<![\w?$])a(?![\w:])")
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@cache
def fill_terms() -> frozenset[str]:
    """Every IRI the views' queries name (prefixed, in <>, or `a`): a quad whose predicate is not
    among them cannot change their answers. Fewer quads in the in-memory store make filling
    cheaper: mentions, offsets, confidences and article texts are a third of an article graph.
    (The view tests fill every view this way and compare it with its query on the whole store.)"""
    from kg.graph.named_queries import _strip_comments

    found = {RDF_TYPE}
    for view in views().values():
        prefixes = dict(_PREFIX.findall(view.fill))
        body = _PREFIX.sub("", _strip_comments(view.fill))
        for prefix, local, iri in ((m.group(1) or "", m.group(2), m.group(3)) for m in _NAME.finditer(body)):
            if iri:
                found.add(iri)
            elif local and prefix in prefixes:
                found.add(prefixes[prefix] + local)
    return frozenset(found)


def fill(quads: list[ox.Quad], filtered: bool = False) -> Filled:
    """Every view's part of these quads (whole article graphs, or just their quads whose predicates
    the views name when `filtered`), by running the views' queries on them."""
    terms = fill_terms()
    memory = ox.Store()
    memory.extend(quads if filtered else [quad for quad in quads if quad.predicate.value in terms])
    filled = Filled()
    text = _Texts().__getitem__
    for view in views().values():
        if view.kind == "entities":
            filled.typed += [(d.value, e.value, c.value) for d, e, c in _solutions(memory, ENTITY_TYPES_FILL)
                             if isinstance(d, ox.NamedNode) and isinstance(e, ox.NamedNode)]
            filled.labelled += [(d.value, e.value, label.value, _cell(label) or "")
                                for d, e, label in _solutions(memory, ENTITY_LABELS_FILL)
                                if isinstance(d, ox.NamedNode) and isinstance(e, ox.NamedNode)
                                and isinstance(label, ox.Literal)]
            continue
        if view.kind == "stats-facts":
            filled.evidence += [(d.value, p.value, int(n.value)) for d, p, n in _solutions(memory, FACT_EVIDENCE_FILL)
                                if isinstance(d, ox.NamedNode) and isinstance(p, ox.NamedNode)]
            filled.statements += [(d.value, _cell(s) or "", p.value, _cell(o) or "")
                                  for d, s, p, o in _solutions(memory, FACT_STATEMENTS_FILL)
                                  if isinstance(d, ox.NamedNode) and isinstance(p, ox.NamedNode)]
            continue
        result = memory.query(view.fill, use_default_graph_as_union=True)
        assert isinstance(result, ox.QuerySolutions)
        names = [v.value for v in result.variables]
        at = {name: k for k, name in enumerate(names)}
        article, keys, cells = at[view.article], [at[v] for v in view.order], [at[v] for v in view.variables]
        for solution in result:
            values = list(solution)
            source = values[article]
            if not isinstance(source, ox.NamedNode):
                continue  # a row outside any article graph cannot be kept per article
            key = tuple(None if values[k] is None else values[k].value for k in keys)  # type: ignore[union-attr]
            filled.rows.append(_row(view, source.value, key, tuple(_cell(values[k]) for k in cells), text))
    return filled


@cache
def _text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _solutions(memory: ox.Store, path: Path) -> list[list[ox.NamedNode | ox.BlankNode | ox.Literal]]:
    result = memory.query(_text(path))  # read once: this runs at every flush of a writer
    assert isinstance(result, ox.QuerySolutions)
    return [list(solution) for solution in result]  # type: ignore[misc]


def _pad(values: tuple[object, ...], width: int) -> tuple[object, ...]:
    return values + (None,) * (width - len(values))


def _cell_text(cell: str) -> str:
    """The lexical form in a cell (what a view sorts on)."""
    return cell.partition(" ")[2] if cell[0] in "@^" else cell[1:]


class _Texts(dict[str | None, str]):
    """The text `kg query --format csv` writes for each cell, str() of the cell's term (results.csv_row).

    An IRI, a blank node and a string literal are their text, made as such by _node: the text is
    cut from the cell. A typed literal goes through its rdflib term, which may normalise its
    lexical form (an integer written 007). Kept per batch of rows, like _Nodes."""

    def __init__(self) -> None:
        super().__init__({None: ""})   # unbound: blank

    def __missing__(self, cell: str) -> str:
        text = self[cell] = str(_node(cell)) if cell[0] == "^" else _cell_text(cell)
        return text


def _row(view: View, part: str, keys: tuple[object, ...], cells: tuple[str | None, ...],
         text: Callable[[str | None], str]) -> Row:
    """A row of `view` from its sort keys and cells in the view's order; `text` gives a cell's CSV text."""
    return view.name, part, _pad(keys, KEYS), _tie(cells), _pad(cells, CELLS), csv_line(list(map(text, cells)))


def _made_row(view: View, part: str, cells: dict[str, str], keys: dict[str, object],
              text: Callable[[str | None], str]) -> Row:
    """A row of an aggregate view from its cells and sort keys by name."""
    return _row(view, part, tuple(keys[k] for k in view.order), tuple(cells[v] for v in view.variables), text)


def entity_rows(view: View, found: Iterable[tuple[str, str, int, str]]) -> Iterator[Row]:
    """The entities view's rows from (entity, class, articles typing it, least label as a cell)."""
    text = _Texts().__getitem__
    for entity, cls, articles, label in found:
        kind = cls.rpartition("#")[2]
        cells = {"type": '"' + kind, "label": label, "articles": f"^{XSD_INTEGER} {articles}", "entity": "<" + entity}
        yield _made_row(view, entity, cells, {"-articles": -articles, "type": kind, "label": _cell_text(label)}, text)


def _insert_rows(db: sqlite3.Connection, rows: Iterable[Row]) -> None:
    db.executemany(f"INSERT INTO row VALUES ({', '.join('?' * (2 + KEYS + 1 + CELLS + 1))})",
                   ((view, part, *keys, tie, *cells, csv) for view, part, keys, tie, cells, csv in rows))


_KEYS = ", ".join(f"k{k}" for k in range(KEYS))
_CELLS = ", ".join(f"c{k}" for k in range(CELLS))
# row_listing holds the cells and the CSV line too: a listing is read from the index alone, in
# its order, instead of one look-up into the table per row (34k for entities: 65 -> 45 ms at 1M
# triples). Format 3 rows had no CSV line: a file with such a table loses it (_OLD_ROWS).
SCHEMA = f"""
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS row (view TEXT NOT NULL, part TEXT NOT NULL, {_KEYS}, tie INTEGER NOT NULL, {_CELLS},
                                csv TEXT NOT NULL);
DROP INDEX IF EXISTS row_order;
CREATE INDEX IF NOT EXISTS row_listing ON row (view, {_KEYS}, tie, {_CELLS}, csv);
CREATE INDEX IF NOT EXISTS row_part ON row (part);
CREATE TABLE IF NOT EXISTS typed (article TEXT NOT NULL, entity TEXT NOT NULL, class TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS typed_article ON typed (article);
CREATE INDEX IF NOT EXISTS typed_entity ON typed (entity);
CREATE TABLE IF NOT EXISTS labelled (article TEXT NOT NULL, entity TEXT NOT NULL, sortkey TEXT NOT NULL,
                                     label TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS labelled_article ON labelled (article);
CREATE INDEX IF NOT EXISTS labelled_entity ON labelled (entity);
CREATE TABLE IF NOT EXISTS evidence (article TEXT NOT NULL, relation TEXT NOT NULL, facts INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS evidence_article ON evidence (article);
CREATE TABLE IF NOT EXISTS statement (article TEXT NOT NULL, s TEXT NOT NULL, relation TEXT NOT NULL, o TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS statement_article ON statement (article);
"""


def page_sql(width: int) -> str:
    """The rows of one listing (view, limit, offset) in its order: the first `width` cells."""
    return (f"SELECT {', '.join(f'c{k}' for k in range(width))} FROM row WHERE view = ? "
            f"ORDER BY {_KEYS}, tie LIMIT ? OFFSET ?")


# The CSV lines of one listing (view, limit, offset) in its order.
CSV_SQL = f"SELECT csv FROM row WHERE view = ? ORDER BY {_KEYS}, tie LIMIT ? OFFSET ?"
# A row table of format 3 or before (no CSV line): dropped when a writer opens the file, then rebuilt.
_OLD_ROWS = ("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'row' "
             "AND NOT EXISTS (SELECT 1 FROM pragma_table_info('row') WHERE name = 'csv')")


# Per relation: its distinct statements over all articles and its fact nodes, for relations
# that have both (the inner join of stats-facts.rq).
_FACT_SQL = """
SELECT e.relation, d.statements, e.facts
FROM (SELECT relation, SUM(facts) AS facts FROM evidence GROUP BY relation) e
JOIN (SELECT relation, COUNT(*) AS statements FROM (SELECT DISTINCT s, relation, o FROM statement)
      GROUP BY relation) d ON d.relation = e.relation
"""
# Per entity and class: the articles typing it and its least label over all articles (by text,
# as SPARQL's MIN orders simple and language-tagged strings of one language).
_ENTITY_SQL = """
SELECT t.entity, t.class, COUNT(*),
       (SELECT l.label FROM labelled l WHERE l.entity = t.entity ORDER BY l.sortkey, l.label LIMIT 1)
FROM typed t {where} GROUP BY t.entity, t.class
"""


class ListingViews:
    """The views of one embedded store directory, opened for reading or for its one writer."""

    def __init__(self, directory: Path, read_only: bool) -> None:
        self.path = directory / VIEWS_FILE
        self.read_only = read_only
        self._db: sqlite3.Connection | None = None
        self._pending: dict[str, list[ox.Quad]] = {}   # article graph -> its quads as written ([] when removed)
        self._pending_quads = 0
        self._replaced: set[str] = set()   # pending graphs that may have rows already
        self._touched: set[str] = set()    # entities named by what was flushed since the views were fresh
        self._marked = False    # the stale mark is committed and not yet cleared by this writer
        self._elsewhere = False  # a second process fills the rows of what is written (kg load)
        self._marks_fresh = not read_only  # close() marks them fresh (not after a failure, nor in kg load's filler)
        try:
            if read_only:
                if self.path.is_file():
                    self._db = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            else:
                self._db = self._open_for_writing()
        except sqlite3.Error as exc:
            self._db = None
            if not read_only:
                raise self._error("cannot be opened", exc) from exc

    def _open_for_writing(self) -> sqlite3.Connection:
        """The views file, created when missing; one that is not a database is derived data: made anew."""
        for attempt in (1, 2):
            db = sqlite3.connect(self.path, isolation_level=None)
            try:
                if db.execute(_OLD_ROWS).fetchone():
                    db.execute("DROP TABLE row")   # its rows have no CSV line; the fingerprint says rebuild
                db.executescript(SCHEMA)
                db.execute(f"PRAGMA cache_size = -{WRITE_CACHE_KB}")  # index pages stay in memory while rows go in
                return db
            except sqlite3.DatabaseError as exc:
                db.close()
                if attempt == 2 or isinstance(exc, sqlite3.OperationalError):  # locked, unwritable: not ours to drop
                    raise
                self.path.unlink()
        raise AssertionError("unreachable")

    def _error(self, what: str, exc: BaseException) -> KgError:
        return KgError(f"store listing views {self.path} {what}: {exc}; delete the file and "
                       "the next write rebuilds it", STORE_EXIT)

    def _state(self, key: str) -> str | None:
        assert self._db is not None
        found = self._db.execute("SELECT value FROM state WHERE key = ?", (key,)).fetchone()
        return found[0] if found else None

    def fresh(self) -> bool:
        """Whether the views hold what the store holds, built by today's queries."""
        if self._db is None:
            return False
        try:
            return self._state("stale") == "0" and self._state("fingerprint") == fingerprint()
        except sqlite3.Error:
            return False

    def state(self) -> str:
        """The views in one line, for `kg stats`."""
        names = ", ".join(views())
        if self.fresh():
            return f"fresh ({VIEWS_FILE}: {names})"
        why = "missing" if not self.path.is_file() else "stale"
        return f"{why}: {names} are answered by SPARQL until the next write to the store rebuilds them"

    def _fact_rows(self, db: sqlite3.Connection, view: View) -> None:
        """Make the stats-facts rows again from the per-article parts (one pass; small tables)."""
        db.execute("DELETE FROM row WHERE view = ?", (view.name,))
        made, text = [], _Texts().__getitem__
        for relation, statements, facts in db.execute(_FACT_SQL).fetchall():
            name = relation.rpartition("#")[2]
            cells = {"relation": '"' + name, "statements": f"^{XSD_INTEGER} {statements}",
                     "evidence": f"^{XSD_INTEGER} {facts}"}
            made.append(_made_row(view, "", cells, {"-statements": -statements, "relation": name}, text))
        _insert_rows(db, made)

    # ------------------------------------------------------------------ reading
    def page(self, name: str, limit: int | None, offset: int = 0) -> QueryResult | None:
        """Rows `offset`.. of the listing `name` in its query's order; None when the views cannot answer."""
        view = views().get(name)
        if view is None or not self.fresh():
            return None
        assert self._db is not None
        names = list(view.variables)
        try:
            found = self._db.execute(page_sql(len(names)), (name, -1 if limit is None else limit, offset))
            node = _Nodes().__getitem__
            return QueryResult(names, [dict(zip(names, map(node, cells))) for cells in found])
        except sqlite3.Error:
            return None

    def csv(self, name: str, limit: int | None, offset: int = 0) -> str | None:
        """Rows `offset`.. of the listing `name` as `kg query --format csv` writes them, from the
        rows' kept lines; None when the views cannot answer."""
        view = views().get(name)
        if view is None or not self.fresh():
            return None
        assert self._db is not None
        try:
            found = self._db.execute(CSV_SQL, (name, -1 if limit is None else limit, offset))
            return csv_text(view.variables, [line for (line,) in found])
        except sqlite3.Error:
            return None

    # ------------------------------------------------------------------ writing
    def ensure_fresh(self, store: ox.Store) -> None:
        """Rebuild the views from the store when they are stale (a crash, an upgrade, a new file)."""
        if self.fresh():
            return
        graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode)]
        if graphs:
            print(f"kg: rebuilding the listing views of {self.path.parent} ({len(graphs):,} articles)",
                  file=sys.stderr, flush=True)
        self._write(lambda: self._rebuild_parts(store, graphs), clear_all=True)

    @staticmethod
    def _rebuild_parts(store: ox.Store, graphs: list[ox.NamedNode]) -> Iterator[Filled]:
        batch: list[ox.Quad] = []
        for graph in graphs:
            batch += store.quads_for_pattern(None, None, None, graph)
            if len(batch) >= REBUILD_QUADS:
                yield fill(batch)
                batch = []
        if batch:
            yield fill(batch)

    def before_write(self) -> None:
        """Mark the views stale (committed) before the store changes; a crash then leaves them stale."""
        if self._marked:
            return
        assert self._db is not None
        try:
            self._db.execute("INSERT OR REPLACE INTO state VALUES ('stale', '1')")
        except sqlite3.Error as exc:
            raise self._error("cannot be marked for a write (nothing was written)", exc) from exc
        self._marked = True

    def written(self, graphs: Iterable[tuple[str, list[ox.Quad]]], new: bool = False) -> None:
        """These article graphs are committed with these quads ([] when removed); `new` when the
        store held none of them before (then they have no rows to drop)."""
        if self._elsewhere:
            return  # the filler reads them from the file
        for iri, quads in graphs:
            if not new or iri in self._pending:
                self._replaced.add(iri)
            self._pending[iri] = quads
            self._pending_quads += len(quads)
        if len(self._pending) >= FLUSH_ARTICLES or self._pending_quads >= FLUSH_QUADS:
            self.flush()

    def flush(self, final: bool = False) -> None:
        """Replace the rows of the articles written since the last flush; when `final` (the
        writer closes), also make the rows of the entities they name and mark the views fresh.

        Between flushes of one writer the views stay marked stale, so an entity named in many
        batches of a load has its row made once, at the end, not once per batch."""
        if not self._pending and not (final and self._marked):
            return
        pending, replaced = self._pending, self._replaced
        self._pending, self._pending_quads, self._replaced = {}, 0, set()
        quads = [quad for graph in pending.values() for quad in graph]
        self._write(lambda: [fill(quads)] if quads else [], clear=sorted(replaced), final=final)

    def _write(self, parts: Callable[[], Iterable[Filled]], clear: list[str] | None = None,
               clear_all: bool = False, final: bool = True, entities: bool = False) -> None:
        """In one transaction: drop the parts of the `clear` articles (or all) and add `parts`;
        when `final` (or `entities`), make the rows of every entity touched since the last final
        write; when `final`, mark the views fresh."""
        assert self._db is not None
        db = self._db
        touched = self._touched   # entities whose rows must be made again
        try:
            db.execute("BEGIN IMMEDIATE")
            if clear_all:
                for table in ("row", "typed", "labelled", "evidence", "statement"):  # executescript would commit first
                    db.execute(f"DELETE FROM {table}")
            for start in range(0, len(clear or []), 500):
                chunk = (clear or [])[start:start + 500]
                marks = ", ".join("?" * len(chunk))
                touched.update(e for (e,) in db.execute(f"SELECT entity FROM typed WHERE article IN ({marks})", chunk))
                touched.update(e for (e,) in db.execute(f"SELECT entity FROM labelled WHERE article IN ({marks})",
                                                        chunk))
                for table, column in (("row", "part"), ("typed", "article"), ("labelled", "article"),
                                      ("evidence", "article"), ("statement", "article")):
                    db.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", chunk)
            for part in parts():
                _insert_rows(db, part.rows)
                db.executemany("INSERT INTO typed VALUES (?, ?, ?)", part.typed)
                db.executemany("INSERT INTO labelled VALUES (?, ?, ?, ?)", part.labelled)
                db.executemany("INSERT INTO evidence VALUES (?, ?, ?)", part.evidence)
                db.executemany("INSERT INTO statement VALUES (?, ?, ?, ?)", part.statements)
                touched.update(entity for _a, entity, _c in part.typed)
                touched.update(entity for _a, entity, _t, _c in part.labelled)
            if final or entities or clear_all or len(touched) > MAX_TOUCHED:
                for view in views().values():
                    if view.kind == "entities":
                        self._entity_rows(db, view, None if clear_all else touched)
                touched.clear()
            if final or clear_all:
                for view in views().values():
                    if view.kind == "stats-facts":
                        self._fact_rows(db, view)
            if final:
                db.executemany("INSERT OR REPLACE INTO state VALUES (?, ?)",
                               [("stale", "0"), ("fingerprint", fingerprint())])
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise self._error("could not be updated (the store itself is written)", exc) from exc
        if final:
            self._marked = False

    @staticmethod
    def _entity_rows(db: sqlite3.Connection, view: View, touched: set[str] | None) -> None:
        """Make the rows of these entities (all when None) again from the per-article parts."""
        if touched is None:
            db.execute("DELETE FROM row WHERE view = ?", (view.name,))
            found = db.execute(_ENTITY_SQL.format(where=""))
        else:
            db.execute("CREATE TEMP TABLE IF NOT EXISTS touched (entity TEXT PRIMARY KEY)")
            db.execute("DELETE FROM touched")
            db.executemany("INSERT INTO touched VALUES (?)", ((e,) for e in touched))
            db.execute("DELETE FROM row WHERE view = ? AND part IN (SELECT entity FROM touched)", (view.name,))
            found = db.execute(_ENTITY_SQL.format(where="WHERE t.entity IN (SELECT entity FROM touched)"))
        _insert_rows(db, list(entity_rows(view, (r for r in found.fetchall() if r[3] is not None))))

    # ------------------------------------------------------------------ kg load's second process
    @contextmanager
    def filled_elsewhere(self, filler: Filler) -> Iterator[None]:
        """While inside, `filler` (a second process reading kg load's file, each of whose graphs
        replaces the stored one) fills the rows of what is written, and this writer skips them;
        it waits for the filler on the way out. A failure on either side leaves the views stale."""
        try:
            self.before_write()  # committed before the filler writes a row
        except KgError:
            filler.stop()
            raise
        filler.go(self.path.parent)
        self._elsewhere = True
        try:
            yield
        except BaseException:
            filler.stop()
            self._marks_fresh = False
            raise
        finally:
            self._elsewhere = False
        problem = filler.finish()
        if problem:
            self._marks_fresh = False
            raise KgError(f"store listing views {self.path} could not be filled: {problem}; the store itself "
                          "is written, and the next write to it rebuilds them", STORE_EXIT)

    def replace_parts(self, graphs: list[str], filled: Filled) -> None:
        """Replace the rows of these article graphs with `filled` (kg load's filler)."""
        self._marks_fresh = False  # the store's writer marks them, once every filler has finished
        self._write(lambda: [filled], clear=graphs, final=False)

    def make_entity_rows(self) -> None:
        """Make the rows of the entities named by what was replaced (kg load's filler, at its end)."""
        self._write(list, final=False, entities=True)

    def close(self) -> None:
        if self._db is None:
            return
        try:
            if self._marks_fresh:
                self.flush(final=True)
        finally:
            self._db.close()
            self._db = None
