"""Puts extractions into a store, one atomic named-graph replace per article, and counts what it did."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.graph.iris import article_iri
from kg.graph.rdf import extraction_to_graph
from kg.graph.store import Store
from kg.graph.vocab import UKG
from kg.model import Extraction

SHOWN = 10  # reasons listed in the summary; a broken JSONL file can have thousands


@dataclass
class IngestSummary:
    files: int = 0
    articles: int = 0
    triples: int = 0                     # RDF triples written (entities, facts, fact nodes, posts)
    facts: int = 0                       # fact nodes: one per relation an article states
    # Hashes of the entity IRIs seen, to count distinct ones: a set of strings would grow
    # by a few hundred bytes per new entity over an ingest of any size.
    entities: set[int] = field(default_factory=set)
    skipped: list[str] = field(default_factory=list)     # whole files or articles not stored, with why
    left_out: list[str] = field(default_factory=list)    # triples not stored, with why

    def lines(self) -> list[str]:
        out = [(f"files: {self.files}   articles: {self.articles}   entities: {len(self.entities)}   "
                f"facts: {self.facts}   triples: {self.triples}   skipped: {len(self.skipped)}")]
        out += [f"  skipped {why}" for why in self.skipped[:SHOWN]]
        if len(self.skipped) > SHOWN:
            out.append(f"  ... and {len(self.skipped) - SHOWN} more skipped")
        if self.left_out:
            out.append(f"  {len(self.left_out)} extracted relation(s) left out (ends not typed as the "
                       "schema requires or not among the article's entities), e.g.:")
            out += [f"    {why}" for why in self.left_out[:5]]
        return out


def ingest_extraction(store: Store, ex: Extraction, summary: IngestSummary) -> None:
    """Replace the article's named graph with what the extraction says."""
    problems: list[str] = []
    graph = extraction_to_graph(ex, problems)
    store.put_article(str(article_iri(ex.article)), graph)
    summary.articles += 1
    summary.triples += len(graph)
    summary.facts += sum(1 for _ in graph.subjects(predicate=None, object=UKG.Fact))
    summary.entities.update(hash(str(o)) for o in graph.objects(predicate=UKG.mention))
    where = ex.article.title or f"{ex.article.source}#{ex.article.index}"
    summary.left_out += [f"{where}: {p}" for p in problems]


def ingest_extractions(store: Store, extractions: Iterable[Extraction],
                       summary: IngestSummary | None = None) -> IngestSummary:
    summary = summary or IngestSummary()
    for ex in extractions:
        ingest_extraction(store, ex, summary)
    return summary
