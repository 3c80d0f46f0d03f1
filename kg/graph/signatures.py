"""Which entity types each relation may link, read from signatures.tsv."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SIGNATURES_FILE = Path(__file__).with_name("signatures.tsv")


@dataclass(frozen=True)
class Signature:
    predicate: str
    subject_types: frozenset[str]
    object_types: frozenset[str]


@lru_cache(maxsize=1)
def signatures() -> dict[str, Signature]:
    """predicate -> allowed subject and object types."""
    table: dict[str, Signature] = {}
    for line in SIGNATURES_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        predicate, subjects, objects = line.split("\t")
        table[predicate] = Signature(predicate, frozenset(subjects.split(",")),
                                     frozenset(objects.split(",")))
    return table
