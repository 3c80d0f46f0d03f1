"""Builds an Article from an article's lines: authors, reprint source, date, simplified copy."""

from __future__ import annotations

from kg.model import Article
from kg.reading.byline import bracket_authors, leading_byline, opening_bracket_byline, unique
from kg.reading.dates import lead_date, publication_date
from kg.reading.lines import Line, source_of
from kg.reading.patterns import Patterns, patterns
from kg.reading.simplify import analysis_text


def _strip_opening(paragraph: str, pat: Patterns) -> tuple[str, list[str]]:
    """The lead without its dateline and byline ("本报讯 (记者 X) 1月20日…" -> "1月20日…")."""
    authors: list[str] = []
    for regex in pat.dateline:
        match = regex.match(paragraph)
        if match:
            paragraph = paragraph[match.end():]
            break
    paragraph = paragraph.lstrip(" \u3000")
    bracket = opening_bracket_byline(paragraph, pat)
    if bracket:
        paragraph = paragraph[bracket[1]:]
    else:
        names, used = leading_byline(paragraph, pat)
        if names:
            authors, paragraph = names, paragraph[used:]
    return paragraph.lstrip(" \u3000"), authors


def _source(lines: list[Line], paragraphs: list[str], pat: Patterns) -> str | None:
    for line in lines:
        if line.source:
            return line.source
    for paragraph in paragraphs:
        for match in pat.brackets.finditer(paragraph):
            found = source_of(match.group(1), pat)
            if found:
                return found
    return None


def build_article(
    lines: list[Line],
    paragraphs: list[str],
    *,
    source: str,
    index: int,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
    page_year: int | None = None,
) -> Article:
    """An Article whose text is `paragraphs` joined by newlines; metadata read from `lines`."""
    pat = patterns()
    text = "\n".join(paragraphs)
    authors = [name for line in lines for name in line.authors]
    lead = next((ln.text for ln in lines if ln.kind == "text"), "")
    lead_rest, lead_authors = _strip_opening(lead, pat)
    authors += lead_authors
    for paragraph in paragraphs:
        authors += bracket_authors(paragraph, pat)
    if date is None:
        date = publication_date(text, pat) or lead_date(lead_rest, page_year, pat)
    return Article(
        text=text,
        source=source,
        index=index,
        title=title or None,
        date=date,
        authors=unique(authors),
        url=url or None,
        reprint_source=_source(lines, paragraphs, pat),
        analysis_text=analysis_text(text),
    )
