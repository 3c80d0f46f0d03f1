"""JSON Lines: one article per line {"text", "url"?, "title"?, "date"?}, streamed."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from kg.errors import KgError
from kg.model import Article
from kg.reading.article import build_article
from kg.reading.dates import iso_date
from kg.reading.lines import classify_all
from kg.reading.page import split_page

_CHUNK = 1 << 20
_log = logging.getLogger(__name__)


def _lines(handle: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line; None for a line longer than `limit` (skipped)."""
    number = 0
    while True:
        raw = handle.readline(limit + 1)
        if not raw:
            return
        number += 1
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):
                raw = handle.readline(_CHUNK)
            yield number, None
            continue
        yield number, raw


def _optional_str(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return value.strip() or None if isinstance(value, str) else None


def _article(obj: Any, source: str, index: int) -> Article:
    if not isinstance(obj, dict):
        raise TypeError("not a JSON object")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError('no "text" string')
    title = _optional_str(obj, "title")
    lines = classify_all(text)
    if title is None:
        # No title given: a headline opening the text is the title, as on a page.
        segments = split_page(text)
        if len(segments) == 1 and segments[0].headline:
            title, lines = " ".join(segments[0].headline), segments[0].lines
    paragraphs = [ln.text for ln in lines if ln.kind not in ("blank", "section")]
    if not paragraphs:
        raise ValueError('"text" holds only section labels')
    return build_article(
        lines, paragraphs, source=source, index=index, title=title,
        url=_optional_str(obj, "url"), date=iso_date(_optional_str(obj, "date")),
    )


def _report(problem: str, problems: list[str] | None) -> None:
    if problems is None:
        _log.warning("%s", problem)
    else:
        problems.append(problem)


def read_jsonl(path: Path, source: str, limit: int, problems: list[str] | None) -> list[Article]:
    """The articles of a JSONL file; a broken line is skipped and reported to `problems`
    (or logged as a warning when no list is given)."""
    articles: list[Article] = []
    seen_content = False
    try:
        with path.open("rb") as handle:
            for number, raw in _lines(handle, limit):
                problem = None
                if raw is None:
                    problem = f"line longer than the limit of {limit} bytes, skipped"
                else:
                    if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                        raw = raw[3:]
                    if not raw.strip():
                        continue
                    seen_content = True
                    try:
                        obj = json.loads(raw.decode("utf-8"))
                        articles.append(_article(obj, source, len(articles)))
                    except UnicodeDecodeError:
                        problem = "not UTF-8 text, skipped"
                    except (ValueError, TypeError, RecursionError) as exc:
                        problem = f"{str(exc).splitlines()[0] if str(exc) else 'bad JSON'}, skipped"
                if problem:
                    seen_content = True
                    _report(f"{source}:{number}: {problem}", problems)
    except OSError as exc:
        raise KgError(f"{source}: cannot read ({exc.strerror or exc})") from None
    if not seen_content:
        raise KgError(f"{source}: empty file, nothing to read")
    return articles
