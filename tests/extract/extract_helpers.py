"""Helpers for extractor tests: run the pipeline on one short text written for the test."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article, Extraction


def run(text: str, title: str | None = None, authors: list[str] | None = None,
        reprint_source: str | None = None) -> Extraction:
    article = Article(text=text, source="t.txt", title=title, authors=authors or [],
                      reprint_source=reprint_source)
    return next(iter(extract([article])))


def facts(ex: Extraction) -> set[tuple[str, str, str]]:
    return {(t.subject, t.predicate, t.object) for t in ex.triples}


def entity_types(ex: Extraction) -> dict[str, str]:
    return {e.label: e.type for e in ex.entities}
