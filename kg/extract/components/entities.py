"""Component `ukg_entities`: typed entity candidates from lac words and the lexicon."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from kg.extract.components.lac_tagger import doc_text
from kg.extract.lexicon import load_lexicon
from kg.extract.recognize import Recognizer

if not Doc.has_extension("candidates"):
    Doc.set_extension("candidates", default=None)


class EntityRecognizer:
    """Sets `doc._.candidates` and mirrors the named ones in `doc.ents`."""

    def __init__(self) -> None:
        self.recognizer = Recognizer(load_lexicon())

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        words = self.recognizer.refine(text, doc._.lac_words or [])
        cands = self.recognizer.candidates(text, words)
        doc._.candidates = cands
        spans = [s for s in (doc.char_span(c.start, c.end, label=c.type) for c in cands) if s is not None]
        doc.spans["ukg_candidates"] = spans          # may nest: a union inside an event's name
        doc.ents = filter_spans(spans)
        return doc


@Language.factory("ukg_entities", requires=["doc._.lac_words"],
                  assigns=["doc._.candidates", "doc.ents", "doc.spans"])
def make_entity_recognizer(nlp: Language, name: str) -> EntityRecognizer:
    return EntityRecognizer()
