"""Does a line break cut a word? Asked of jieba's dictionary, loaded on first use."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _cutter() -> Callable[[str], list[str]]:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    return lambda text: jieba.lcut(text, HMM=False)


def cuts_word(left: str, right: str, reach: int = 6) -> bool:
    """True when a dictionary word runs across the boundary between `left` and `right`."""
    if not left or not right:
        return False
    head, tail = left[-reach:], right[:reach]
    pos = 0
    for token in _cutter()(head + tail):
        end = pos + len(token)
        if pos < len(head) < end:
            return True
        pos = end
    return False
