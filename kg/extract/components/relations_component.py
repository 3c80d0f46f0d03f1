"""Component `ukg_relations`: triples with evidence sentences and offsets."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.components.lac_tagger import doc_text
from kg.extract.lexicon import load_lexicon
from kg.extract.relations import RelationFinder
from kg.model import Article

if not Doc.has_extension("triples"):
    Doc.set_extension("triples", default=None)


class RelationExtractor:
    def __init__(self) -> None:
        self.finder = RelationFinder(load_lexicon())

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        article: Article = doc._.article or Article(text=text, source="<text>")
        doc._.triples = self.finder.find(article, text, doc._.resolved or [])
        return doc


@Language.factory("ukg_relations", requires=["doc._.resolved"], assigns=["doc._.triples"])
def make_relations(nlp: Language, name: str) -> RelationExtractor:
    return RelationExtractor()
