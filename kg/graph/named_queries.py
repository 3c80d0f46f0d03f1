"""The SPARQL queries that ship as kg/graph/queries/*.rq, their headers and their parameters.

A query file starts with comment lines: `# NAME: what it answers`, then `# Parameters:`.
A parameter `$NAME` stands inside `VALUES ?x { $NAME }` and is replaced by the argument:
an IRI, or a label (plain and @zh) together with the IRIs an entity of that name would have for each type.
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
from kg.model import ENTITY_TYPES

QUERY_DIR = Path(__file__).with_name("queries")
_PARAM = re.compile(r"\$([A-Z][A-Z0-9_]*)")
IRI_LIKE = re.compile(r"^[a-z][a-z0-9+.-]*://\S+$")


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
    params = list(dict.fromkeys(_PARAM.findall(_strip_comments(text))))
    if len(args) != len(params):
        wanted = " ".join(params) or "no arguments"
        raise KgError(f"{name} takes {wanted}; got {len(args)} argument(s)")
    values = dict(zip(params, (argument_terms(a) for a in args)))
    lines = []
    for line in text.splitlines():
        if not line.lstrip().startswith("#"):
            line = _PARAM.sub(lambda m: values.get(m.group(1), m.group(0)), line)
        lines.append(line)
    return "\n".join(lines)
