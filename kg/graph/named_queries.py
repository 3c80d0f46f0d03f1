"""The SPARQL queries that ship as kg/graph/queries/*.rq, their headers and their parameters.

A query file starts with comment lines: `# NAME: what it answers`, then `# Parameters:`.
A parameter `$NAME` stands inside `VALUES ?x { $NAME }` and is replaced by the argument:
an IRI, or a label (plain and @zh) together with the IRIs an entity of that name would have for each type.
With a store at hand (`prepare`), an `$ENTITY` parameter is first looked up (queries/lookup/entity.rq)
and replaced by the IRIs of the entities so named, aliases included, so that the query starts from them.
`prepare` also adds LIMIT/OFFSET for paging.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal

from kg.errors import KgError
from kg.graph.iris import entity_iri
from kg.graph.store import QueryResult, Store
from kg.model import ENTITY_TYPES

QUERY_DIR = Path(__file__).with_name("queries")
LOOKUP_DIR = QUERY_DIR / "lookup"       # helper queries, not listed as named queries
_PARAM = re.compile(r"\$([A-Z][A-Z0-9_]*)")
IRI_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")
ENTITY_PARAM = re.compile(r"^ENTITY(_[A-Z0-9_]+)?$")   # parameters that name an entity
_ORDER = re.compile(r"\n\s*ORDER\s+BY\b[^{}]*$", re.IGNORECASE)   # the final ORDER BY, outside any {}
_PAGED = re.compile(r"\b(LIMIT|OFFSET)\s+\d+\s*(?:(?:LIMIT|OFFSET)\s+\d+\s*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    path: Path
    summary: str
    text: str

    @property
    def params(self) -> list[str]:
        return list(dict.fromkeys(_PARAM.findall(_strip_comments(self.text))))


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def _summary(text: str, name: str) -> str:
    first = next((line for line in text.splitlines() if line.startswith("#")), "")
    return first.lstrip("# ").removeprefix(f"{name}:").strip()


def named_queries() -> dict[str, NamedQuery]:
    """Every shipped query by name (the file name without .rq)."""
    found = {}
    for path in sorted(QUERY_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        found[path.stem] = NamedQuery(path.stem, path, _summary(text, path.stem), text)
    return found


def get_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        close = difflib.get_close_matches(name, queries, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise KgError(f"no query named {name!r}; {hint}known: {', '.join(queries)} (or give a FILE.rq or --sparql)")
    return queries[name]


def argument_terms(value: str) -> str:
    """SPARQL terms for one argument: <IRI>, or "label" plus the IRIs of that name for every type."""
    if IRI_LIKE.match(value):
        try:
            return f"<{ox.NamedNode(value).value}>"
        except ValueError:
            raise KgError(f"{value!r} is not a valid IRI") from None
    terms = [Literal(value, lang="zh").n3(), Literal(value).n3()] + [entity_iri(t, value).n3() for t in ENTITY_TYPES]
    return " ".join(terms)


def bind_params(query: NamedQuery | str, args: list[str], name: str = "query") -> str:
    """The query text with each `$PARAM` replaced by the matching positional argument."""
    text = query.text if isinstance(query, NamedQuery) else query
    params = _check_arity(text, args, name)
    return _substitute(text, dict(zip(params, (argument_terms(a) for a in args))))


def _check_arity(text: str, args: list[str], name: str) -> list[str]:
    params = list(dict.fromkeys(_PARAM.findall(_strip_comments(text))))
    if len(args) != len(params):
        wanted = " ".join(params) or "no arguments"
        raise KgError(f"{name} takes {wanted}; got {len(args)} argument(s)")
    return params


def entity_terms(store: Store, value: str) -> str:
    """The IRIs (as SPARQL terms) of the stored entities the argument names; empty when none."""
    lookup = (LOOKUP_DIR / "entity.rq").read_text(encoding="utf-8")
    rows = store.query(_substitute(lookup, {"NAME": argument_terms(value)})).rows
    return " ".join(f"<{row['node']}>" for row in rows if row.get("node") is not None)


def prepare(store: Store, query: NamedQuery | str, args: list[str], name: str = "query",
            limit: int | None = None, offset: int = 0, ordered: bool = True) -> str:
    """The query ready to run on `store`: parameters bound, paged.

    In a shipped query an $ENTITY parameter becomes the IRIs of the entities it names (a
    user's own .rq file keeps the plain binding, whose VALUES may well hold labels).
    """
    text = query.text if isinstance(query, NamedQuery) else query
    params = _check_arity(text, args, name)
    resolve = isinstance(query, NamedQuery)
    values = {p: entity_terms(store, a) if resolve and ENTITY_PARAM.match(p) else argument_terms(a)
              for p, a in zip(params, args)}
    text = _substitute(text, values)
    return page(text if ordered else unordered(text), limit, offset, name)


def run(store: Store, query: NamedQuery | str, args: list[str], name: str = "query",
        limit: int | None = None, offset: int = 0, ordered: bool = True) -> QueryResult:
    """The answer of a query on `store`: a shipped listing from the store's views when it keeps
    them fresh (the same rows in the same order), else the SPARQL query, prepared and paged."""
    if isinstance(query, NamedQuery) and not args:
        found = store.listing(query.name, limit, offset)
        if found is not None:
            return found
    return store.query(prepare(store, query, args, name, limit, offset, ordered))


def run_csv(store: Store, query: NamedQuery | str, args: list[str], name: str = "query",
            limit: int | None = None, offset: int = 0, ordered: bool = True) -> str:
    """The answer as `kg query --format csv` writes it: a shipped listing from the CSV lines its
    views keep (no term made per cell), anything else as to_csv of `run`."""
    from kg.graph.results import to_csv

    if isinstance(query, NamedQuery) and not args and ordered:
        found = store.listing_csv(query.name, limit, offset)
        if found is not None:
            return found
    return to_csv(run(store, query, args, name, limit, offset, ordered))


def unordered(text: str) -> str:
    """The query without its final ORDER BY: rows come in the store's order, and with a LIMIT
    the engine stops after the page instead of producing and sorting every row."""
    body = _strip_comments(text).rstrip()
    found = _ORDER.search(body)
    return body[:found.start()] + "\n" if found else text


def page(text: str, limit: int | None, offset: int = 0, name: str = "query") -> str:
    """The query with LIMIT/OFFSET added (none when limit is None and offset 0)."""
    if limit is None and not offset:
        return text
    if limit is not None and limit < 0 or offset < 0:
        raise KgError(f"{name}: --limit and --offset take 0 or more rows")
    if is_paged(text):
        raise KgError(f"{name} already ends with LIMIT/OFFSET; leave out --limit/--offset")
    clauses = ([f"LIMIT {limit}"] if limit is not None else []) + ([f"OFFSET {offset}"] if offset else [])
    return text.rstrip() + "\n" + " ".join(clauses) + "\n"


def is_paged(text: str) -> bool:
    """Whether the query already ends with its own LIMIT or OFFSET."""
    return bool(_PAGED.search(_strip_comments(text).rstrip()))


def _substitute(text: str, values: dict[str, str]) -> str:
    lines = []
    for line in text.splitlines():
        if not line.lstrip().startswith("#"):
            line = _PARAM.sub(lambda m: values.get(m.group(1), m.group(0)), line)
        lines.append(line)
    return "\n".join(lines)
