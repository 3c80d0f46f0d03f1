"""Loads the extractor's word lists (data/lexicon.toml) once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

_REMEMBERED = 50_000  # answers kept per word list


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Word classes by section; each list is sorted longest first for greedy matching."""

    sections: dict[str, dict[str, tuple[str, ...]]]
    _indexes: dict[tuple[str, str], tuple[tuple[int, ...], frozenset[str]]] = field(default_factory=dict)
    _endings: dict[tuple[str, str], dict[str, str | None]] = field(default_factory=dict)

    def words(self, section: str, name: str) -> tuple[str, ...]:
        return self.sections[section][name]

    def ends_with(self, text: str, section: str, name: str) -> str | None:
        """The longest word of the list that `text` ends with (remembered: words recur)."""
        seen = self._endings.get((section, name))
        if seen is None:
            seen = self._endings[(section, name)] = {}
        if text in seen:
            return seen[text]
        if len(seen) >= _REMEMBERED:     # bounded: a long stream must not grow memory
            seen.clear()
        found = seen[text] = self._ends_with(text, section, name)
        return found

    def _ends_with(self, text: str, section: str, name: str) -> str | None:
        lengths, words = self._index(section, name)
        for n in lengths:
            if n <= len(text) and text[-n:] in words:
                return text[-n:]
        return None

    def starts_with(self, text: str, words: frozenset[str], lengths: tuple[int, ...]) -> str | None:
        """The longest of `words` (lengths longest first) that `text` starts with."""
        for n in lengths:
            if text[:n] in words:
                return text[:n]
        return None

    def _index(self, section: str, name: str) -> tuple[tuple[int, ...], frozenset[str]]:
        key = (section, name)
        found = self._indexes.get(key)
        if found is None:
            words = self.words(section, name)
            found = self._indexes[key] = (tuple(sorted({len(w) for w in words}, reverse=True)), frozenset(words))
        return found


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = tomllib.loads(resources.files("kg.extract").joinpath("data/lexicon.toml").read_text("utf-8"))
    return Lexicon({sec: {k: _longest_first(v) for k, v in body.items()} for sec, body in raw.items()})
