"""read_path: one file (plain text, newspaper page, HTML or JSONL) -> its articles."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.model import Article
from kg.reading.article import build_article
from kg.reading.dates import iso_date, publication_date
from kg.reading.decode import decode_bytes
from kg.reading.files import check_file, read_bytes, size_limit
from kg.reading.html import html_text, looks_like_html
from kg.reading.jsonl import read_jsonl
from kg.reading.layout import repair
from kg.reading.lines import classify_all
from kg.reading.page import split_page

_HTML_SUFFIXES = (".html", ".htm")


def _page_articles(text: str, source: str) -> list[Article]:
    stamp = publication_date(text)
    year = int(stamp[:4]) if stamp else None
    articles: list[Article] = []
    for segment in split_page(text):
        paragraphs = repair(segment.lines)
        if not paragraphs:
            continue
        articles.append(build_article(
            segment.lines, paragraphs, source=source, index=len(articles),
            title=" ".join(segment.headline) or None, page_year=year,
        ))
    return articles


def _html_articles(markup: str, source: str) -> list[Article]:
    page = html_text(markup, source)
    lines = classify_all(page.text)
    paragraphs = [ln.text for ln in lines if ln.kind not in ("blank", "section")]
    if not paragraphs:
        raise KgError(f"{source}: HTML page with no main text to read (only section labels)")
    return [build_article(lines, paragraphs, source=source, index=0, title=page.title,
                          date=iso_date(page.date))]


def read_path(path: str | Path, problems: list[str] | None = None, *,
              max_bytes: int | None = None) -> list[Article]:
    """The articles of one file.

    Whole-file problems (missing, unreadable, empty, binary, undecodable, too large,
    HTML without main text) raise KgError naming the file. Problems that skip only a
    part (a broken JSONL line) are appended to `problems` as "FILE:LINE: what" (logged
    as warnings of the "kg.reading.jsonl" logger when `problems` is None) and the rest
    is read. `max_bytes` overrides the size limit ($KG_MAX_BYTES, else 20 MB); JSONL is
    streamed, so there the limit applies to each line.
    """
    source = str(path)
    path = Path(path)
    limit = size_limit(max_bytes)
    if path.suffix.lower() == ".jsonl":
        check_file(path)
        return read_jsonl(path, source, limit, problems)
    data = read_bytes(path, limit)
    if not data.strip():
        raise KgError(f"{source}: empty file, nothing to read")
    text = decode_bytes(data, source)
    if not text.strip():
        raise KgError(f"{source}: empty file, nothing to read")
    if path.suffix.lower() in _HTML_SUFFIXES or looks_like_html(text):
        return _html_articles(text, source)
    articles = _page_articles(text, source)
    if not articles:
        raise KgError(f"{source}: no article text found (only section labels or bylines)")
    return articles
