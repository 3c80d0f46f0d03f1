"""Simplified-Chinese copies of traditional text, character-aligned with the original."""

from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@lru_cache(maxsize=65536)
def _char(ch: str) -> str:
    out = _converter().convert(ch)
    return out if len(out) == 1 else ch


def analysis_text(text: str) -> str | None:
    """`text` in simplified characters with exactly its length; None if nothing changes.

    Phrase conversion is tried first; when it changes the length, each character is
    converted alone so that offsets stay shared with the original.
    """
    simplified = _converter().convert(text)
    if len(simplified) != len(text):
        simplified = "".join(_char(ch) for ch in text)
    return None if simplified == text else simplified
