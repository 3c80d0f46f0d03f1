"""Dates: ISO forms of metadata dates, publication stamps, and lead dates with a known year."""

from __future__ import annotations

import datetime as dt

from kg.reading.patterns import Patterns, patterns


def _iso(year: str, month: str, day: str | None) -> str | None:
    try:
        if day is None:
            dt.date(int(year), int(month), 1)
            return f"{int(year):04d}-{int(month):02d}"
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def iso_date(text: str | None, pat: Patterns | None = None) -> str | None:
    """A metadata date ("2025-06-12", "2025/6/12 08:30", "2025年6月") as YYYY-MM-DD or YYYY-MM."""
    if not text:
        return None
    pat = pat or patterns()
    for regex in pat.iso_date:
        match = regex.match(text.strip())
        if match:
            return _iso(match["y"], match["m"], match.groupdict().get("d"))
    return None


def publication_date(text: str, pat: Patterns | None = None) -> str | None:
    """The date of a publication stamp in `text` (发布时间:2025-12-18), if any."""
    pat = pat or patterns()
    for regex in pat.publication_date:
        match = regex.search(text)
        if match:
            return _iso(match["y"], match["m"], match["d"])
    return None


def lead_date(text: str, year: int | None, pat: Patterns | None = None) -> str | None:
    """The date opening a lead ("1月20日,…") given a year from the text or the page.

    Without a year the date stays unknown: the model holds full ISO dates only.
    """
    pat = pat or patterns()
    for regex in pat.lead_date:
        match = regex.match(text)
        if match:
            y = match["y"] or (str(year) if year else None)
            return _iso(y, match["m"], match["d"]) if y else None
    return None
