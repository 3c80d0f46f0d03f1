"""Sentences and clauses of an article with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』]?|\n+")
QUOTE_OPEN = "“‘「『\"《"
QUOTE_CLOSE = "”’」』\"》"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences without surrounding whitespace; a line break always ends one."""
    sentences: list[Sentence] = []
    pos = 0
    for match in _SENTENCE_END.finditer(text):
        _add(text, pos, match.end(), sentences)
        pos = match.end()
    _add(text, pos, len(text), sentences)
    return sentences


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))
