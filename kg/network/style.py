"""The map's look and words, read from style.toml (colours, shapes, names per language)."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

Lang = Literal["zh", "en"]
FALLBACK_COLOR = "#999999"


@lru_cache(maxsize=1)
def style() -> dict[str, Any]:
    text = resources.files("kg.network").joinpath("style.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def type_style(entity_type: str) -> dict[str, str]:
    return style()["types"].get(entity_type, {"zh": entity_type, "en": entity_type,
                                              "color": FALLBACK_COLOR, "shape": "dot"})


def predicate_style(predicate: str) -> dict[str, str]:
    return style()["predicates"].get(predicate, {"zh": predicate, "en": predicate, "color": FALLBACK_COLOR})


def ui_words(lang: Lang) -> dict[str, str]:
    return dict(style()["ui"][lang])
