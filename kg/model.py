"""The typed data model shared by every stage: reading, extraction, graph, network."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Union", "Organization", "Person", "Site", "Place", "Event", "WorkerGroup"]
ENTITY_TYPES: tuple[EntityType, ...] = (
    "Union", "Organization", "Person", "Site", "Place", "Event", "WorkerGroup",
)

Predicate = Literal[
    "hosts", "coOrganizes", "visits", "serves", "holdsPosition",
    "subOrganizationOf", "locatedIn", "participatesIn", "author",
]
PREDICATES: tuple[Predicate, ...] = (
    "hosts", "coOrganizes", "visits", "serves", "holdsPosition",
    "subOrganizationOf", "locatedIn", "participatesIn", "author",
)

# Marks the scorer (and our entity keys) ignore when comparing names.
_NAME_NOISE = set("“”\"'‘’《》「」『』〈〉·・•• \t\r\n\u3000")


def name_key(name: str) -> str:
    """Normalised form of a name: NFKC, without quotes, spaces and middle dots."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(ch for ch in text if ch not in _NAME_NOISE)


@dataclass
class Article:
    """One news article. `text` is the original text; offsets everywhere index into it."""

    text: str
    source: str                       # the file it came from (path as given)
    index: int = 0                    # position of the article in its file
    title: str | None = None          # headline (may span several lines, joined)
    date: str | None = None           # ISO date when known (YYYY-MM-DD or YYYY-MM)
    authors: list[str] = field(default_factory=list)   # bylines: 记者/通讯员 names
    url: str | None = None
    reprint_source: str | None = None  # 转自《…》 / 来源: … (an Organization, not an author)
    analysis_text: str | None = None  # simplified-Chinese copy, same length as `text`

    @property
    def key(self) -> str:
        """Stable identity: from the URL when known, else from the normalised text."""
        basis = self.url or "".join(unicodedata.normalize("NFKC", self.text).split())
        return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


@dataclass
class Mention:
    """A span of the article that names (or refers to) an entity."""

    text: str
    start: int
    end: int


@dataclass
class Entity:
    """An entity of one article: its fullest name, type and the forms that refer to it."""

    label: str
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)   # other surface forms occurring in the text

    @property
    def key(self) -> str:
        return name_key(self.label)


@dataclass
class Triple:
    """A fact with its evidence: the sentence it came from and its offsets in the article."""

    subject: str                 # entity label (for author: the article's headline)
    predicate: Predicate
    object: str                  # entity label
    evidence: str
    start: int                   # evidence offsets in Article.text: text[start:end] == evidence
    end: int
    confidence: float = 1.0
    role: str | None = None      # holdsPosition only: the title string (党组书记、副主席)


@dataclass
class Extraction:
    """What the extractor found in one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    triples: list[Triple] = field(default_factory=list)

    def entity(self, label: str) -> Entity | None:
        for ent in self.entities:
            if ent.label == label:
                return ent
        return None
