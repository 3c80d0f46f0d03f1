"""Tokenizer `ukg.CharTokenizer`: one token per character, in linear time.

spaCy's own Chinese tokenizer with `segmenter = "char"` gives the same tokens, but aligns
them with `util.get_words_and_spaces`, which copies the rest of the text for every
character (quadratic; a fifth of the extractor's rule time on news-length articles).
This one builds the same words and spaces in one regex pass:
- every non-space character is a token; one plain space right after it is its
  trailing whitespace (`token.whitespace_`);
- any other run of whitespace (newlines, a second space, an ideographic space) is one
  token of its own.
Offsets stay exact: token.idx is the character offset in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

# \s and \S follow str.isspace, as spaCy's alignment does
_TOKEN = re.compile(r"(\s+)|(\S)( ?)")


def words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    words: list[str] = []
    spaces: list[bool] = []
    for run, char, space in _TOKEN.findall(text):
        words.append(run or char)
        spaces.append(bool(space))
    return words, spaces


class CharTokenizer:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = words_and_spaces(text)
        return Doc(self.vocab, words=words, spaces=spaces)


@registry.tokenizers("ukg.CharTokenizer")
def create_char_tokenizer() -> Callable[..., CharTokenizer]:
    def make(nlp: object) -> CharTokenizer:
        return CharTokenizer(nlp.vocab)  # type: ignore[attr-defined]

    return make
