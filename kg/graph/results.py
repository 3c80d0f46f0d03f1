"""Query results as an aligned text table (CJK counts double), CSV or SPARQL JSON."""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.graph.store import QueryResult
from kg.graph.terms import display

Row = dict[str, Node | None]


@cache
def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1


def width(text: str) -> int:
    """Columns a terminal gives the text: wide and full-width characters take two."""
    return len(text) if text.isascii() else sum(map(_char_width, text))  # a big table measures every cell


def clip(text: str, limit: int) -> str:
    """The text cut to at most `limit` columns, with … when cut."""
    if width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _pad(text: str, cols: int) -> str:
    return text + " " * (cols - width(text))


def _cell(term: Node | None) -> str:
    return " ".join(display(term).split())  # newlines in evidence would break the rows


def to_table(result: QueryResult, max_width: int | None = 60, note: str | None = None) -> str:
    """Rows under a header, columns padded to the widest cell, long cells clipped; `note` replaces
    the closing row count (e.g. to say the rows are one page of more)."""
    cells = [[_cell(row.get(v)) for v in result.vars] for row in result.rows]
    if max_width:
        cells = [[clip(c, max_width) for c in line] for line in cells]
    cols = [max([width(v), *(width(line[i]) for line in cells)]) for i, v in enumerate(result.vars)]
    lines = ["  ".join(_pad(v, cols[i]) for i, v in enumerate(result.vars)).rstrip(),
             "  ".join("-" * c for c in cols)]
    lines += ["  ".join(_pad(c, cols[i]) for i, c in enumerate(line)).rstrip() for line in cells]
    lines.append(note or f"({len(result.rows)} row{'s' if len(result.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


class _CsvLine:
    """One row as a CSV line without its end, quoted as the csv module quotes (one writer, reused)."""

    def __init__(self) -> None:
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="")

    def __call__(self, texts: list[str]) -> str:
        self._buffer.seek(0)
        self._buffer.truncate()
        self._writer.writerow(texts)
        return self._buffer.getvalue()


csv_line = _CsvLine()


def csv_row(vars: Sequence[str], row: Row) -> str:
    """A row of `kg query --format csv`: each value's text, blank when unbound."""
    return csv_line(["" if row.get(v) is None else str(row[v]) for v in vars])


def csv_text(vars: Sequence[str], lines: Iterable[str]) -> str:
    """A CSV answer from its rows' lines (csv_row)."""
    return "\n".join([csv_line(list(vars)), *lines]) + "\n"


def to_csv(result: QueryResult) -> str:
    return csv_text(result.vars, (csv_row(result.vars, row) for row in result.rows))


def _json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    assert isinstance(term, Literal)
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype:
        out["datatype"] = str(term.datatype)
    return out


def to_json(result: QueryResult) -> str:
    """The W3C SPARQL 1.1 Query Results JSON format."""
    bindings = [{v: _json_term(t) for v, t in row.items() if t is not None} for row in result.rows]
    doc = {"head": {"vars": result.vars}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


FORMATTERS = {"table": to_table, "csv": to_csv, "json": to_json}
