"""Extraction: Chinese union news articles -> entities and triples with evidence (a spaCy pipeline)."""

from kg.extract.contract import to_contract
from kg.extract.extract import extract

__all__ = ["extract", "to_contract"]
