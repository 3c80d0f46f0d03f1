"""The SCHEMA.md JSON object for one input file, from its articles' extractions."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from kg.model import Extraction, name_key


def to_contract(source: str, extractions: Iterable[Extraction]) -> dict[str, Any]:
    """Entities merged over the file's articles (by type and name); all triples with evidence."""
    articles: list[dict[str, Any]] = []
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    triples: list[dict[str, Any]] = []
    for ex in extractions:
        art = ex.article
        articles.append({"title": art.title, "date": art.date, "authors": list(art.authors),
                         **({"url": art.url} if art.url else {}),
                         **({"reprint_source": art.reprint_source} if art.reprint_source else {})})
        for ent in ex.entities:
            row = entities.setdefault((ent.type, name_key(ent.label)),
                                      {"label": ent.label, "type": ent.type, "mentions": []})
            for form in [ent.label, *(m.text for m in ent.mentions), *ent.aliases]:
                if form and form not in row["mentions"]:
                    row["mentions"].append(form)
        for t in ex.triples:
            row = {"subject": t.subject, "predicate": t.predicate, "object": t.object,
                   "evidence": t.evidence, "start": t.start, "end": t.end,
                   "confidence": round(t.confidence, 3)}
            if t.role is not None:
                row["role"] = t.role
            if len(articles) > 1 or ex.article.index:
                row["article"] = ex.article.index
            triples.append(row)
    return {"file": Path(source).name, "articles": articles,
            "entities": list(entities.values()), "triples": triples}
