"""spaCy components of the extractor, registered by factory on import."""

from kg.extract.components import entities, lac_tagger, relations_component, resolver, tokenizer  # noqa: F401
