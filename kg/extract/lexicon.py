"""Loads the extractor's word lists (data/lexicon.toml) once per process."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Word classes by section; each list is sorted longest first for greedy matching."""

    sections: dict[str, dict[str, tuple[str, ...]]]

    def words(self, section: str, name: str) -> tuple[str, ...]:
        return self.sections[section][name]

    def ends_with(self, text: str, section: str, name: str) -> str | None:
        """The longest word of the list that `text` ends with."""
        for word in self.words(section, name):
            if text.endswith(word):
                return word
        return None


def _longest_first(words: list[str]) -> tuple[str, ...]:
    return tuple(sorted(dict.fromkeys(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    raw = tomllib.loads(resources.files("kg.extract").joinpath("data/lexicon.toml").read_text("utf-8"))
    return Lexicon({sec: {k: _longest_first(v) for k, v in body.items()} for sec, body in raw.items()})
