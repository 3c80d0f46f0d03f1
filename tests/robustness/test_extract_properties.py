"""Property tests of the extractor: any text, no exception; offsets inside the article; evidence = text there."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.model import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth import synth_extractions

# Sentences of synthetic union news, cut and recombined with arbitrary text: near-real input.
_SENTENCES = sorted({s + "。" for ex in synth_extractions(30, seed=5) for s in ex.article.text.split("。") if s})
news_like = st.lists(st.one_of(st.sampled_from(_SENTENCES), st.text(max_size=40)), min_size=1, max_size=6).map("".join)
any_text = st.one_of(st.text(max_size=300), news_like,
                     st.text(alphabet=st.characters(min_codepoint=0x3000, max_codepoint=0x9FFF), max_size=200))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=any_text)
def test_extraction_of_any_text_keeps_offsets_and_evidence_inside_the_article(text: str) -> None:
    article = Article(text=text, source="property.txt")
    for ex in extract([article]):
        assert ex.article.text == text
        for entity in ex.entities:
            for mention in entity.mentions:
                assert 0 <= mention.start <= mention.end <= len(text)
                assert text[mention.start:mention.end] == mention.text
        for triple in ex.triples:
            assert 0 <= triple.start <= triple.end <= len(text)
            assert text[triple.start:triple.end] == triple.evidence
