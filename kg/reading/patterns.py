"""Loads the reader's knowledge (patterns.toml) into compiled, typed form."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Patterns:
    """Compiled markers and regexes from patterns.toml; see the comments there."""

    section_prefixes: tuple[str, ...]
    section: tuple[re.Pattern[str], ...]
    dateline: tuple[re.Pattern[str], ...]
    author_roles: tuple[str, ...]          # longest first
    other_roles: tuple[str, ...]           # longest first
    not_names: frozenset[str]
    photo_suffixes: tuple[str, ...]
    report_suffixes: tuple[str, ...]
    outlet_suffixes: tuple[str, ...]
    name_separators: re.Pattern[str]
    credit_separators: re.Pattern[str]
    name: re.Pattern[str]
    place_separator: re.Pattern[str]
    brackets: re.Pattern[str]
    dated_byline: re.Pattern[str]
    source: tuple[re.Pattern[str], ...]
    info_line_max: int
    publication_date: tuple[re.Pattern[str], ...]
    lead_date: tuple[re.Pattern[str], ...]
    iso_date: tuple[re.Pattern[str], ...]
    headline_max_length: int
    headline_min_length: int
    headline_max_lines: int
    headline_inner_punctuation: frozenset[str]
    headline_non_final: frozenset[str]
    headline_relaxed_punctuation: frozenset[str]
    headline_relaxed_max_length: int
    not_headline: tuple[re.Pattern[str], ...]
    lead_openings: tuple[re.Pattern[str], ...]
    lead_overlap: float
    lead_window: int
    final_punctuation: frozenset[str]
    html: re.Pattern[str]
    title_site_suffix: re.Pattern[str]


def _compile(items: list[str], flags: int = 0) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(item, flags) for item in items)


def _longest_first(items: list[str]) -> tuple[str, ...]:
    return tuple(sorted(items, key=len, reverse=True))


@lru_cache(maxsize=1)
def patterns() -> Patterns:
    """The reader's patterns, loaded once."""
    raw = tomllib.loads(resources.files("kg.reading").joinpath("patterns.toml").read_text("utf-8"))
    sec, byl, hl = raw["section"], raw["byline"], raw["headline"]
    return Patterns(
        section_prefixes=tuple(sec["prefixes"]),
        section=_compile(sec["patterns"]),
        dateline=_compile(raw["dateline"]["patterns"]),
        author_roles=_longest_first(byl["author_roles"]),
        other_roles=_longest_first(byl["other_roles"]),
        not_names=frozenset(byl["not_names"]),
        photo_suffixes=tuple(byl["photo_suffixes"]),
        report_suffixes=_longest_first(byl["report_suffixes"]),
        outlet_suffixes=_longest_first(byl["outlet_suffixes"]),
        name_separators=re.compile(byl["name_separators"]),
        credit_separators=re.compile(byl["credit_separators"]),
        name=re.compile(byl["name"]),
        place_separator=re.compile(byl["place_separator"]),
        brackets=re.compile(byl["brackets"]),
        dated_byline=re.compile(byl["dated"]),
        source=_compile(raw["source"]["patterns"]),
        info_line_max=int(raw["source"]["info_line_max"]),
        publication_date=_compile(raw["date"]["publication"], re.MULTILINE),
        lead_date=_compile(raw["date"]["lead"]),
        iso_date=_compile(raw["date"]["iso"]),
        headline_max_length=int(hl["max_length"]),
        headline_min_length=int(hl["min_length"]),
        headline_max_lines=int(hl["max_lines"]),
        headline_inner_punctuation=frozenset(hl["inner_punctuation"]),
        headline_non_final=frozenset(hl["non_final"]),
        headline_relaxed_punctuation=frozenset(hl["relaxed_punctuation"]),
        headline_relaxed_max_length=int(hl["relaxed_max_length"]),
        not_headline=_compile(hl["not_headline"]),
        lead_openings=_compile(hl["lead_openings"]),
        lead_overlap=float(hl["lead_overlap"]),
        lead_window=int(hl["lead_window"]),
        final_punctuation=frozenset(raw["layout"]["final"]),
        html=re.compile(raw["html"]["looks_like"], re.IGNORECASE | re.DOTALL),
        title_site_suffix=re.compile(raw["html"]["title_site_suffix"]),
    )
