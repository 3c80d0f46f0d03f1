"""Lines of a page: what each line is (section label, byline, source, credit, text)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from kg.reading.byline import leading_byline, parse_byline
from kg.reading.patterns import Patterns, patterns

LineKind = Literal["blank", "section", "source", "byline", "credit", "text"]


@dataclass
class Line:
    """One physical line of a page, stripped, with what it is."""

    text: str
    kind: LineKind
    authors: list[str] = field(default_factory=list)   # byline and source lines
    source: str | None = None                          # source lines only


def split_lines(text: str) -> list[str]:
    """Physical lines, whatever the newline convention, stripped of surrounding spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [line.strip(" \t\u3000\ufeff\u00a0\u200b\x0b\x0c") for line in text.split("\n")]


def source_of(line: str, pat: Patterns) -> str | None:
    """The outlet named by a reprint/source line (转自《X》, 来源:X, or a short information
    line "作者：X　来源：Y"), else None."""
    for regex in pat.source:
        match = regex.search(line)
        if match and (match.start() == 0 or len(line) <= pat.info_line_max):
            return match.group("source").strip("《》 ")
    return None


def _info_line_authors(line: str, pat: Patterns) -> list[str]:
    """Authors named anywhere in a source line ("来源：某报　作者：王某", "作者：王某　来源：某报")."""
    starts = sorted({at for role in pat.author_roles if (at := line.find(role)) >= 0})
    for at in starts:
        names = leading_byline(line[at:], pat)[0]
        if names:
            return names
    return []


def _bracketed_byline(line: str, pat: Patterns) -> list[str] | None:
    match = pat.brackets.fullmatch(line)
    return parse_byline(match.group(1), pat) if match else None


def classify(line: str, pat: Patterns | None = None) -> Line:
    """What a stripped physical line is."""
    pat = pat or patterns()
    if not line:
        return Line(line, "blank")
    source = source_of(line, pat)
    if source:
        return Line(line, "source", authors=_info_line_authors(line, pat), source=source)
    authors = _bracketed_byline(line, pat)
    if authors is None and len(line) <= 60:
        authors = parse_byline(line, pat)
    if authors is not None:
        return Line(line, "byline" if authors else "credit", authors=authors)
    if line.startswith(pat.section_prefixes) or any(r.match(line) for r in pat.section):
        return Line(line, "section")
    return Line(line, "text")


def classify_all(text: str, pat: Patterns | None = None) -> list[Line]:
    pat = pat or patterns()
    return [classify(line, pat) for line in split_lines(text)]
