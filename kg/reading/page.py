"""A newspaper page -> its articles: headlines found, section labels dropped."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from kg.reading.byline import opening_bracket_byline
from kg.reading.layout import ends_sentence, headline_shape
from kg.reading.lines import Line, classify_all
from kg.reading.patterns import Patterns, patterns
from kg.reading.words import cuts_word


@dataclass
class Segment:
    """The lines of one article on a page, with its headline lines (may be empty)."""

    headline: list[str]
    lines: list[Line]


def _bigrams(text: str) -> set[str]:
    chars = [ch for ch in text if "\u4e00" <= ch <= "\u9fff" or ch.isalnum()]
    return {a + b for a, b in itertools.pairwise(chars)}


def _opens_article(text: str, headline: str, pat: Patterns) -> bool:
    """Does the paragraph `text` read as the lead of an article titled `headline`?"""
    if any(r.match(text) for r in pat.dateline) or any(r.match(text) for r in pat.lead_openings):
        return True
    if opening_bracket_byline(text, pat):
        return True
    pairs = _bigrams(headline)
    window = text[: pat.lead_window]
    return bool(pairs) and sum(p in window for p in pairs) / len(pairs) >= pat.lead_overlap


def _next_content(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        if lines[i].kind not in ("blank", "section"):
            return i
    return None


def _headline_run(lines: list[Line], i: int, pat: Patterns) -> tuple[int, bool]:
    """(number of consecutive headline-shaped text lines from i, whether any is only
    relaxed-shaped); 0 lines when none or too many."""
    n, relaxed = 0, False
    while i + n < len(lines) and lines[i + n].kind == "text":
        shape = headline_shape(lines[i + n].text, pat)
        if shape is None:
            break
        relaxed = relaxed or shape == "relaxed"
        n += 1
    return (n if n <= pat.headline_max_lines else 0), relaxed


def _strong_lead(line: Line, pat: Patterns) -> bool:
    """A byline or source line, or a paragraph opening with a dateline or bracketed byline."""
    if line.kind in ("byline", "source"):
        return True
    return line.kind == "text" and (any(r.match(line.text) for r in pat.dateline)
                                    or opening_bracket_byline(line.text, pat) is not None)


def _is_headline(lines: list[Line], i: int, n: int, relaxed: bool, first: bool, pat: Patterns) -> bool:
    """Lines i..i+n form a headline: they start a block, and a lead follows them."""
    before = [ln for ln in lines[:i] if ln.kind != "section"]
    if before and before[-1].kind != "blank":
        return False
    previous_text = next((ln for ln in reversed(before) if ln.kind != "blank"), None)
    if (previous_text is not None and previous_text.kind == "text" and not ends_sentence(previous_text.text, pat)
            and headline_shape(previous_text.text, pat) is None):
        return False         # the text before breaks off mid-sentence
    nxt = _next_content(lines, i + n)
    if nxt is None:
        return False
    follower = lines[nxt]
    if _strong_lead(follower, pat):
        return True
    if relaxed or follower.kind != "text":
        return False
    if cuts_word(lines[i + n - 1].text, follower.text):
        return False
    if first and headline_shape(follower.text, pat) is None:
        return True          # the file opens with its headline
    headline = " ".join(ln.text for ln in lines[i:i + n])
    return _opens_article(follower.text, headline, pat)


def _furniture(segment: Segment, pat: Patterns) -> bool:
    """An untitled segment of headline-like lines only (a page name, a masthead)."""
    texts = [ln for ln in segment.lines if ln.kind not in ("blank", "section")]
    return not segment.headline and all(
        ln.kind == "text" and headline_shape(ln.text, pat) is not None for ln in texts)


def split_page(text: str, pat: Patterns | None = None) -> list[Segment]:
    """The articles of a page, in order. Text before the first headline is an untitled
    article, unless it is only page furniture and the page has articles."""
    pat = pat or patterns()
    lines = classify_all(text, pat)
    segments = [Segment([], [])]
    first = True
    i = 0
    while i < len(lines):
        n, relaxed = _headline_run(lines, i, pat) if lines[i].kind == "text" else (0, False)
        if n and _is_headline(lines, i, n, relaxed, first, pat):
            segments.append(Segment([ln.text for ln in lines[i:i + n]], []))
            i += n
            first = False
            continue
        if lines[i].kind not in ("blank", "section"):
            first = False
        segments[-1].lines.append(lines[i])
        i += 1
    found = [s for s in segments if s.headline or any(ln.kind not in ("blank", "section") for ln in s.lines)]
    if len(found) > 1 and _furniture(found[0], pat):
        found = found[1:]
    return found
