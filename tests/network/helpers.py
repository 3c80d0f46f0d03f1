"""Small helpers shared by the network tests."""

from __future__ import annotations

ID = "https://union-kg.org/id/"


def iri(kind: str, name: str) -> str:
    """The IRI of an entity of the sample corpus (or an article, with kind "article")."""
    return f"{ID}{kind}/{name}"
