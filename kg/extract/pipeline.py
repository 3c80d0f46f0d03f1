"""Builds the extractor's spaCy pipeline from config.cfg, once per process."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

import spacy
from spacy.language import Language

import kg.extract.components  # noqa: F401  (registers the factories)


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    text = resources.files("kg.extract").joinpath("config.cfg").read_text("utf-8")
    config = spacy.util.load_config_from_str(text)
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)
