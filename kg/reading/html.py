"""HTML page -> its main text (paragraphs as lines), title and date, by trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

import trafilatura
from trafilatura.settings import Document

from kg.errors import KgError
from kg.reading.patterns import patterns


@dataclass
class HtmlText:
    text: str
    title: str | None
    date: str | None


def looks_like_html(text: str) -> bool:
    return bool(patterns().html.match(text[:2048]))


def _without_site_name(title: str) -> str:
    """标题_某某职工网 -> 标题 (each site-name suffix in turn)."""
    suffix = patterns().title_site_suffix
    while (stripped := suffix.sub("", title)) != title and stripped.strip():
        title = stripped.strip()
    return title


def _extract(markup: str) -> Document | None:
    for recall in (False, True):
        try:
            doc = trafilatura.bare_extraction(markup, with_metadata=True, favor_recall=recall,
                                              include_comments=False)
        except Exception:    # noqa: BLE001 - a parser failing on broken markup is "no text"
            doc = None
        if isinstance(doc, Document) and (doc.text or "").strip():
            return doc
    return None


def html_text(markup: str, name: str) -> HtmlText:
    """Main text of an HTML page; KgError naming `name` when there is none."""
    doc = _extract(markup)
    if doc is None and not re.search(r"<body\b", markup[:100000], re.IGNORECASE):
        doc = _extract(f"<html><body>{markup}</body></html>")
    if doc is None:
        raise KgError(f"{name}: HTML page with no main text to read")
    title = _without_site_name((doc.title or "").strip()) or None
    lines = [line.strip() for line in (doc.text or "").split("\n")]
    if title and title in lines[:8]:
        # trafilatura repeats the <h1> headline; what comes before it is page furniture.
        lines = lines[lines.index(title) + 1:]
    text = "\n".join(line for line in lines if line)
    if not text:
        raise KgError(f"{name}: HTML page with no main text to read")
    return HtmlText(text=text, title=title, date=doc.date)
