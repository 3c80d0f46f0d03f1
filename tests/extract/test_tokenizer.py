"""The character tokenizer gives spaCy's own char-segmenter tokens, in linear time."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.util import get_words_and_spaces

from kg.extract.components.tokenizer import words_and_spaces
from kg.extract.pipeline import load_pipeline

# Han characters, punctuation, and every kind of whitespace spaCy treats specially
TEXT = st.text(alphabet=st.sampled_from(list("工会职工驿站，。：“”ab1 \n\t\r\u3000\xa0\x85\u2028")), max_size=40)


@given(TEXT)
@settings(max_examples=400, deadline=None)
def test_same_words_and_spaces_as_spacy_alignment(text: str) -> None:
    assert words_and_spaces(text) == get_words_and_spaces(list(text), text)


def test_token_offsets_are_character_offsets() -> None:
    text = "市总工会 慰问\n\n环卫工人。  再见"
    doc = load_pipeline().make_doc(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text
    assert [t.text for t in doc][:5] == ["市", "总", "工", "会", "慰"]
    assert doc[3].whitespace_ == " "


def test_long_text_tokenizes_in_one_pass() -> None:
    text = "工会" * 50_000 + "\n" + "驿站 " * 10_000
    words, spaces = words_and_spaces(text)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text
