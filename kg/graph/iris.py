"""Stable IRIs: entities from type and simplified name key, articles, fact and post nodes."""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache

from rdflib import URIRef

from kg.graph.vocab import ID_BASE
from kg.model import Article, name_key

_UNRESERVED_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


@lru_cache(maxsize=1)
def _t2s():  # type: ignore[no-untyped-def]
    import opencc  # C++ extension: loaded once, only when IRIs are made

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters converted to simplified (臺北市總工會 -> 台北市总工会)."""
    return str(_t2s().convert(text)) if text else text


# RFC 3987 ucschar: the non-ASCII code points an IRI may hold unescaped (private use excluded).
_UCSCHAR = ((0xA0, 0xD7FF), (0xF900, 0xFDCF), (0xFDF0, 0xFFEF),
            *((plane, plane + 0xFFFD) for plane in range(0x10000, 0xE0000, 0x10000)),
            (0xE1000, 0xEFFFD))


def _iri_safe(ch: str) -> bool:
    code = ord(ch)
    if code < 0x80:
        return ch in _UNRESERVED_ASCII
    return any(low <= code <= high for low, high in _UCSCHAR)


def escape_name(name: str) -> str:
    """Percent-encode what an IRI path segment cannot hold; Chinese characters stay as they are."""
    return "".join(ch if _iri_safe(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8"))
                   for ch in name)


@lru_cache(maxsize=65536)  # the same names recur across articles; OpenCC is the slow part
def entity_key(label: str) -> str:
    """The name an entity IRI is made from: name_key in simplified characters.

    NFC once more at the end: dropping a space can leave a letter and a combining mark
    that compose, and the key of a key must be the key itself.
    """
    return unicodedata.normalize("NFC", simplified(name_key(label)))


def entity_iri(entity_type: str, label: str) -> URIRef:
    """`https://union-kg.org/id/{type}/{simplified name key}`: the same name and type is one node."""
    key = entity_key(label)
    if not key:  # a label made only of quotes and spaces: still give it a stable node
        key = "_" + hashlib.sha1(label.encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{ID_BASE}{entity_type.lower()}/{escape_name(key)}")


def article_iri(article: Article) -> URIRef:
    """The article node and the IRI of its named graph."""
    return URIRef(f"{ID_BASE}article/{article.key}")


def _digest(*parts: str) -> str:
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()[:12]


def fact_iri(article: URIRef, subject: URIRef, predicate: URIRef, obj: URIRef, role: str | None) -> URIRef:
    """The node describing one fact of one article."""
    return URIRef(f"{article}/fact/{_digest(subject, predicate, obj, role or '')}")


def post_iri(person: URIRef, organization: URIRef, role: str) -> URIRef:
    """The org:Post a person holds in an organisation under a title."""
    return URIRef(f"{ID_BASE}post/{_digest(person, organization, role)}")
