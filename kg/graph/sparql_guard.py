"""Keeps `kg query` read-only: refuses SPARQL updates and federated SERVICE calls."""

from __future__ import annotations

import re

from kg.errors import KgError

# Strings, IRIs and comments are blanked first so a keyword inside them does not count.
_STRING_IRI_COMMENT = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\s]*>|#[^\n]*'
)
_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
_UPDATE = re.compile(r"(?<![\w?$:])(" + "|".join(_UPDATE_WORDS) + r")(?![\w:-])", re.IGNORECASE)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.IGNORECASE)


def _code_only(sparql: str) -> str:
    return _STRING_IRI_COMMENT.sub(" ", sparql)


def ensure_read_only(sparql: str) -> None:
    """Raise KgError when the text is an update or calls out to another endpoint."""
    code = _code_only(sparql)
    update = _UPDATE.search(code)
    # ADD/MOVE/COPY/WITH/CREATE only mean an update at the start of an operation; the others anywhere.
    if update and (update.group(1).upper() in {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP"}
                   or not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", code, re.IGNORECASE)):
        raise KgError(f"query refused: {update.group(1).upper()} is a SPARQL update and kg query is "
                      "read-only (use kg ingest / kg remove to change the store)")
    if _SERVICE.search(code):
        raise KgError("query refused: SERVICE calls another endpoint; kg query only reads this store")
