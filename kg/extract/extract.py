"""Articles in, extractions out: the spaCy pipeline run in batches, in one or several processes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from kg.extract.pipeline import load_pipeline
from kg.model import Article, Extraction
from kg.reading.simplify import analysis_text as simplified

BATCH = 32


def analysis_text(article: Article) -> str:
    """The simplified copy of the same length (made here when the article did not come
    through kg.reading, e.g. built by a caller), else the text itself."""
    alt = article.analysis_text
    if alt is None:
        alt = simplified(article.text)   # OpenCC, ~30M chars/s: nothing beside the model
    return alt if alt is not None and len(alt) == len(article.text) else article.text


def _docs(articles: Iterable[Article]) -> Iterator[Doc]:
    nlp = load_pipeline()
    for article in articles:
        text = analysis_text(article)
        doc = nlp.make_doc(text)
        doc._.article = article
        doc.user_data["text"] = text  # Doc.text is rebuilt from tokens on every access
        yield doc


def extract(articles: Iterable[Article], jobs: int = 1) -> Iterator[Extraction]:
    """One Extraction per article, in input order, streaming in batches of nlp.pipe."""
    if jobs > 1:
        from kg.extract.parallel import extract_parallel

        yield from extract_parallel(articles, jobs)
        return
    nlp = load_pipeline()
    for doc in nlp.pipe(_docs(articles), batch_size=BATCH):
        yield Extraction(article=doc._.article, entities=doc._.entities or [], triples=doc._.triples or [])
