"""Sentences and clauses of an article with their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SENTENCE_END = re.compile(r"[。！？!?；;]+[”’」』]?|\n+")
# A dateline with its byline opening a paragraph (本报讯（记者 X 通讯员 Y）, 某某网讯, 本報訊（記者 X）):
# its own segment, so evidence sentences start where the news does.
_DATELINE = re.compile(r"^[^\n，。,（(“”\"：:、；]{0,16}?[讯訊](?![员員])(?=[ \t\u3000（(\d]|近日|日前)"
                       r"[ \t\u3000]*(?:[（(][^）)\n]{0,40}[）)])?[ \t\u3000]*", re.MULTILINE)
QUOTE_OPEN = "“‘「『\"《"
QUOTE_CLOSE = "”’」』\"》"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentences without surrounding whitespace; a line break always ends one."""
    sentences: list[Sentence] = []
    cuts = sorted({m.end() for m in _SENTENCE_END.finditer(text)}
                  | {m.end() for m in _DATELINE.finditer(text) if m.end() > m.start()})
    pos = 0
    for cut in cuts:
        _add(text, pos, cut, sentences)
        pos = cut
    _add(text, pos, len(text), sentences)
    return sentences


def _add(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))
