"""Component `ukg_resolver`: ties mentions to entities (abbreviations, anaphors) inside the article."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.lac_tagger import doc_text
from kg.extract.lexicon import load_lexicon
from kg.extract.recognize import Candidate
from kg.extract.resolve import Resolved, Resolver, build_entities
from kg.model import Article

for _name in ("article", "resolved", "entities"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

_DOCUMENT_TITLE = re.compile(r"《[^》\n]{1,40}》")


class EntityResolver:
    """Sets `doc._.resolved` (mentions with labels) and `doc._.entities` (kg.model.Entity)."""

    def __init__(self) -> None:
        self.resolver = Resolver(load_lexicon())

    def __call__(self, doc: Doc) -> Doc:
        article: Article | None = doc._.article
        text = doc_text(doc)
        original = article.text if article else text
        cands = _outside_titles(text, doc._.candidates or [])
        resolved = self.resolver.resolve(text, original, cands)
        resolved.extend(_byline_people(article, resolved))
        resolved.extend(_reprint_source(article))
        resolved.sort(key=lambda r: r.start)
        doc._.resolved = resolved
        doc._.entities = build_entities(original, resolved)
        return doc


def _outside_titles(text: str, cands: list[Candidate]) -> list[Candidate]:
    """Names inside 《…》 belong to songs and documents, not to the graph."""
    titles = [m.span() for m in _DOCUMENT_TITLE.finditer(text)]
    return [c for c in cands if not any(s <= c.start and c.end <= e for s, e in titles)]


def _byline_people(article: Article | None, resolved: list[Resolved]) -> list[Resolved]:
    if article is None:
        return []
    known = {r.label for r in resolved if r.type == "Person"}
    out = []
    for name in article.authors:
        if name in known:
            continue
        at = article.text.find(name)
        out.append(Resolved(max(at, 0), (max(at, 0)) + len(name) if at >= 0 else 0,
                            "Person", name))
    return out


def _reprint_source(article: Article | None) -> list[Resolved]:
    if article is None or not article.reprint_source:
        return []
    name = article.reprint_source.strip("《》 ")
    for form in (f"《{name}》", name):
        at = article.text.find(form)
        if at >= 0:
            return [Resolved(at, at + len(form), "Organization", name)]
    return [Resolved(0, 0, "Organization", name)]


@Language.factory("ukg_resolver", requires=["doc._.candidates"], assigns=["doc._.resolved", "doc._.entities"])
def make_resolver(nlp: Language, name: str) -> EntityResolver:
    return EntityResolver()
