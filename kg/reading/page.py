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


@dataclass
class _Run:
    """Headline-shaped text lines from one start: their indices, and whether a blank
    line separates two of them."""

    indices: list[int]
    gapped: bool


def _bigrams(text: str) -> set[str]:
    chars = [ch for ch in text if "\u4e00" <= ch <= "\u9fff" or ch.isalnum()]
    return {a + b for a, b in itertools.pairwise(chars)}


def _opens_article(text: str, headline: str, pat: Patterns) -> bool:
    """Does the paragraph `text` read as the lead of an article titled `headline`?"""
    if any(r.match(text) for r in pat.lead_openings):
        return True
    pairs = _bigrams(headline)
    window = text[: pat.lead_window]
    return bool(pairs) and sum(p in window for p in pairs) / len(pairs) >= pat.lead_overlap


def _strong_lead(line: Line, pat: Patterns) -> bool:
    """A byline or source line, or a paragraph opening with a dateline or bracketed byline."""
    if line.kind in ("byline", "source"):
        return True
    return line.kind == "text" and (any(r.match(line.text) for r in pat.dateline)
                                    or opening_bracket_byline(line.text, pat) is not None)


def _next_content(lines: list[Line], start: int) -> int | None:
    for i in range(start, len(lines)):
        if lines[i].kind != "blank":
            return i
    return None


def _previous_content(lines: list[Line], i: int) -> Line | None:
    for j in range(i - 1, -1, -1):
        if lines[j].kind != "blank":
            return lines[j]
    return None


def _run(lines: list[Line], i: int, pat: Patterns) -> _Run:
    """Headline-shaped lines from i, adjacent or one blank line apart (at most max_lines)."""
    indices: list[int] = []
    gapped = False
    j = i
    while j < len(lines) and lines[j].kind == "text" and len(indices) < pat.headline_max_lines:
        if headline_shape(lines[j].text, pat) is None:
            break
        indices.append(j)
        j += 1
        if j + 1 < len(lines) and lines[j].kind == "blank" and lines[j + 1].kind == "text" \
                and headline_shape(lines[j + 1].text, pat) is not None:
            gapped, j = True, j + 1
    return _Run(indices, gapped)


def _starts_block(lines: list[Line], i: int, pat: Patterns) -> tuple[bool, bool]:
    """(may a headline start at i, does a finished block or section label precede it)."""
    if i > 0 and lines[i - 1].kind not in ("blank", "section"):
        return False, False
    previous = _previous_content(lines, i)
    if previous is None:
        return True, False
    if previous.kind != "text" or ends_sentence(previous.text, pat):
        return True, True
    # Text breaking off mid-sentence continues below; a short standalone line does not.
    return headline_shape(previous.text, pat) is not None, False


def _headline_at(lines: list[Line], i: int, first: bool, pat: Patterns) -> list[int]:
    """Indices of the headline lines starting at i, or [] when no headline starts there."""
    run = _run(lines, i, pat)
    if not run.indices:
        return []
    may_start, after_block = _starts_block(lines, i, pat)
    if not may_start:
        return []
    adjacent = [k for n, k in enumerate(run.indices) if k == i + n]
    # Shorter prefixes too: the last line of a run may be the lead's first, wrapped line.
    candidates = [adjacent[:n] for n in range(len(adjacent), 0, -1)]
    if run.gapped and after_block:
        # Lines a blank apart make one headline only after a finished block, right before a lead.
        candidates.insert(0, run.indices)
    for indices in candidates:
        if _confirmed(lines, indices, first, gapped=indices is run.indices and run.gapped, pat=pat):
            return indices
    return []


def _confirmed(lines: list[Line], indices: list[int], first: bool, *, gapped: bool, pat: Patterns) -> bool:
    """Is what follows the headline lines `indices` the start of their article? Headlines
    a blank apart or with a comma or colon inside need a dateline or byline after them."""
    nxt = _next_content(lines, indices[-1] + 1)
    if nxt is None:
        return False
    follower = lines[nxt]
    if _strong_lead(follower, pat):
        return True
    relaxed = any(headline_shape(lines[k].text, pat) == "relaxed" for k in indices)
    if gapped or relaxed or follower.kind != "text":
        return False
    if cuts_word(lines[indices[-1]].text, follower.text):
        return False
    if first and headline_shape(follower.text, pat) is None:
        return True          # the file opens with its headline
    headline = " ".join(lines[k].text for k in indices)
    return _opens_article(follower.text, headline, pat)


def _furniture(segment: Segment, pat: Patterns) -> bool:
    """An untitled segment of headline-like lines only (a page name, a masthead)."""
    texts = [ln for ln in segment.lines if ln.kind not in ("blank", "section")]
    return not segment.headline and all(
        ln.kind == "text" and headline_shape(ln.text, pat) is not None for ln in texts)


def _has_content(segment: Segment) -> bool:
    return bool(segment.headline) or any(ln.kind not in ("blank", "section") for ln in segment.lines)


def split_page(text: str, pat: Patterns | None = None) -> list[Segment]:
    """The articles of a page, in order. A section label ends the article before it; text
    before the first headline or after a section label is an untitled article, unless it
    is only page furniture (a masthead) and the page has other articles."""
    pat = pat or patterns()
    lines = classify_all(text, pat)
    segments = [Segment([], [])]
    first = True
    i = 0
    while i < len(lines):
        line = lines[i]
        headline = _headline_at(lines, i, first, pat) if line.kind == "text" else []
        if headline:
            segments.append(Segment([lines[k].text for k in headline], []))
            i = headline[-1] + 1
            first = False
            continue
        if line.kind == "section" and _has_content(segments[-1]):
            segments.append(Segment([], []))
        elif line.kind != "blank":
            first = first and line.kind == "section"
            segments[-1].lines.append(line)
        i += 1
    found = [s for s in segments if _has_content(s)]
    if len(found) > 1 and _furniture(found[0], pat):
        found = found[1:]
    return found
